/**
 * Story headline: the most representative title (closest to the story's centre), preferring higher-factuality
 * sources, never a clickbait title when a plain one exists, a question's or an explainer's only when no report's is
 * near, never wording that only one side uses when several sides cover the story; then cleaned of shouting, clickbait
 * labels and a trailing outlet name.
 */
import { hostOf } from '../registry/domain';
import { HEADLINE_FACTUALITY_WEIGHT, HEADLINE_RECENT_HOURS, HEADLINE_RECENT_MIN_SOURCES, HEADLINE_SHARED_TERMS_MIN, HEADLINE_SHOUTING_UPPER_SHARE } from '../config';
import { disputedRatings, isAggregator, sourceBucket, sourceFactuality } from '../coverage/coverage';
import type { ArticleKind } from '../schema/article';
import type { Source } from '../schema/source';
import { FACTUALITY_VALUES } from '../schema/source';
import { primaryLanguage, tokenize } from './tokenize';

/** Penalty (in cosine) of a clickbait title: it wins only when nothing plainer is near the centre. */
const CLICKBAIT_PENALTY = 0.25;

/** Phrases that make a title clickbait (the title is then passed over when another is available). */
const CLICKBAIT = [
  /\byou won[’']?t believe\b/iu,
  /\bwhat happen(?:s|ed) next\b/iu,
  /\bwill (?:shock|blow your mind|amaze) you\b/iu,
  /\bthis (?:one )?(?:simple |weird )?trick\b/iu,
  /\b(?:here[’']?s|this is) why\b.*\?$/iu,
  /\bgoes viral\b/iu,
  /\bthe internet is (?:losing it|freaking out)\b/iu,
  /\bnumber \d+ will\b/iu,
  /\bjaw-dropping\b/iu,
  // not clickbait, but not the news either: an opinion piece's title is never the story's headline when a report's is
  /^(?:opinion|op-ed|editorial|column)\s*[:|\-–—]/iu,
];

/** True for a title written in capitals (ten letters at least, over HEADLINE_SHOUTING_UPPER_SHARE of them upper-case). */
function isShouted(title: string): boolean {
  const letters = title.replace(/[^\p{L}]/gu, '');
  const upper = title.replace(/[^\p{Lu}]/gu, '');
  return letters.length >= 10 && upper.length / letters.length > HEADLINE_SHOUTING_UPPER_SHARE;
}

/** Penalty (in cosine) of a title written in capitals (isShouted): cleanHeadline can only put it in sentence case,
 * which loses its names' and acronyms' capitals ("WHO DECLARES…" → "Who declares…", a second hostile pass's), so a
 * title written in the usual case near the centre comes first. */
const SHOUTED_PENALTY = 0.15;

/** Penalty (in cosine) of a title that asks rather than tells (asksRatherThanTells): a report's title near the
 * centre comes first, and a question still beats clickbait. */
const QUESTION_PENALTY = 0.15;

/** Penalty (in cosine) of a title led by a quotation (ledByQuotation): a report's own words near the centre come
 * first. */
const QUOTATION_PENALTY = 0.1;

/** A title whose first part is a quotation, ended by a colon or a dash ("'Agreed On Guiding Principles For Deal': Iran
 * On US Nuclear Talks", "“We will not back down” — minister"): a speaker's words, picked by the outlet, before
 * what happened. A reader trial's top story was headed by NDTV's quotation beside the BBC's "Iran says 'guiding
 * principles' agreed with US at nuclear talks". A quoted name that opens a sentence ("‘Playmakers’ underscores…") is
 * not one. */
const QUOTATION_LED = /^\s*(?:[‘“"«„]|'(?=\p{L}))[^’”"»“]{3,}?(?:[’”"»“]|'(?!\p{L}))\s*[:：–—-]\s*\S/u;

/** True for a title led by a quotation (QUOTATION_LED). */
export const ledByQuotation = (title: string): boolean => QUOTATION_LED.test(title);

/** An English title opening with a question word, as explainers and features do ("How Epstein got so rich"):
 * capitalised as a word, not "WHO" (the World Health Organization), nor the consumer magazine "Which?". */
const QUESTION_OPENER = /^(?:How|Why|What|Where|Who|When|Which)\b(?!\?)/u;

/** An English explainer's tail after a colon or dash ("…School Shooting in Decades: What We Know", "… – what to
 * know", "…: Everything you need to know so far"): the outlet's "we" or the reader's "you", not what happened. */
const EXPLAINER_TAIL = /[:|–—-]\s*(?:here'?s |here’s )?(?:what (?:we|you|to) (?:know|need to know)|what (?:we|you) need to know|everything (?:we|you|to) (?:know|need to know))(?: so far| now)?\W*$/iu;

/**
 * True for a title that asks rather than says what happened: it ends in a question mark (? ？ ؟, after at most a
 * closing quote), or, in English or an unknown language, opens with a question word or ends as an explainer does
 * (EXPLAINER_TAIL). A reader trial's demo stories
 * were headed "Where Are the Next Winter Olympics?" and "How Epstein got so rich" beside reports' titles.
 */
export function asksRatherThanTells(title: string, language?: string | null): boolean {
  const t = title.trim();
  return /[?？؟]["'”’»)]?$/u.test(t) || ((primaryLanguage(language) ?? 'en') === 'en' && (QUESTION_OPENER.test(t) || EXPLAINER_TAIL.test(t)));
}

/** Labels in front of a title that are not part of the news ("BREAKING:", "WATCH:", "EXCLUSIVE -"). */
const LEADING_LABEL = /^(?:\s*(?:breaking(?: news)?|just in|watch|video|live(?: updates)?|exclusive|update[d]?|urgent|listen|photos?|in pictures)\s*[:|\-–—]\s*)+/iu;

/** Words shouted in capitals that carry no news ("SHOCKING", "HUGE"): lower-cased. */
const SHOUTED_WORDS = /\b(SHOCKING|BREAKING|HUGE|MUST[- ]SEE|WOW|URGENT|INSANE|UNBELIEVABLE|AMAZING|STUNNING|BOMBSHELL)\b/gu;

/** True for a title written to bait a click rather than to say what happened. */
export function isClickbait(title: string): boolean {
  return CLICKBAIT.some((re) => re.test(title));
}

const domainOf = (homepage: string): string => hostOf(homepage) ?? '';

/**
 * Cleans a title: removes a trailing " | Outlet", " - Outlet" or " — Outlet" when the suffix names the source (its
 * name or its homepage's domain) and always a trailing " | …" segment (pipes separate site names, not words); drops
 * leading labels ("BREAKING:", "WATCH:"); turns an ALL-CAPS title into sentence case and lower-cases shouted filler
 * words; collapses "!!!" to "!". Returns the title unchanged otherwise.
 */
export function cleanHeadline(title: string, source?: Pick<Source, 'name' | 'homepage'>): string {
  let t = title.trim().replace(/\s+/gu, ' ');
  for (let i = 0; i < 2; i++) {
    const m = /^(.*\S)\s+([|\-–—])\s+([^|\-–—]+)$/u.exec(t);
    if (!m) break;
    const suffix = m[3]!.trim().toLowerCase();
    let names = false;
    if (source) {
      const name = source.name.toLowerCase();
      const domain = domainOf(source.homepage);
      names = suffix === name || name.startsWith(suffix) || suffix.startsWith(name) || (!!domain && (suffix.includes(domain) || domain.startsWith(suffix.replace(/\s+/g, ''))));
    }
    if (names || (m[2] === '|' && suffix.split(' ').length <= 4)) t = m[1]!;
    else break;
  }
  const stripped = t.replace(LEADING_LABEL, '');
  if (stripped.length >= 10) t = stripped.charAt(0).toUpperCase() + stripped.slice(1);
  if (isShouted(t)) {
    const lower = t.toLowerCase();
    t = lower.charAt(0).toUpperCase() + lower.slice(1);
  } else {
    t = t.replace(SHOUTED_WORDS, (w, _x, offset: number) => (offset === 0 ? w.charAt(0) + w.slice(1).toLowerCase() : w.toLowerCase()));
  }
  return t.replace(/([!?])\1+/gu, '$1').trim();
}

/** Factuality bonus in [0, HEADLINE_FACTUALITY_WEIGHT]: very-high gets all of it, very-low or unrated none. */
function factualityBonus(source: Source | undefined): number {
  const value = sourceFactuality(source);
  if (!value) return 0;
  const rank = FACTUALITY_VALUES.indexOf(value);
  return (HEADLINE_FACTUALITY_WEIGHT * (FACTUALITY_VALUES.length - 1 - rank)) / (FACTUALITY_VALUES.length - 1);
}

export interface HeadlineCandidate {
  title: string;
  sourceId: string;
  /** Cosine of the article to the story centroid. */
  similarity: number;
  /** The title is a stand-in made from the article's text (its feed gave none): used only when no other is. */
  derived?: boolean;
  /** "opinion" or "analysis" (the article's feed kind): used only when no news article's title is. Absent: news. */
  kind?: ArticleKind;
  /** BCP 47 tag of the article's language; absent or null: unknown. */
  language?: string | null;
  /** When the article was reported, for a dated article (UTC ISO-8601): the headline comes from the last
   * HEADLINE_RECENT_HOURS of the dated ones. Absent (undated: its time is only when Parallax first read it, a feed's
   * whole backlog at once): not one of the recent titles. */
  at?: string;
}

/**
 * The candidates in the story's main language: the language (primary subtag) of the most sources among them, when
 * one language has more than any other; candidates of unknown language stay. A trial's instance with one Polish
 * outlet beside English ones had headed a story of two English reports and one Polish with the Polish title, on an
 * English site and its feeds.
 */
function inMainLanguage(pool: HeadlineCandidate[]): HeadlineCandidate[] {
  const sourcesBy = new Map<string, Set<string>>();
  for (const c of pool) {
    const language = primaryLanguage(c.language);
    if (language === null) continue;
    const set = sourcesBy.get(language) ?? new Set<string>();
    set.add(c.sourceId);
    sourcesBy.set(language, set);
  }
  const ranked = [...sourcesBy].map(([language, set]) => [language, set.size] as const).sort((x, y) => y[1] - x[1]);
  if (ranked.length < 2 || ranked[0]![1] === ranked[1]![1]) return pool;
  const main = ranked[0]![0];
  return pool.filter((c) => {
    const language = primaryLanguage(c.language);
    return language === null || language === main;
  });
}

const termsOf = (title: string): Set<string> => new Set(tokenize(title).map((t) => t.term));

/**
 * The candidates that may give the headline. Stand-in titles made from an article's text (`derived`) go when a title
 * an outlet wrote exists, opinion and analysis titles (`kind`) when a news article's exists, aggregators' titles
 * when an outlet's title exists, and titles in another language than the outlets' main one (inMainLanguage). When
 * the story is covered by two sides or more (Left, Center, Right among rated, undisputed sources), a title from a
 * Left or Right source stays only if at least HEADLINE_SHARED_TERMS_MIN of its content words also appear in titles
 * from another side; Center and unrated sources' titles always stay. Never empty when `candidates` is not.
 */
export function eligibleCandidates(candidates: HeadlineCandidate[], sources: ReadonlyMap<string, Source>): HeadlineCandidate[] {
  const nonEmpty = candidates.filter((c) => c.title.trim());
  const written = nonEmpty.filter((c) => !c.derived);
  const reported = written.filter((c) => !c.kind);
  const usable = reported.length ? reported : written.length ? written : nonEmpty;
  const outlets = usable.filter((c) => !isAggregator(sources.get(c.sourceId)));
  // The main language is the outlets' (a trial's two Polish aggregators had outvoted the one English outlet).
  const pool = inMainLanguage(outlets.length ? outlets : usable.length ? usable : candidates);
  const side = (c: HeadlineCandidate) => (disputedRatings(sources.get(c.sourceId)) ? null : sourceBucket(sources.get(c.sourceId)));
  const sides = new Set(pool.map(side).filter((s) => s !== null));
  if (sides.size < 2) return pool;
  const termsBySide = new Map<string, Set<string>>();
  for (const c of pool) {
    const s = side(c);
    if (!s) continue;
    const set = termsBySide.get(s) ?? new Set<string>();
    for (const t of termsOf(c.title)) set.add(t);
    termsBySide.set(s, set);
  }
  const kept = pool.filter((c) => {
    const s = side(c);
    if (s === null || s === 'center') return true;
    const terms = [...termsOf(c.title)];
    if (terms.length === 0) return false;
    const others = [...termsBySide].filter(([k]) => k !== s).map(([, v]) => v);
    const shared = terms.filter((t) => others.some((o) => o.has(t))).length;
    return shared / terms.length >= HEADLINE_SHARED_TERMS_MIN;
  });
  return kept.length ? kept : pool;
}

/**
 * A story's latest reports: the dated items (`at`: when reported, UTC ISO-8601, undefined for an undated one) within
 * HEADLINE_RECENT_HOURS of the newest, when they come from at least HEADLINE_RECENT_MIN_SOURCES sources; else the
 * whole pool. A story that has moved on is headed and summed up by where it stands. Undated items are never the
 * recent ones (a second hostile trial's undated backlog, read two days after the dated reports, had taken the
 * headline). Never empty when `pool` is not. Pure.
 */
export function recentReports<T extends { sourceId: string }>(pool: T[], at: (item: T) => string | undefined): T[] {
  const dated = pool.map((c) => ({ c, t: Date.parse(at(c) ?? '') })).filter(({ t }) => Number.isFinite(t));
  if (dated.length === 0) return pool;
  const from = Math.max(...dated.map(({ t }) => t)) - HEADLINE_RECENT_HOURS * 3_600_000;
  const late = dated.filter(({ t }) => t >= from).map(({ c }) => c);
  return new Set(late.map((c) => c.sourceId)).size >= HEADLINE_RECENT_MIN_SOURCES ? late : pool;
}

/**
 * Picks and cleans the headline among the recent (recentReports) eligibleCandidates: highest similarity to
 * the centre plus the factuality bonus, minus CLICKBAIT_PENALTY for clickbait, QUESTION_PENALTY for a title that
 * asks (asksRatherThanTells), SHOUTED_PENALTY for one in capitals and QUOTATION_PENALTY for one led by a quotation
 * (ledByQuotation). Ties go to the earlier candidate
 * (callers pass articles oldest first). Throws Error when `candidates` is empty.
 */
export function chooseHeadline(candidates: HeadlineCandidate[], sources: ReadonlyMap<string, Source>): string {
  if (candidates.length === 0) throw new Error('chooseHeadline: no candidates');
  const pool = recentReports(eligibleCandidates(candidates, sources), (c) => c.at);
  let best = pool[0]!;
  let bestScore = -Infinity;
  for (const c of pool) {
    const source = sources.get(c.sourceId);
    const score =
      c.similarity +
      factualityBonus(source) -
      (isClickbait(c.title) ? CLICKBAIT_PENALTY : 0) -
      (asksRatherThanTells(c.title, c.language) ? QUESTION_PENALTY : 0) -
      (isShouted(c.title) ? SHOUTED_PENALTY : 0) -
      (ledByQuotation(c.title) ? QUOTATION_PENALTY : 0);
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return cleanHeadline(best.title, sources.get(best.sourceId));
}

