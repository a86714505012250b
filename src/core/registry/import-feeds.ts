/**
 * Feed lists to import: OPML (what every feed reader exports) and a Kite-style category → feeds JSON. Pure parsers
 * from text to FeedRecord[]; they never throw on bad input and return what they could read plus named problems.
 */
import { parseJsonText } from './json-lines';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { FeedRecord } from './merge';
import { checkDoctype } from '../feed/parse-feed';

export interface FeedListResult {
  feeds: FeedRecord[];
  errors: string[];
}

interface Outline {
  '@_xmlUrl'?: string;
  '@_xmlurl'?: string;
  '@_htmlUrl'?: string;
  '@_htmlurl'?: string;
  '@_text'?: string;
  '@_title'?: string;
  '@_language'?: string;
  outline?: Outline | Outline[];
}

/**
 * The deepest element nesting read in an OPML file (fast-xml-parser's own default, `maxNestedTags`, set here by
 * name; by its count, 99 folders inside `<opml><body>` are read and 100 are refused), far beyond any reader's export.
 * It also bounds the folder walk's recursion.
 */
export const OPML_MAX_DEPTH = 100;

const asArray = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

/**
 * Feeds of an OPML 1.0/2.0 document: every outline with an xmlUrl; nested folders (outlines without xmlUrl) give the
 * topic (the innermost folder's text, lower-cased); an outline's htmlUrl is the outlet's site (the merge groups
 * feeds into sources by it, and it becomes a new source's homepage). No DTD or entity expansion beyond XML's five:
 * a DOCTYPE that declares entities is refused, named (checkDoctype).
 * An outline with neither an xmlUrl nor outlines inside is named in `errors` and skipped. A document that is not one
 * gives one error, in words for the user (see {@link notOpml}), as does one nested deeper than OPML_MAX_DEPTH.
 */
export function parseOpml(text: string): FeedListResult {
  // Entity declarations are refused as in feeds (checkDoctype): the parser had failed on one and the file had been
  // called "not an OPML document (no <opml><body>)" though it has both (an operator trial's).
  const doctype = checkDoctype(text);
  if (doctype) return { feeds: [], errors: [`not read: its ${doctype.message} (OPML needs no DOCTYPE; remove it)`] };
  const parser = new XMLParser({ ignoreAttributes: false, processEntities: true, htmlEntities: false, allowBooleanAttributes: true, isArray: (name) => name === 'outline', maxNestedTags: OPML_MAX_DEPTH });
  let doc: { opml?: { body?: { outline?: Outline[] } } };
  try {
    doc = parser.parse(text) as typeof doc;
  } catch (error) {
    if ((error as Error)?.message === 'Maximum nested tags exceeded') {
      return { feeds: [], errors: [`not read: its elements are nested more than ${OPML_MAX_DEPTH} levels deep (folders inside folders); no feed reader exports that`] };
    }
    return { feeds: [], errors: [notOpml(text)] };
  }
  const body = doc.opml?.body;
  if (!body) return { feeds: [], errors: [notOpml(text)] };
  const feeds: FeedRecord[] = [];
  const errors: string[] = [];
  const walk = (outlines: Outline[], topic: string | null): void => {
    for (const o of outlines) {
      const url = o['@_xmlUrl'] ?? o['@_xmlurl'];
      const label = (o['@_title'] ?? o['@_text'] ?? '').toString().trim();
      const site = String(o['@_htmlUrl'] ?? o['@_htmlurl'] ?? '').trim();
      if (url) feeds.push({ url: String(url), name: label || null, homepage: site || null, topic, language: o['@_language'] ?? null });
      const children = asArray(o.outline);
      if (children.length) walk(children, url ? topic : label.toLowerCase() || topic);
      // Neither a feed nor a folder of feeds (a link, an empty folder): said, not dropped without a word.
      else if (!url) errors.push(`outline ${JSON.stringify(label || site || '(untitled)')} has no xmlUrl: not a feed, skipped`);
    }
  };
  walk(asArray(body.outline), null);
  return { feeds, errors };
}

/**
 * The one-line error for text that gave no OPML body: "not an OPML document (not XML: <what> at line L, column C)"
 * from fast-xml-parser's validator, when the text is not well-formed XML (the parser's own exceptions name its
 * internals, "readTagExp returned undefined at position 8"); else "not an OPML document (no <opml><body>)". The
 * validator runs only on this failure path: the parser stays as lenient as it is on what it can read.
 */
function notOpml(text: string): string {
  if (text.trim() === '') return 'not an OPML document (the file is empty)';
  const check = XMLValidator.validate(text);
  if (check === true) return 'not an OPML document (no <opml><body>)';
  const { msg, line, col } = check.err;
  // the validator's message for a document that ends inside elements lists them as a JSON array, at line 1
  const open = /^Invalid '\[(.*)\]' found/s.exec(msg);
  if (open) return `not an OPML document (not XML: it ends inside ${[...open[1]!.matchAll(/"([^"]*)"/g)].map((m) => `<${m[1]}>`).join(' ')})`;
  const where = line ? ` at line ${line}${col ? `, column ${col}` : ''}` : '';
  return `not an OPML document (not XML: ${msg.replace(/\.$/, '')}${where})`;
}

/**
 * Feeds of a Kite-style list (kagisearch/kite-public kite_feeds.json): {category: {source_language, feeds: [url]}}.
 * The category name, lower-cased, is the topic; a URL repeated across categories is kept (the merge names it as a
 * duplicate).
 */
export function parseKiteFeeds(text: string): FeedListResult {
  const json = parseJsonText(text);
  if (!json.ok) return { feeds: [], errors: [json.error] };
  const doc = json.value;
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return { feeds: [], errors: ['expected an object of categories'] };
  const feeds: FeedRecord[] = [];
  const errors: string[] = [];
  for (const [category, value] of Object.entries(doc as Record<string, unknown>)) {
    const v = value as { feeds?: unknown; source_language?: unknown };
    if (!Array.isArray(v?.feeds)) {
      errors.push(`category "${category}": no feeds array`);
      continue;
    }
    const language = typeof v.source_language === 'string' ? v.source_language : null;
    for (const url of v.feeds) if (typeof url === 'string') feeds.push({ url, topic: category.toLowerCase(), language });
  }
  return { feeds, errors };
}
