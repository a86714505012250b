/**
 * Syndicated copy: the same wire story (AP, Reuters, AFP) run by several outlets. An article is not its source's own
 * reporting when it credits a wire agency (byline, or a dateline credit such as "WASHINGTON (AP) —") or when it is
 * near-identical (title and text, or a teaser cut from its text: SYNDICATION_* in src/core/config.ts) to an earlier
 * article of another source.
 * Pure.
 */
import {
  SYNDICATION_REHEADLINED_TEXT_JACCARD,
  SYNDICATION_REHEADLINED_TITLE_JACCARD,
  SYNDICATION_TEXT_JACCARD,
  SYNDICATION_TEASER_CONTAINMENT,
  SYNDICATION_TEXT_WORDS,
  SYNDICATION_TITLE_JACCARD,
  SYNDICATION_TITLE_ONLY_JACCARD,
  UNNAMED_WIRE,
  WIRE_AGENCIES,
  WIRE_URL_PATHS,
} from '../config';
import { escapeRegExp } from '../escape-regexp';
import type { SyndicatedArticle } from '../schema/story';
import { jaccard, overlapCoefficient, wordsOf } from '../word-overlap';

export interface SyndicationArticle {
  id: string;
  sourceId: string;
  title?: string;
  summary?: string | null;
  author?: string | null;
  /** The article's link (absent: not known); some outlets file wire copy under a path of its own (WIRE_URL_PATHS). */
  url?: string;
  /** Sort key: when it was first reported (UTC ISO-8601). */
  at: string;
  /** False when the feed gave no usable date (`at` is then only when Parallax first saw it); absent: dated. */
  dated?: boolean;
}

const CREDITS = WIRE_AGENCIES.map((a) => ({
  name: a.name,
  // "(AP) —", "(Reuters) -", "(AFP) :" near the start of the text
  dateline: new RegExp(`\\((?:${a.credits.map(escapeRegExp).join('|')})\\)\\s*[-–—:]`, 'u'),
  byline: new RegExp(`^(?:by\\s+)?(?:${a.bylines.map(escapeRegExp).join('|')})(?:\\s+staff)?$`, 'iu'),
}));

/**
 * The wire agency an article credits (byline, or a dateline credit in its first 200 characters), else the agency its
 * link's host and path file it under (WIRE_URL_PATHS, ABC News' /wireStory/; UNNAMED_WIRE when the path does not say
 * which), else null.
 */
export function wireCredit(a: Pick<SyndicationArticle, 'summary' | 'author' | 'url'>): string | null {
  const author = a.author?.trim() ?? '';
  const head = (a.summary ?? '').slice(0, 200);
  for (const c of CREDITS) if ((author && c.byline.test(author)) || c.dateline.test(head)) return c.name;
  const url = a.url ? parsedUrl(a.url) : null;
  for (const w of WIRE_URL_PATHS) if (url && w.host.test(url.hostname) && w.path.test(url.pathname)) return w.agency ?? UNNAMED_WIRE;
  return null;
}

/** An absolute URL, or null when it does not parse (its query and fragment say nothing of who wrote it). */
const parsedUrl = (url: string): URL | null => {
  try {
    return new URL(url);
  } catch {
    return null;
  }
};

/** Each pair of adjacent words ("2-shingles", Broder, "On the resemblance and containment of documents", 1997). */
function wordPairs(ws: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 1; i < ws.length; i++) out.add(`${ws[i - 1]} ${ws[i]}`);
  return out;
}


/** What sameCopy compares of an article: its title's words, and its text's distinct words and word pairs. */
interface CopyWords {
  title: Set<string>;
  textWords: number;
  textPairs: Set<string>;
}

const copyWords = (a: Pick<SyndicationArticle, 'title' | 'summary'>): CopyWords => {
  const text = wordsOf(a.summary, SYNDICATION_TEXT_WORDS);
  return { title: new Set(wordsOf(a.title)), textWords: new Set(text).size, textPairs: wordPairs(text) };
};

/**
 * Texts are compared by their word pairs, not their words: a copy keeps the agency's sentences, while a report
 * written anew from the same facts shares the words in another order (a trial's rewritten one-sentence lead shared
 * 0.78 of its words with the original, 0.24 of its word pairs, and had been called a copy).
 */
function sameWords(x: CopyWords, y: CopyWords): boolean {
  const t = jaccard(x.title, y.title);
  if (x.textWords < 8 || y.textWords < 8) return t >= SYNDICATION_TITLE_ONLY_JACCARD;
  if (t < Math.min(SYNDICATION_TITLE_JACCARD, SYNDICATION_REHEADLINED_TITLE_JACCARD)) return false;
  const text = jaccard(x.textPairs, y.textPairs);
  if ((t >= SYNDICATION_TITLE_JACCARD && text >= SYNDICATION_TEXT_JACCARD) || (t >= SYNDICATION_REHEADLINED_TITLE_JACCARD && text >= SYNDICATION_REHEADLINED_TEXT_JACCARD)) return true;
  return t >= SYNDICATION_TITLE_JACCARD && overlapCoefficient(x.textPairs, y.textPairs) >= SYNDICATION_TEASER_CONTAINMENT;
}


/** True when two articles carry the same copy (see SYNDICATION_* in config). */
export function sameCopy(x: Pick<SyndicationArticle, 'title' | 'summary'>, y: Pick<SyndicationArticle, 'title' | 'summary'>): boolean {
  return sameWords(copyWords(x), copyWords(y));
}

