/**
 * Language and direction of the text the site shows from outlets (WCAG 2.x SC 3.1.2 "Language of Parts").
 *
 * The site's own words (navigation, labels, sentences) are in SITE_LANGUAGE, the page's `<html lang>`. An article's
 * title, excerpt or quoted summary sentence, and a story headline taken from an article, are in their source's
 * language (the registry's BCP 47 `language`; a story's article carries no language of its own, so its source's
 * stands for it). Such text gets `lang` when its language differs from the page's, so screen readers switch voice
 * and browsers pick the right fonts, hyphenation and quotes, and `dir` so it is laid out in its own direction as a
 * bidi isolate (HTML Living Standard, "The dir attribute": an element with `dir` is isolated from its surroundings):
 * `rtl` for a right-to-left language, else `auto` (the first strong character decides), which is also what text of
 * unknown language gets.
 *
 * Direction: a language is right-to-left when the script it is written in is. The script comes from the tag, or for
 * a tag without one from CLDR's likely subtags (`Intl.Locale.prototype.maximize()`: ar → Arab, ckb → Arab, dv → Thaa,
 * yi → Hebr, az-Arab stays Arab); the script's direction from RTL_SCRIPTS below. `Intl.Locale`'s
 * `getTextInfo()` (`textInfo` on Node 20 / V8 11) is not used alone: it reads CLDR locale data, so a language CLDR has
 * no locale for falls back to root and says "ltr" (Node 20: dv, az-Arab, ms-Arab, ha-Arab); it is consulted only for
 * a tag whose script CLDR cannot name.
 */
import type { Source } from '../core/schema/source';
import type { Story } from '../core/schema/story';

/**
 * The language of the site's interface, the page's `<html lang>` and the top-level feeds' language. The UI is not
 * translated: an instance whose sources are all in another language still has English labels.
 */
export const SITE_LANGUAGE = 'en';

/**
 * ISO 15924 codes of the scripts written right to left: CLDR's scriptMetadata.txt, the scripts whose "RTL" field is
 * YES (what ICU's uscript_isRightToLeft answers), including the variants ISO 15924 lists (Aran: Nastaliq Arabic;
 * Syre, Syrj, Syrn: Syriac styles). Living languages use Arab, Hebr, Thaa, Syrc, Nkoo, Adlm, Rohg, Mand, Samr, Yezi,
 * Mend; the others are historic scripts, kept so the list answers for any tag.
 */
export const RTL_SCRIPTS: ReadonlySet<string> = new Set([
  'Adlm', 'Arab', 'Aran', 'Armi', 'Avst', 'Chrs', 'Cprt', 'Elym', 'Hatr', 'Hebr', 'Hung', 'Khar', 'Lydi', 'Mand', 'Mani',
  'Mend', 'Merc', 'Mero', 'Narb', 'Nbat', 'Nkoo', 'Orkh', 'Ougr', 'Palm', 'Phli', 'Phlp', 'Phnx', 'Prti', 'Rohg', 'Samr',
  'Sarb', 'Sogd', 'Sogo', 'Syrc', 'Syre', 'Syrj', 'Syrn', 'Thaa', 'Yezi',
]);

/**
 * The BCP 47 tag in canonical form ("EN-gb" → "en-GB", "iw" → "he"), or undefined when it is not a well-formed tag
 * whose language is an ISO 639 code of 2 or 3 letters (as `sources check` requires: "english" is well-formed Unicode
 * BCP 47, but names no language a reader or a browser knows).
 */
export function canonicalLanguage(tag: string | null | undefined): string | undefined {
  if (!tag?.trim()) return undefined;
  let canonical: string | undefined;
  try {
    canonical = Intl.getCanonicalLocales(tag.trim())[0];
  } catch {
    return undefined;
  }
  return canonical && /^[a-z]{2,3}$/.test(new Intl.Locale(canonical).language) ? canonical : undefined;
}

/** The ISO 15924 script a language is written in: the tag's own, else CLDR's likely one; undefined when unknown. */
function scriptOf(locale: Intl.Locale): string | undefined {
  return locale.script ?? locale.maximize().script;
}

/** `Intl.Locale`'s text direction from CLDR locale data: getTextInfo() (newer engines) or the textInfo getter (Node 20). */
function textInfoDirection(locale: Intl.Locale): string | undefined {
  const l = locale as Intl.Locale & { getTextInfo?: () => { direction?: string }; textInfo?: { direction?: string } };
  return (l.getTextInfo ? l.getTextInfo() : l.textInfo)?.direction;
}

