/**
 * Domains of sources and feeds: how the registry matches a rating table's row, an ownership record or a new feed to
 * a source. Pure; no public-suffix list is bundled, so the registrable domain is a documented heuristic (below).
 */
import { AGGREGATOR_DOMAINS, FEED_HOST_DOMAINS } from '../config';
import { canonicalUrl } from '../feed/canonical-url';

/**
 * Second-level labels under a country-code TLD that are registries, not sites ("bbc.co.uk", "abc.net.au",
 * "folha.com.br"): under them the registrable domain has three labels.
 */
const SECOND_LEVEL = new Set(['co', 'com', 'net', 'org', 'gov', 'ac', 'edu', 'or', 'ne', 'go', 'gob', 'gv', 'nic', 'mil', 'ltd', 'plc', 'sch', 'nhs', 'info', 'biz', 'nom', 'web', 'gen', 'in', 'nsw', 'vic', 'qld']);

/** Hosting platforms where each subdomain is a different site ("someone.substack.com"). */
const PLATFORMS = new Set(['substack.com', 'blogspot.com', 'wordpress.com', 'medium.com', 'tumblr.com', 'github.io', 'ghost.io', 'typepad.com', 'livejournal.com', 'beehiiv.com', 'buttondown.email']);

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
 * The key that groups feeds into one source: the aggregator entry for aggregator feeds (all of Google News is one
 * aggregator), host + first path segment on a feed-hosting service, else the site host (siteHost: feed-server
 * labels dropped, so rss.nytimes.com and nytimes.com are one source while the Times of India and the Economic
 * Times, two sites under indiatimes.com, stay two). Null for a URL that is not http(s).
 */
export function sourceKeyOf(url: string): string | null {
  const host = hostOf(url);
  if (!host) return null;
  const agg = aggregatorOf(url);
  if (agg) return agg;
  if (isFeedHost(url)) {
    let first = '';
    try {
      first = new URL(/^[a-z][a-z0-9+.-]*:/i.test(url.trim()) ? url.trim() : `https://${url.trim()}`).pathname.split('/').filter(Boolean)[0] ?? '';
    } catch {
      first = '';
    }
    return first ? `${host}/${first.toLowerCase()}` : host;
  }
  return siteHost(host);
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
