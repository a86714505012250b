/**
 * Topic pages: story.topics are free text, the feeds' categories plus the story's key terms (src/core/story/topics.ts,
 * lower-cased by the pipeline); each gets a
 * URL slug, and topics whose slugs collide share one page. Only topics of at least TOPIC_PAGE_MIN_STORIES stories
 * get a page (src/core/config.ts).
 */
import { TOPIC_PAGE_MIN_STORIES } from '../core/config';
import { foldDiacritics } from '../core/fold-latin';
import type { RankedStory } from './stories';
import { rankStories } from './stories';

export { TOPIC_PAGE_MIN_STORIES };

export interface Topic {
  slug: string;
  /** Display name: the spelling most of its stories give (ties: code-point order), in headline style (topicName). */
  name: string;
  /** Stories with a page tagged with this topic, ranked as on the home page. */
  stories: RankedStory[];
}

/**
 * URL slug of a topic: ASCII where the topic has Latin letters or digits ("U.S. Politics" → "u-s-politics",
 * "Économie" → "economie", "Łódź" → "lodz": Latin letters folded as fold-latin.ts folds them); a topic with none keeps its own letters, lower-cased ("Политика" → "политика", "سیاست"
 * → "سیاست"; a URL path may hold them, RFC 3987), so topics of other scripts do not all share one page, as they had
 * under "topic" (a hostile trial); "topic" when nothing is left. At most 60 characters (code points).
 */
export function topicSlug(topic: string): string {
  const cut = (s: string): string => [...s.replace(/^-+|-+$/g, '')].slice(0, 60).join('').replace(/-+$/g, '');
  // Lower-cased again after NFKD: compatibility forms decompose to capitals ("ℂ" → "C", "™" → "TM").
  const ascii = cut(foldDiacritics(topic.toLowerCase()).normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-'));
  if (ascii) return ascii;
  return cut(topic.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')) || 'topic';
}

/** Words a headline-style title keeps lower-case unless first (articles, short conjunctions and prepositions). */
const MINOR_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'but', 'by', 'for', 'in', 'nor', 'of', 'on', 'or', 'the', 'to', 'vs', 'via']);

/**
 * Display name of a topic in headline style (feed categories are stored lower-cased, so "trump, donald j" shows as
 * "Trump, Donald J"): every word's first letter upper-cased except MINOR_WORDS after the first, and dotted
 * abbreviations upper-cased whole ("u.s." → "U.S."), as the AP and Chicago styles capitalise headlines.
 */
export function topicName(topic: string): string {
  return topic
    .trim()
    .split(/(\s+)/)
    .map((w, i) => {
      if (/^(?:\p{L}\.)+$/u.test(w)) return w.toUpperCase();
      if (i > 0 && MINOR_WORDS.has(w.toLowerCase())) return w;
      return w ? w[0]!.toUpperCase() + w.slice(1) : w;
    })
    .join('');
}

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const memo = new WeakMap<readonly RankedStory[], Topic[]>();

/**
 * The topics that get a page (and feeds, and a place on /topics/): collectTopics limited to topics with at least
 * TOPIC_PAGE_MIN_STORIES stories; computed once per story list (pages of one build share the list).
 */
export function topicsOf(stories: readonly RankedStory[]): Topic[] {
  let topics = memo.get(stories);
  if (!topics) memo.set(stories, (topics = topicsWithPage(collectTopics(stories))));
  return topics;
}

/** The topics of `topics` that get a page: at least `min` stories (default TOPIC_PAGE_MIN_STORIES). */
export function topicsWithPage(topics: readonly Topic[], min = TOPIC_PAGE_MIN_STORIES): Topic[] {
  return topics.filter((t) => t.stories.length >= min);
}

const slugMemo = new WeakMap<readonly RankedStory[], Set<string>>();

/** Slugs of the topics that have a page (topicsOf), for linking a story's topic chips only to pages that exist. */
export function topicPageSlugs(stories: readonly RankedStory[]): Set<string> {
  let slugs = slugMemo.get(stories);
  if (!slugs) slugMemo.set(stories, (slugs = new Set(topicsOf(stories).map((t) => t.slug))));
  return slugs;
}

