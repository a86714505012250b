/**
 * `parallax sources check`: validates a registry's JSON text and reports every problem with the line to fix.
 * Pure: takes the text, returns issues (errors make the command exit non-zero; warnings do not).
 */
import { BIAS_DISPUTE_STEPS } from '../config';
import type { ZodIssue } from 'astro/zod';
import { BIAS_VALUES, FACTUALITY_VALUES, SOURCE_FLAGS, SourceSchema, type Source } from '../schema/source';
import { closestName } from './closest-name';
import { aggregatorOf, feedKey } from './domain';
import { jsonLines, lineOf } from './json-lines';
import { describeJsonError, parseJson, stripBom } from './json-syntax';
import { describeUnknownKey, unknownKeys } from './unknown-keys';

export type IssueLevel = 'error' | 'warning';

/**
 * Issue codes: invalid_json, not_an_array, invalid_field, invalid_url, invalid_language, invalid_time_zone,
 * invalid_date (not a real day, or after today), unknown_rating_value, unknown_flag, missing_attribution, duplicate_id, duplicate_feed_url, same_feed_after_normalisation, duplicate_rater,
 * unsupported_url_scheme, url_with_credentials (see urlProblem), former_id_in_use, duplicate_former_id (formerIds naming
 * a source's id now, or named by two sources) (errors);
 * rating_without_url, ownership_without_source, aggregator_not_flagged, disputed_bias, unknown_key (warnings).
 * An unknown key is a warning, not an error: ingest reads such a registry (the key is ignored), and errors are what
 * makes the registry wrong to read; the warning says what was lost ("factualty" leaves the source unrated).
 */
export interface RegistryIssue {
  level: IssueLevel;
  code: string;
  /** 1-based line in the registry text. */
  line: number;
  /** 1-based column, for a JSON syntax error (invalid_json) only. */
  column?: number;
  /** JSON path, e.g. "3.feeds.0.url" ("" for the whole file). */
  path: string;
  message: string;
}

export interface CheckResult {
  issues: RegistryIssue[];
  errors: number;
  warnings: number;
  sources: number;
  feeds: number;
  /** Sources with the aggregator flag or an aggregator feed, by id. */
  aggregators: string[];
  /** Source ids whose bias raters disagree by BIAS_DISPUTE_STEPS or more. */
  disputed: string[];
  /** The sources that parsed (others are left out). */
  registry: Source[];
}

const RATING_HINT: Record<string, string> = Object.fromEntries(
  SOURCE_FLAGS.map((f) => [f, `"${f}" is not a bias position: put it in the source's flags`]),
);

function codeFor(path: ReadonlyArray<string | number>, message: string, value: unknown): string {
  const last = path.at(-1);
  if ((path.includes('bias') || path.includes('factuality')) && last === 'value') return 'unknown_rating_value';
  if (path.includes('flags') && last === 'value') return 'unknown_flag';
  if (last === 'asOf' && value !== undefined) return 'invalid_date';
  if (last === 'rater' || last === 'asOf') return 'missing_attribution';
  if (last === 'timeZone') return 'invalid_time_zone';
  if (/url/i.test(message) || last === 'url' || last === 'homepage' || last === 'sourceUrl') return 'invalid_url';
  return 'invalid_field';
}

/** Names of regions (CLDR, through the runtime's ICU); `of` gives undefined for a code it does not know. */
const REGION_NAMES = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

/**
 * The value a misspelt `field` was probably meant to be, as "; did you mean …?", or "": a country code in lower case
 * whose upper case is a region CLDR names ("gr" → "GR"), an unknown time zone within a few edits of a canonical IANA
 * name (Intl.supportedValuesOf('timeZone'): "Asia/Tokio" → "Asia/Tokyo").
 */
function didYouMean(field: string | number | undefined, value: unknown): string {
  if (typeof value !== 'string') return '';
  let meant: string | undefined;
  if (field === 'country' && /^[a-z]{2}$/i.test(value)) meant = REGION_NAMES.of(value.toUpperCase()) === undefined ? undefined : value.toUpperCase();
  if (field === 'timeZone') meant = closestName(value, Intl.supportedValuesOf('timeZone'));
  return meant === undefined || meant === value ? '' : `; did you mean ${JSON.stringify(meant)}?`;
}

