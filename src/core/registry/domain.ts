/**
 * Domains of sources and feeds: how the registry matches a rating table's row, an ownership record or a new feed to
 * a source. Pure; no public-suffix list is bundled, so the registrable domain is a documented heuristic (below).
 */
import { AGGREGATOR_DOMAINS, FEED_HOST_DOMAINS, PATH_TENANT_HOSTS, SUBDOMAIN_TENANT_HOSTS } from '../config';
import { canonicalUrl } from '../feed/canonical-url';
import type { Source } from '../schema/source';

/**
 * Second-level labels under a country-code TLD that are registries, not sites ("bbc.co.uk", "abc.net.au",
 * "folha.com.br"): under them the registrable domain has three labels.
 */
const SECOND_LEVEL = new Set(['co', 'com', 'net', 'org', 'gov', 'ac', 'edu', 'or', 'ne', 'go', 'gob', 'gv', 'nic', 'mil', 'ltd', 'plc', 'sch', 'nhs', 'info', 'biz', 'nom', 'web', 'gen', 'in', 'nsw', 'vic', 'qld']);

const PLATFORMS: ReadonlySet<string> = new Set(SUBDOMAIN_TENANT_HOSTS);

/** Lower-case host of an http(s) URL without a leading "www.", or null. A bare "host/path" is read as https. */
export function hostOf(url: string): string | null {
  const t = url.trim();
  let u: URL;
  try {
    u = new URL(/^[a-z][a-z0-9+.-]*:/i.test(t) ? t : `https://${t}`);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  const host = u.hostname.toLowerCase().replace(/\.$/, '').replace(/^www\d?\./, '');
  return host || null;
}

/**
 * The registrable domain of a host: its last two labels, or three under a ccTLD's registry label (co.uk, com.au,
 * …) or on a hosting platform where each subdomain is a site (substack.com, blogspot.com, …). IP addresses and
 * single labels come back unchanged.
 */
export function registrableDomain(host: string): string {
  const h = host.toLowerCase().replace(/^www\d?\./, '');
  if (/^[\d.]+$/.test(h) || h.includes(':')) return h;
  const labels = h.split('.');
  if (labels.length <= 2) return h;
  const last2 = labels.slice(-2).join('.');
  if (PLATFORMS.has(last2)) return labels.slice(-3).join('.');
  if (labels.at(-1)!.length === 2 && SECOND_LEVEL.has(labels.at(-2)!)) return labels.slice(-3).join('.');
  return last2;
}

/** Leading labels that name a feed server, not a site: "rss.nytimes.com" is nytimes.com's feed server. */
const FEED_LABELS = new Set(['www', 'rss', 'rss2', 'rssfeeds', 'feeds', 'feed', 'xml', 'atom', 'syndication', 'm', 'mobile']);

/**
 * The site a host serves: the host without leading feed-server labels (rss., feeds., www., …), never shorter than
 * its registrable domain. "rss.nytimes.com" → "nytimes.com", "timesofindia.indiatimes.com" stays (it is one site of
 * a domain that holds several).
 */
export function siteHost(host: string): string {
  const min = registrableDomain(host).split('.').length;
  const labels = host.toLowerCase().split('.');
  while (labels.length > min && FEED_LABELS.has(labels[0]!)) labels.shift();
  return labels.join('.');
}

/** True when `host` is `domain` or a subdomain of it. */
export function hostMatches(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

/** The aggregator entry (AGGREGATOR_DOMAINS) a URL's host falls under, or null. */
export function aggregatorOf(url: string): string | null {
  const host = hostOf(url);
  if (!host) return null;
  return AGGREGATOR_DOMAINS.find((d) => hostMatches(host, d)) ?? null;
}

/** True when a URL is on a feed-hosting service (FEED_HOST_DOMAINS). */
export function isFeedHost(url: string): boolean {
  const host = hostOf(url);
  return host !== null && FEED_HOST_DOMAINS.some((d) => hostMatches(host, d));
}

/**
 * Path segments that name a feed or a kind of page, never an outlet: passed over when looking for the outlet's
 * segment ("medium.com/feed/@c" → "@c", "youtube.com/channel/UC1" → "uc1").
 */
const NON_TENANT_SEGMENTS = new Set(['feed', 'feeds', 'rss', 'atom', 'channel', 'user', 'c']);

/**
 * The outlet part of a URL's path on a host that serves many outlets, as written: its first segment that is not a
 * feed or page word (NON_TENANT_SEGMENTS); when that is a file name ("videos.xml") and the URL has a query, the first
 * query value instead (`inQuery`: "youtube.com/feeds/videos.xml?channel_id=UC1" → "UC1", as its channel page
 * "youtube.com/channel/UC1"). "" when there is none.
 */
function tenantPart(u: URL): { tenant: string; inQuery: boolean } {
  const segment = u.pathname.split('/').filter(Boolean).find((s) => !NON_TENANT_SEGMENTS.has(s.toLowerCase())) ?? '';
  const first = [...u.searchParams.values()][0];
  return segment.includes('.') && first ? { tenant: first, inQuery: true } : { tenant: segment, inQuery: false };
}

/** An http(s) URL, a bare "host/path" read as https; null when it does not parse. */
function parseWebUrl(url: string): URL | null {
  const t = url.trim();
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:/i.test(t) ? t : `https://${t}`);
  } catch {
    return null;
  }
}

