/**
 * Settings shared by the pipeline and the Astro build, read from the environment so one value drives both.
 *
 * - PARALLAX_CONTENT_DIR: the content directory (default "content"); the demo uses ".demo/content".
 * - PARALLAX_SITE: the deployed origin, e.g. https://example.github.io (default http://localhost:4321).
 * - PARALLAX_BASE: the path the site is served under, e.g. /parallax/ for a GitHub Pages project site (default /).
 * - PARALLAX_PUBLISHER_IMAGES: "1" shows each article's image from its publisher (lazy-loaded, no referrer). Off by
 *   default: every image is a request to a third party, which then learns who reads what.
 * - PARALLAX_SITE_NAME: the instance's name, shown in the header, every <title>, og:site_name, the JSON-LD publisher
 *   and the feeds' titles (default "Parallax"; siteName).
 * - PARALLAX_TIME_ZONE: the IANA time zone the pages show dates and times in, e.g. Europe/Warsaw (default UTC;
 *   siteTimeZone). Machine-readable times (datetime attributes, JSON-LD, feed dates) stay UTC ISO-8601.
 * - PARALLAX_PARTITION: set by the build (src/build/freeze.ts) to "YYYY-MM" when Astro renders one frozen archive
 *   month: the story collection is then <content>/archive/<month>/ and only that month's pages are emitted. Unset:
 *   the hourly "live" build of <content>/stories/ (active stories) and every list page.
 * - PARALLAX_ONLY_IDS: with PARALLAX_PARTITION, a comma-separated list of story ids: only those story files are
 *   loaded and rendered (an editor's override re-renders the touched stories, not the month); empty: none (the
 *   month's lists only).
 */
import path from 'node:path';

export const DEFAULT_CONTENT_DIR = 'content';

/** The origin the site's absolute links name when PARALLAX_SITE is not set (astro.config.mjs has the same default). */
export const DEFAULT_SITE = 'http://localhost:4321';

/** The site's origin: PARALLAX_SITE, else DEFAULT_SITE. */
export function siteOrigin(env: NodeJS.ProcessEnv = process.env): string {
  return env.PARALLAX_SITE || DEFAULT_SITE;
}

/**
 * What is wrong with PARALLAX_SITE, or null when it is unset or an origin: it must be an absolute http(s) URL
 * (Astro's `site`), and a path in it is not used (the feeds and sitemap name the origin; PARALLAX_BASE is the path).
 */
export function siteOriginProblem(env: NodeJS.ProcessEnv = process.env): string | null {
  const value = env.PARALLAX_SITE;
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `PARALLAX_SITE must be an absolute http(s) URL such as https://news.example.org (got "${value}")`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `PARALLAX_SITE must be an http(s) URL (got "${value}")`;
  if (url.pathname !== '/' || url.search || url.hash) {
    return `PARALLAX_SITE must be an origin without a path (got "${value}"); for a site served under ${url.pathname}, set PARALLAX_SITE=${url.origin} PARALLAX_BASE=${url.pathname.replace(/\/?$/, '/')}`;
  }
  return null;
}

/** Absolute path of the content directory the build reads (from PARALLAX_CONTENT_DIR, relative to cwd). */
export function contentDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.PARALLAX_CONTENT_DIR || DEFAULT_CONTENT_DIR);
}

/** Whether article images from publishers are shown (PARALLAX_PUBLISHER_IMAGES=1); off by default. */
export function showPublisherImages(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.PARALLAX_PUBLISHER_IMAGES === '1';
}

/** The instance's name when PARALLAX_SITE_NAME is not set: the software's. */
export const DEFAULT_SITE_NAME = 'Parallax';

/**
 * The instance's name: PARALLAX_SITE_NAME with control characters removed and whitespace runs (line breaks
 * included) as one space, trimmed; DEFAULT_SITE_NAME when that leaves nothing. Plain text: each output escapes it
 * (Astro for HTML, the feed writers for XML and JSON, jsonLdText for JSON-LD).
 */
export function siteName(env: NodeJS.ProcessEnv = process.env): string {
  const name = (env.PARALLAX_SITE_NAME ?? '').replace(/[\p{Cc}\uFFFE\uFFFF]+/gu, ' ').replace(/\s+/g, ' ').trim();
  return name || DEFAULT_SITE_NAME;
}

/** The time zone the pages show times in when PARALLAX_TIME_ZONE is not set. */
export const DEFAULT_TIME_ZONE = 'UTC';

/** Resolved zone (or null: no time zone) by PARALLAX_TIME_ZONE's trimmed value: pages format thousands of times. */
const resolvedZones = new Map<string, string | null>();

function resolveZone(value: string): string | null {
  let zone = resolvedZones.get(value);
  if (zone === undefined) {
    try {
      zone = new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
    } catch {
      zone = null;
    }
    resolvedZones.set(value, zone);
  }
  return zone;
}

/**
 * What is wrong with PARALLAX_TIME_ZONE, or null when it is unset (or blank) or a time zone: a name that ECMA-402's
 * Intl.DateTimeFormat accepts (IANA names, case-insensitively, and their aliases such as "UTC" or "Etc/UTC"). A bare
 * UTC offset ("+02:00") is refused: Node 20's Intl does not take one, and a fixed offset has no daylight-saving
 * rule; "Etc/GMT-2" is UTC+2 all year (POSIX sign).
 */
export function timeZoneProblem(env: NodeJS.ProcessEnv = process.env): string | null {
  const value = env.PARALLAX_TIME_ZONE?.trim();
  if (!value || resolveZone(value) !== null) return null;
  return `PARALLAX_TIME_ZONE must be an IANA time zone name such as Europe/Warsaw, America/New_York or UTC (got "${env.PARALLAX_TIME_ZONE}")`;
}

/**
 * The time zone the pages show dates and times in: PARALLAX_TIME_ZONE as Intl resolves it ("europe/warsaw" →
 * "Europe/Warsaw", "Etc/UTC" → "UTC"), else DEFAULT_TIME_ZONE. Throws timeZoneProblem's message for a name that is
 * no time zone (the build checks it before it starts: src/cli/build.ts).
 */
export function siteTimeZone(env: NodeJS.ProcessEnv = process.env): string {
  const value = env.PARALLAX_TIME_ZONE?.trim();
  if (!value) return DEFAULT_TIME_ZONE;
  const zone = resolveZone(value);
  if (zone === null) throw new Error(timeZoneProblem(env)!);
  return zone;
}

const MONTH = /^\d{4}-(?:0[1-9]|1[0-2])$/;

/** The archive month this Astro build renders ("YYYY-MM"), or undefined for the live build; throws on a malformed value. */
export function partitionMonth(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const m = env.PARALLAX_PARTITION;
  if (!m) return undefined;
  if (!MONTH.test(m)) throw new Error(`PARALLAX_PARTITION must be YYYY-MM, got ${JSON.stringify(m)}`);
  return m;
}

/** The story ids a partition build is limited to (PARALLAX_ONLY_IDS), or undefined for all of them. */
export function onlyIds(env: NodeJS.ProcessEnv = process.env): Set<string> | undefined {
  const v = env.PARALLAX_ONLY_IDS;
  return v === undefined ? undefined : new Set(v.split(',').filter(Boolean));
}

/** Where the story files of this build live: <content>/archive/<month>/ for a partition, else <content>/stories/. */
export function storiesDir(env: NodeJS.ProcessEnv = process.env): string {
  const month = partitionMonth(env);
  return month ? path.join(contentDir(env), 'archive', month) : path.join(contentDir(env), 'stories');
}