/**
 * One SourceSchema issue of a registry entry (one source, as JSON.parse gave it) as `sources check` names it: its code
 * (see RegistryIssue) and "FIELD: what is wrong (the value)", with the allowed values or the value probably meant when
 * there is one; e.g. `bias.0.value: Invalid enum value. … (allowed: left, …) ("centre")`. Never throws.
 */
export function describeSchemaIssue(entry: unknown, issue: ZodIssue): { code: string; message: string } {
  let value: unknown = entry;
  for (const p of issue.path) value = (value as Record<string | number, unknown> | undefined)?.[p];
  const code = codeFor(issue.path, issue.message, value);
  const hint = code === 'unknown_rating_value' && typeof value === 'string' ? RATING_HINT[value] : undefined;
  const allowed =
    code === 'unknown_rating_value'
      ? ` (allowed: ${(issue.path.includes('bias') ? BIAS_VALUES : FACTUALITY_VALUES).join(', ')})`
      : code === 'unknown_flag'
        ? ` (allowed: ${SOURCE_FLAGS.join(', ')})`
        : '';
  const shown = value === undefined ? 'missing' : JSON.stringify(value);
  return { code, message: `${issue.path.join('.') || 'entry'}: ${hint ?? `${issue.message}${allowed}`} (${shown})${didYouMean(issue.path.at(-1), value)}` };
}

/**
 * What is wrong with a registry URL that parses (one that does not is the schema's invalid_url), or null. `feed` is
 * true for a feed's url (ingest fetches it), false for a link the source page shows (homepage, a rating's url,
 * ownership.sourceUrl). The schema's `.url()` takes any scheme, so two problems pass it:
 * - unsupported_url_scheme: not http or https. Ingest fetches http(s) only (src/io/http-client.ts checkFeedUrl fails
 *   the rest as bad_url; a `data:` feed had been read as its own text); the page would link a `javascript:` or
 *   `data:` homepage as it is, a script run in the reader's browser.
 * - url_with_credentials: a user name or password (RFC 3986 §3.2.1 deprecates "user:password" in a URI). A registry is
 *   public, and its URLs reach logs, state/feeds.json and the source page; ingest never sends them (bad_url).
 * The message quotes the URL with the userinfo redacted ("http://***@host/…"), cut to 200 characters.
 */
export function urlProblem(url: string, feed: boolean): { code: 'unsupported_url_scheme' | 'url_with_credentials'; message: string } | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  const shown = url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#\\\s]*@/i, '$1***@').slice(0, 200);
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    const why = feed ? 'ingest fetches feeds over http and https only' : 'the source page links to it, and only an http or https link is safe to show';
    return { code: 'unsupported_url_scheme', message: `has the scheme "${u.protocol}" (${shown}): ${why}` };
  }
  if (u.username || u.password) {
    const why = feed ? 'in logs, in state/feeds.json and on the public source page; ingest refuses to fetch it' : 'on the public source page';
    return { code: 'url_with_credentials', message: `has a user name or password (${shown}): remove them; credentials in a registry end up ${why}` };
  }
  return null;
}

/** The registry URLs of one raw entry that urlProblem checks, with their JSON paths and whether each is a feed's. */
function urlsOf(e: Record<string, unknown>): Array<{ path: Array<string | number>; url: string; feed: boolean }> {
  const out: Array<{ path: Array<string | number>; url: string; feed: boolean }> = [];
  const add = (path: Array<string | number>, v: unknown, feed = false): void => {
    if (typeof v === 'string') out.push({ path, url: v, feed });
  };
  const list = (k: string): Array<Record<string, unknown> | null> => (Array.isArray(e[k]) ? (e[k] as Array<Record<string, unknown> | null>) : []);
  add(['homepage'], e.homepage);
  list('feeds').forEach((f, j) => add(['feeds', j, 'url'], f?.url, true));
  for (const k of ['bias', 'factuality', 'flags']) list(k).forEach((r, j) => add([k, j, 'url'], r?.url));
  const own = e.ownership as Record<string, unknown> | null | undefined;
  if (own && typeof own === 'object') add(['ownership', 'sourceUrl'], own.sourceUrl);
  return out;
}

/** BCP 47 shape with a 2- or 3-letter primary language (ISO 639-1/2/3: "en", "pt-BR", "zh-Hant", "arq"). */
const LANGUAGE_TAG = /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i;

