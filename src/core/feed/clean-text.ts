/**
 * Text clean-up for feed fields: XML entity decoding, HTML-to-plain-text, control-character removal and
 * whitespace collapsing. Pure and linear-time (hand-written scanners, no backtracking regular expressions).
 *
 * Rules (from tests/fixtures/cases/README.md, rule 3): XML-decode, then HTML-entity-decode once, strip tags
 * (dropping script/style content), remove XML-illegal control characters, collapse whitespace.
 */
import { decodeHTML, decodeXML } from 'entities';
import { DERIVED_TITLE_MAX_CHARS } from '../config';

/**
 * Decode the XML predefined entities (`&amp; &lt; &gt; &quot; &apos;`) and numeric character references
 * (`&#39;`, `&#x2019;`) per XML 1.0 §4.1/§4.6. Unknown named entities are left as they are (an HTML decoding
 * step later handles `&nbsp;` and friends in text fields). Never throws.
 */
export function decodeXmlEntities(value: string): string {
  return value.indexOf('&') === -1 ? value : decodeEntities(value, false);
}

/** The most common named references in feeds, decoded without the full WHATWG table. */
const COMMON_HTML: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', rsquo: '\u2019', lsquo: '\u2018', rdquo: '\u201d',
  ldquo: '\u201c', mdash: '\u2014', ndash: '\u2013', hellip: '\u2026', copy: '\u00a9', reg: '\u00ae', trade: '\u2122',
  eacute: '\u00e9', egrave: '\u00e8', aacute: '\u00e1', agrave: '\u00e0', oacute: '\u00f3', iacute: '\u00ed',
  uacute: '\u00fa', ntilde: '\u00f1', ccedil: '\u00e7', ouml: '\u00f6', uuml: '\u00fc', auml: '\u00e4', szlig: '\u00df',
  middot: '\u00b7', bull: '\u2022', laquo: '\u00ab', raquo: '\u00bb', deg: '\u00b0', euro: '\u20ac', pound: '\u00a3',
};
const XML_ONLY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * Linear decoder for `&name;`, `&#n;`, `&#xh;`. XML mode decodes the five predefined names and character references
 * (XML 1.0 §4.1); HTML mode also decodes common names. Anything unusual in HTML mode (another name, a reference
 * without ';', a code point HTML remaps such as &#146;) hands the whole string to the WHATWG decoder (entities).
 */
function decodeEntities(s: string, html: boolean): string {
  let out = '';
  let last = 0;
  let i = s.indexOf('&');
  const table = html ? COMMON_HTML : XML_ONLY;
  const n = s.length;
  while (i !== -1) {
    // the reference's end: ';' after at most 32 name characters (bounded, so many '&' cost linear time)
    let semi = -1;
    for (let k = i + 1, end = Math.min(n, i + 34); k < end; k++) {
      const c = s.charCodeAt(k);
      if (c === 59) {
        semi = k;
        break;
      }
      if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 35)) break;
    }
    if (semi === -1) {
      // '&' that starts no terminated reference: literal in XML; HTML may still mean a legacy '&copy' form
      if (html && isAlpha(s.charCodeAt(i + 1))) return decodeHTML(s);
      i = s.indexOf('&', i + 1);
      continue;
    }
    let rep: string | undefined;
    const c1 = s.charCodeAt(i + 1);
    const len = semi - i;
    // the five XML names first, by their letters (no substring, no lookup): most references in escaped HTML
    if (len === 3 && s.charCodeAt(i + 2) === 116 /* t */ && (c1 === 108 /* l */ || c1 === 103 /* g */)) {
      rep = c1 === 108 ? '<' : '>';
    } else if (len === 4 && c1 === 97 /* a */ && s.charCodeAt(i + 2) === 109 && s.charCodeAt(i + 3) === 112) {
      rep = '&';
    } else if (len === 5 && c1 === 113 /* q */ && s.startsWith('quot', i + 1)) {
      rep = '"';
    } else if (c1 === 35 /* # */) {
      const hex = s.charCodeAt(i + 2) === 120 || s.charCodeAt(i + 2) === 88;
      let cp = semi > i + (hex ? 3 : 2) ? 0 : NaN;
      for (let k = i + (hex ? 3 : 2); k < semi && cp <= 0x10ffff; k++) {
        const d = s.charCodeAt(k);
        const v = d >= 48 && d <= 57 ? d - 48 : hex && (d | 0x20) >= 97 && (d | 0x20) <= 102 ? (d | 0x20) - 87 : -1;
        if (v < 0) {
          cp = NaN;
          break;
        }
        cp = cp * (hex ? 16 : 10) + v;
      }
      if (cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) && !(html && cp >= 0x80 && cp <= 0x9f)) {
        rep = String.fromCodePoint(cp);
      } else if (html) {
        return decodeHTML(s);
      } else if (!Number.isNaN(cp)) {
        rep = decodeXML(s.slice(i, semi + 1));
      }
    } else {
      rep = table[s.slice(i + 1, semi)];
      if (rep === undefined && html) return decodeHTML(s);
    }
    if (rep !== undefined) {
      out += s.slice(last, i) + rep;
      last = semi + 1;
      i = s.indexOf('&', last);
    } else {
      i = s.indexOf('&', i + 1);
    }
  }
  return last === 0 ? s : out + s.slice(last);
}

