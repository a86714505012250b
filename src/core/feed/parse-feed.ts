/**
 * Feed parsing: bytes in, normalised items out. Pure (no fs, no network, no clock: `now` is an option).
 *
 * Formats: RSS 0.9x/2.0 (RSS 2.0 spec, rssboard.org), RSS 1.0 / RDF (items are siblings of channel),
 * Atom 1.0 (RFC 4287) and Atom 0.3, JSON Feed 1.0/1.1 (jsonfeed.org/version/1.1).
 * Namespaces: dc, dcterms, content, media (Media RSS), atom, feedburner, itunes, rdf — matched by namespace URI,
 * whatever prefix the document declares on its root element.
 *
 * Security (README rule 2): any `<!ENTITY` declaration in a DOCTYPE is rejected before parsing
 * (SYSTEM/PUBLIC → `external_entity_rejected`, otherwise `entity_expansion_rejected`); input above `maxBytes`
 * is rejected (`too_large`); the XML scanner (src/core/feed/scan-xml.ts) never processes entities (they are decoded
 * by us, standard XML ones and character references only, then HTML entities once in text fields).
 */
import { AUTHOR_MAX_CHARS, CATEGORIES_MAX, CATEGORY_MAX_CHARS, FEED_MAX_BYTES, SUMMARY_MAX_CHARS, TITLE_MAX_CHARS } from '../config';
import { URL_MAX_CHARS, canonicalUrl, resolveHttpUrl } from './canonical-url.js';
import { collapseWhitespace, decodeHtmlEntities, decodeXmlEntities, htmlToText, innerXmlToHtml, innerXmlToText, printable, standInTitle, truncateText } from './clean-text.js';
import { decodeFeed, describeGuess, type DecodedFeed } from './decode-feed.js';
import { parseDate } from './parse-date.js';
import { XmlSyntaxError, scanXml } from './scan-xml.js';
import sanitizeHtml from 'sanitize-html';
import { gunzipSync } from 'node:zlib';

/** A problem found while parsing. `kind` is snake_case and stable; `message` is for humans. */
export interface FeedError {
  /** e.g. 'not_a_feed', 'xml_malformed', 'json_malformed', 'external_entity_rejected',
   * 'entity_expansion_rejected', 'too_large', 'too_many_items', 'xml_truncated', 'encoding_repaired', 'item_invalid',
   * 'item_date_unreadable' (a warning: the item is kept, undated), 'item_link_unusable' (a warning: the item's link
   * element holds no usable http(s) URL; the item is kept without a link) */
  kind: string;
  /** for humans: items are numbered from 1 ("item 1" is the feed's first), as normaliseItems' messages number them */
  message: string;
  /** character offset in the decoded text, or the 0-based item index for item-level errors; null if unknown */
  position?: number | null;
  /** the feed it concerns: `ParseOptions.url` when given (so a run's log names the feed), else absent */
  feed?: string;
}

/** One normalised feed item. All strings are plain text or absolute URLs; missing values are null. */
export interface ParsedItem {
  /**
   * plain text, whitespace collapsed, at most TITLE_MAX_CHARS: an Atom type="text" (or untyped) title literally
   * (RFC 4287 §3.1.1.1: "Why the <blink> tag died"); an HTML title (RSS, Atom type="html", JSON Feed) with entities
   * decoded once and only HTML elements' tags stripped (script/style content dropped), so "AT&T and <Verizon> merge?"
   * stays whole. May hold "<" and "&": escape it at every output.
   */
  title: string | null;
  /**
   * absolute http(s) article URL; feedburner:origLink preferred. A relative one is resolved by the format's rule (see
   * "THE BASE FOR RELATIVE LINKS", after withBase): RSS/RDF xml:base chain, else the channel's site link, else
   * the feed URL; Atom xml:base chain, else the feed URL, else its alternate link; JSON Feed home_page_url, else
   * feed_url, else the feed URL
   */
  link: string | null;
  /** `link` with tracking parameters and fragment removed, host lower-cased (see canonicalUrl) */
  canonicalUrl: string | null;
  /** identity key as given (RSS guid, RDF rdf:about, Atom id, JSON Feed id); not necessarily a URL */
  guid: string | null;
  /** UTC 'YYYY-MM-DDTHH:MM:SSZ'; null when missing, unparseable or more than 24 h after `now` */
  published: string | null;
  /** plain text of description/summary, falling back to content:encoded/content (Atom plain-text ones literally) */
  summary: string | null;
  /** at most AUTHOR_MAX_CHARS characters */
  author: string | null;
  /** absolute http(s) image URL: media:content (image) / media:thumbnail (also in media:group) / enclosure
   * image/* / itunes:image / first <img> of the content */
  image: string | null;
  /** category labels in document order, de-duplicated: the first CATEGORIES_MAX, each at most CATEGORY_MAX_CHARS */
  categories: string[];
  /**
   * 0-based place among the feed's items, as item errors' `position` (items dropped before it, 'item_invalid',
   * count), so a later message about the item numbers it as the feed does; absent: its place in `items`.
   */
  position?: number;
  /**
   * Only with `ParseOptions.contentHtml`: the item's HTML (content:encoded / Atom content / JSON Feed content_html,
   * else the description), sanitised with sanitize-html to {@link CONTENT_ALLOWED_TAGS}; safe to insert into a page.
   */
  contentHtml?: string | null;
}

/** The result of parseFeed. `format` is null when the input was rejected or is not a feed. */
export interface ParsedFeed {
  format: 'rss' | 'rdf' | 'atom' | 'json' | null;
  feed: { title: string | null; link: string | null; language: string | null };
  items: ParsedItem[];
  errors: FeedError[];
}

/** Options for parseFeed. */
export interface ParseOptions {
  /**
   * The URL the feed was fetched from: the last base for relative links (RSS after the xml:base chain and the
   * channel's site link, Atom after xml:base, JSON Feed after home_page_url and feed_url; see "THE BASE FOR RELATIVE
   * LINKS"). Only an absolute http(s) URL serves as a base; anything else is ignored for resolution (it still names
   * the feed in `errors[].feed`).
   */
  url?: string;
  /** HTTP Content-Type header value (its charset is used for decoding) */
  contentType?: string;
  /**
   * The source's language (BCP 47, e.g. the registry's 'ru'): only to guess the charset of a feed that declares none
   * and is not UTF-8, when the feed names no language itself (decodeFeed, legacyCharsetFor); reported as
   * 'encoding_repaired'.
   */
  language?: string;
  /** the reference clock for rejecting future dates; without it no future check is made */
  now?: Date;
  /** byte cap (default FEED_MAX_BYTES, src/core/config.ts) */
  maxBytes?: number;
  /** item cap (default {@link DEFAULT_MAX_ITEMS}); items beyond it are dropped with a 'too_many_items' error */
  maxItems?: number;
  /**
   * The source's time zone for dates written without one (ISO 8601 zone-less, RFC 822 without a zone): an IANA name
   * ('Europe/Berlin', daylight saving applied per date) or a fixed offset ('+05:30', '-0800'). Default UTC.
   */
  timeZone?: string;
  /** Also return each item's HTML, sanitised for display, as `contentHtml` (costs a sanitize-html pass per item). */
  contentHtml?: boolean;
  /** wall-clock budget for one feed in ms (default {@link DEFAULT_MAX_PARSE_MS}); items past it are dropped, named */
  maxParseMs?: number;
  /**
   * A monotonic clock in ms (e.g. `performance.now`) that enables the time budget. The core reads no clock of its
   * own: without one there is no budget and the result depends on the bytes alone (reproducible runs on captured
   * feeds); the live fetcher passes one, since a hostile feed on the web must not stall a run.
   */
  timer?: () => number;
}

/** Most items read from one feed: news feeds carry 10–300, podcast archives a few thousand. */
export const DEFAULT_MAX_ITEMS = 5000;
/**
 * Time budget for one feed's items: the largest real feed (a 4 MB podcast archive) takes under 100 ms; 2 s bounds
 * what a hostile feed can cost a run (each step is linear, so this only trips on a starved machine or huge input).
 */