/**
 * The direction a language is written in: 'rtl' when its script is in RTL_SCRIPTS (or, for a tag whose script CLDR
 * cannot name, when Intl.Locale's text info says rtl), 'ltr' when the script is known and is not; undefined for a
 * missing or malformed tag, or one whose script and direction nothing knows (e.g. "xx").
 */
export function languageDirection(tag: string | null | undefined): 'ltr' | 'rtl' | undefined {
  const canonical = canonicalLanguage(tag);
  if (!canonical) return undefined;
  const locale = new Intl.Locale(canonical);
  const script = scriptOf(locale);
  if (script) return RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
  return textInfoDirection(locale) === 'rtl' ? 'rtl' : undefined;
}

/**
 * Whether two tags name the same language for a reader: the same primary language subtag written in the same script
 * (so "en-GB" is the page's "en", "sr-Latn" is not "sr", "zh-Hant" is not "zh"). Malformed tags are never the same.
 */
export function sameLanguage(a: string | null | undefined, b: string | null | undefined): boolean {
  const ca = canonicalLanguage(a);
  const cb = canonicalLanguage(b);
  if (!ca || !cb) return false;
  const la = new Intl.Locale(ca);
  const lb = new Intl.Locale(cb);
  return la.language === lb.language && scriptOf(la) === scriptOf(lb);
}

/** HTML attributes for a piece of outlet text: spread onto the element that holds exactly that text. */
export interface TextAttrs {
  lang?: string;
  dir?: 'rtl' | 'auto';
}

/**
 * A letter of a script written right to left (the Unicode scripts of RTL_SCRIPTS that living languages use; Aran and
 * the Syriac styles are Arabic and Syriac to Unicode).
 */
const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}\p{Script=Mandaic}\p{Script=Samaritan}\p{Script=Yezidi}\p{Script=Mende_Kikakui}]/u;

/**
 * The `lang` / `dir` attributes for `text` in `language` (a BCP 47 tag) on a page in `pageLanguage`:
 * - same language as the page (sameLanguage): none, the text inherits the page's;
 * - another language: `lang` = its canonical tag, `dir` = 'rtl' for a right-to-left language (languageDirection),
 *   else 'auto';
 * - unknown (missing or malformed tag): `dir` = 'auto' only, and, when the `text` itself is given and the page is
 *   left to right, only if it holds a right-to-left letter (RTL_LETTER): without one, `auto` resolves to the page's
 *   left-to-right direction anyway, so the attribute would change nothing.
 */
export function textAttrs(language: string | null | undefined, text?: string, pageLanguage: string = SITE_LANGUAGE): TextAttrs {
  const lang = canonicalLanguage(language);
  if (!lang) return text !== undefined && languageDirection(pageLanguage) !== 'rtl' && !RTL_LETTER.test(text) ? {} : { dir: 'auto' };
  if (sameLanguage(lang, pageLanguage)) return {};
  return { lang, dir: languageDirection(lang) === 'rtl' ? 'rtl' : 'auto' };
}

/** A letter of a script other than Latin (an outlet name such as "Коммерсантъ", "الجزيرة", "朝日新聞"). */
const NON_LATIN_LETTER = /(?!\p{Script=Latin})\p{L}/u;

/**
 * The attributes for an outlet's name: none when the name is written in Latin letters only (a name like "Le Monde"
 * or "RT" is read as a name in any voice), else its source's language's (textAttrs), and at least `dir="auto"` so a
 * right-to-left name inside an English line is isolated from the punctuation around it.
 */
export function outletNameAttrs(source: Pick<Source, 'name' | 'language'> | undefined, pageLanguage: string = SITE_LANGUAGE): TextAttrs {
  if (!source || !NON_LATIN_LETTER.test(source.name)) return {};
  const attrs = textAttrs(source.language, undefined, pageLanguage);
  return attrs.dir ? attrs : { dir: 'auto' };
}

/**
 * The one language of a set of sources (canonical tag), or undefined when a source is unknown, or when they are in
 * more than one language (sameLanguage) or none.
 */
