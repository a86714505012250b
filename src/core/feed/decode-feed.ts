/**
 * Bytes to text for feeds. Pure: no fs, no network.
 *
 * Order of evidence (XML 1.0 Appendix F, RFC 7303 §3 and the WHATWG Encoding Standard):
 * 1. a byte order mark (UTF-8, UTF-16LE/BE, UTF-32LE/BE) always wins;
 * 2. UTF-32 and UTF-16 without BOM recognised from `<?` / `<` byte patterns (XML 1.0 Appendix F.1);
 * 3. the `charset` parameter of the HTTP Content-Type;
 * 4. the `encoding` pseudo-attribute of the XML prolog;
 * 5. UTF-8 (XML 1.0 §4.3.3 and Appendix F: a document with no BOM and no declaration is UTF-8); when nothing was
 *    declared and the bytes are not valid UTF-8, UTF-8 with its stray bytes read as windows-1252 if they are mostly
 *    UTF-8 ({@link mostlyUtf8}), else a legacy charset guessed from the language ({@link legacyCharsetFor}): the
 *    language the feed itself names (RSS <language> or <dc:language>, an xml:lang, JSON Feed "language", all ASCII
 *    in any ASCII-compatible charset; it describes this document, so it decides), else the caller's hint; for any
 *    other language, or none, the charset the chardet library detects in the first 64 KiB when it is confident enough
 *    ({@link detectCharset}, {@link CHARDET_MIN_CONFIDENCE}), else windows-1252. `source` is then 'fallback',
 *    `guessedFrom` says which language chose the charset and `detected` what chardet found: a guess, which parseFeed
 *    reports as a warning ({@link describeGuess} words it).
 * Text marked by a UTF-8 BOM or declared UTF-8 that holds bytes outside well-formed UTF-8 sequences (one item pasted
 * from a legacy source) keeps its valid UTF-8 and reads each stray byte as windows-1252, as Universal Feed Parser's
 * fallback chain would, instead of turning its letters into U+FFFD; unless, under a declaration, it is legacy text
 * throughout ({@link legacyBehindUtf8Label}: windows-1251 behind a server's default `charset=utf-8`): that label is
 * overruled, the next evidence reads it (the prolog after the HTTP header, else the guess of step 5), and
 * `mislabelled` names it.
 *
 * Labels are mapped like WHATWG: iso-8859-1 / latin1 / us-ascii (and aliases) decode as windows-1252, done with
 * iconv-lite because Node 20's TextDecoder maps 0x80–0x9F to C1 controls. A declared UTF-16/UTF-32 without a BOM
 * on bytes that are ASCII-compatible (a lying declaration) is decoded as UTF-8.
 *
 * The reverse mislabel: text declared in a single-byte charset (iso-8859-1, windows-1252, us-ascii, windows-1251,
 * koi8-r...) whose bytes are mostly well-formed multi-byte UTF-8 is UTF-8 (a server's default `charset=ISO-8859-1`
 * on a UTF-8 feed, or a template that kept an old prolog). Read as declared it would turn every non-ASCII letter into
 * two or three characters of mojibake ("für" → "fÃ¼r", "–" → "â€“"); it is read as UTF-8 instead and
 * `mislabelled` names the label. Genuine single-byte text is almost never valid UTF-8 (a letter byte ≥ 0xC0 would
 * have to be followed by one to three bytes of 0x80–0xBF, which in Latin text are symbols, not letters), so a
 * genuine Latin-1 feed (0xFC alone for "ü") still decodes as declared. The same test as the WHATWG / ICU UTF-8
 * detectors; see {@link mostlyUtf8}.
 */
import { isAscii, isUtf8 } from 'node:buffer';
import { analyse } from 'chardet';
import iconv from 'iconv-lite';