function isAlpha(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/** Decode HTML character references once (WHATWG rules; common names on a fast path). */
export function decodeHtmlEntities(value: string): string {
  return value.indexOf('&') === -1 ? value : decodeEntities(value, true);
}

/**
 * Convert the raw inner markup of an XML element (as returned by a fast-xml-parser stop node) into an HTML string.
 *
 * - `<![CDATA[...]]>` sections are taken verbatim (their content is already the literal text/HTML).
 * - Outside CDATA: when `xhtml` is true (Atom `type="xhtml"`, RFC 4287 §3.1.1.3) the markup is kept as it is
 *   (XML entities are valid HTML), and a single wrapping `<div>` is removed. Otherwise the text is XML-decoded,
 *   which turns escaped HTML (`&lt;p&gt;`, Atom `type="html"`, RSS description) into markup.
 */
export function innerXmlToHtml(raw: string, xhtml: boolean): string {
  const out = mapOutsideCdata(raw, xhtml ? (s) => s : decodeXmlEntities);
  return xhtml ? unwrapDiv(out) : out;
}

/**
 * The literal text of an element that holds plain text, not markup: an Atom text construct with `type="text"` or
 * no type (RFC 4287 §3.1.1.1: "the content of the Text construct MUST NOT contain child elements"; an `&lt;b&gt;`
 * in it is the three characters "<b>", not a tag). From the raw inner XML: CDATA sections verbatim; outside them,
 * child element tags (not allowed there, so dropped as markup, script/style with their content) and comments
 * removed, then the XML entities and character references decoded (XML 1.0 §4.1). No HTML entity decoding: in
 * plain text "&amp;amp;" is the five characters "&amp;". Whitespace is left as it is.
 */
export function innerXmlToText(raw: string): string {
  return mapOutsideCdata(raw, (s) => decodeXmlEntities(stripTags(s)));
}

/** `raw` with `outside` applied to each part outside `<![CDATA[...]]>` and each CDATA section's content verbatim. */
function mapOutsideCdata(raw: string, outside: (s: string) => string): string {
  if (raw.indexOf('<![CDATA[') === -1) return outside(raw);
  const parts: string[] = [];
  let i = 0;
  while (i < raw.length) {
    const start = raw.indexOf('<![CDATA[', i);
    if (start === -1) {
      parts.push(outside(raw.slice(i)));
      break;
    }
    parts.push(outside(raw.slice(i, start)));
    const end = raw.indexOf(']]>', start + 9);
    if (end === -1) {
      parts.push(raw.slice(start + 9));
      break;
    }
    parts.push(raw.slice(start + 9, end));
    i = end + 3;
  }
  return parts.join('');
}

/** Remove one wrapping `<div ...>...</div>` (the Atom xhtml container, RFC 4287 §3.1.1.3). */
function unwrapDiv(html: string): string {
  const s = html.trim();
  if (!/^<(?:[a-zA-Z][\w.-]*:)?div[\s>]/.test(s)) return s;
  const open = s.indexOf('>');
  const close = s.lastIndexOf('</');
  if (open === -1 || close <= open) return s;
  if (!/^<\/(?:[a-zA-Z][\w.-]*:)?div\s*>$/.test(s.slice(close))) return s;
  return s.slice(open + 1, close);
}

/** Elements whose content is never text (dropped with their content). */
const DROP_CONTENT = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'svg', 'math', 'head']);

