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
 * gives null; a bad base never blanks an absolute link. Longer than URL_MAX_CHARS, as given or as resolved (percent-
 * encoded), gives null. Never throws.
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
  // The limit holds for the URL as written too, percent-encoded (a link of spaces doubles): canonicalUrl, which
  // reads this again, would otherwise refuse what the parser kept.
  return u.href.length > URL_MAX_CHARS ? null : u.href;
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

/**
 * Query parameters that only mark a campaign, read for the same-page key (samePageKey) only: they stay in the
 * canonical URL, so no stored article's id changes (an id is the hash of its canonical URL). Each with its source:
 * - `at_*`: Piano Analytics (formerly AT Internet) campaign parameters; its "Marketing campaigns" documentation
 *   (developers.atinternet-solutions.com/piano-analytics/data-collection/how-to-send-events/marketing-campaigns)
 *   names at_medium and at_campaign as the mandatory pair and at_* as custom campaign fields. BBC News feeds add
 *   `?at_medium=RSS&at_campaign=KARANGA` to every link, and its pages are the same without them.
 * - `xtor`: AT Internet's legacy campaign parameter, which the same page names as the format at_* replaces (Le Monde
 *   and France Info feed links carry `?xtor=RSS-…`; ClearURLs' rules strip it for diepresse.com and europe1.fr).
 * - `traffic_source` (Al Jazeera: `?traffic_source=rss`), `ns_mchannel`, `ns_campaign` (comScore's campaign pair) and
 *   `ito` (the Daily Mail: `?ns_mchannel=rss&ns_campaign=1490&ito=1490`): carried with one value by every link of
 *   those outlets' feeds in the 7-day stream of ../shared/data (stream-2023-11-13_19), so they name the feed, not the
 *   article. An operator's takedown of Al Jazeera's address without it had matched nothing (an operator trial's).
 * Matched case-insensitively, as TRACKING_PARAMS. So are the feed markers of FEED_MARKER, each on every link of its
 * feed in that stream: CBC's `cmp=rss`, Engadget's `src=rss`, TVN24's `source=rss`, ePoznań's `rss=1`.
 */
export const CAMPAIGN_PARAM_PREFIXES: readonly string[] = ['at_'];
export const CAMPAIGN_PARAMS: ReadonlySet<string> = new Set(['xtor', 'traffic_source', 'ns_mchannel', 'ns_campaign', 'ito']);

/**
 * A query pair that only says the link came from a feed: a key that names where a visit came from (`cmp`, `src`,
 * `source`, `ref`, `from`) with a feed's value (`rss`, `rss_feed`, `rssfeed`, `feed`), or `rss=1` (see above). Not any
 * key with such a value: `?slug=rss` or `?title=Feed` names a page (a hostile pass's blog had two articles made one).
 */
const FEED_MARKER = /^(?:(?:cmp|src|source|ref|from)=(?:rss|rss_feed|rssfeed|feed)|rss=1)$/i;

/**
 * Query parameters that ask for a page's AMP form, dropped for the same-page key: `amp` (empty or `1`; the AMP plugin
 * for WordPress serves a post's AMP version at `?amp=1`, and at `?amp` in its transitional mode: amp-wp wiki and
 * ampproject/amp-wp#1148) and `outputType=amp` (Arc XP's AMP output, used by washingtonpost.com, inquirer.com and
 * biz.chosun.com links).
 */
function isAmpParam(pair: string): boolean {
  const [key, value] = pair.split('=', 2) as [string, string | undefined];
  const k = key.toLowerCase();
  if (k === 'amp') return value === undefined || value === '' || value === '1';
  return k === 'outputtype' && value?.toLowerCase() === 'amp';
}

function isCampaignParam(pair: string): boolean {
  const key = pair.split('=', 1)[0]!.toLowerCase();
  return CAMPAIGN_PARAMS.has(key) || CAMPAIGN_PARAM_PREFIXES.some((p) => key.startsWith(p)) || FEED_MARKER.test(pair);
}

/**
 * The key under which two links of one outlet name the same page, looser than canonicalUrl; used only to find a stored
 * article under a changed link (storedAs, src/core/feed/normalise-article.ts), never as an id. From a canonical URL
 * (`https://www.news.test/a1/amp/?at_medium=RSS&x=1`), it drops:
 * - the scheme: an outlet that moved to https (or a feed that still says http) serves the same page on both;
 * - a leading `www.` or `amp.` of a host that has a dot after it (the AMP plugin for WordPress offers an `amp.` subdomain for its paired
 *   AMP URLs, and amp.theguardian.com / amp.cnn.com served their AMP pages so);
 * - an AMP path ending `/amp` or `/amp/` (the AMP plugin for WordPress's `/amp/` endpoint), then a trailing slash
 *   (`/a1/` and `/a1` are one page on the servers outlets run: WordPress redirects one to the other);
 * - tracking and campaign parameters (TRACKING_PARAMS, `utm_*`, CAMPAIGN_PARAMS, CAMPAIGN_PARAM_PREFIXES, a feed's own
 *   marker such as `cmp=rss`) and AMP
 *   parameters (`?amp`, `?amp=1`, `?outputType=amp`); the other parameters keep their order.
 * → `news.test/a1?x=1`. Host case and the default port are already folded by canonicalUrl. A URL that does not parse
 * is its own key. Never throws.
 */
export function samePageKey(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url;
  }
  const host = u.host.replace(/^(?:www|amp)\.(?=[^.]+\.)/, '');
  let path = u.pathname.replace(/\/amp\/?$/, '');
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  if (path === '/') path = '';
  const query = u.search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '' && !isTrackingParam(pair.split('=', 1)[0]!) && !isCampaignParam(pair) && !isAmpParam(pair));
  return host + path + (query.length ? '?' + query.join('&') : '');
}