const collectMemo = new WeakMap<readonly RankedStory[], Topic[]>();

/**
 * Every topic of the stories that have a page, by slug (code-point order), each with its ranked stories; computed
 * once per story list (every topic page and feed of a build asks for it).
 */
export function collectTopics(stories: readonly RankedStory[]): Topic[] {
  let topics = collectMemo.get(stories);
  if (!topics) collectMemo.set(stories, (topics = gatherTopics(stories)));
  return topics;
}

function gatherTopics(stories: readonly RankedStory[]): Topic[] {
  const bySlug = new Map<string, { spellings: Map<string, number>; stories: RankedStory[] }>();
  for (const story of rankStories(stories)) {
    for (const t of [...new Set(story.topics.map((x) => x.trim()).filter(Boolean))].sort()) {
      const slug = topicSlug(t);
      let entry = bySlug.get(slug);
      if (!entry) bySlug.set(slug, (entry = { spellings: new Map(), stories: [] }));
      if (!entry.stories.includes(story)) entry.stories.push(story);
      entry.spellings.set(t, (entry.spellings.get(t) ?? 0) + 1);
    }
  }
  return [...bySlug.entries()]
    .sort(([a], [b]) => byCodePoint(a, b))
    .map(([slug, v]) => ({ slug, name: topicName(commonestSpelling(v.spellings)), stories: v.stories }));
}

/**
 * The spelling most stories give a topic, ties to the first in code-point order (capitals first: "NATO" before
 * "nato"), so that a topic page's name does not follow whichever story ranks first (a Guardian-style "Nato" story had
 * renamed the NATO page).
 */
function commonestSpelling(spellings: ReadonlyMap<string, number>): string {
  let best = '';
  let most = 0;
  for (const [t, n] of spellings) if (n > most || (n === most && byCodePoint(t, best) < 0)) [best, most] = [t, n];
  return best;
}

/** feedTopics per story list (each topic feed of a build asks), with the archive counts and record it was computed from. */
const feedTopicsMemo = new WeakMap<readonly RankedStory[], { archived: ReadonlyMap<string, unknown>; recorded: ReadonlyMap<string, string>; topics: Map<string, string> }>();

const NO_RECORD: ReadonlyMap<string, string> = new Map();

/**
 * Topic slug → display name for every topic that has feeds (/topic/<slug>/rss.xml, feed.json), in slug order (code
 * points): each topic with at least TOPIC_PAGE_MIN_STORIES listed stories, live (`stories`) and archived (`archived`:
 * archivedTopicCounts) together, and every topic of `recorded` (slug → name: the topics that have had feeds,
 * <content>/state/topic-feeds.json, src/site/topic-feeds.ts). A topic that has had feeds keeps them for good, empty
 * when no live story has it, so a subscriber never gets a 404: stories leave the live site for the archive, and an
 * editor's merge or takedown can take a topic below the bar (the record keeps those). The live topic page itself
 * needs that many live stories. A name is the live spelling, else the archive's, else the recorded one.
 */
export function feedTopics(
  stories: readonly RankedStory[],
  archived: ReadonlyMap<string, { name: string; count: number }>,
  recorded: ReadonlyMap<string, string> = NO_RECORD,
): Map<string, string> {
  const memo = feedTopicsMemo.get(stories);
  if (memo?.archived === archived && memo.recorded === recorded) return memo.topics;
  const out = new Map<string, string>();
  const live = new Map(collectTopics(stories).map((t) => [t.slug, t]));
  for (const slug of [...new Set([...live.keys(), ...archived.keys(), ...recorded.keys()])].sort(byCodePoint)) {
    const count = (live.get(slug)?.stories.length ?? 0) + (archived.get(slug)?.count ?? 0);
    if (count >= TOPIC_PAGE_MIN_STORIES || recorded.has(slug)) out.set(slug, live.get(slug)?.name ?? archived.get(slug)?.name ?? recorded.get(slug)!);
  }
  feedTopicsMemo.set(stories, { archived, recorded, topics: out });
  return out;
}

/** Site path of a topic's page and feed directory: "topic/<slug>/" (under the base; href() makes it a link). */
export function topicPath(slug: string): string {
  return `topic/${slug}/`;
}