/** Elements that separate words: replaced by a space so `<p>a</p><p>b</p>` gives "a b", not "ab". */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset', 'figcaption',
  'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p',
  'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'img', 'video', 'audio',
  'caption', 'center', 'picture', 'source',
]);

const INLINE = 0;
const SPACE = 1;
const DROP = 2;
/** Tag kinds by lower-case first letter: [name, kind]. Looked up without allocating (hot path). */
const KIND_TABLE: Array<Array<[string, number]>> = [];
for (const [names, kind] of [[BLOCK, SPACE], [DROP_CONTENT, DROP]] as const) {
  for (const name of names) (KIND_TABLE[name.charCodeAt(0)] ??= []).push([name, kind]);
}

/** Kind of the tag whose (local) name is html[start, end), compared ASCII case-insensitively. */
function tagKind(html: string, start: number, end: number): number {
  const list = KIND_TABLE[html.charCodeAt(start) | 0x20];
  if (!list) return INLINE;
  const len = end - start;
  outer: for (const [name, kind] of list) {
    if (name.length !== len) continue;
    for (let k = 1; k < len; k++) {
      const ch = html.charCodeAt(start + k);
      if ((ch >= 65 && ch <= 90 ? ch | 0x20 : ch) !== name.charCodeAt(k)) continue outer;
    }
    return kind;
  }
  return INLINE;
}

/**
 * The names of HTML elements, lower-case: every element of the WHATWG HTML Living Standard's element index
 * (§4, "Elements" index) and the obsolete ones browsers still parse as elements (§16.2 "Non-conforming features":
 * blink, font, center, marquee...). With `htmlElementsOnly`, stripTags removes only tags with these names, so text
 * such as "<Verizon>" or "<AAPL>" in a title is not taken for markup.
 */
export const HTML_ELEMENT_NAMES: ReadonlySet<string> = new Set([
  'a', 'abbr', 'address', 'area', 'article', 'aside', 'audio', 'b', 'base', 'bdi', 'bdo', 'blockquote', 'body', 'br',
  'button', 'canvas', 'caption', 'cite', 'code', 'col', 'colgroup', 'data', 'datalist', 'dd', 'del', 'details', 'dfn',
  'dialog', 'div', 'dl', 'dt', 'em', 'embed', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'head', 'header', 'hgroup', 'hr', 'html', 'i', 'iframe', 'img', 'input', 'ins', 'kbd', 'label',
  'legend', 'li', 'link', 'main', 'map', 'mark', 'math', 'menu', 'meta', 'meter', 'nav', 'noscript', 'object', 'ol',
  'optgroup', 'option', 'output', 'p', 'picture', 'pre', 'progress', 'q', 'rp', 'rt', 'ruby', 's', 'samp', 'script',
  'search', 'section', 'select', 'slot', 'small', 'source', 'span', 'strong', 'style', 'sub', 'summary', 'sup', 'svg',
  'table', 'tbody', 'td', 'template', 'textarea', 'tfoot', 'th', 'thead', 'time', 'title', 'tr', 'track', 'u', 'ul',
  'var', 'video', 'wbr',
  // obsolete (WHATWG HTML §16.2), still parsed as elements
  'acronym', 'applet', 'basefont', 'bgsound', 'big', 'blink', 'center', 'dir', 'font', 'frame', 'frameset', 'image',
  'isindex', 'keygen', 'listing', 'marquee', 'menuitem', 'multicol', 'nextid', 'nobr', 'noembed', 'noframes', 'param',
  'plaintext', 'rb', 'rtc', 'spacer', 'strike', 'tt', 'xmp',
]);

/** HTML's void elements (WHATWG HTML §13.1.2, with the obsolete ones browsers parse as void): never closed. */
const VOID_ELEMENT_NAMES: ReadonlySet<string> = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr',
  'basefont', 'bgsound', 'frame', 'image', 'keygen', 'param',
]);

