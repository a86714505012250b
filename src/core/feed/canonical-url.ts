/**
 * URL resolution and canonicalisation for article links (WHATWG URL Standard via Node's `URL`).
 */

/**
 * Query parameters that only track the click and never select content; removed for the dedupe key.
 * `utm_*` is matched as a prefix. Policy: README rule 5 (utm_*, fbclid, gclid, mc_cid, mc_eid) plus the
 * equivalents of other ad platforms.
 */
export const TRACKING_PARAMS: ReadonlySet<string> = new Set([
  'fbclid', 'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'ttclid', 'igshid',
  'mc_cid', 'mc_eid', '_hsenc', '_hsmi', 'mkt_tok', 'oly_anon_id', 'oly_enc_id', 'vero_id', 'wt_mc', 'cmpid',
]);

/**
 * The longest link read, in UTF-16 code units: RFC 9110 §4.1 recommends that senders and recipients support URIs of
 * at least 8,000 octets; longer ones are refused by common servers and cut by browsers and link shorteners.
 */
export const URL_MAX_CHARS = 8192;

/**
 * Resolve `href` against `base` (RFC 3986 §5.2, as the WHATWG URL parser does it) and return the absolute URL if its
 * scheme is http or https, else null. A protocol-relative `//host/path` with no usable base is read as https.
 * Surrounding whitespace is trimmed. A `base` that is not an absolute URL ("notaurl", "news/feed.xml") is no base:
 * an absolute `href` still resolves (RFC 3986 §5.2.2: a reference with a scheme ignores the base), a relative one
 * gives null; a bad base never blanks an absolute link. Longer than URL_MAX_CHARS gives null. Never throws.
 */
export function resolveHttpUrl(href: string | null | undefined, base?: string | null): string | null {
  if (href == null) return null;
  const h = href.trim();
  if (h === '' || h.length > URL_MAX_CHARS) return null;
  const absolute = ABSOLUTE_HTTP.test(h);
  // without a base only an absolute http(s) or protocol-relative URL can resolve: refuse the rest without
  // constructing a URL (a thrown TypeError per relative image src is the costliest path of a feed)
  if (!base && !absolute) return null;
  let u = base ? parseUrl(h, base) : null;
  // no base, or one the URL parser refused (then only an absolute href can resolve)
  if (u === null && absolute) u = parseUrl(h.startsWith('//') ? 'https:' + h : h);
  if (u === null) return null;
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  if (!u.hostname) return null;
  return u.href;
}

/** `new URL(href, base)`, or null where it would throw. */
function parseUrl(href: string, base?: string): URL | null {
  try {
    return new URL(href, base);
  } catch {
    return null;
  }
}

/** An absolute http(s) URL (the WHATWG parser also accepts backslashes and stray whitespace after the scheme). */
const ABSOLUTE_HTTP = /^(?:https?:|\/\/|\\\\)/i;

function isTrackingParam(rawKey: string): boolean {
  let key = rawKey;
  if (key.indexOf('%') !== -1 || key.indexOf('+') !== -1) {
    try {
      key = decodeURIComponent(key.replace(/\+/g, ' '));
    } catch {
      /* keep raw */
    }
  }
  key = key.toLowerCase();
  return key.startsWith('utm_') || TRACKING_PARAMS.has(key);
}

/**
 * The canonical form of an article URL, used as the dedupe key: resolved against `base`, http(s) only,
 * host lower-cased and default port dropped (by the WHATWG URL parser), fragment removed, tracking parameters
 * (`utm_*`, fbclid, gclid, mc_cid, mc_eid, ... see {@link TRACKING_PARAMS}) removed. The remaining query is kept
 * byte-for-byte in its original order.
 *
 * @returns the canonical URL, or null when the input is not an http(s) URL or cannot be parsed. Never throws.
 */
export function canonicalUrl(url: string, base?: string): string | null {
  const abs = resolveHttpUrl(url, base);
  if (abs === null) return null;
  // fast path: nothing to remove (resolveHttpUrl already gave the WHATWG-serialised href)
  if (abs.indexOf('?') === -1 && abs.indexOf('#') === -1) return abs;
  const u = new URL(abs);
  u.hash = '';
  if (u.search.length > 1) {
    const kept = u.search
      .slice(1)
      .split('&')
      .filter((pair) => pair !== '' && !isTrackingParam(pair.split('=', 1)[0]!));
    u.search = kept.length ? '?' + kept.join('&') : '';
  }
  let out = u.href;
  if (out.endsWith('?')) out = out.slice(0, -1);
  return out;
}