/**
 * The key that names an outlet from any of its URLs (a feed, or its site's page such as an OPML outline's htmlUrl):
 * the aggregator entry for aggregator URLs (all of Google News is one aggregator); host + the outlet's path segment
 * (tenantPart, lower-cased) on a feed-hosting service (FEED_HOST_DOMAINS) or a host whose outlets are paths (medium.com/@c);
 * else the site host (siteHost: feed-server labels dropped, so rss.nytimes.com and nytimes.com are one source
 * while the Times of India and the Economic Times, two sites under indiatimes.com, stay two). Null for a URL that
 * is not http(s).
 */
export function sourceKeyOf(url: string): string | null {
  const host = hostOf(url);
  if (!host) return null;
  const agg = aggregatorOf(url);
  if (agg) return agg;
  if (hasTenants(url, host)) {
    const u = parseWebUrl(url);
    const tenant = u ? tenantPart(u).tenant.toLowerCase() : '';
    return tenant ? `${host}/${tenant}` : host;
  }
  return siteHost(host);
}

/** True when outlets on `url`'s host are told apart by their path: a feed-hosting service or a PATH_TENANT_HOSTS host. */
function hasTenants(url: string, host: string): boolean {
  return isFeedHost(url) || PATH_TENANT_HOSTS.includes(host);
}

/** YouTube's feed query keys and the page each names (https://www.youtube.com/feeds/videos.xml?channel_id=…). */
const YOUTUBE_FEED_PAGES: Readonly<Record<string, string>> = { channel_id: 'channel/', user: 'user/', playlist_id: 'playlist?list=' };

/**
 * A homepage for an outlet known only by a feed URL (an OPML outline without an htmlUrl): the aggregator's site for
 * an aggregator's feed; on a host whose outlets are paths, the host and the outlet's path segment as written (ids
 * such as YouTube's "UCx…" are case-sensitive), or, when the feed's query names the outlet, its YouTube page
 * (YOUTUBE_FEED_PAGES) or else the feed URL itself; else the
 * feed's scheme, site host (siteHost: "rss.nytimes.com" → "nytimes.com") and port. Null when `feedUrl` is not http(s).
 */
export function homepageOfFeed(feedUrl: string): string | null {
  const host = hostOf(feedUrl);
  const u = parseWebUrl(feedUrl);
  if (!host || !u) return null;
  const agg = aggregatorOf(feedUrl);
  if (agg) return `https://${agg}/`;
  const port = u.port ? `:${u.port}` : '';
  if (hasTenants(feedUrl, host)) {
    const { tenant, inQuery } = tenantPart(u);
    if (!inQuery) return `${u.protocol}//${u.hostname}${port}/${tenant}`;
    const page = host === 'youtube.com' ? YOUTUBE_FEED_PAGES[[...u.searchParams.keys()][0]!] : undefined;
    return page ? `https://www.youtube.com/${page}${encodeURIComponent(tenant)}` : u.href;
  }
  return `${u.protocol}//${siteHost(host)}${port}/`;
}