/** Options of {@link stripTags} and {@link htmlToText}. */
export interface StripOptions {
  /**
   * Remove only tags named in {@link HTML_ELEMENT_NAMES} (and comments, declarations, processing instructions);
   * any other `<name ...>` is text and kept, and so is a bare start tag of a non-void element that no end tag after
   * it closes ("Why the <blink> tag died": a hostile trial's title had lost "<blink>"). For titles, which publishers
   * write as plain text but feeds carry as HTML (RSS, Atom `type="html"`): "AT&T and <Verizon> merge?" keeps
   * "<Verizon>". Default false: every tag-like `<name ...>` is removed, as a browser hides an unknown element's tags
   * (summaries, content).
   */
  htmlElementsOnly?: boolean;
}

function isNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 || c === 58 || c === 95;
}

function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/** Longest tag scanned quote-aware; past it the tag ends at the next '>' (bounds work on hostile input). */
const MAX_TAG_LENGTH = 4096;

/**
 * The rest of a tag up to its '>', quoted attribute values skipped. Unrolled-loop form: each step is
 * deterministic (the alternatives start with different characters), so a failed match costs linear time.
 */
const TAG_REST_RE = /[^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>/y;

/**
 * Strip HTML tags from a string and return text with HTML entities still encoded.
 * Comments, processing instructions and declarations are removed; script/style (and similar) elements are
 * removed with their content; block-level tags become a space. A `<` that does not start a tag is kept, and with
 * `options.htmlElementsOnly` so is a tag whose (local) name is not an HTML element. Linear time; never throws.
 */
export function stripTags(html: string, options: StripOptions = {}): string {
  if (html.indexOf('<') === -1) return html;
  let out = '';
  let i = 0;
  let textStart = 0;
  const n = html.length;
  let nextDq = -2; // cached index of the next '"' (-1: none left; -2: not yet searched)
  let nextSq = -2;
  let quoteAware = true;
  // htmlElementsOnly: the text lower-cased, and each element name's last "</name" in it (-1: none), when first needed
  let lower: string | undefined;
  const lastClose = new Map<string, number>();
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt === -1) break;
    const c = html.charCodeAt(lt + 1);
    if (c === 33 /* ! */) {
      if (html.startsWith('<!--', lt)) {
        const end = html.indexOf('-->', lt + 4);
        out += html.slice(textStart, lt) + ' ';
        i = textStart = end === -1 ? n : end + 3;
        continue;
      }
      if (html.startsWith('<![CDATA[', lt)) {
        const end = html.indexOf(']]>', lt + 9);
        out += html.slice(textStart, lt) + html.slice(lt + 9, end === -1 ? n : end);
        i = textStart = end === -1 ? n : end + 3;
        continue;
      }
      const end = html.indexOf('>', lt + 2);
      out += html.slice(textStart, lt);
      i = textStart = end === -1 ? n : end + 1;
      continue;
    }
    if (c === 63 /* ? */) {
      const end = html.indexOf('>', lt + 2);
      out += html.slice(textStart, lt);
      i = textStart = end === -1 ? n : end + 1;
      continue;
    }
    const closing = c === 47; /* / */
    const nameStart = closing ? lt + 2 : lt + 1;
    if (!isNameStart(html.charCodeAt(nameStart))) {
      i = lt + 1; // a literal '<'
      continue;
    }
    let nameEnd = nameStart;
    let hasColon = false;
    for (; nameEnd < n; nameEnd++) {
      const ch = html.charCodeAt(nameEnd);
      if (!isNameChar(ch)) break;
      if (ch === 58) hasColon = true;
    }
    let localStart = nameStart;
    if (hasColon) localStart = html.lastIndexOf(':', nameEnd - 1) + 1;
    // "<Verizon>" is text, not an HTML element; decided before looking for the '>' (so many such '<' stay linear)
    if (options.htmlElementsOnly && !HTML_ELEMENT_NAMES.has(html.slice(localStart, nameEnd).toLowerCase())) {
      i = lt + 1;
      continue;
    }
    // End of tag: the next '>', unless a quote comes first (then quoted values may hold '>').
    // Next-quote positions are cached: tags are visited left to right, so this stays linear.
    let end = html.indexOf('>', nameEnd);
    if (end === -1) break; // no '>' anywhere after: the rest is text
    if (nextDq !== -1 && nextDq < nameEnd) nextDq = html.indexOf('"', nameEnd);
    if (nextSq !== -1 && nextSq < nameEnd) nextSq = html.indexOf("'", nameEnd);
    if (quoteAware && ((nextDq !== -1 && nextDq < end) || (nextSq !== -1 && nextSq < end))) {
      TAG_REST_RE.lastIndex = nameEnd;
      const m = TAG_REST_RE.exec(html);
      if (m && m[0].length <= MAX_TAG_LENGTH) end = nameEnd + m[0].length - 1;
      // unbalanced or runaway quotes: plain '>' from here on, so hostile input costs one scan, not one per tag
      else quoteAware = false;
    }
    // In a title, a bare start tag that nothing closes names an element as text ("Why the <blink> tag died", "The
    // <dialog> element"): markup there comes in pairs (<b>…</b>), with attributes, or is a void element (<br>).
    if (options.htmlElementsOnly && !closing && end === nameEnd && !hasColon) {
      const name = html.slice(localStart, nameEnd).toLowerCase();
      if (!VOID_ELEMENT_NAMES.has(name)) {
        lower ??= html.toLowerCase();
        let last = lastClose.get(name);
        if (last === undefined) lastClose.set(name, (last = lower.lastIndexOf(`</${name}`)));
        if (last < end) {
          i = lt + 1;
          continue;
        }
      }
    }
    const kind = tagKind(html, localStart, nameEnd);
    out += html.slice(textStart, lt);
    i = textStart = end + 1;
    if (kind !== INLINE) out += ' ';
    if (kind === DROP && !closing && html.charCodeAt(end - 1) !== 47) {
      const name = html.slice(localStart, nameEnd).toLowerCase();
      // skip to the matching close tag (case-insensitive); unterminated drops the rest
      const close = indexOfCloseTag(html, name, i);
      if (close === -1) {
        i = textStart = n;
      } else {
        const closeEnd = html.indexOf('>', close);
        i = textStart = closeEnd === -1 ? n : closeEnd + 1;
      }
      out += ' ';
    }
  }
  return out + html.slice(textStart);
}