/** Result of {@link decodeFeed}. */
export interface DecodedFeed {
  /** The document as a JS string, without BOM. */
  text: string;
  /** The encoding actually used (WHATWG-style lower-case name, e.g. 'utf-8', 'windows-1252', 'utf-16le'). */
  encoding: string;
  /** Where the encoding came from ('fallback': guessed, for undeclared bytes that are not UTF-8). */
  source: 'bom' | 'sniffed' | 'http' | 'prolog' | 'default' | 'fallback';
  /**
   * For source 'fallback': the language tag that chose the legacy charset and where it was read ('feed': the
   * document's own <language> / xml:lang / "language"; 'hint': the caller's), or null when none did (windows-1252,
   * the legacy default for every other language). Null for every other source.
   */
  guessedFrom?: { language: string; from: 'feed' | 'hint' } | null;
  /**
   * For source 'fallback' when no language chose the charset, or chardet found another charset of the language's
   * script: what chardet detected and was used (`charset`, the name as chardet gives it, e.g. 'Shift_JIS', 'KOI8-R',
   * 'ISO-8859-1'; `confidence`, its 0–100 score), or null when it detected nothing usable ({@link detectCharset}) and
   * windows-1252 was used. Absent when the language's own charset was used, and for every other source.
   */
  detected?: { charset: string; confidence: number } | null;
  /** Bytes of text read as UTF-8 that were not part of a well-formed UTF-8 sequence and were read as windows-1252
   * (0 when the text was valid in its encoding). */
  repairedBytes: number;
  /**
   * The declared label (as written) that the bytes contradicted, or null when the declaration held: a single-byte
   * label ('iso-8859-1', 'windows-1252'...) on bytes read as UTF-8 instead (`encoding` is then 'utf-8'), or a UTF-8
   * label ('utf-8', 'UTF-8') on legacy text (legacyBehindUtf8Label), read by the next evidence instead (a prolog's
   * charset after the HTTP one, else the guess of source 'fallback'; `encoding` is then not 'utf-8').
   */
  mislabelled: string | null;
}

/** Labels that WHATWG maps to windows-1252 (Encoding Standard §4.2, the windows-1252 label list). */
const WINDOWS_1252_LABELS = new Set([
  'ansi_x3.4-1968', 'ascii', 'cp1252', 'cp819', 'csisolatin1', 'ibm819', 'iso-8859-1', 'iso-ir-100', 'iso8859-1',
  'iso88591', 'iso_8859-1', 'iso_8859-1:1987', 'l1', 'latin1', 'us-ascii', 'windows-1252', 'x-cp1252',
]);

const UTF8_LABELS = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8', 'unicode11utf8', 'unicode20utf8', 'x-unicode20utf8']);

/** Extract the charset parameter from a Content-Type header value (RFC 9110 §8.3). */
export function charsetFromContentType(contentType: string | undefined): string | null {
  if (!contentType) return null;
  const m = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType);
  return m?.[1] ? m[1].toLowerCase() : null;
}

/** Read the `encoding` label from an XML declaration in the first bytes (ASCII-compatible encodings only). */
export function encodingFromProlog(bytes: Uint8Array): string | null {
  const len = Math.min(bytes.length, 512);
  let head = '';
  for (let i = 0; i < len; i++) head += String.fromCharCode(bytes[i]!);
  const start = head.indexOf('<?xml');
  if (start === -1 || start > 64) return null;
  const end = head.indexOf('?>', start);
  if (end === -1) return null;
  const m = /\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head.slice(start, end));
  return m?.[1] ? m[1].toLowerCase() : null;
}

/** Normalise a declared label to the name used for decoding, or null when unknown to iconv-lite. */
export function normaliseEncodingLabel(label: string): string | null {
  const l = label.trim().toLowerCase();
  if (UTF8_LABELS.has(l)) return 'utf-8';
  if (WINDOWS_1252_LABELS.has(l)) return 'windows-1252';
  if (l === 'utf-16' || l === 'utf-16le' || l === 'utf-16be' || l === 'ucs-2' || l === 'unicode') {
    return l === 'utf-16be' ? 'utf-16be' : l === 'utf-16le' ? 'utf-16le' : 'utf-16';
  }
  if (l === 'gb2312' || l === 'x-gbk' || l === 'gbk') return 'gbk'; // WHATWG: gb2312 is a gbk label
  return iconv.encodingExists(l) ? l : null;
}

/** UTF-8 decode with replacement; pure ASCII (common in feeds) takes the faster one-byte path, same result. */
function decodeUtf8(bytes: Uint8Array): string {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return isAscii(buf) ? buf.toString('latin1') : UTF8.decode(bytes);
}