export const DEFAULT_MAX_PARSE_MS = 2000;

/** Tags kept in `contentHtml` (everything else is unwrapped to its text; script/style dropped with content). */
export const CONTENT_ALLOWED_TAGS: readonly string[] = [
  'a', 'abbr', 'b', 'blockquote', 'br', 'caption', 'cite', 'code', 'dd', 'del', 'dl', 'dt', 'em', 'figcaption',
  'figure', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'li', 'mark', 'ol', 'p', 'pre', 'q', 's', 'small',
  'strong', 'sub', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'u', 'ul',
];

/**
 * Sanitise feed HTML for display: the {@link CONTENT_ALLOWED_TAGS} allow-list, http(s)/mailto links only (images
 * http(s) only), no event handlers or styles, links made `rel="noopener noreferrer nofollow"`.
 */
export function sanitizeContentHtml(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: [...CONTENT_ALLOWED_TAGS],
    allowedAttributes: { a: ['href', 'title', 'rel'], img: ['src', 'alt', 'title', 'width', 'height'], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan', 'scope'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['http', 'https'] },
    allowProtocolRelative: false,
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'iframe', 'object', 'svg', 'math'],
    transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow' }) },
  }).trim();
}

/** Escape plain text for HTML (JSON Feed content_text shown as contentHtml). */
function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '<br>');
}

/** Elements whose raw inner markup we take (HTML may be inside: Atom text constructs, RSS description...). */
const TEXT_ELEMENTS = [
  'title', 'description', 'summary', 'content', 'subtitle', 'tagline', 'content:encoded', 'media:description',
  'media:title', 'itunes:summary', 'dc:description', 'dc:title',
];

const RAW_ELEMENTS: ReadonlySet<string> = new Set(TEXT_ELEMENTS);

/** Namespace URIs (normalised: lower-case, no trailing slash or '#') to our canonical prefixes. */
const NAMESPACES: Record<string, string> = {
  'http://purl.org/dc/elements/1.1': 'dc',
  'http://purl.org/dc/terms': 'dcterms',
  'http://purl.org/rss/1.0/modules/content': 'content',
  'http://search.yahoo.com/mrss': 'media',
  'http://www.w3.org/2005/atom': 'atom',
  'http://purl.org/atom/ns': 'atom',
  'http://rssnamespace.org/feedburner/ext/1.0': 'feedburner',
  'http://www.itunes.com/dtds/podcast-1.0.dtd': 'itunes',
  'http://www.w3.org/1999/02/22-rdf-syntax-ns': 'rdf',
};

type Node = Record<string, unknown>;