function indexOfCloseTag(html: string, name: string, from: number): number {
  const needle = '</' + name;
  let i = from;
  for (;;) {
    const j = html.indexOf('</', i);
    if (j === -1) return -1;
    if (html.slice(j, j + needle.length).toLowerCase() === needle && !isNameChar(html.charCodeAt(j + needle.length))) {
      return j;
    }
    i = j + 2;
  }
}

/**
 * Remove characters that are illegal in XML 1.0 (§2.2: C0 controls except TAB/LF/CR, U+FFFE/U+FFFF, lone
 * surrogates) and C1 controls (U+0080–U+009F, which in feeds are always mis-decoded windows-1252 bytes), the
 * zero-width characters that carry no meaning in text (see {@link dropZeroWidth}), the bidirectional embedding,
 * override and isolate controls (U+202A–U+202E, U+2066–U+2069: the "Trojan Source" characters of CVE-2021-42574,
 * which make "gnp.exe" read as "exe.png"; pages set each text's direction themselves), and collapse every run of
 * whitespace (including NBSP) to one space, trimmed.
 *
 * The explicit controls are removed anywhere, balanced or not: UAX #9 §2.1–2.5 ("Explicit Directional Embeddings",
 * "... Overrides", "... Isolates") gives them no meaning but reordering, an override reorders even when it is
 * terminated, and an unterminated one reverses the rest of its paragraph (rule X8 ends it only there). The implicit
 * marks LRM, RLM and ALM (§2.6, "Implicit Directional Marks") are taken off the text's ends where they order
 * nothing (see {@link trimBidiMarks}: a leading RLM on a Hebrew or Arabic title); inside the text they are kept.
 */
export function collapseWhitespace(text: string): string {
  if (isClean(text)) return text;
  let t = text;
  if (!(t as WellFormed).isWellFormed()) t = t.replace(LONE_SURROGATE, ''); // rare: slow path only then
  if (ILLEGAL_TEST.test(t)) t = t.replace(ILLEGAL_ALL, '');
  if (JOINER_TEST.test(t)) t = dropZeroWidth(t);
  // same result as /\s+/g -> ' ', but single spaces (the common case) are not replaced: about twice as fast
  t = t.replace(/\s{2,}|[^\S ]/g, ' ').trim();
  return t !== '' && (isBidiMark(t.charCodeAt(0)) || isBidiMark(t.charCodeAt(t.length - 1))) ? trimBidiMarks(t) : t;
}