/** Names of languages (CLDR, through the runtime's ICU); `of` gives undefined for a code it does not know. */
const LANGUAGE_NAMES = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/**
 * True when `tag` is a BCP 47 language tag whose primary language is an ISO 639 code that CLDR names ("en", "pt-BR",
 * "zh-Hant", "arq"), not a language's name ("english": BCP 47 allows 5–8 letter primary subtags, but none is
 * registered) nor an unassigned code ("xx"): the language chooses the stop words.
 */
export function isLanguageTag(tag: string): boolean {
  if (!LANGUAGE_TAG.test(tag)) return false;
  try {
    if (Intl.getCanonicalLocales(tag).length !== 1) return false;
  } catch {
    return false;
  }
  return LANGUAGE_NAMES.of(tag.split('-')[0]!.toLowerCase()) !== undefined;
}

/**
 * Country codes (ISO 3166-1) that feed lists give as a language, with the country's language (ISO 639-1): only codes
 * that are no language at all (Kite's list gives Greek outlets "gr"); "ca", "br" or "se" are languages and left be.
 */
const COUNTRY_AS_LANGUAGE: Readonly<Record<string, string>> = {
  gr: 'el', jp: 'ja', cn: 'zh', cz: 'cs', dk: 'da', ua: 'uk', il: 'he', vn: 'vi', gb: 'en', us: 'en', ir: 'fa', rs: 'sr',
  al: 'sq', by: 'be', kz: 'kk', ge: 'ka', at: 'de', mx: 'es',
};

/**
 * A source's language from one someone else wrote (an import record, a feed's <language>): the tag when it is one
 * (isLanguageTag), the country's language for a country code (COUNTRY_AS_LANGUAGE), else null.
 */
export function languageFrom(raw: string | null | undefined): string | null {
  const tag = raw?.trim() ?? '';
  if (!tag) return null;
  if (isLanguageTag(tag)) return tag;
  return COUNTRY_AS_LANGUAGE[tag.toLowerCase()] ?? null;
}

let codeByName: Map<string, string> | undefined;

/**
 * The ISO 639-1 code of a language named in English ("Arabic" → "ar", "japanese" → "ja"; CLDR's names, through the
 * runtime's ICU), or undefined.
 */
function codeForLanguageName(name: string): string | undefined {
  if (!codeByName) {
    codeByName = new Map();
    const a = 'a'.charCodeAt(0);
    for (let i = 0; i < 26 * 26; i++) {
      const code = String.fromCharCode(a + Math.floor(i / 26), a + (i % 26));
      const english = LANGUAGE_NAMES.of(code);
      if (english !== undefined && english !== code) codeByName.set(english.toLowerCase(), code);
    }
  }
  return codeByName.get(name.trim().toLowerCase());
}

/**
 * Why `language` cannot be a source's language (isLanguageTag), or null when it can; the message names the tag
 * probably meant for a POSIX locale name ("en_US"), a country code ("jp": COUNTRY_AS_LANGUAGE) or a language's
 * English name ("arabic").
 */
export function languageProblem(language: string): string | null {
  if (isLanguageTag(language)) return null;
  const hyphened = language.replace(/_/g, '-'); // a POSIX locale name ("en_US")
  const meant = (isLanguageTag(hyphened) ? hyphened : undefined) ?? languageFrom(language) ?? codeForLanguageName(language);
  return `language ${JSON.stringify(language)} is not a BCP 47 language tag with an ISO 639 code (e.g. "en", "de", "pt-BR")${meant ? `; did you mean "${meant}"?` : ''}`;
}

/**
 * Checks a registry file's text (JSON, RFC 8259; a leading byte-order mark is dropped, and a syntax error is one
 * invalid_json issue with its line and column). `today` (YYYY-MM-DD, UTC; default the clock's) is the last day a
 * rating's or flag's `asOf` may name. Never throws.
 */