/** Strict UTF-8 decode; null when the bytes are not valid UTF-8. */
function tryUtf8(bytes: Uint8Array): string | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return isUtf8(buf) ? decodeUtf8(bytes) : null;
}

const UTF8 = new TextDecoder('utf-8');

function decodeWith(bytes: Uint8Array, encoding: string): string {
  if (encoding === 'utf-8') return decodeUtf8(bytes);
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
}

/**
 * Length of the well-formed UTF-8 sequence starting at `i` (1–4), or 0 when the byte there does not start one
 * (Unicode 15.0 §3.9, Table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF).
 */
function utf8SequenceAt(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  if (b < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf): boolean => i + k < bytes.length && bytes[i + k]! >= lo && bytes[i + k]! <= hi;
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  if (b === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if ((b >= 0xe1 && b <= 0xec) || b === 0xee || b === 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (b === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (b === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (b >= 0xf1 && b <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (b === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

/**
 * Text declared UTF-8: valid UTF-8 as it is, and each byte outside a well-formed sequence read as windows-1252
 * (iconv-lite). Returns the text and how many bytes were read that way.
 */
function decodeUtf8Repairing(bytes: Uint8Array): { text: string; repaired: number } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (isUtf8(buf)) return { text: decodeUtf8(bytes), repaired: 0 };
  const parts: string[] = [];
  let repaired = 0;
  let validFrom = 0;
  for (let i = 0; i < bytes.length; ) {
    const n = utf8SequenceAt(bytes, i);
    if (n > 0) {
      i += n;
      continue;
    }
    let end = i + 1;
    while (end < bytes.length && utf8SequenceAt(bytes, end) === 0) end++;
    if (i > validFrom) parts.push(UTF8.decode(bytes.subarray(validFrom, i)));
    parts.push(iconv.decode(buf.subarray(i, end), 'windows-1252'));
    repaired += end - i;
    validFrom = i = end;
  }
  if (validFrom < bytes.length) parts.push(UTF8.decode(bytes.subarray(validFrom)));
  return { text: parts.join(''), repaired };
}

/** Encodings found single-byte by {@link isSingleByte}, by iconv-lite name. */
const SINGLE_BYTE = new Map<string, boolean>();

/**
 * Whether iconv-lite decodes `encoding` one byte to one character: the 128 bytes 0x80–0xFF, forwards and backwards,
 * give 128 UTF-16 units each (a double-byte codec such as shift_jis or gbk pairs a lead byte with the next one).
 * 7-bit encodings (utf-7) pass too, rightly: bytes ≥ 0x80 are not theirs either. Memoised.
 */
function isSingleByte(encoding: string): boolean {
  let known = SINGLE_BYTE.get(encoding);
  if (known === undefined) {
    const high = Buffer.from(Array.from({ length: 128 }, (_, k) => 0x80 + k));
    known = iconv.decode(high, encoding).length === 128 && iconv.decode(high.reverse(), encoding).length === 128;
    SINGLE_BYTE.set(encoding, known);
  }
  return known;
}

/**
 * Whether text declared in a single-byte charset is UTF-8 after all: it holds at least one well-formed multi-byte
 * UTF-8 sequence (Unicode 15.0 §3.9, Table 3-7) and more such sequences than bytes ≥ 0x80 outside one. All-ASCII
 * bytes are not (they read the same either way). Valid UTF-8 with non-ASCII passes at once; a UTF-8 feed with one
 * item pasted from a Latin-1 source passes too (its stray bytes are then read as windows-1252 by
 * decodeUtf8Repairing); genuine Latin-1 text, whose high bytes stand alone, does not. Linear in the length.
 */
function mostlyUtf8(bytes: Uint8Array): boolean {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (isAscii(buf)) return false;
  if (isUtf8(buf)) return true;
  const { sequences, strays } = utf8Census(bytes);
  return sequences > 0 && sequences > strays;
}

/** Well-formed multi-byte UTF-8 sequences and bytes ≥ 0x80 outside one, in `bytes`. Linear in the length. */
function utf8Census(bytes: Uint8Array): { sequences: number; strays: number } {
  let sequences = 0;
  let strays = 0;
  for (let i = 0; i < bytes.length; ) {
    if (bytes[i]! < 0x80) {
      i++;
      continue;
    }
    const n = utf8SequenceAt(bytes, i);
    if (n > 0) {
      sequences++;
      i += n;
    } else {
      strays++;
      i++;
    }
  }
  return { sequences, strays };
}

/**
 * Whether text labelled UTF-8 is legacy text after all, so that the label is overruled: at least
 * UTF8_LABEL_OVERRULE_MIN_STRAYS bytes outside well-formed UTF-8 and under one well-formed multi-byte sequence for every
 * ten of them. Text in a legacy charset of a non-Latin script, or of a Latin one with diacritics, has a stray byte for
 * nearly every such letter and almost no valid sequence (an operator trial's windows-1251 and ISO-8859-2 feeds: none);
 * a UTF-8 feed with an item pasted from a legacy source keeps its many sequences (a hostile pass's Al Jazeera feed
 * with 35 stray bytes had been read whole as windows-1252 on a first, looser test), and a handful of strays is read
 * under the label, as windows-1252 (decodeUtf8Repairing).
 */
function legacyBehindUtf8Label(bytes: Uint8Array): boolean {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (isUtf8(buf)) return false;
  const { sequences, strays } = utf8Census(bytes);
  return strays >= UTF8_LABEL_OVERRULE_MIN_STRAYS && sequences * 10 < strays;
}

/** The fewest stray bytes that can overrule a UTF-8 label (legacyBehindUtf8Label): below it, the label stands. */
export const UTF8_LABEL_OVERRULE_MIN_STRAYS = 8;

/**
 * The legacy charset for text in `language` (a BCP 47 tag: 'ru', 'pl-PL', 'zh-Hant'), from the HTML Standard's table
 * of suggested default encodings by locale (§13.2.3.2 "Determining the character encoding": the intersection of
 * Windows, Chrome and Firefox defaults, i.e. what legacy pages in that language were written in), or null for every
 * other language, whose default is windows-1252. Names are iconv-lite's. One departure: a bare "zh", which the table
 * does not list, is read as Simplified (GBK), the far more common of the two; "zh-Hant", "zh-TW", "zh-HK" and
 * "zh-MO" are Big5 as in the table.
 */
export function legacyCharsetFor(language: string): string | null {
  const [primary = '', ...rest] = language.trim().toLowerCase().split(/[-_]/);
  if (primary === 'zh') return rest.some((s) => s === 'hant' || s === 'tw' || s === 'hk' || s === 'mo') ? 'big5' : 'gbk';
  return LEGACY_CHARSETS[primary] ?? null;
}

/** HTML Standard §13.2.3.2, suggested default encodings by locale language (zh apart: see legacyCharsetFor). */
const LEGACY_CHARSETS: Readonly<Record<string, string>> = {
  ar: 'windows-1256', az: 'windows-1254', ba: 'windows-1251', be: 'windows-1251', bg: 'windows-1251',
  cs: 'windows-1250', el: 'iso-8859-7', et: 'windows-1257', fa: 'windows-1256', he: 'windows-1255',
  hr: 'windows-1250', hu: 'iso-8859-2', ja: 'shift_jis', kk: 'windows-1251', ko: 'euc-kr', ku: 'windows-1254',
  ky: 'windows-1251', lt: 'windows-1257', lv: 'windows-1257', mk: 'windows-1251', pl: 'iso-8859-2',
  ru: 'windows-1251', sah: 'windows-1251', sk: 'windows-1250', sl: 'iso-8859-2', sr: 'windows-1251',
  tg: 'windows-1251', th: 'windows-874', tr: 'windows-1254', tt: 'windows-1251', uk: 'windows-1251',
  vi: 'windows-1258',
};

/**
 * Legacy charsets that write the same script (iconv-lite names, compared without case or punctuation): where a
 * language's table charset and the one chardet detects are both in one group, chardet's is taken.
 */
const SCRIPT_CHARSETS: readonly (readonly string[])[] = [
  ['iso-8859-2', 'windows-1250'],
  ['windows-1251', 'koi8-r', 'koi8-u', 'iso-8859-5', 'ibm866', 'x-mac-cyrillic'],
  ['iso-8859-7', 'windows-1253'],
  ['windows-1255', 'iso-8859-8'],
  ['windows-1254', 'iso-8859-9'],
  ['windows-1257', 'iso-8859-13', 'iso-8859-4'],
  ['windows-1256', 'iso-8859-6'],
  ['shift_jis', 'euc-jp'],
  ['gbk', 'gb18030', 'big5'],
  ['windows-874', 'tis-620', 'iso-8859-11'],
];

const charsetKey = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/** True when charset `a` is not `b` but writes the same script (SCRIPT_CHARSETS). */
function otherCharsetOfScript(a: string, b: string): boolean {
  const [x, y] = [charsetKey(a), charsetKey(b)];
  return x !== y && SCRIPT_CHARSETS.some((group) => group.some((c) => charsetKey(c) === x) && group.some((c) => charsetKey(c) === y));
}

/** A BCP 47-shaped tag: a 2–3 letter language, then optional subtags. */
const TAG = '([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*)';
/** Where a feed names its language, in order: RSS <language> / <dc:language>, xml:lang, JSON Feed "language". */
const LANGUAGE_DECLARATIONS = [
  new RegExp(`<(?:[A-Za-z][\\w.-]*:)?language\\b[^>]*>\\s*${TAG}\\s*<`),
  new RegExp(`\\sxml:lang\\s*=\\s*["']${TAG}["']`),
  new RegExp(`"language"\\s*:\\s*"${TAG}"`),
];

/**
 * The language a feed names for itself in its first 16 KiB, read from the bytes before decoding (the markup is
 * ASCII in every ASCII-compatible charset), or null.
 */
export function declaredLanguage(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 16384)).toString('latin1');
  for (const re of LANGUAGE_DECLARATIONS) {
    const m = re.exec(head);
    if (m?.[1]) return m[1];
  }
  return null;
}

/** True when the first bytes look like an ASCII-compatible encoding (no NUL in the first 4 bytes). */
function asciiCompatible(bytes: Uint8Array): boolean {
  for (let i = 0; i < Math.min(4, bytes.length); i++) if (bytes[i] === 0) return false;
  return true;
}

/**
 * Decode feed bytes to text, by the order of evidence in this module's header. Never throws; unknown labels fall
 * through to the next source of evidence. A single-byte label (HTTP or prolog) on bytes that are mostly UTF-8
 * ({@link mostlyUtf8}) is overruled: the text is read as UTF-8 and `mislabelled` names the label; a UTF-8 label on
 * bytes that are not is kept, and `repairedBytes` counts the stray bytes read as windows-1252.
 *
 * @param bytes the response body as received (already decompressed)
 * @param contentType the HTTP Content-Type header value, if known (e.g. 'application/rss+xml; charset=ISO-8859-1')
 * @param language the source's language (BCP 47), if known: used only to guess the charset of undeclared bytes that
 *   are not UTF-8, when the feed names no language itself ({@link legacyCharsetFor})
 * @returns the text without BOM, the encoding used, where it came from, and what was repaired or guessed
 */
export function decodeFeed(bytes: Uint8Array, contentType?: string, language?: string): DecodedFeed {
  const b0 = bytes[0], b1 = bytes[1], b2 = bytes[2], b3 = bytes[3];
  // UTF-32 (BOM, or '<' as a 4-byte unit): XML 1.0 Appendix F.1; checked before UTF-16 (FF FE 00 00 ⊃ FF FE)
  if ((b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) || (b0 === 0x3c && b1 === 0 && b2 === 0 && b3 === 0)) {
    return { text: stripBom(decodeWith(bytes, 'utf-32le')), encoding: 'utf-32le', source: b0 === 0xff ? 'bom' : 'sniffed', repairedBytes: 0, mislabelled: null };
  }
  if ((b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff) || (b0 === 0 && b1 === 0 && b2 === 0 && b3 === 0x3c)) {
    return { text: stripBom(decodeWith(bytes, 'utf-32be')), encoding: 'utf-32be', source: b0 === 0 && b2 === 0xfe ? 'bom' : 'sniffed', repairedBytes: 0, mislabelled: null };
  }
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
    const { text, repaired } = decodeUtf8Repairing(bytes.subarray(3));
    return { text, encoding: 'utf-8', source: 'bom', repairedBytes: repaired, mislabelled: null };
  }
  if (b0 === 0xff && b1 === 0xfe) {
    return { text: stripBom(decodeWith(bytes.subarray(2), 'utf-16le')), encoding: 'utf-16le', source: 'bom', repairedBytes: 0, mislabelled: null };
  }
  if (b0 === 0xfe && b1 === 0xff) {
    return { text: stripBom(decodeWith(bytes.subarray(2), 'utf-16be')), encoding: 'utf-16be', source: 'bom', repairedBytes: 0, mislabelled: null };
  }
  if (b0 === 0x3c && b1 === 0x00 && b3 === 0x00) {
    return { text: stripBom(decodeWith(bytes, 'utf-16le')), encoding: 'utf-16le', source: 'sniffed', repairedBytes: 0, mislabelled: null };
  }
  if (b0 === 0x00 && b1 === 0x3c && b2 === 0x00) {
    return { text: stripBom(decodeWith(bytes, 'utf-16be')), encoding: 'utf-16be', source: 'sniffed', repairedBytes: 0, mislabelled: null };
  }

  const candidates: Array<[string | null, DecodedFeed['source']]> = [
    [charsetFromContentType(contentType), 'http'],
    [encodingFromProlog(bytes), 'prolog'],
  ];
  // A UTF-8 label on legacy text (legacyBehindUtf8Label: a server's default `charset=utf-8` on a windows-1251 feed, a
  // template's UTF-8 prolog on ISO-8859-2 text): the label is overruled, and the next evidence decides (an operator
  // trial's Russian and Polish feeds had been read as windows-1252 under such a label, their letters stored as
  // "Ïðåçèäåíò").
  let utf8Overruled: string | null = null;
  for (const [label, source] of candidates) {
    if (!label) continue;
    let enc = normaliseEncodingLabel(label);
    if (!enc) continue;
    // A UTF-16/32 label on ASCII-compatible bytes is a lie (WHATWG: XML with a utf-16 label but no BOM is read
    // as UTF-8): decode as UTF-8.
    if ((enc.startsWith('utf-16') || enc.startsWith('utf-32') || enc.startsWith('ucs')) && asciiCompatible(bytes)) {
      enc = 'utf-8';
    }
    if (enc === 'utf-16') enc = 'utf-16le';
    if (enc === 'utf-8') {
      if (legacyBehindUtf8Label(bytes)) {
        utf8Overruled ??= label;
        continue;
      }
      const { text, repaired } = decodeUtf8Repairing(bytes);
      return { text: stripBom(text), encoding: enc, source, repairedBytes: repaired, mislabelled: null };
    }
    if (isSingleByte(enc) && mostlyUtf8(bytes)) {
      const { text, repaired } = decodeUtf8Repairing(bytes);
      return { text: stripBom(text), encoding: 'utf-8', source, repairedBytes: repaired, mislabelled: label };
    }
    return { text: stripBom(decodeWith(bytes, enc)), encoding: enc, source, repairedBytes: 0, mislabelled: utf8Overruled };
  }
  const utf8 = tryUtf8(bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8', source: 'default', repairedBytes: 0, mislabelled: null };
  // Undeclared, mostly UTF-8 with some stray bytes (an item pasted from a Latin-1 source): UTF-8, XML's default
  // (XML 1.0 §4.3.3), repaired as for a UTF-8 label, rather than every letter of the rest turned into mojibake.
  if (mostlyUtf8(bytes)) {
    const { text, repaired } = decodeUtf8Repairing(bytes);
    return { text: stripBom(text), encoding: 'utf-8', source: 'default', repairedBytes: repaired, mislabelled: null };
  }
  // Undeclared and not UTF-8: a guess, as browsers make one: the legacy charset of the feed's language (HTML
  // Standard §13.2.3.2), or the one chardet detects when it writes the same script; when no language names one,
  // chardet's detection ({@link detectCharset}); else windows-1252, the web's legacy default for Western text.
  const own = declaredLanguage(bytes);
  const guessedFrom = own !== null ? { language: own, from: 'feed' as const } : language ? { language, from: 'hint' as const } : null;
  const byLanguage = guessedFrom && legacyCharsetFor(guessedFrom.language);
  const found = detectCharset(bytes);
  // With a language, chardet only tells which of its script's legacy charsets the bytes are in (a Polish feed in
  // windows-1250, not the table's iso-8859-2, whose Ś, ś and ź are other bytes); without one, it decides.
  const takeDetected = found !== null && (byLanguage ? otherCharsetOfScript(found.encoding, byLanguage) : true);
  const encoding = takeDetected ? found.encoding : byLanguage || 'windows-1252';
  const decoded: DecodedFeed = { text: stripBom(decodeWith(bytes, encoding)), encoding, source: 'fallback', repairedBytes: 0, mislabelled: utf8Overruled, guessedFrom };
  if (takeDetected) decoded.detected = { charset: found.charset, confidence: found.confidence };
  else if (!byLanguage) decoded.detected = null;
  return decoded;
}

/**
 * How much of a feed chardet reads: the first 64 KiB. Detection is a statistic over byte pairs and trigrams that
 * settles within a few KiB of text; a feed may be 10 MiB (FEED_MAX_BYTES), and chardet runs ~27 recognisers over
 * every byte it is given, so the head keeps the cost bounded (a few ms) whatever the feed's size.
 */
export const CHARDET_SAMPLE_BYTES = 64 * 1024;

/**
 * The least chardet confidence (0–100) taken as evidence of a charset. chardet (a port of ICU's CharsetDetector; its
 * README gives only "sorted by confidence", so the scale is read from its code, lib/encoding/mbcs.js and sbcs.js)
 * scores a double-byte charset (Shift_JIS, EUC-JP, EUC-KR, GB18030, Big5) exactly 10 when the text holds at most ten
 * double-byte characters and no invalid pair ("too little to tell"), else by how many of them are among the
 * language's most common characters, up to 100; it scores a single-byte charset (KOI8-R, windows-1251, ISO-8859-x,
 * windows-125x, windows-874) as 300 × the share of the text's byte trigrams found among that language's most common
 * ones (98 past a third). So 10 is no evidence: Latin text has valid Shift_JIS pairs too ("é" + a letter), and one
 * real windows-1252 feed of ../shared scored Shift_JIS 10 at the top. Measured with markup stripped
 * ({@link textForDetection}): right answers score 96–100 for CJK feeds (the ../shared cases and
 * tests/core/feed/chardet-detect.test.ts), 41–65 for Cyrillic (windows-1251, KOI8-R) with three items or more, 25
 * for one longer Russian title, and 52 for Hebrew; on the 40 Latin feeds of ../shared transcoded to windows-1252 the top
 * guess is ISO-8859-1 or windows-1252 at 40–74 (read as windows-1252 either way) and the best wrong Latin charset
 * scores at most 30, always below it. 25 takes the Cyrillic and Hebrew cases and leaves "a few valid pairs" and
 * near-ties of short samples to windows-1252, as before; a wrong pick costs what the windows-1252 fallback being
 * wrong costs, and the warning names the guess and its confidence either way. Known misses: Thai (windows-874
 * scores 11 on ../shared's tis620.xml; one short windows-874 title even scored GB18030 67) and other languages
 * without a feed-named language are still guesses; a language tag in the feed or the registry avoids them.
 */
export const CHARDET_MIN_CONFIDENCE = 25;

/**
 * chardet's names for the charsets that WHATWG decodes differently (Encoding Standard §4.2: iso-8859-1 and
 * us-ascii are labels of windows-1252, iso-8859-9 of windows-1254, tis-620 of windows-874), as iconv-lite names
 * them; every other name (GB18030, Shift_JIS, KOI8-R…) is lower-cased and must be one iconv-lite knows.
 */
const DETECTED_AS: Readonly<Record<string, string>> = {
  'iso-8859-1': 'windows-1252', 'iso-8859-9': 'windows-1254', 'tis-620': 'windows-874', ascii: 'windows-1252',
};

/** Unicode encodings that chardet may name: never taken, the bytes were found not to be UTF-8 and not UTF-16/32. */
const UNICODE_NAMES = /^(utf-|ucs-)/i;

/**
 * The charset chardet detects in undeclared bytes that are not UTF-8, from the first {@link CHARDET_SAMPLE_BYTES}
 * with markup removed ({@link textForDetection}), or null when its best guess scores under
 * {@link CHARDET_MIN_CONFIDENCE}, is a Unicode encoding, or is a charset iconv-lite cannot decode (ISO-2022-*).
 * `charset` is chardet's name, `encoding` the iconv-lite name used (WHATWG mapping: ISO-8859-1 → windows-1252).
 */
export function detectCharset(bytes: Uint8Array): { charset: string; encoding: string; confidence: number } | null {
  const best = analyse(textForDetection(bytes.subarray(0, CHARDET_SAMPLE_BYTES)))[0];
  if (!best || best.confidence < CHARDET_MIN_CONFIDENCE || UNICODE_NAMES.test(best.name)) return null;
  const name = best.name.toLowerCase();
  const encoding = DETECTED_AS[name] ?? (iconv.encodingExists(name) ? name : null);
  if (encoding === null || !iconv.encodingExists(encoding)) return null;
  return { charset: best.name, encoding, confidence: best.confidence };
}

/**
 * The bytes of a feed's text for chardet: tags, comments and processing instructions removed (each replaced by a
 * space) and CDATA markers dropped, keeping what is between them. ICU's CharsetDetector does the same with its input
 * filter (enableInputFilter), which chardet's port leaves out: element names, URLs in attributes and the like are
 * ASCII trigrams that count against every single-byte language model (a KOI8-R feed scored 49 with its markup and 65
 * without). When the text left has no byte ≥ 0x80 (the non-ASCII bytes were all inside tags), the bytes as they are.
 */
export function textForDetection(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  let n = 0;
  let high = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0x3c) {
      if (startsWith(bytes, i, CDATA_OPEN)) {
        i += CDATA_OPEN.length - 1;
        continue;
      }
      const end = bytes.indexOf(0x3e, i + 1);
      if (end === -1) break;
      out[n++] = 0x20;
      i = end;
      continue;
    }
    if (b === 0x5d && startsWith(bytes, i, CDATA_CLOSE)) {
      i += CDATA_CLOSE.length - 1;
      continue;
    }
    if (b >= 0x80) high = true;
    out[n++] = b;
  }
  return high ? out.subarray(0, n) : bytes;
}

/**
 * How a 'fallback' decode chose its charset, as the encoding_repaired warning words it after "it was read as": the
 * charset, then what chose it: "windows-1251, the legacy charset for the language the feed names ("ru")", "Shift_JIS
 * (detected by chardet, confidence 100)", "windows-1252 (detected by chardet as ISO-8859-1, confidence 42)",
 * "windows-1252, the legacy default, also for the source's language ("en")", "windows-1252, the web's legacy default".
 */
export function describeGuess(decoded: DecodedFeed): string {
  const g = decoded.guessedFrom;
  const d = decoded.detected;
  if (d) {
    const same = d.charset.toLowerCase() === decoded.encoding;
    return `${same ? d.charset : decoded.encoding} (detected by chardet${same ? '' : ` as ${d.charset}`}, confidence ${d.confidence})`;
  }
  const whose = g ? (g.from === 'feed' ? `the language the feed names ("${g.language}")` : `the source's language ("${g.language}")`) : null;
  const why = !g ? "the web's legacy default" : decoded.encoding === 'windows-1252' ? `the legacy default, also for ${whose}` : `the legacy charset for ${whose}`;
  return `${decoded.encoding}, ${why}`;
}

const CDATA_OPEN = Buffer.from('<![CDATA[', 'latin1');
const CDATA_CLOSE = Buffer.from(']]>', 'latin1');

function startsWith(bytes: Uint8Array, at: number, prefix: Uint8Array): boolean {
  if (at + prefix.length > bytes.length) return false;
  for (let k = 0; k < prefix.length; k++) if (bytes[at + k] !== prefix[k]) return false;
  return true;
}

function stripBom(s: string): string {
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}