/** Maps canonical prefixes to the prefix this document uses (from xmlns:* on the root). */
class Names {
  private readonly map = new Map<string, string>();
  constructor(root: Node | undefined) {
    if (!root || typeof root !== 'object') return;
    for (const key of Object.keys(root)) {
      if (!key.startsWith('@_xmlns:')) continue;
      const uri = String(root[key]).trim().toLowerCase().replace(/[/#]+$/, '');
      const canonical = NAMESPACES[uri];
      if (canonical) this.map.set(canonical, key.slice(8));
    }
  }
  /** Element key for canonical `prefix:local` in this document. */
  key(prefix: string, local: string): string {
    return (this.map.get(prefix) ?? prefix) + ':' + local;
  }
  /** Value of `prefix:local` on node, trying the document's prefix then the canonical one. */
  get(node: Node, prefix: string, local: string): unknown {
    const k = this.key(prefix, local);
    const v = node[k];
    if (v !== undefined) return v;
    return k === prefix + ':' + local ? undefined : node[prefix + ':' + local];
  }
}

function arr(x: unknown): unknown[] {
  if (x === undefined || x === null) return [];
  return Array.isArray(x) ? x : [x];
}

function first(x: unknown): unknown {
  return Array.isArray(x) ? x[0] : x;
}

/** Raw text of a parsed element (leaf string, or '#text' of an element with attributes). */
function rawText(x: unknown): string {
  if (typeof x === 'string') return x;
  if (typeof x === 'number' || typeof x === 'boolean') return String(x);
  if (x && typeof x === 'object' && !Array.isArray(x)) {
    const t = (x as Node)['#text'];
    if (typeof t === 'string' || typeof t === 'number') return String(t);
    return deepText(x as Node);
  }
  return '';
}

/** Concatenated text of a parsed subtree (for text elements whose prefix escaped the stop-node list). */
function deepText(node: Node, depth = 0): string {
  if (depth > 20) return '';
  const parts: string[] = [];
  for (const [k, v] of Object.entries(node)) {
    if (k.startsWith('@_')) continue;
    for (const c of arr(v)) {
      if (typeof c === 'string' || typeof c === 'number') parts.push(String(c));
      else if (c && typeof c === 'object') parts.push(deepText(c as Node, depth + 1));
    }
  }
  return parts.join(' ');
}

/** Plain text of a simple element (link, guid, date, name): XML-decoded, whitespace collapsed; null if empty. */
function plain(x: unknown): string | null {
  const s = collapseWhitespace(decodeXmlEntities(rawText(first(x))));
  return s === '' ? null : s;
}

function attr(x: unknown, name: string): string | null {
  if (!x || typeof x !== 'object' || Array.isArray(x)) return null;
  const v = (x as Node)['@_' + name];
  if (v === undefined || v === null) return null;
  const s = decodeXmlEntities(String(v)).trim();
  return s === '' ? null : s;
}

/** Is this text construct markup (Atom type="xhtml", or Atom 0.3 mode="xml")? */
function isXhtml(x: unknown): boolean {
  const type = attr(x, 'type')?.toLowerCase();
  return type === 'xhtml' || type === 'application/xhtml+xml' || attr(x, 'mode') === 'xml';
}

/**
 * How a text element's content is read. 'html': as markup, the way RSS carries titles and descriptions
 * (entity-encoded or CDATA HTML; RSS 2.0 and the RSS Advisory Board's profile). 'atom': by the element's `type`
 * (RFC 4287 §3.1.1, also atom:content §4.1.3): "text" or no type is plain text, "html" escaped HTML, "xhtml" XHTML
 * markup; Atom 0.3's MIME types likewise ("text/html" HTML, mode="xml" markup, anything else text).
 */
type TextKind = 'html' | 'atom';

/** Whether an Atom text construct (or atom:content) is plain text: type "text", absent, or not an HTML/XHTML type. */
function isAtomPlainText(x: unknown): boolean {
  if (isXhtml(x)) return false;
  const type = attr(x, 'type')?.toLowerCase();
  return type !== 'html' && type !== 'text/html';
}

/**
 * HTML of a text element (stop node raw markup → HTML), or null. An Atom plain-text construct becomes its text
 * escaped as HTML, so every reader of the HTML (plain text, first image, sanitised content) sees text, not markup:
 * RFC 4287 §3.1.1.1, "&lt;blink&gt;" there is the text "<blink>", never a tag. One departure from the letter of
 * the RFC: HTML character references left in the text after XML decoding are decoded once, because generators put
 * them there meaning characters (Blogger's type="text" summaries carry "&amp;nbsp;" and "&amp;amp;"; a Jekyll
 * feed's untyped title "Re&colon; ..."; both in the 2026-02-18 capture), far more often than a text means the
 * characters "&nbsp;" literally. Tags are never read in such text.
 */
function htmlOf(x: unknown, limit = Infinity, kind: TextKind = 'html'): string | null {
  const v = first(x);
  if (v === undefined || v === null) return null;
  const raw = rawText(v);
  if (raw === '') return null;
  const bounded = raw.length > limit ? boundedRaw(raw, limit) : raw;
  if (kind === 'atom' && isAtomPlainText(v)) return escapeText(decodeHtmlEntities(innerXmlToText(bounded)));
  return innerXmlToHtml(bounded, isXhtml(v));
}

/**
 * Raw markup read for a summary and the first image: the full article is never needed for either, so huge
 * descriptions and contents are cut (at a tag end) before decoding. 16k characters of escaped markup hold far
 * more than SUMMARY_MAX_CHARS of text and the lead image.
 */
const RAW_SCAN_CHARS = 16384;

function boundedRaw(raw: string, limit: number): string {
  const gt = Math.max(raw.lastIndexOf('>', limit), raw.lastIndexOf('&gt;', limit) + 3);
  return raw.slice(0, gt > limit / 2 ? gt + 1 : limit);
}

/**
 * Plain text of a title (an item's or a feed's). Atom plain-text titles are literal (see htmlOf). HTML titles (RSS,
 * Atom type="html") lose only real markup: tags of HTML elements, comments, script/style with their content; a
 * "<Verizon>" that names no HTML element is text (clean-text.ts, StripOptions.htmlElementsOnly). XHTML titles are
 * markup throughout, so every tag goes.
 */
function titleOf(x: unknown, kind: TextKind = 'html'): string | null {
  const html = htmlOf(x, Infinity, kind);
  return html === null ? null : htmlToText(html, { htmlElementsOnly: !isXhtml(first(x)) });
}

/** HTML read for a capped summary: markup is dense, so several times the text cap (bounds work on huge content). */
const SUMMARY_SCAN_CHARS = SUMMARY_MAX_CHARS * 8;


/**
 * WordPress's default feed footer, "The post <title> appeared first on <site>." (wp-includes, the_content_feed
 * filters of common SEO plugins), at the end of an item's text: boilerplate, not the article's summary.
 */
const FEED_FOOTER = /\s*\bThe post \S.{0,400}? appeared first on [\w.&'-]+(?: [\w.&'-]+){0,4}\.?\s*$/s;

/** `text` without a trailing feed footer (FEED_FOOTER); null when nothing else is left. */
export function withoutFeedFooter(text: string | null): string | null {
  if (text === null) return null;
  const cut = text.replace(FEED_FOOTER, '');
  return cut.length ? cut : null;
}

/** Plain-text summary of an HTML fragment, at most SUMMARY_MAX_CHARS (only a bounded prefix of huge HTML is read). */
function summaryOf(html: string | null): string | null {
  if (html === null) return null;
  let h = html;
  if (h.length > SUMMARY_SCAN_CHARS) {
    const gt = h.lastIndexOf('>', SUMMARY_SCAN_CHARS);
    h = h.slice(0, gt > SUMMARY_SCAN_CHARS / 2 ? gt + 1 : SUMMARY_SCAN_CHARS);
  }
  const text = withoutFeedFooter(htmlToText(h));
  return text === null ? null : truncateText(text, SUMMARY_MAX_CHARS);
}

/** Raw markup read first for a summary: usually enough for SUMMARY_MAX_CHARS of text, at a quarter of the cost. */
const RAW_FIRST_CHARS = 4096;

/**
 * A long HTML text field (description, content, summary) read lazily and only as far as needed: the summary and the
 * first image come from its first RAW_FIRST_CHARS, and from up to RAW_SCAN_CHARS only when that prefix gave too
 * little text or no image. The result is the same as reading the first RAW_SCAN_CHARS at once.
 */
class HtmlField {
  private small: string | null | undefined;
  private large: string | null | undefined;
  private readonly rawLength: number;
  constructor(private readonly node: unknown, private readonly kind: TextKind = 'html') {
    this.rawLength = node === undefined || node === null ? 0 : rawText(first(node)).length;
  }
  get present(): boolean {
    return this.rawLength > 0;
  }
  private html(big: boolean): string | null {
    if (!big || this.rawLength <= RAW_FIRST_CHARS) return this.small === undefined ? (this.small = htmlOf(this.node, RAW_FIRST_CHARS, this.kind)) : this.small;
    return this.large === undefined ? (this.large = htmlOf(this.node, RAW_SCAN_CHARS, this.kind)) : this.large;
  }
  summary(): string | null {
    if (!this.present) return null;
    const text = withoutFeedFooter(htmlToText(this.html(false) ?? ''));
    // the prefix holds more text than the cap: the cap's first characters are final
    if (this.rawLength <= RAW_FIRST_CHARS || (text !== null && text.length > SUMMARY_MAX_CHARS)) {
      return text === null ? null : truncateText(text, SUMMARY_MAX_CHARS);
    }
    return summaryOf(this.html(true));
  }
  image(base: string | undefined): string | null {
    if (!this.present || !mayHoldImage(this.node)) return null;
    return firstImageInHtml(this.html(false), base) ?? (this.rawLength > RAW_FIRST_CHARS ? firstImageInHtml(this.html(true), base) : null);
  }
}

/** Could this raw element text hold an <img> (escaped or not)? A cheap test before decoding a whole content. */
function mayHoldImage(x: unknown): boolean {
  const full = rawText(first(x));
  const raw = full.length > RAW_SCAN_CHARS ? full.slice(0, RAW_SCAN_CHARS) : full;
  return raw.indexOf('img') !== -1 || raw.indexOf('IMG') !== -1;
}

/**
 * Base URL for a node: its xml:base resolved against the parent's base (XML Base §4.2, RFC 3986 §5.2), or `parent`
 * when it has none or it does not resolve (a relative xml:base with no parent base).
 */
function withBase(node: unknown, parent: string | undefined): string | undefined {
  const b = attr(node, 'xml:base');
  if (!b) return parent;
  try {
    return parent ? new URL(b, parent).href : new URL(b).href;
  } catch {
    return parent;
  }
}

/** Whether a node carries an xml:base attribute. */
function hasXmlBase(node: unknown): boolean {
  return attr(node, 'xml:base') !== null;
}

/*
 * THE BASE FOR RELATIVE LINKS (item links, images, links in content), one rule per format. RFC 3986 §5.1 puts the
 * base of a reference in its nearest enclosing context first and the retrieval URL last; each format says which
 * context it has:
 *
 * - RSS 0.9x/2.0 and RSS 1.0 (RDF): the xml:base chain (root, channel, item) when the document declares one (a
 *   relative xml:base resolved against the feed URL, else the site); else the channel's <link>, when it is an
 *   absolute http(s) URL (the site); else the feed URL. The RSS 2.0 spec makes every link a full URL
 *   ("The URL of the item", rssboard.org/rss-specification), so a relative one is an error that readers repair
 *   against the site the channel names: the feed URL can be a CDN, a feed proxy or a mirror (FeedBurner,
 *   127.0.0.1:8931 in a test), where the article is not, and a captured file has no URL at all.
 * - Atom (RFC 4287 §2, xml:base): the xml:base chain (feed, entry, link), then the feed URL, as the RFC says; only
 *   when there is neither does the feed's alternate link (its site) serve.
 * - JSON Feed 1.1 (jsonfeed.org/version/1.1): home_page_url ("the URL of the resource that the feed describes", the
 *   site), else feed_url (the feed's own URL, as the feed states it), else the URL it was fetched from.
 *
 * The feed URL (ParseOptions.url) counts only when it is an absolute http(s) URL (see feedUrlOf), so a bad one can
 * never blank an absolute link.
 *
 * An <img> inside an RSS item's HTML (the image of last resort) resolves against the xml:base chain or the feed URL
 * only, never the guessed site: an image is optional, and a guess that is wrong shows a broken or foreign picture
 * where none would do (../shared/cases B23: a hostile item's <img src="x" onerror=…> in a feed read without a URL
 * gives no image).
 */

/** ParseOptions.url when it is an absolute http(s) URL (the only kind that can be a base), else undefined. */
function feedUrlOf(options: ParseOptions): string | undefined {
  return resolveHttpUrl(options.url) ?? undefined;
}

/** The RSS channel's site: its first <link> that is an absolute http(s) URL by itself, or undefined. */
function rssSite(channel: Node): string | undefined {
  for (const l of arr(channel['link'])) {
    const site = resolveHttpUrl(plain(l));
    if (site) return site;
  }
  return undefined;
}

const IMAGE_EXT = /\.(?:jpe?g|png|gif|webp|avif|bmp|svg)(?:[?#]|$)/i;
const NON_IMAGE_EXT = /\.(?:mp3|m4a|mp4|m4v|mov|ogg|oga|ogv|webm|wav|aac|pdf|flac|opus)(?:[?#]|$)/i;

/** An <img> whose declared width or height is at most this many pixels is an icon or a tracking pixel, not a picture. */
const MIN_IMAGE_SIDE = 48;

/**
 * Images that are never the article's picture: author avatars (Gravatar, GitHub), emoji, share buttons and badges,
 * tracking pixels and feed-proxy furniture. Matched on the URL, whatever element carried it.
 */
const DECORATIVE_IMAGE =
  /gravatar\.com\/avatar|avatars\d*\.githubusercontent\.com|\/emoji\/|smilies|smileys|twemoji|addtoany\.com|\/(?:share|social)[-_]?(?:icons?|buttons?)\/|\/buttons?\/(?:share|facebook|twitter|email|linkedin|reddit|pinterest|whatsapp)|img\.shields\.io|feeds\.feedburner\.com\/~|feedsportal\.com|pixel\.wp\.com|stats\.wp\.com|\/wp-includes\/images\/|doubleclick\.net|\/(?:share|sharing)[-_](?:facebook|twitter|email|linkedin|reddit|button)/i;

/** Resolve an image URL (http(s) only) and refuse decorative images; null when unusable. */
function imageUrl(href: string | null | undefined, base: string | undefined): string | null {
  const r = resolveHttpUrl(href, base);
  return r !== null && DECORATIVE_IMAGE.test(r) ? null : r;
}

/** URL of the first image-like media:content / media:thumbnail in a node (and its media:group children). */
function mediaImage(node: Node, n: Names, base: string | undefined): string | null {
  for (const mc of arr(n.get(node, 'media', 'content'))) {
    const url = attr(mc, 'url');
    if (!url) continue;
    const medium = attr(mc, 'medium')?.toLowerCase();
    const type = attr(mc, 'type')?.toLowerCase();
    const ok = medium === 'image' || type?.startsWith('image/') || (!medium && !type && !NON_IMAGE_EXT.test(url));
    if (ok) {
      const r = imageUrl(url, base);
      if (r) return r;
    }
    // a video's thumbnail nested inside media:content
    if (mc && typeof mc === 'object') {
      const inner = mediaThumb(mc as Node, n, base);
      if (inner) return inner;
    }
  }
  const thumb = mediaThumb(node, n, base);
  if (thumb) return thumb;
  for (const g of arr(n.get(node, 'media', 'group'))) {
    if (g && typeof g === 'object') {
      const r = mediaImage(g as Node, n, base);
      if (r) return r;
    }
  }
  return null;
}

function mediaThumb(node: Node, n: Names, base: string | undefined): string | null {
  for (const t of arr(n.get(node, 'media', 'thumbnail'))) {
    const r = imageUrl(attr(t, 'url'), base);
    if (r) return r;
  }
  return null;
}

/** The first `<img src>` of an HTML fragment that resolves to http(s), skipping 1×1 tracking pixels. */
export function firstImageInHtml(html: string | null, base: string | undefined): string | null {
  if (!html) return null;
  const re = /<img\b/gi;
  let m: RegExpExecArray | null;
  let tries = 0;
  while ((m = re.exec(html)) !== null && tries++ < 20) {
    const end = html.indexOf('>', m.index);
    if (end === -1) return null;
    const tag = html.slice(m.index, end);
    // tracking pixels and icons (share buttons, emoji) declare their tiny size
    const w = /\swidth\s*=\s*["']?(\d+)/i.exec(tag);
    const h = /\sheight\s*=\s*["']?(\d+)/i.exec(tag);
    if ((w && Number(w[1]) <= MIN_IMAGE_SIDE) || (h && Number(h[1]) <= MIN_IMAGE_SIDE)) continue;
    const src = /\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i.exec(tag);
    const value = src ? (src[1] ?? src[2] ?? src[3] ?? '') : '';
    const r = imageUrl(value.indexOf('&') === -1 ? value : decodeXmlEntities(value), base);
    if (r) return r;
  }
  return null;
}

function pushCategory(out: string[], seen: Set<string>, value: string | null): void {
  if (!value) return;
  const text = htmlToText(value);
  if (text && !seen.has(text)) {
    seen.add(text);
    out.push(text);
  }
}

/** "jo@example.com (Jo Smith)" → "Jo Smith" (RSS 2.0 author is an email address). */
function authorName(value: string | null): string | null {
  if (!value) return null;
  const text = htmlToText(value);
  if (!text) return null;
  const m = /^\S+@\S+\s*\((.+)\)$/.exec(text);
  return m?.[1] ? m[1].trim() : text;
}

/** Per-parse settings the item parsers need. */
interface Ctx {
  now: Date | undefined;
  zone: string | undefined;
  html: boolean;
}

function contextOf(options: ParseOptions): Ctx {
  return { now: options.now, zone: options.timeZone, html: options.contentHtml === true };
}

/** An item as the format parsers give it: `contentHtml` is the unsanitised HTML of the content (or description). */
type RawItem = Omit<ParsedItem, 'canonicalUrl' | 'contentHtml'> & {
  contentHtml: string | null;
  /** The item's date text when it is no usable date whatever the clock (unreadable, or a placeholder such as year
   * 0001): reported by finish as a warning. */
  unreadableDate: string | null;
  /** When the item has no link: why its link element's text gave none (linkProblem), for a warning by finish. */
  linkProblem: string | null;
};

/**
 * Why a link element's text `href` gives no http(s) URL against `base`, as the end of a sentence ("is 102,400
 * characters long, over the 8,192-character limit", "("javascript:alert(1)") is not an http(s) URL", or relative with no
 * base to resolve it against); null when the
 * text is missing or empty (no link to report). Called only for an item left without a link.
 */
function linkProblem(href: string | null | undefined, base?: string): string | null {
  const h = href?.trim() ?? '';
  if (h === '') return null;
  const over = `over the ${URL_MAX_CHARS.toLocaleString('en')}-character limit`;
  if (h.length > URL_MAX_CHARS) return `is ${h.length.toLocaleString('en')} characters long, ${over}`;
  // Within the limit as written, over it as a URL: spaces and other characters percent-encoded (resolveHttpUrl
  // measures both; a hostile pass's link of 8,124 characters was 16,222, and had been named only "no http(s) link").
  const written = urlHref(h, base);
  if (written !== null && written.length > URL_MAX_CHARS && /^https?:/i.test(written)) return `is ${written.length.toLocaleString('en')} characters long once percent-encoded, ${over}`;
  const quoted = `("${printable(h.slice(0, 60))}${h.length > 60 ? '…' : ''}")`;
  // RFC 3986 §3.1: a scheme is a letter, then letters, digits, "+", "-" or "."; without one the link is relative
  return /^[a-z][a-z0-9+.-]*:/i.test(h) ? `${quoted} is not an http(s) URL` : `${quoted} is relative and the feed gives no base URL to resolve it against`;
}

/** `href` as the URL parser writes it against `base`, or null when it does not parse. */
function urlHref(href: string, base: string | undefined): string | null {
  try {
    return new URL(href, base).href;
  } catch {
    return null;
  }
}

/**
 * An item's `published` (parseDate: null when missing, unreadable or over 24 h ahead of `ctx.now`) and, when the
 * text could not be read as a date whatever the clock, that text, so the item is not undated without a word.
 */
function itemDate(raw: string | null | undefined, ctx: Ctx): { published: string | null; unreadableDate: string | null } {
  const published = parseDate(raw, ctx.now, ctx.zone);
  const text = raw?.trim() ?? '';
  return { published, unreadableDate: published === null && text !== '' && parseDate(text, undefined, ctx.zone) === null ? text.slice(0, 60) : null };
}

/** Shared finishing step: canonical URL and validation. Returns null (and records an error) when invalid. */
function finish(item: RawItem, index: number, errors: FeedError[], ctx: Ctx): ParsedItem | null {
  let title = item.title === null || item.title.trim() === '' ? null : truncateText(item.title, TITLE_MAX_CHARS);
  // RSS 2.0: "at least one of title or description must be present"; a description-only item is valid, so its
  // summary's start names it (an untitled item with a link too: readers and feeds need a name to show for it)
  if (title === null && item.summary !== null && item.summary.trim() !== '') title = standInTitle(item.summary);
  if (title === null && item.link === null) {
    errors.push({ kind: 'item_invalid', message: `item ${index + 1} has no title, no http(s) link and no text`, position: index });
    return null;
  }
  if (item.link === null && item.linkProblem !== null) {
    errors.push({ kind: 'item_link_unusable', message: `item ${index + 1} ("${(title ?? '').slice(0, 60)}") has a link that ${item.linkProblem}`, position: index });
  }
  if (item.unreadableDate !== null) {
    errors.push({ kind: 'item_date_unreadable', message: `item ${index + 1} ("${(title ?? '').slice(0, 60)}") has no usable date ("${item.unreadableDate}"); it is treated as undated`, position: index });
  }
  // fixed key order (the interface's), so serialised output is stable
  const out: ParsedItem = {
    title,
    link: item.link,
    canonicalUrl: item.link ? canonicalUrl(item.link) : null,
    guid: item.guid,
    published: item.published,
    summary: item.summary,
    author: item.author === null ? null : truncateText(item.author, AUTHOR_MAX_CHARS),
    image: item.image,
    categories: [...new Set(item.categories.slice(0, CATEGORIES_MAX).map((c) => truncateText(c, CATEGORY_MAX_CHARS)))],
    position: index,
  };
  if (ctx.html) out.contentHtml = item.contentHtml === null ? null : sanitizeContentHtml(item.contentHtml);
  return out;
}

/** Run one item's field parsers; an unexpected failure costs that item (reported), never the feed. */
function guarded(parse: () => RawItem, index: number, errors: FeedError[], ctx: Ctx): ParsedItem | null {
  let raw: RawItem;
  try {
    raw = parse();
  } catch (err) {
    errors.push({ kind: 'item_invalid', message: `item ${index + 1} could not be read: ${String((err as Error)?.message).slice(0, 200)}`, position: index });
    return null;
  }
  return finish(raw, index, errors, ctx);
}

// ---------------------------------------------------------------------------------------------- RSS / RDF

/**
 * One RSS / RDF item; `itemBase` is its base for relative links, by "THE BASE FOR RELATIVE LINKS" (after withBase);
 * `htmlBase` the base for an <img> in its HTML, the same without the site guess (see there).
 */
function parseRssItem(it: Node, n: Names, itemBase: string | undefined, ctx: Ctx, htmlBase: string | undefined): RawItem {
  const guidNode = first(it['guid']);
  const guid = plain(guidNode) ?? attr(it, n.key('rdf', 'about')) ?? attr(it, 'rdf:about');
  let link = resolveHttpUrl(plain(n.get(it, 'feedburner', 'origLink')), itemBase);
  if (!link) {
    for (const l of arr(it['link'])) {
      link = resolveHttpUrl(plain(l) ?? attr(l, 'href'), itemBase);
      if (link) break;
    }
  }
  if (!link) link = atomLink(arr(n.get(it, 'atom', 'link')), itemBase);
  if (!link && guid && attr(guidNode, 'isPermaLink') !== 'false') link = resolveHttpUrl(guid, undefined);
  if (!link) link = resolveHttpUrl(attr(it, n.key('rdf', 'about')), itemBase);
  if (!link && guid) link = resolveHttpUrl(guid, undefined);
  const firstLink = first(it['link']);

  const dateRaw = rssDateRaw(it, n);

  // content:encoded is the whole article: read only as far as the summary or the image needs
  const contentNode = n.get(it, 'content', 'encoded');
  const content = new HtmlField(contentNode);
  const descNode = it['description'] ?? n.get(it, 'dc', 'description');
  const desc = new HtmlField(descNode);
  const summary =
    desc.summary() ??
    summaryOf(htmlOf(n.get(it, 'itunes', 'summary'), RAW_SCAN_CHARS)) ??
    content.summary() ??
    summaryOf(htmlOf(n.get(it, 'media', 'description'), RAW_SCAN_CHARS));

  let image = mediaImage(it, n, itemBase);
  if (!image) {
    for (const e of arr(it['enclosure'])) {
      const url = attr(e, 'url');
      const type = attr(e, 'type')?.toLowerCase();
      if (url && (type?.startsWith('image/') || (!type && IMAGE_EXT.test(url)))) {
        image = imageUrl(url, itemBase);
        if (image) break;
      }
    }
  }
  if (!image) image = imageUrl(attr(first(n.get(it, 'itunes', 'image')), 'href'), itemBase);
  if (!image) {
    // non-standard but common (CBS News): <image>URL</image> or <image><url>URL</url></image> inside <item>
    const img = first(it['image']);
    image = imageUrl(img && typeof img === 'object' ? plain((img as Node)['url']) : plain(img), itemBase);
  }
  if (!image) image = content.image(htmlBase) ?? desc.image(htmlBase);

  const categories: string[] = [];
  const seen = new Set<string>();
  for (const c of arr(it['category'])) pushCategory(categories, seen, plain(c));
  for (const c of arr(n.get(it, 'dc', 'subject'))) pushCategory(categories, seen, plain(c));

  return {
    title: titleOf(it['title']) ?? titleOf(n.get(it, 'dc', 'title')),
    contentHtml: ctx.html ? (contentNode !== undefined ? htmlOf(contentNode) : htmlOf(descNode)) : null,
    link,
    linkProblem: link ? null : linkProblem(plain(firstLink) ?? attr(firstLink, 'href'), itemBase),
    guid,
    ...itemDate(dateRaw, ctx),
    summary,
    author: authorName(plain(n.get(it, 'dc', 'creator')) ?? plain(it['author']) ?? plain(n.get(it, 'itunes', 'author'))),
    image,
    categories,
  };
}

// ---------------------------------------------------------------------------------------------- Atom

/** Pick the alternate HTML link (RFC 4287 §4.2.7.2: no rel means alternate) and resolve it. */
function atomLink(links: unknown[], base: string | undefined): string | null {
  let fallback: string | null = null;
  for (const l of links) {
    const rel = (attr(l, 'rel') ?? 'alternate').toLowerCase();
    if (rel !== 'alternate') continue;
    const href = attr(l, 'href') ?? plain(l);
    const r = resolveHttpUrl(href, withBase(l, base));
    if (!r) continue;
    const type = attr(l, 'type')?.toLowerCase();
    if (!type || type === 'text/html' || type === 'application/xhtml+xml') return r;
    fallback ??= r;
  }
  return fallback;
}

function parseAtomEntry(e: Node, n: Names, base: string | undefined, ctx: Ctx): RawItem {
  const entryBase = withBase(e, base);
  const links = arr(e['link']);
  const link =
    resolveHttpUrl(plain(n.get(e, 'feedburner', 'origLink')), entryBase) ?? atomLink(links, entryBase) ??
    resolveHttpUrl(plain(e['id']), undefined);
  const contentNode = first(e['content']);
  const hasContent = contentNode !== undefined && !attr(contentNode, 'src');
  const content = new HtmlField(hasContent ? contentNode : undefined, 'atom');
  const summaryField = new HtmlField(e['summary'], 'atom');
  const dateRaw = atomDateRaw(e, n);

  let image = mediaImage(e, n, entryBase);
  if (!image) {
    for (const l of links) {
      if (attr(l, 'rel') === 'enclosure' && attr(l, 'type')?.toLowerCase().startsWith('image/')) {
        image = imageUrl(attr(l, 'href'), withBase(l, entryBase));
        if (image) break;
      }
    }
  }
  if (!image) {
    image = content.image(withBase(contentNode, entryBase)) ?? summaryField.image(entryBase);
  }

  const categories: string[] = [];
  const seen = new Set<string>();
  for (const c of arr(e['category'])) pushCategory(categories, seen, attr(c, 'label') ?? attr(c, 'term') ?? plain(c));
  for (const c of arr(n.get(e, 'dc', 'subject'))) pushCategory(categories, seen, plain(c));

  const authors = arr(e['author']).map((a) => (a && typeof a === 'object' ? plain((a as Node)['name']) : plain(a)));
  return {
    title: titleOf(e['title'], 'atom'),
    contentHtml: ctx.html ? (hasContent ? htmlOf(contentNode, Infinity, 'atom') : htmlOf(e['summary'], Infinity, 'atom')) : null,
    link,
    linkProblem: link ? null : linkProblem(attr(links.find((l) => (attr(l, 'rel') ?? 'alternate').toLowerCase() === 'alternate'), 'href'), entryBase),
    guid: plain(e['id']),
    ...itemDate(dateRaw, ctx),
    summary: summaryField.summary() ?? content.summary() ?? summaryOf(htmlOf(n.get(e, 'media', 'description'), RAW_SCAN_CHARS)),
    author: authorName(authors.find((a) => a) ?? plain(n.get(e, 'dc', 'creator'))),
    image,
    categories,
  };
}

// ---------------------------------------------------------------------------------------------- JSON Feed

function str(x: unknown): string | null {
  return typeof x === 'string' && x.trim() !== '' ? x : null;
}

function parseJsonFeed(text: string, opts: ParseOptions, maxItems: number): ParsedFeed {
  const ctx = contextOf(opts);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    return reject('json_malformed', `JSON Feed is not valid JSON: ${(err as Error).message}`);
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return reject('not_a_feed', 'JSON document is not an object');
  const d = doc as Node;
  const version = str(d['version']);
  if (!Array.isArray(d['items']) || (version !== null && !version.includes('jsonfeed.org'))) {
    return reject('not_a_feed', 'JSON document is not a JSON Feed (no jsonfeed.org version or no items array)');
  }
  // THE BASE FOR RELATIVE LINKS: home_page_url (the site), else feed_url, else the URL fetched
  const base = resolveHttpUrl(str(d['home_page_url'])) ?? resolveHttpUrl(str(d['feed_url'])) ?? feedUrlOf(opts);
  const errors: FeedError[] = [];
  const items: ParsedItem[] = [];
  const raw = d['items'] as unknown[];
  const budget = timeBudget(opts);
  const cap = cappedItems(raw.length, maxItems, (i) => jsonDateRaw(raw[i]), ctx, 'items');
  raw.forEach((x, index) => {
    if (!cap.read(index) || budget.spent(index, errors)) return;
    if (!x || typeof x !== 'object') {
      errors.push({ kind: 'item_invalid', message: `item ${index + 1} is not an object`, position: index });
      return;
    }
    const it = x as Node;
    const contentHtml = str(it['content_html']);
    const authors = Array.isArray(it['authors']) ? it['authors'] : it['author'] ? [it['author']] : [];
    const author = authors.map((a) => (a && typeof a === 'object' ? str((a as Node)['name']) : null)).find((a) => a) ?? null;
    const categories: string[] = [];
    const seen = new Set<string>();
    if (Array.isArray(it['tags'])) for (const t of it['tags']) pushCategory(categories, seen, str(t));
    const id = it['id'];
    const link = resolveHttpUrl(str(it['url']), base) ?? resolveHttpUrl(str(it['external_url']), base);
    const item = finish(
      {
        title: str(it['title']) ? htmlToText(it['title'] as string, { htmlElementsOnly: true }) : null,
        contentHtml: contentHtml ?? (str(it['content_text']) ? escapeText(it['content_text'] as string) : null),
        link,
        linkProblem: link ? null : linkProblem(str(it['url']) ?? str(it['external_url']), base),
        guid: typeof id === 'string' ? id : typeof id === 'number' ? String(id) : null,
        ...itemDate(jsonDateRaw(it), ctx),
        summary:
          summaryOf(str(it['summary'])) ??
          summaryOf(contentHtml) ??
          (str(it['content_text']) ? truncateText(collapseWhitespace(it['content_text'] as string), SUMMARY_MAX_CHARS) || null : null),
        author: author ? htmlToText(author) : null,
        image:
          imageUrl(str(it['image']), base) ?? imageUrl(str(it['banner_image']), base) ??
          firstImageInHtml(contentHtml, base),
        categories,
      },
      index,
      errors,
      ctx,
    );
    if (item) items.push(item);
  });
  if (cap.warning) errors.push(cap.warning);
  return {
    format: 'json',
    feed: {
      title: str(d['title']) ? htmlToText(d['title'] as string, { htmlElementsOnly: true }) : null,
      link: resolveHttpUrl(str(d['home_page_url']), feedUrlOf(opts)),
      language: str(d['language']),
    },
    items,
    errors,
  };
}

// ---------------------------------------------------------------------------------------------- entry point

/** An RSS or RDF item's date as written: pubDate, else the Dublin Core, DCMI Terms and Atom dates feeds use instead. */
function rssDateRaw(it: Node, n: Names): string | null {
  return (
    plain(it['pubDate']) ?? plain(n.get(it, 'dc', 'date')) ?? plain(n.get(it, 'dcterms', 'issued')) ??
    plain(n.get(it, 'dcterms', 'created')) ?? plain(n.get(it, 'atom', 'published')) ??
    plain(n.get(it, 'dcterms', 'modified')) ?? plain(n.get(it, 'atom', 'updated')) ?? plain(it['pubdate'])
  );
}

/** An Atom entry's date as written: published (RFC 4287 §4.2.9), else the older names, else updated. */
function atomDateRaw(e: Node, n: Names): string | null {
  return plain(e['published']) ?? plain(e['issued']) ?? plain(e['created']) ?? plain(e['updated']) ?? plain(e['modified']) ?? plain(n.get(e, 'dc', 'date'));
}

/** A JSON Feed item's date as written (JSON Feed 1.1: date_published, else date_modified). */
function jsonDateRaw(it: unknown): string | null {
  if (!it || typeof it !== 'object') return null;
  const x = it as Node;
  return str(x['date_published']) ?? str(x['date_modified']);
}

/**
 * Which of a feed's `count` raw items are read under the item cap (`maxItems`), and the 'too_many_items' warning
 * when some are not: the `maxItems` newest by their dates (`dateAt(i)`: item i's date text, read as parseDate reads
 * it against `ctx`'s clock and zone, so a date over a day ahead counts as none), undated ones after every dated one,
 * ties in feed order; the first `maxItems` when no item has a date. RSS 2.0 gives items no order, and a feed over the
 * cap listing oldest first had kept only its oldest items, all outside the window (a hostile trial); one dated 1970
 * or 2062 at either end misled a guess from its two ends (a second). `noun`: "items" or "entries".
 */
function cappedItems(count: number, maxItems: number, dateAt: (i: number) => string | null, ctx: Ctx, noun: string): { read: (i: number) => boolean; warning: FeedError | null } {
  if (count <= maxItems) return { read: () => true, warning: null };
  const times = Array.from({ length: count }, (_, i) => {
    const date = parseDate(dateAt(i), ctx.now, ctx.zone);
    return date === null ? -Infinity : Date.parse(date);
  });
  if (!times.some((t) => t > -Infinity)) {
    return { read: (i) => i < maxItems, warning: { kind: 'too_many_items', message: `feed has ${count} ${noun}, none dated; kept the first ${maxItems}`, position: null } };
  }
  const kept = new Uint8Array(count);
  const order = Array.from({ length: count }, (_, i) => i).sort((a, b) => times[b]! - times[a]! || a - b);
  for (let k = 0; k < maxItems; k++) kept[order[k]!] = 1;
  return { read: (i) => kept[i] === 1, warning: { kind: 'too_many_items', message: `feed has ${count} ${noun}; kept the newest ${maxItems} by date`, position: null } };
}

/**
 * The per-feed time budget (ParseOptions.maxParseMs), checked every 32 items. Once spent, the remaining items are
 * dropped and one 'time_budget_exceeded' error names the first item not read. Each step is linear in the input, so
 * this trips only under extreme load; it keeps one feed from stalling a run.
 */
function timeBudget(options: ParseOptions): { spent(index: number, errors: FeedError[]): boolean } {
  const limit = options.maxParseMs ?? DEFAULT_MAX_PARSE_MS;
  const timer = options.timer;
  if (!timer) return { spent: () => false };
  const start = timer();
  let over = false;
  return {
    spent(index, errors) {
      if (over) return true;
      if ((index & 31) !== 31 || timer() - start <= limit) return false;
      over = true;
      errors.push({ kind: 'time_budget_exceeded', message: `parsing stopped after ${limit} ms at item ${index + 1}`, position: index });
      return true;
    },
  };
}

/**
 * The 'encoding_repaired' warning for what decodeFeed repaired, or null when nothing was: a single-byte label
 * overruled because the bytes are UTF-8 (`mislabelled`), a UTF-8 label (the HTTP one) overruled because they are not
 * and read in the prolog's charset (`encoding`), and/or bytes of text read as UTF-8 that were not UTF-8
 * (`repairedBytes`, read as windows-1252), under a UTF-8 label or BOM (`declared`) or none. A warning, not a failure
 * (src/core/state/feed-state.ts).
 */
function repairedError(repairedBytes: number, mislabelled: string | null, declared: boolean, encoding: string): FeedError | null {
  const strays = `${repairedBytes} byte(s) are not; they were read as windows-1252`;
  if (mislabelled !== null && encoding !== 'utf-8') {
    return { kind: 'encoding_repaired', message: `the feed says ${mislabelled} but its text is not UTF-8; it was read as ${encoding}, as its XML prolog declares`, position: null };
  }
  if (mislabelled !== null) {
    const rest = repairedBytes ? `, and ${strays}` : '';
    return { kind: 'encoding_repaired', message: `the feed says ${mislabelled} but its text is UTF-8; it was read as UTF-8${rest}`, position: null };
  }
  const says = declared ? 'the feed says UTF-8' : 'the feed names no charset (UTF-8, as XML defaults) and its text is mostly UTF-8,';
  return repairedBytes ? { kind: 'encoding_repaired', message: `${says} but ${strays}`, position: null } : null;
}

/**
 * The 'encoding_repaired' warning for a charset decodeFeed had to guess: nothing declared one (no BOM, HTTP charset or
 * prolog encoding), or only a UTF-8 label the bytes contradict (`mislabelled`), and the bytes are not UTF-8, which XML 1.0 (§4.3.3, Appendix F) makes the only charset of such a
 * document. The guess (the legacy charset of the language the feed names, or the source's, else windows-1252) is
 * named, since its letters may be wrong (windows-1251 text read as windows-1252 is "Âóëêàí"). A warning, not a
 * failure (src/core/state/feed-state.ts).
 */
function guessedError(decoded: DecodedFeed): FeedError {
  const says = decoded.mislabelled !== null ? `the feed says ${decoded.mislabelled} but its text is not UTF-8` : "the feed names no charset and its text is not UTF-8 (XML's default)";
  return {
    kind: 'encoding_repaired',
    message: `${says}; it was read as ${describeGuess(decoded)}: a guess, the feed should declare its charset`,
    position: null,
  };
}

function reject(kind: string, message: string, position: number | null = null): ParsedFeed {
  return { format: null, feed: { title: null, link: null, language: null }, items: [], errors: [{ kind, message, position }] };
}

/**
 * Reject DOCTYPE entity declarations before parsing (defence against XXE and billion-laughs / CVE-2026-26278;
 * feeds never need them). Returns an error, or null when the document has no `<!ENTITY` in a DOCTYPE.
 */
export function checkDoctype(text: string): FeedError | null {
  // Walk the prolog only (XML 1.0 §2.8: declaration, comments, PIs, whitespace, then at most one DOCTYPE):
  // linear in the prolog's length, not the document's.
  let i = 0;
  const n = text.length;
  let dt = -1;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff) {
      i++;
    } else if (text.startsWith('<?', i)) {
      const e = text.indexOf('?>', i + 2);
      if (e === -1) return null;
      i = e + 2;
    } else if (text.startsWith('<!--', i)) {
      const e = text.indexOf('-->', i + 4);
      if (e === -1) return null;
      i = e + 3;
    } else if (c === 60 && text.charCodeAt(i + 1) === 33 && text.slice(i + 2, i + 9).toUpperCase() === 'DOCTYPE') {
      dt = i;
      break;
    } else {
      break; // the root element (or junk): no DOCTYPE in the prolog
    }
  }
  // A DOCTYPE after the root is not XML; the scanner never processes entities, so it cannot expand
  // entities declared there either (tested). Text such as "<!ENTITY" inside CDATA is content, not a declaration.
  if (dt === -1) return null;
  // The DOCTYPE runs, at most, to the root element's start tag: the first '<' and a name character after it. Not to
  // the first ']': a ']' in a quoted default or a comment of the internal subset had ended it early, and an entity
  // declared after it was expanded by the OPML import (a hostile pass's). A '<' and a letter inside a quoted literal
  // ends it early instead: a longer search, never a shorter one, than the subset's own end.
  const root = /<[\p{L}_:]/u.exec(text.slice(dt + 2));
  const end = root ? dt + 2 + root.index : n;
  const subset = text.slice(dt, end);
  const ent = subset.indexOf('<!ENTITY');
  if (ent === -1) return null;
  let external = false;
  for (let k = ent; k !== -1; k = subset.indexOf('<!ENTITY', k + 8)) {
    if (/^<!ENTITY\s+(?:%\s+)?[^\s"'>]+\s+(?:SYSTEM|PUBLIC)\b/.test(subset.slice(k, k + 300))) external = true;
  }
  return external
    ? { kind: 'external_entity_rejected', message: 'DOCTYPE declares an external (SYSTEM/PUBLIC) entity; external entities are never resolved', position: dt + ent }
    : { kind: 'entity_expansion_rejected', message: 'DOCTYPE declares internal entities; entity declarations are not allowed in feeds', position: dt + ent };
}

/** The root element's key in the parsed document (first key that is not a declaration or comment). */
function rootKey(doc: Node): string | null {
  for (const k of Object.keys(doc)) if (!k.startsWith('?') && !k.startsWith('!') && !k.startsWith('#')) return k;
  return null;
}

/**
 * Parse feed bytes into a normalised feed.
 *
 * Decoding follows decodeFeed (BOM, HTTP charset, XML prolog, WHATWG label mapping). The format is detected from
 * the content (JSON object → JSON Feed; XML root `rss` / `*:RDF` / `feed`), not from the Content-Type.
 * Items that have neither a title nor an http(s) link are dropped with an 'item_invalid' error.
 *
 * @returns never throws on any input: a rejected feed gives `items: []`, `format: null` and an error naming
 *   the kind ('too_large', 'not_a_feed', 'xml_malformed', 'json_malformed', 'external_entity_rejected',
 *   'entity_expansion_rejected'). Output is deterministic for the same bytes and options.
 */
export function parseFeed(bytes: Uint8Array, options: ParseOptions = {}): ParsedFeed {
  let result: ParsedFeed;
  try {
    result = parseFeedUnsafe(bytes, options);
  } catch (err) {
    result = reject('internal_error', `unexpected failure: ${(err as Error)?.message ?? String(err)}`);
  }
  if (options.url !== undefined) for (const e of result.errors) e.feed = options.url;
  return result;
}

function parseFeedUnsafe(bytes: Uint8Array, options: ParseOptions): ParsedFeed {
  const maxBytes = options.maxBytes ?? FEED_MAX_BYTES;
  const maxItems = options.maxItems ?? DEFAULT_MAX_ITEMS;
  if (bytes.byteLength > maxBytes) {
    return reject('too_large', `feed is ${bytes.byteLength} bytes; the limit is ${maxBytes}`);
  }
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    // a gzip body saved as is (a server that gzips twice, or a .xml.gz file): inflate, within the byte cap
    let inflated: Uint8Array;
    try {
      inflated = gunzipSync(bytes, { maxOutputLength: maxBytes });
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code === 'ERR_BUFFER_TOO_LARGE' || /larger than|maxOutputLength/i.test(String((err as Error).message))) {
        return reject('too_large', `gzip input inflates past the limit of ${maxBytes} bytes`);
      }
      return reject('not_a_feed', `input is gzip-compressed but does not inflate: ${String((err as Error).message).slice(0, 100)}`);
    }
    return parseFeedUnsafe(inflated, options);
  }
  const decoded = decodeFeed(bytes, options.contentType, options.language);
  const { text, repairedBytes, mislabelled, source } = decoded;
  const repaired = source === 'fallback' ? guessedError(decoded) : repairedError(repairedBytes, mislabelled, source !== 'default', decoded.encoding);
  let start = 0;
  while (start < text.length && text.charCodeAt(start) <= 32) start++;
  if (start === text.length) return reject('not_a_feed', 'input is empty');
  if (text[start] === '{') return parseJsonFeed(text, options, maxItems);
  if (text[start] !== '<') return reject('not_a_feed', 'input is neither XML nor JSON');

  const dtError = checkDoctype(text);
  if (dtError) return { ...reject(dtError.kind, dtError.message), errors: [dtError] };

  let doc: Node;
  // An undeclared `rss:` prefix on every element (seen in the wild): read the names without it.
  // (the channel opens the document, so its first 16k characters tell)
  const head = text.length > 16384 ? text.slice(0, 16384) : text;
  const dropPrefix = head.indexOf('<rss:channel') !== -1 && head.indexOf('xmlns:rss') === -1 ? 'rss:' : undefined;
  // A document that ends inside open elements (a cut-off download) keeps the items before the cut, and says so.
  let truncated: FeedError | null = null;
  const onTruncated = (open: string[]): void => {
    // At most the outermost four and innermost two names: 800,000 unclosed elements had made a 10 MB message.
    const names = open.length > 6 ? [...open.slice(0, 4), '…', ...open.slice(-2)] : open;
    const shown = names.map((name) => (name === '…' ? name : `<${name}>`)).join(' ');
    truncated = { kind: 'xml_truncated', message: `the document ends inside ${open.length} open element(s) (${shown}): a cut-off download? Items before the cut are kept`, position: text.length };
  };
  try {
    doc = scanXml(text, { rawElements: RAW_ELEMENTS, dropPrefix, onTruncated });
  } catch (err) {
    if (err instanceof XmlSyntaxError) return reject('xml_malformed', `XML could not be parsed: ${err.message}`, err.position);
    throw err;
  }
  const rk = rootKey(doc);
  if (!rk) return reject('not_a_feed', 'no root element');
  const root = first(doc[rk]); // a repeated root element (concatenated documents): the first one
  const rootNode: Node = root && typeof root === 'object' && !Array.isArray(root) ? (root as Node) : {};
  const local = rk.slice(rk.indexOf(':') + 1);
  const n = new Names(rootNode);
  const feedUrl = feedUrlOf(options);
  const errors: FeedError[] = [...(repaired ? [repaired] : []), ...(truncated ? [truncated] : [])];
  const items: ParsedItem[] = [];
  const ctx = contextOf(options);

  if (local === 'rss' || local === 'RDF' || local === 'rdf') {
    const format = local === 'rss' ? 'rss' : 'rdf';
    const channel = (first(rootNode['channel']) ?? {}) as Node;
    const chanNode: Node = channel && typeof channel === 'object' ? channel : {};
    // THE BASE FOR RELATIVE LINKS: a declared xml:base chain, else the site (the channel's <link>), else the feed URL
    const site = rssSite(chanNode);
    const outer = feedUrl ?? site; // what a relative xml:base resolves against
    const declared = hasXmlBase(rootNode) || hasXmlBase(chanNode);
    const chanBase = declared ? withBase(chanNode, withBase(rootNode, outer)) : site ?? feedUrl;
    const itemBaseOf = (it: Node): string | undefined => (hasXmlBase(it) ? withBase(it, declared ? chanBase : outer) : chanBase);
    // An <img> in an item's HTML: the same base without the site guess (see THE BASE FOR RELATIVE LINKS).
    const htmlBaseOf = (it: Node): string | undefined => (declared || hasXmlBase(it) ? itemBaseOf(it) : feedUrl);
    // RDF puts its items beside the channel; some RSS puts them there too, or both there and inside it: all are read
    // (a hostile pass's RSS item beside a channel with items had been dropped without a word).
    const rawItems = [...arr(chanNode['item']), ...arr(rootNode['item'])];
    const budget = timeBudget(options);
    const cap = cappedItems(rawItems.length, maxItems, (i) => { const it = rawItems[i]; return it && typeof it === 'object' ? rssDateRaw(it as Node, n) : null; }, ctx, 'items');
    rawItems.forEach((it, index) => {
      if (!cap.read(index) || budget.spent(index, errors)) return;
      if (!it || typeof it !== 'object') {
        errors.push({ kind: 'item_invalid', message: `item ${index + 1} is empty`, position: index });
        return;
      }
      const node = it as Node;
      const item = guarded(() => parseRssItem(node, n, itemBaseOf(node), ctx, htmlBaseOf(node)), index, errors, ctx);
      if (item) items.push(item);
    });
    if (cap.warning) errors.push(cap.warning);
    // the channel's own link: against the xml:base chain and the feed URL only (it is the site itself)
    const chanLinkBase = withBase(chanNode, withBase(rootNode, feedUrl));
    let link: string | null = null;
    for (const l of arr(chanNode['link'])) {
      link = resolveHttpUrl(plain(l), chanLinkBase);
      if (link) break;
    }
    return {
      format,
      feed: {
        title: titleOf(chanNode['title']) ?? titleOf(n.get(chanNode, 'dc', 'title')),
        link,
        language: plain(chanNode['language']) ?? plain(n.get(chanNode, 'dc', 'language')) ?? attr(rootNode, 'xml:lang'),
      },
      items,
      errors,
    };
  }

  if (local === 'feed') {
    // THE BASE FOR RELATIVE LINKS: the xml:base chain, then the feed URL (RFC 4287 §2); with neither, the site
    const declaredBase = withBase(rootNode, feedUrl);
    const base = declaredBase ?? atomLink(arr(rootNode['link']), undefined) ?? undefined;
    const entries = arr(rootNode['entry']);
    const budget = timeBudget(options);
    const cap = cappedItems(entries.length, maxItems, (i) => { const e = entries[i]; return e && typeof e === 'object' ? atomDateRaw(e as Node, n) : null; }, ctx, 'entries');
    entries.forEach((e, index) => {
      if (!cap.read(index) || budget.spent(index, errors)) return;
      if (!e || typeof e !== 'object') {
        errors.push({ kind: 'item_invalid', message: `item ${index + 1} is empty`, position: index });
        return;
      }
      const item = guarded(() => parseAtomEntry(e as Node, n, base, ctx), index, errors, ctx);
      if (item) items.push(item);
    });
    if (cap.warning) errors.push(cap.warning);
    return {
      format: 'atom',
      feed: { title: titleOf(rootNode['title'], 'atom'), link: atomLink(arr(rootNode['link']), declaredBase), language: attr(rootNode, 'xml:lang') },
      items,
      errors,
    };
  }

  return reject('not_a_feed', `root element <${rk}> is not rss, rdf:RDF or feed`);
}