export function checkRegistry(text: string, today: string = new Date().toISOString().slice(0, 10)): CheckResult {
  const issues: RegistryIssue[] = [];
  const result = (registry: Source[] = [], feeds = 0, aggregators: string[] = [], disputed: string[] = [], sources = 0): CheckResult => {
    issues.sort((a, b) => a.line - b.line || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    return {
      issues,
      errors: issues.filter((i) => i.level === 'error').length,
      warnings: issues.filter((i) => i.level === 'warning').length,
      sources,
      feeds,
      aggregators,
      disputed,
      registry,
    };
  };
  const json = parseJson(text);
  if (!json.ok) {
    issues.push({ level: 'error', code: 'invalid_json', line: json.error.line, column: json.error.column, path: '', message: `not valid JSON: ${describeJsonError(json.error)}` });
    return result();
  }
  const raw = json.value;
  if (!Array.isArray(raw)) {
    issues.push({ level: 'error', code: 'not_an_array', line: 1, path: '', message: 'the registry must be a JSON array of sources' });
    return result();
  }
  const lines = jsonLines(stripBom(text));
  const add = (level: IssueLevel, code: string, path: Array<string | number>, message: string): void => {
    issues.push({ level, code, line: lineOf(lines, path), path: path.join('.'), message });
  };

  const registry: Source[] = [];
  const firstId = new Map<string, number>();
  const firstUrl = new Map<string, string>();
  const firstKey = new Map<string, { url: string; path: string }>();
  const aggregators = new Set<string>();
  const disputed: string[] = [];
  let feeds = 0;

  raw.forEach((entry: unknown, i: number) => {
    const parsed = SourceSchema.safeParse(entry);
    const e = (entry ?? {}) as Record<string, unknown>;
    const id = typeof e.id === 'string' ? e.id : `#${i}`;
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const { code, message } = describeSchemaIssue(entry, issue);
        add('error', code, [i, ...issue.path], `${id}: ${message}`);
      }
    } else {
      registry.push(parsed.data as Source);
    }

    for (const k of unknownKeys(entry)) add('warning', 'unknown_key', [i, ...k.path], `${id}: ${describeUnknownKey(k)}`);

    for (const u of urlsOf(e)) {
      const problem = urlProblem(u.url, u.feed);
      if (problem) add('error', problem.code, [i, ...u.path], `${id}: ${u.path.join('.')} ${problem.message}`);
    }

    const badLanguage = typeof e.language === 'string' && e.language.length >= 2 ? languageProblem(e.language) : null;
    if (badLanguage) add('error', 'invalid_language', [i, 'language'], `${id}: ${badLanguage}`);
    if (parsed.success) {
      for (const list of ['bias', 'factuality', 'flags'] as const) {
        (parsed.data[list] ?? []).forEach((r, k) => {
          if (r.asOf !== null && r.asOf > today) add('error', 'invalid_date', [i, list, k, 'asOf'], `${id}: ${list}.${k}.asOf ${r.asOf} is after today (${today}): a rating is dated when it was made`);
        });
      }
    }

    if (typeof e.id === 'string') {
      const prev = firstId.get(e.id);
      if (prev !== undefined) add('error', 'duplicate_id', [i, 'id'], `duplicate source id "${e.id}" (first at line ${lineOf(lines, [prev, 'id'])})`);
      else firstId.set(e.id, i);
    }

    const feedList = Array.isArray(e.feeds) ? (e.feeds as Array<Record<string, unknown>>) : [];
    let hasAggregatorFeed = false;
    feedList.forEach((f, j) => {
      const url = typeof f?.url === 'string' ? f.url : null;
      if (url === null) return;
      feeds++;
      const path = [i, 'feeds', j, 'url'];
      const here = path.join('.');
      if (aggregatorOf(url)) hasAggregatorFeed = true;
      const prev = firstUrl.get(url);
      if (prev !== undefined) {
        add('error', 'duplicate_feed_url', path, `${id}: feed ${url} is already listed at line ${lines.get(prev) ?? 1}`);
        return;
      }
      firstUrl.set(url, here);
      const key = feedKey(url);
      if (key === null) return; // the schema reports the bad URL
      const same = firstKey.get(key);
      if (same) add('error', 'same_feed_after_normalisation', path, `${id}: feed ${url} is the same feed as ${same.url} (line ${lines.get(same.path) ?? 1}) after URL normalisation`);
      else firstKey.set(key, { url, path: here });
    });

    const flags = Array.isArray(e.flags) ? (e.flags as Array<Record<string, unknown>>) : [];
    const flaggedAggregator = flags.some((f) => f?.value === 'aggregator');
    if (flaggedAggregator || hasAggregatorFeed) aggregators.add(id);
    if (hasAggregatorFeed && !flaggedAggregator) add('warning', 'aggregator_not_flagged', [i, 'id'], `${id}: has an aggregator feed (${feedList.map((f) => String(f?.url)).find((u) => aggregatorOf(u))}) but no "aggregator" flag: it would count as an outlet`);

    for (const dim of ['bias', 'factuality'] as const) {
      const ratings = Array.isArray(e[dim]) ? (e[dim] as Array<Record<string, unknown>>) : [];
      const raters = new Map<string, number>();
      ratings.forEach((r, j) => {
        if (typeof r?.rater === 'string') {
          const prev = raters.get(r.rater);
          if (prev !== undefined) add('error', 'duplicate_rater', [i, dim, j], `${id}: two ${dim} ratings by ${r.rater} (first at line ${lineOf(lines, [i, dim, prev])}); keep one`);
          else raters.set(r.rater, j);
        }
        if (r && (r.url === null || r.url === undefined) && typeof r.rater === 'string') add('warning', 'rating_without_url', [i, dim, j], `${id}: ${dim} rating by ${r.rater} has no url where a reader can check it`);
      });
      if (dim === 'bias') {
        const pos = ratings.map((r) => BIAS_VALUES.indexOf(r?.value as (typeof BIAS_VALUES)[number])).filter((p) => p >= 0);
        if (pos.length >= 2 && Math.max(...pos) - Math.min(...pos) >= BIAS_DISPUTE_STEPS) {
          disputed.push(id);
          add('warning', 'disputed_bias', [i, 'bias'], `${id}: raters disagree by ${Math.max(...pos) - Math.min(...pos)} steps (${ratings.map((r) => `${String(r.value)} by ${String(r.rater)}`).join(', ')}): shown as disputed`);
        }
      }
    }
    const own = e.ownership as Record<string, unknown> | null | undefined;
    // Set by hand (attribution null) is allowed; with no sourceUrl either, a reader cannot check the fact: warned
    // about as a rating without a url is (the schema's sourceUrl says so).
    if (own && own.sourceUrl == null && own.attribution == null) {
      add('warning', 'ownership_without_source', [i, 'ownership'], `${id}: ownership set by hand has no sourceUrl: add the page that says who owns it (an about or imprint page, a filing), where a reader can check it`);
    }
  });

  // formerIds (src/core/registry/former-ids.ts): an old id is nobody's id now, and one source's only.
  const formerBy = new Map<string, number>();
  raw.forEach((entry: unknown, i: number) => {
    const e = (entry ?? {}) as Record<string, unknown>;
    const id = typeof e.id === 'string' ? e.id : `#${i}`;
    (Array.isArray(e.formerIds) ? (e.formerIds as unknown[]) : []).forEach((former, k) => {
      if (typeof former !== 'string') return; // the schema reports it
      const holder = firstId.get(former);
      if (holder !== undefined) {
        add('error', 'former_id_in_use', [i, 'formerIds', k], `${id}: former id "${former}" is ${holder === i ? 'its own id' : `the id of the source at line ${lineOf(lines, [holder, 'id'])}`}: ids are permanent, a former id must be no source's id now`);
        return;
      }
      const prev = formerBy.get(former);
      if (prev !== undefined && prev !== i) add('error', 'duplicate_former_id', [i, 'formerIds', k], `${id}: former id "${former}" is also named by the source at line ${lineOf(lines, [prev, 'id'])}: its articles can go to one source only`);
      else formerBy.set(former, i);
    });
  });

  return result(registry, feeds, [...aggregators].sort(), disputed.sort(), raw.length);
}

/**
 * One line per feed URL that several sources list (exactly, as `sources check`'s duplicate_feed_url): an article
 * belongs to one source (articleOwner: the one whose site it is on, else the first), so the others get none of that
 * feed's articles, and the ingest says so (a hostile trial's second source of one URL got no article and no word).
 * `sources`: the registry, in file order.
 */
export function sharedFeedWarnings(sources: readonly Pick<Source, 'id' | 'feeds'>[]): string[] {
  const owners = new Map<string, string[]>();
  for (const s of sources) {
    for (const f of s.feeds) {
      if (!f.url) continue;
      const list = owners.get(f.url) ?? [];
      if (!list.includes(s.id)) list.push(s.id);
      owners.set(f.url, list);
    }
  }
  return [...owners]
    .filter(([, ids]) => ids.length > 1)
    .map(([url, ids]) => `sources.json: feed ${url} is listed by ${ids.join(', ')}: its articles go to one of them only (duplicate_feed_url; \`parallax sources check\` lists every problem)`);
}