/** LEFT-TO-RIGHT MARK (U+200E, bidi class L), RIGHT-TO-LEFT MARK (U+200F, R), ARABIC LETTER MARK (U+061C, AL). */
function isBidiMark(c: number): boolean {
  return c === 0x200e || c === 0x200f || c === 0x061c;
}

/**
 * A strong letter (UAX #9 bidi class L, R or AL): a letter, except modifier letters (general category Lm), some of
 * which are Other Neutral (U+02B9 MODIFIER LETTER PRIME, U+02C6 ...); for those a mark is kept (when unsure, keep).
 */
const STRONG_LETTER = /^(?!\p{Lm})\p{L}/u;
const HAS_STRONG_LETTER = /(?!\p{Lm})\p{L}/u;
/**
 * A letter of a script written right to left, bidi class R or AL (every letter of these scripts is): the Unicode
 * scripts of ISO 15924's right-to-left ones, as src/site/language.ts RTL_SCRIPTS lists them (core may not import it).
 */
const RTL_LETTER =
  /^[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}\p{Script=Mandaic}\p{Script=Samaritan}\p{Script=Yezidi}\p{Script=Mende_Kikakui}\p{Script=Imperial_Aramaic}\p{Script=Avestan}\p{Script=Chorasmian}\p{Script=Cypriot}\p{Script=Elymaic}\p{Script=Hatran}\p{Script=Old_Hungarian}\p{Script=Kharoshthi}\p{Script=Lydian}\p{Script=Manichaean}\p{Script=Meroitic_Cursive}\p{Script=Meroitic_Hieroglyphs}\p{Script=Old_North_Arabian}\p{Script=Nabataean}\p{Script=Old_Turkic}\p{Script=Old_Uyghur}\p{Script=Palmyrene}\p{Script=Inscriptional_Pahlavi}\p{Script=Psalter_Pahlavi}\p{Script=Phoenician}\p{Script=Inscriptional_Parthian}\p{Script=Old_South_Arabian}\p{Script=Sogdian}\p{Script=Old_Sogdian}]/u;
/** A combining mark (bidi class NSM for the nonspacing ones: UAX #9 W1 gives it the class of the character before). */
const COMBINING = /^\p{M}/u;
/** A decimal digit: bidi class EN, AN (Arabic-Indic digits) or L (Devanagari, Thai ...); never neutral. */
const DIGIT = /^\p{Nd}/u;

/**
 * `text` (whitespace already collapsed and trimmed) without the runs of implicit directional marks (LRM U+200E, RLM
 * U+200F, ALM U+061C; UAX #9 §2.6) at its ends that order nothing, with the single spaces among them. A mark is a
 * zero-width strong character; it can only change the resolved direction of the weak and neutral characters
 * between it and the next strong character (rules W2, W7, N1 of UAX #9 §3.3.4–3.3.5), and, as the text's first
 * strong character, the direction of a paragraph whose direction is found from the text (rule P2, §3.3.1; HTML's
 * dir="auto", which the site gives outlet text, is that rule). So:
 *
 * - a trailing run goes when the character before it (past combining marks) is a strong letter, or a digit with a
 *   strong letter somewhere before it: nothing neutral lies between, the rules look backwards from a digit (W2, W7),
 *   not forwards, and P2 finds that earlier letter first ("2024\u200F" alone keeps its mark);
 * - a leading run goes when the character after it is a strong letter of the first mark's direction: nothing lies
 *   between, and P2 finds the same direction in that letter ("\u200Fשלום" → "שלום", "\u200Eabc" → "abc");
 * - otherwise the run stays: before or after a digit or punctuation it orders them ("\u200F\"ציטוט\"" puts the
 *   opening quote on the right in a left-to-right line; "Nepal.\u200E" keeps the period after "Nepal" in a
 *   right-to-left one; ALM before European digits makes them Arabic numbers, W2), and before a letter of the other
 *   direction it sets a dir="auto" paragraph's direction ("\u200FiPhone ..." on a Hebrew title keeps it right to left).
 *
 * A text of marks and spaces only becomes ''. Inside the text marks are always kept (an RLM between a Hebrew word and
 * a following number or punctuation is what places them). Linear: the runs at the ends, the combining marks before a
 * trailing one and, after a digit, the text before it are each scanned once.
 */
