/**
 * Internal links that honour the base path the site is served under (e.g. /parallax/ on a GitHub Pages project
 * site). Every internal link in the site goes through `href()`.
 */

/** Join a base path ("/", "/repo", "/repo/") and a site path ("story/abc/", "/rss.xml") into one absolute path. */
export function joinBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  const p = path.replace(/^\/+/, '');
  const prefix = b.startsWith('/') ? b : `/${b}`;
  return `${prefix}${p}`;
}

/** Absolute path of an internal page under the configured base (import.meta.env.BASE_URL). */
export function href(path: string): string {
  return joinBase(import.meta.env.BASE_URL ?? '/', path);
}

/** Path of a story page: the opaque id is the address (a slug may be appended later, cosmetically). */
export function storyPath(id: string): string {
  return `story/${id}/`;
}

/** Path of a source page. */
export function sourcePath(id: string): string {
  return `source/${id}/`;
}

/**
 * A page's own path as its links write it: pages are directories, so it ends in "/" (Astro gives the home page of a
 * site under PARALLAX_BASE=/parallax as "/parallax"); a file's path ("/rss.xml") is kept.
 */
export function pagePath(pathname: string): string {
  const last = pathname.slice(pathname.lastIndexOf('/') + 1);
  return pathname.endsWith('/') || last.includes('.') ? pathname : `${pathname}/`;
}

/** Absolute URL of a page (canonical link, og:url) on `site`, ending in "/" like every internal link to it. */
export function pageUrl(pathname: string, site: URL | string): string {
  return new URL(pagePath(pathname), site).href;
}

/**
 * `url` when it is an absolute http(s) URL without a user name or password, else undefined: the one test a link from
 * the registry (a homepage, a feed, a rater's or an owner's page) passes before a page puts it in an href, so that a
 * `javascript:` or `data:` URL or a password in an unchecked registry is never a live link (`sources check` refuses
 * both: unsupported_url_scheme, url_with_credentials).
 */
export function externalHref(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && !u.username && !u.password ? url : undefined;
  } catch {
    return undefined;
  }
}