/**
 * The key of the outlet a feed belongs to (what groups feeds into one source): an aggregator feed's aggregator;
 * else the outlet's own site, `homepage` (an OPML outline's htmlUrl), when it is an http(s) URL, so that outlets
 * whose feeds share a host (a feed proxy, a local server) stay apart; else the feed URL's (sourceKeyOf). Null when
 * neither is usable. Every feed list import (OPML, Kite) groups feeds through this.
 */
export function outletKeyOf(feedUrl: string, homepage?: string | null): string | null {
  const agg = aggregatorOf(feedUrl);
  if (agg) return agg;
  return (homepage ? sourceKeyOf(homepage) : null) ?? sourceKeyOf(feedUrl);
}

/**
 * The key under which two feed URLs are the same feed: canonicalUrl (src/core/feed/canonical-url.ts: tracking
 * parameters and fragment dropped, host lower-cased), then scheme, a leading "www." and a trailing "/" ignored
 * (http://www.x.com/feed/ and https://x.com/feed are one feed). Null when the URL is not http(s).
 */
export function feedKey(url: string): string | null {
  const c = canonicalUrl(url.trim());
  if (c === null) return null;
  return c
    .replace(/^https?:\/\//, '')
    .replace(/^www\d?\./, '')
    .replace(/\/(?=\?|$)/, '');
}

/**
 * The source a URL's site belongs to: the one source whose homepage is on the URL's registrable domain, or undefined
 * when none or several are. Returns the lookup, indexed once over `sources`.
 */
export function siteOwners(sources: Iterable<Source>): (url: string) => Source | undefined {
  const byDomain = new Map<string, Source[]>();
  for (const s of sources) {
    const host = hostOf(s.homepage);
    if (!host) continue;
    const domain = registrableDomain(host);
    byDomain.set(domain, [...(byDomain.get(domain) ?? []), s]);
  }
  return (url) => {
    const host = hostOf(url);
    const owners = host ? byDomain.get(registrableDomain(host)) : undefined;
    return owners?.length === 1 ? owners[0] : undefined;
  };
}

/**
 * The source a feed's site (its channel link, `url`) belongs to: siteOwners' one source of the URL's registrable
 * domain; when several outlets share the domain (desks or editions: https://x.org/tokyo/, https://x.org/ny/,
 * https://x.org/), the one whose homepage is the longest prefix of `url` at a path-segment boundary (host compared
 * without "www.", scheme ignored), else undefined. A file linking https://x.org/tokyo/ is the Tokyo desk's, read
 * with its time zone and language, not the root outlet's. Only for a feed's site: an article URL under a root
 * outlet's homepage says nothing about which desk listed it.
 */
export function feedSiteOwner(sources: readonly Source[], url: string): Source | undefined {
  const one = siteOwners(sources)(url);
  if (one) return one;
  const host = hostOf(url);
  if (!host) return undefined;
  const domain = registrableDomain(host);
  const key = (u: string): string | null => {
    const k = feedKey(u);
    return k === null ? null : k.replace(/[?#].*$/, '').replace(/\/*$/, '/');
  };
  const at = key(url);
  if (at === null) return undefined;
  let best: Source | undefined;
  let bestLength = -1;
  let tie = false;
  for (const s of sources) {
    const h = hostOf(s.homepage);
    const home = h && registrableDomain(h) === domain ? key(s.homepage) : null;
    if (home === null || !at.startsWith(home)) continue;
    if (home.length > bestLength) [best, bestLength, tie] = [s, home.length, false];
    else if (home.length === bestLength) tie = true;
  }
  return tie ? undefined : best;
}