function trimBidiMarks(text: string): string {
  let end = text.length;
  let marked = false;
  let j = end;
  for (let c = text.charCodeAt(j - 1); j > 0 && (c === 32 || isBidiMark(c)); c = text.charCodeAt(--j - 1)) {
    if (c !== 32) marked = true;
  }
  if (marked) {
    if (j === 0) return '';
    let k = j; // the base character before the run, past combining marks (which take its class, W1)
    let cp = codePointBefore(text, k);
    while (k > 0 && COMBINING.test(String.fromCodePoint(cp))) {
      k -= cp > 0xffff ? 2 : 1;
      cp = k > 0 ? codePointBefore(text, k) : 0;
    }
    const base = String.fromCodePoint(cp);
    // after a digit, a mark that is the text's only strong character still sets a dir="auto" direction (P2)
    if (k > 0 && (STRONG_LETTER.test(base) || (DIGIT.test(base) && HAS_STRONG_LETTER.test(text.slice(0, k))))) end = j;
  }
  let i = 0;
  marked = false;
  for (let c = text.charCodeAt(0); i < end && (c === 32 || isBidiMark(c)); c = text.charCodeAt(++i)) {
    if (c !== 32) marked = true;
  }
  let start = 0;
  if (marked) {
    if (i === end) return '';
    const next = String.fromCodePoint(text.codePointAt(i)!);
    // text[0] is the run's first mark (the text was trimmed): the one P2 would find
    if (STRONG_LETTER.test(next) && RTL_LETTER.test(next) === (text.charCodeAt(0) !== 0x200e)) start = i;
  }
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/** The code point that ends just before index `at` of `s` (a surrogate pair read as one). */
function codePointBefore(s: string, at: number): number {
  const lo = s.charCodeAt(at - 1);
  if (lo >= 0xdc00 && lo <= 0xdfff && at >= 2) {
    const hi = s.charCodeAt(at - 2);
    if (hi >= 0xd800 && hi <= 0xdbff) return s.codePointAt(at - 2)!;
  }
  return lo;
}

/**
 * True when collapseWhitespace would return `text` unchanged: single inner spaces only, no other whitespace, no
 * illegal, zero-width (ZWNJ and ZWJ included: dropZeroWidth decides) or bidirectional control characters, no
 * directional mark at either end, no lone surrogates. One pass over char codes (the common case in feeds).
 */
function isClean(text: string): boolean {
  const n = text.length;
  if (n === 0) return true;
  // an implicit directional mark at either end: trimBidiMarks decides (inside the text marks are kept as they are)
  if (isBidiMark(text.charCodeAt(0)) || isBidiMark(text.charCodeAt(n - 1))) return false;
  let prevSpace = true; // a leading space is not clean
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      if (prevSpace) return false;
      prevSpace = true;
      continue;
    }
    prevSpace = false;
    if (c < 32 || (c >= 0x7f && c <= 0xa0) || c === 0xad) return false;
    if (c >= 0x1680 && (c === 0x1680 || (c >= 0x2000 && c <= 0x200d) || (c >= 0x2028 && c <= 0x202f) ||
      c === 0x205f || c === 0x2060 || (c >= 0x2066 && c <= 0x2069) || c === 0x3000 || c === 0xfeff || c === 0xfffe || c === 0xffff || (c >= 0xd800 && c <= 0xdfff))) {
      return false;
    }
  }
  return !prevSpace;
}