export function commonLanguage(sourceIds: Iterable<string>, sourcesById: ReadonlyMap<string, Pick<Source, 'language'>>): string | undefined {
  let found: string | undefined;
  for (const id of sourceIds) {
    const lang = canonicalLanguage(sourcesById.get(id)?.language);
    if (!lang) return undefined;
    if (found === undefined) found = lang;
    else if (!sameLanguage(found, lang)) return undefined;
  }
  return found;
}

/** Lower case, "!!!" as "!", whitespace runs as one space, trimmed: what cleanHeadline's changes leave comparable. */
function comparable(text: string): string {
  return text.toLowerCase().replace(/!+/g, '!').replace(/\s+/g, ' ').trim();
}

/**
 * The language of a story's headline (a canonical BCP 47 tag), or undefined when it cannot be told. The headline is
 * one article's title as src/core/story/headline.ts cleaned it (cleanHeadline: a trailing outlet name and leading
 * labels cut, shouting lower-cased, "!!!" collapsed), and the story does not record which article. The article whose
 * title is the headline gives its source's language; failing that, the first (oldest) whose title contains the
 * headline once both are lower-cased ("!!!" as "!"), which undoes cleanHeadline's changes without importing it (the
 * story module would make the clustering code a template input of frozen archive pages, src/build/freeze.ts);
 * failing that, for a headline an editor pinned (`titlePinned`), none (undefined: the page's): an operator trial's
 * English headline pinned on a Polish story had been marked Polish; else the language all the story's sources share
 * (commonLanguage).
 */
export function headlineLanguage(story: Pick<Story, 'title' | 'articles' | 'titlePinned'>, sourcesById: ReadonlyMap<string, Pick<Source, 'language'>>): string | undefined {
  const title = story.title.trim();
  const wanted = comparable(title);
  const match =
    (title && story.articles.find((a) => a.title.trim() === title)) ||
    (wanted && story.articles.find((a) => comparable(a.title).includes(wanted)));
  if (match) return canonicalLanguage(sourcesById.get(match.sourceId)?.language);
  // An editor's headline (pinned) that no article wrote: in no source's language for certain.
  if (story.titlePinned) return undefined;
  return commonLanguage(story.articles.map((a) => a.sourceId), sourcesById);
}

/**
 * The language a set of tags (BCP 47) is all in, as one tag, or undefined when the set is empty, a tag is missing or
 * malformed, or two are not the same language (sameLanguage). When they are all the same tag, that tag (canonical);
 * when they differ only in region or in how the script is written ("pl" and "pl-PL"; "en" and "en-GB"), the
 * language alone, with its script only when it is not the language's usual one ("sr-Latn", "zh-Hant"; CLDR's likely
 * subtags).
 */
export function sharedLanguage(tags: Iterable<string | null | undefined>): string | undefined {
  const all: string[] = [];
  for (const tag of tags) {
    const lang = canonicalLanguage(tag);
    if (!lang || (all.length > 0 && !sameLanguage(all[0], lang))) return undefined;
    all.push(lang);
  }
  if (all.length === 0) return undefined;
  if (all.every((t) => t === all[0])) return all[0];
  return languageOnly(all[0]!);
}

/** "pl-PL" → "pl", "sr-Latn-RS" → "sr-Latn", "zh-TW" → "zh-Hant": the primary language, with its script when unusual. */
function languageOnly(tag: string): string {
  const locale = new Intl.Locale(tag);
  const script = scriptOf(locale);
  return script && script !== scriptOf(new Intl.Locale(locale.language)) ? `${locale.language}-${script}` : locale.language;
}

/**
 * The registry's main language: the language (primary subtag and script, as sameLanguage compares them) that more
 * of the sources are in than any other, written as sharedLanguage writes the tags of those sources ("pl" for "pl"
 * and "pl-PL"); undefined when two languages tie for the most or no source has a usable tag. Does not depend on the
 * sources' order.
 */
export function mainLanguage(sources: Iterable<Pick<Source, 'language'>>): string | undefined {
  const groups = new Map<string, string[]>();
  for (const s of sources) {
    const lang = canonicalLanguage(s.language);
    if (!lang) continue;
    const locale = new Intl.Locale(lang);
    const key = `${locale.language}-${scriptOf(locale) ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), lang]);
  }
  const sizes = [...groups.values()].sort((a, b) => b.length - a.length);
  if (sizes.length === 0 || (sizes.length > 1 && sizes[1]!.length === sizes[0]!.length)) return undefined;
  return sharedLanguage(sizes[0]!.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
}