export interface SyndicationResult {
  /** Articles that are not their source's own reporting, oldest first. */
  syndicated: SyndicatedArticle[];
  /** Distinct sources with at least one article of their own reporting. */
  ownReporting: number;
  /**
   * Sources (sorted ids) that ran an agency's copy here without crediting it: an article of theirs carries no credit
   * and no byline in a copy group where another source's article names an agency that source is not, and that the
   * agency's own article is not part of. Pooled over a window's stories by the caller to find sources that run wire
   * copy uncredited (`runsWireUncredited`).
   */
  uncredited: string[];
}

/**
 * Finds syndicated copy among a story's articles. `isAgency(sourceId, agency)` tells whether a source is the agency
 * itself (its articles are its own reporting even when they carry its credit). An undated article is never called
 * the copy or the original of another (which came first is unknown); its wire credit still counts.
 * `runsWireUncredited(sourceId)` names the sources known to run agency copy without crediting it (found over a
 * window, see `uncredited`): their article without a credit is the agency's copy when another copy of it names the
 * agency, even a later one; any other source's first copy is its own reporting, as a later credit may be an agency
 * re-running that outlet's story.
 */
export function detectSyndication(
  articles: SyndicationArticle[],
  isAgency: (sourceId: string, agency: string) => boolean = () => false,
  runsWireUncredited: (sourceId: string) => boolean = () => false,
): SyndicationResult {
  const sorted = [...articles].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // Each article's copy group: the first article of the copy it carries (its own id when it carries no earlier one).
  const root = new Map<string, string>();
  const sourceOf = new Map(articles.map((a) => [a.id, a.sourceId]));
  // Word sets once per article: the pairs below are quadratic in the story's size.
  const words = sorted.map(copyWords);
  sorted.forEach((a, i) => {
    root.set(a.id, a.id);
    for (let j = 0; j < i; j++) {
      const b = sorted[j]!;
      if (b.sourceId === a.sourceId) continue;
      // Which of two copies came first is known only from two dates, and two different ones: a first-seen time says
      // when Parallax read it, and a date-only feed's items tie at midnight.
      if (a.dated === false || b.dated === false || a.at === b.at) continue;
      if (sameWords(words[i]!, words[j]!)) {
        // never a copy of its own source's article (a repost after another outlet's copy of it)
        const r = root.get(b.id)!;
        root.set(a.id, sourceOf.get(r) === a.sourceId ? b.id : r);
        break;
      }
    }
  });
  const credits = new Map(sorted.map((a) => [a.id, wireCredit(a)]));
  const named = (c: string | null | undefined): c is string => !!c && c !== UNNAMED_WIRE;
  // The agency each group's copies name where they credit one, by a source that is not that agency (the first such).
  const namedInGroup = new Map<string, { agency: string; by: string }>();
  for (const a of sorted) {
    const c = credits.get(a.id);
    const g = root.get(a.id)!;
    if (named(c) && !isAgency(a.sourceId, c) && !namedInGroup.has(g)) namedInGroup.set(g, { agency: c, by: a.sourceId });
  }
  const agencyOf = (a: SyndicationArticle): string | undefined => WIRE_AGENCIES.find((w) => isAgency(a.sourceId, w.name))?.name;
  const uncredited = new Set<string>();
  // A credit reaches the copies of its group that came after it: one outlet's credit tells whose copy the later ones
  // run (a reader trial's AP story had been "Wire copy via AP" at NPR, which credits AP, but "Copy of Japan Today's
  // article" at ABC News two hours later, which does not). Not the copies before it (an agency that re-runs an
  // outlet's story credits itself: a hostile trial's Tampa Bay Times report, AP's copy six hours later), unless their
  // source runs wire copy uncredited (runsWireUncredited: Japan Today's copies of AP and AFP, first in two demo stories).
  const groupCredit = new Map<string, string>();
  const out: SyndicatedArticle[] = [];
  const own = new Set<string>();
  for (const a of sorted) {
    const g = root.get(a.id)!;
    const copyOf = g === a.id ? null : g;
    const credited = credits.get(a.id)!;
    const agency = agencyOf(a);
    // An uncredited copy that another outlet credits to an agency: evidence that its source runs wire copy
    // uncredited, and, when it does, the agency's copy. Not a bylined article (a reporter's own, which the agency may
    // have re-run), nor one of a group the agency itself ran too (its re-run of an outlet's story: a hostile pass's
    // Tampa Bay Times scoops, AP's copies six hours later, a third outlet's an hour after that).
    const namer = namedInGroup.get(g);
    const runsCopy =
      credited === null && agency === undefined && !a.author?.trim() && namer !== undefined && namer.by !== a.sourceId &&
      !sorted.some((o) => root.get(o.id) === g && isAgency(o.sourceId, namer.agency));
    if (runsCopy) uncredited.add(a.sourceId);
    const earlier = copyOf === null ? undefined : groupCredit.get(g);
    const backward = runsCopy && runsWireUncredited(a.sourceId) ? namer.agency : undefined;
    // An agency named, here or by an earlier copy, outranks a link's path that names none (UNNAMED_WIRE).
    const via = named(credited) ? credited : named(earlier) ? earlier : named(backward) ? backward : (credited ?? earlier ?? null);
    if (via !== null && !named(groupCredit.get(g))) groupCredit.set(g, via);
    // An agency's own article is its own reporting, whoever ran its copy first (a hostile pass's AP article had been
    // "Wire copy" after ABC's /wireStory/ copy five minutes earlier), unless it credits another agency ("TOKYO (AP)"
    // at Reuters).
    const isOwn = (agency !== undefined && (credited === null || credited === agency)) || (via !== null && isAgency(a.sourceId, via)) || (via === null && copyOf === null);
    if (isOwn) own.add(a.sourceId);
    else out.push({ articleId: a.id, sourceId: a.sourceId, via, copyOf });
  }
  return { syndicated: out, ownReporting: own.size, uncredited: [...uncredited].sort() };
}