/** ES2024 String well-formedness methods (Node 20); typed here because the project's lib may predate them. */
interface WellFormed {
  isWellFormed(): boolean;
  toWellFormed(): string;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// U+200B zero-width space, U+2060 word joiner, U+FEFF (a byte order mark or the old word joiner) and U+00AD soft
// hyphen (a line-break hint, invisible unless a line breaks there; inside a name it split the word for the
// clustering and search, "Pram\u00ADono", and rode into the RSS feed) are invisible or mean nothing in a title or
// summary anywhere: removed outright (U+FEFF before whitespace collapsing, which would
// have turned it into a space).
// eslint-disable-next-line no-control-regex
const ILLEGAL_TEST = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u200B\u202A-\u202E\u2060\u2066-\u2069\uFEFF\uFFFE\uFFFF]/;
// eslint-disable-next-line no-control-regex
const ILLEGAL_ALL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u200B\u202A-\u202E\u2060\u2066-\u2069\uFEFF\uFFFE\uFFFF]/g;
const JOINER_TEST = /[\u200C\u200D]/;
const JOINER_RUNS = /[\u200C\u200D]+/g;
/** Whitespace or punctuation (Unicode general category P): a side on which a joiner joins nothing. */
const NOT_A_JOIN = /[\s\p{P}]/u;

/**
 * `text` without the zero-width non-joiner (U+200C) and joiner (U+200D) where they join nothing: a run of them at
 * the text's start or end, or next to whitespace or punctuation. Between letters or marks they are spelling and
 * stay: ZWNJ in Persian ("می\u200Cخواهم", the prefix unjoined), Kurdish and Indic scripts (The Unicode Standard §23.2,
 * "Layout Controls"); ZWJ in emoji sequences (UTS #51 §2.3: 👨\u200D👩\u200D👧) and Indic half forms. A
 * trial's Japan Today titles carried Reuters' watermark ZWNJ after a space ("army \u200Cat least"): dropped.
 * Linear: each run is matched once and looks one character either side.
 */
function dropZeroWidth(text: string): string {
  return text.replace(JOINER_RUNS, (run: string, at: number) => {
    const before = at > 0 ? text[at - 1]! : '';
    const after = at + run.length < text.length ? text[at + run.length]! : '';
    return before === '' || after === '' || NOT_A_JOIN.test(before) || NOT_A_JOIN.test(after) ? '' : run;
  });
}

/**
 * Turn an HTML fragment into plain text: strip tags (script/style content dropped; with `options.htmlElementsOnly`
 * only HTML elements' tags, see {@link StripOptions}), decode HTML entities once (WHATWG named + numeric
 * references), remove illegal control characters, collapse whitespace. Returns null when nothing is left.
 */
export function htmlToText(html: string, options: StripOptions = {}): string | null {
  const stripped = stripTags(html, options);
  const decoded = stripped.indexOf('&') === -1 ? stripped : decodeEntities(stripped, true);
  const text = collapseWhitespace(decoded);
  return text === '' ? null : text;
}

/**
 * Plain text from the raw inner XML of a feed text field (title, description, summary, content):
 * `innerXmlToHtml` then `htmlToText`. Returns null when empty.
 */
export function rawXmlToText(raw: string, xhtml = false): string | null {
  return htmlToText(innerXmlToHtml(raw, xhtml));
}

/**
 * Cuts `text` to at most `max` characters (Unicode code points, so no emoji is split) at a word boundary when one
 * lies in the last 40 %, marking the cut with "…". Text within `max` is returned unchanged. The one truncation used by
 * feed summaries, story excerpts and the site.
 */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text; // UTF-16 length ≥ code points: nothing to cut
  const chars = Array.from(text.slice(0, max * 2));
  if (chars.length <= max && text.length <= max * 2) return text;
  const cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

const CONTROL_OR_BIDI = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/**
 * `text` on one line with every C0 / C1 control character and bidirectional control shown as an escape ("\\n",
 * "\\u001b"), for messages that quote what a feed sent: a raw newline or ESC in a date had reached the terminal, the
 * CI log (where a line starting "::error" is a GitHub Actions workflow command) and the feed state as sent.
 */
export function printable(text: string): string {
  return text.replace(CONTROL_OR_BIDI, (c) => (c === '\n' ? '\\n' : c === '\t' ? '\\t' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

/**
 * The title an item without one is given: the start of its text, cut by truncateText to DERIVED_TITLE_MAX_CHARS (RSS
 * 2.0 lets an item carry only a description). The parser names such items with it; the headline choice and the
 * site recognise it by it.
 */
export function standInTitle(text: string): string {
  return truncateText(text, DERIVED_TITLE_MAX_CHARS);
}
