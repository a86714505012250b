/**
 * From articles to stories: clusters the articles of the active window, keeps each story's id stable across runs
 * through the story index, and fills in headline, summary, coverage, blindspot, topics and rank.
 */
import { standInTitle, truncateText } from '../feed/clean-text';
import { DEFAULT_CLUSTER_CONFIG, EXCERPT_MAX_CHARS, MIN_SOURCES_FOR_STORY_PAGE, SUMMARY_MAX_BULLETS, SUMMARY_MIN_BULLETS } from '../config';
import { blindspotBaseline, blindspotOf, type BiasBaseline } from '../coverage/blindspot';
import { computeCoverage, lastUpdatedOf, reportedAt, sourceBucket, uncreditedWireSources } from '../coverage/coverage';
import type { Article } from '../schema/article';
import type { Source } from '../schema/source';
import { NO_STORY_OVERRIDES, splitArticleIds, type StoryOverrides } from '../schema/overrides';
import { hasStoryPage, type Story, type StoryArticle, type SummaryBullet } from '../schema/story';
import { clusterDocs, type ClusterConfig, type ClusterDoc, type ClusterMember } from './cluster';
import { chooseHeadline, recentReports } from './headline';
import { slugify, storyIdFor } from './ids';
import { similarStories } from './similar-stories';
import { colonDatelineSources, summarize, type SummaryArticle } from './summarize';
import { materialOf } from './story-changes';
import { jaccard, wordsOf } from '../word-overlap';
import { indexedSurnames, storyTopics } from './topics';
import { centroid, dot, termCounts, toVector, topSharedTerms, type SparseVector } from './vectorize';

/** Article id → story id, for every article ever placed in a story. */
export type StoryIndex = Record<string, string>;

/** What the clustering reads of an article: title, summary, when it was reported (ms), its source and language. */
export function clusterDocOf(a: Article): ClusterDoc {
  return { id: a.id, title: a.title, text: a.summary, time: Date.parse(reportedAt(a)), source: a.sourceId, language: a.language };
}

/** Whether an article's title is the cut-off start of its own text, as the parser names an item that has no title
 * (standInTitle): a stand-in, not a headline its outlet wrote. A title equal
 * to the whole text is not told apart from a feed that repeats its titles as descriptions, so it is not counted. */
export function titleFromText(a: Pick<Article, 'title' | 'summary'>): boolean {
  return !!a.summary && a.title !== a.summary && a.title === standInTitle(a.summary);
}

/** Up to `max` characters of `text`, cut at a word boundary with an ellipsis (truncateText); null stays null. */
export function excerpt(text: string | null, max = EXCERPT_MAX_CHARS): string | null {
  return text ? truncateText(text, max) : null;
}

/** Bias balance of the sources that have articles in the window: the blindspot rule's baseline. */
export function biasBaseline(sourceIds: Iterable<string>, sources: ReadonlyMap<string, Source>): BiasBaseline {
  const out = { left: 0, center: 0, right: 0 };
  for (const id of new Set(sourceIds)) {
    const bucket = sourceBucket(sources.get(id));
    if (bucket) out[bucket]++;
  }
  return out;
}

/** Old story id → the id it now redirects to (after merges). */
export type Redirects = Record<string, string>;

/** Follows redirects to the id that is live now (chains are resolved; a cycle stops where it closes). */
export function resolveRedirect(id: string, redirects: Readonly<Redirects>): string {
  const seen = new Set<string>();
  let current = id;
  while (redirects[current] && !seen.has(current)) {
    seen.add(current);
    current = redirects[current]!;
  }
  return current;
}

/**
 * Editors' pinned headlines by the story id each now lives under: a pin on a story merged into another (`redirects`,
 * by an editor or the clustering) carries over to the survivor, so an editor's headline is not dropped without a word
 * by a merge. A pin on the survivor's own id wins; among carried pins, the first in the file does.
 */
export function pinnedHeadlines(headline: ReadonlyArray<{ storyId: string; title: string }>, redirects: Readonly<Redirects>): Map<string, string> {
  const pinned = new Map<string, string>();
  for (const h of headline) if (!redirects[h.storyId] && !pinned.has(h.storyId)) pinned.set(h.storyId, h.title);
  for (const h of headline) {
    const live = resolveRedirect(h.storyId, redirects);
    if (!pinned.has(live)) pinned.set(live, h.title);
  }
  return pinned;
}

/**
 * Story identity across runs. Each cluster takes the ids its articles already had (through the story index); with
 * none it mints storyIdFor(its earliest article), never reusing an id: not one the index names, nor one in `retired`
 * (ids that redirect now: a story merged away, by the clustering or an editor, whose seed article is later split out
 * or comes back alone would mint its old id again, and that id's redirect page and pinned headline lead elsewhere).
 * With several (two stories grew together, or an editor merged them), the oldest story's id survives and the others
 * become redirects to it, so a published id always leads somewhere. `storyStart` gives each existing id its age key
 * (storyStarts: first read, then first reported). Returns the ids in cluster order and the redirects made now.
 */
export function assignStoryIds(
  clusters: string[][],
  index: Readonly<StoryIndex>,
  storyStart: ReadonlyMap<string, string>,
  retired: Iterable<string> = [],
): { ids: string[]; redirects: Redirects } {
  const used = new Set<string>([...Object.values(index), ...retired]);
  const redirects: Redirects = {};
  const ids = clusters.map((members) => {
    const held = [...new Set(members.map((a) => index[a]).filter((x): x is string => !!x))];
    held.sort((x, y) => {
      const tx = storyStart.get(x) ?? '';
      const ty = storyStart.get(y) ?? '';
      return tx < ty ? -1 : tx > ty ? 1 : x < y ? -1 : x > y ? 1 : 0;
    });
    const survivor = held[0];
    if (survivor) {
      for (const other of held.slice(1)) redirects[other] = survivor;
      return survivor;
    }
    let id = storyIdFor(members[0]!);
    for (let n = 1; used.has(id); n++) id = storyIdFor(`${members[0]!}#${n}`);
    used.add(id);
    return id;
  });
  return { ids, redirects };
}

/**
 * The articles each split entry takes out, by entry (file order): its articles (splitArticleIds) without those an
 * earlier entry already took (the first entry naming an article decides its group; conflictingStoryOverrides in
 * src/core/overrides/overrides.ts warns about the later one), so an entry may be left with none.
 */
export function splitGroupsByEntry(split: StoryOverrides['split']): string[][] {
  const taken = new Set<string>();
  return split.map((s) => {
    const group = splitArticleIds(s).filter((id) => !taken.has(id));
    for (const id of group) taken.add(id);
    return group;
  });
}

/**
 * The article groups the split entries take out (splitGroupsByEntry, empty ones left out): a group of one is an
 * article on its own; a group of several becomes one story of their own.
 */
export function splitGroups(split: StoryOverrides['split']): string[][] {
  return splitGroupsByEntry(split).filter((g) => g.length > 0);
}

/** Whether the split `groups` change a story of these articles: some are split out, and not all into one group. */
export function splitChangesStory(articleIds: readonly string[], groups: readonly string[][]): boolean {
  const groupOf = new Map<string, number>();
  groups.forEach((g, i) => g.forEach((id) => groupOf.set(id, i)));
  return articleIds.some((id) => groupOf.has(id)) && new Set(articleIds.map((id) => groupOf.get(id) ?? -1)).size > 1;
}

/**
 * Applies editors' story overrides to the previous index before clustering: merged stories' articles move to the
 * oldest id (the others redirect; ids of no story in the index, and stories that earlier runs' splits made of their
 * articles, `separated`: splitsSeparatedBefore, are passed over), and split-out articles lose their
 * story (`isolated`: every one of them; `groups`: splitGroups, to be joined again after the clustering), except a
 * group of several that is its own story already, which keeps its entries and so its id. Pure; returns new values.
 */
export function applyStoryOverrides(
  index: Readonly<StoryIndex>,
  overrides: StoryOverrides,
  storyStart: ReadonlyMap<string, string>,
  separated: ReadonlySet<string> = new Set(),
): { index: StoryIndex; redirects: Redirects; isolated: Set<string>; groups: string[][] } {
  const next: StoryIndex = { ...index };
  const redirects: Redirects = {};
  const groups = splitGroups(overrides.split);
  const isolated = new Set(groups.flat());
  // A story that an earlier run's split made of split-out articles (`separated`) is the split's: a merge does not take
  // it (the split keeps its articles apart; redirected, its id had led to a story without them).
  const splitOnly = new Set(Object.entries(index).filter(([article]) => separated.has(article)).map(([, id]) => id));
  for (const [article, id] of Object.entries(index)) if (!isolated.has(article)) splitOnly.delete(id);
  for (const m of overrides.merge) {
    // Only stories of this index merge: an id no story has (a typo) must not become a redirect page.
    const ids = [...new Set(m.storyIds)].filter((id) => storyStart.has(id) && !splitOnly.has(id)).sort((x, y) => {
      const tx = storyStart.get(x)!;
      const ty = storyStart.get(y)!;
      return tx < ty ? -1 : tx > ty ? 1 : x < y ? -1 : 1;
    });
    if (ids.length < 2) continue;
    const survivor = resolveRedirect(ids[0]!, redirects);
    for (const other of ids.slice(1)) if (other !== survivor) redirects[other] = survivor;
  }
  for (const [article, id] of Object.entries(next)) if (redirects[id]) next[article] = resolveRedirect(id, redirects);
  // A group of several that is already a story of its own (every article under one id that no other article has)
  // keeps its entries, so the story keeps its id: minted afresh each run, the id followed the group's earliest
  // article in the window, and changed when that one left it (a hostile trial: the group took an archived id back).
  const storySize = new Map<string, number>();
  for (const id of Object.values(next)) storySize.set(id, (storySize.get(id) ?? 0) + 1);
  const settled = new Set<string>();
  for (const group of groups) {
    const id = next[group[0]!];
    if (group.length > 1 && id !== undefined && group.every((a) => next[a] === id) && storySize.get(id) === group.length) for (const a of group) settled.add(a);
  }
  for (const id of isolated) if (!settled.has(id)) delete next[id];
  return { index: next, redirects, isolated, groups };
}

/**
 * `released` articles (a page that now carries another article: replacesArticle) placed again as new ones: out of the
 * index when their story has other articles (counting archived ones), which keeps its id; `loose` when it is their
 * story's only article: it keeps its entry, so its story's id goes where it goes (its own again, or a redirect to the
 * story it joins: buildStories' `loose`), but is not held in it. Pure.
 */
export function releaseArticles(index: Readonly<StoryIndex>, released: ReadonlySet<string>): { index: StoryIndex; loose: Set<string> } {
  const size = new Map<string, number>();
  for (const id of Object.values(index)) size.set(id, (size.get(id) ?? 0) + 1);
  const next: StoryIndex = { ...index };
  const loose = new Set<string>();
  for (const a of released) {
    if (next[a] === undefined) continue;
    if (size.get(next[a])! > 1) delete next[a];
    else loose.add(a);
  }
  return { index: next, loose };
}

/**
 * `clusters` (ClusterResult's order: by first member's time, then id) with the one-article clusters of each split
 * group's articles (the clustering isolates every split-out article) joined into one cluster per group, each
 * member's similarity its cosine with the group's centre (rounded as the clustering's). `timeOf` gives an article's
 * time (ms) for the order. Groups of one, and articles not clustered (not in the window), are left as they are.
 */
export function joinSplitGroups(
  clusters: ClusterMember[][],
  groups: readonly string[][],
  vectors: ReadonlyMap<string, SparseVector>,
  timeOf: (id: string) => number,
): ClusterMember[][] {
  const groupOf = new Map<string, number>();
  groups.forEach((g, i) => {
    if (g.length > 1) for (const id of g) groupOf.set(id, i);
  });
  if (!groupOf.size) return clusters;
  const joined = new Map<number, string[]>();
  const out: ClusterMember[][] = [];
  for (const c of clusters) {
    const g = c.length === 1 ? groupOf.get(c[0]!.id) : undefined;
    if (g === undefined) out.push(c);
    else joined.set(g, [...(joined.get(g) ?? []), c[0]!.id]);
  }
  const byTime = (x: string, y: string): number => timeOf(x) - timeOf(y) || (x < y ? -1 : x > y ? 1 : 0);
  for (const ids of joined.values()) {
    ids.sort(byTime);
    const centre = centroid(ids.map((id) => vectors.get(id)!));
    out.push(ids.map((id) => ({ id, similarity: Math.round(dot(vectors.get(id)!, centre) * 1e4) / 1e4 })));
  }
  return out.sort((x, y) => byTime(x[0]!.id, y[0]!.id));
}

/** A whole-story bullet sharing this share of its words (Jaccard over word sets) with a latest-reports bullet says it
 * again (storySummary); half, as a kept headline's edit (GUID_MOVE_TITLE_JACCARD). */
const SAYS_AGAIN_JACCARD = 0.5;

/**
 * A story's summary bullets (`summarizeFrom` over some of its articles, oldest first). When the story has moved on,
 * the bullets of its latest reports (recentReports, those its headline comes from) come first, then those of the
 * whole story that say something else (sharing under half their words with each bullet before), up to
 * SUMMARY_MAX_BULLETS: where the story stands, then how it got there (a reader trial's Iran talks story had opened on
 * "a day ahead of a second round" after the round ended). Lead sentences of either come before titles, which fill
 * in only while there are fewer than SUMMARY_MIN_BULLETS of them, as in summarize (a reader trial's Rubio story had
 * opened on two of the latest reports' headlines above three leads).
 */
function storySummary(articles: Article[], summarizeFrom: (articles: Article[]) => SummaryBullet[]): SummaryBullet[] {
  const latest = recentReports(articles, (a) => (a.published !== null ? reportedAt(a) : undefined));
  if (latest === articles) return summarizeFrom(articles);
  const titles = new Map(articles.map((a) => [a.id, a.title.trim()]));
  const isTitle = (b: SummaryBullet): boolean => titles.get(b.articleId) === b.text;
  const fromLatest = summarizeFrom(latest);
  const fromAll = summarizeFrom(articles);
  const out: SummaryBullet[] = [];
  const said: Array<Set<string>> = [];
  const add = (b: SummaryBullet): void => {
    const words = new Set(wordsOf(b.text));
    if (out.length >= SUMMARY_MAX_BULLETS || said.some((w) => jaccard(w, words) >= SAYS_AGAIN_JACCARD)) return;
    out.push(b);
    said.push(words);
  };
  for (const b of [...fromLatest, ...fromAll]) if (!isTitle(b)) add(b);
  for (const b of [...fromLatest, ...fromAll]) if (isTitle(b) && out.length < SUMMARY_MIN_BULLETS) add(b);
  return out;
}

export interface BuildStoriesResult {
  /** Stories with an article in the window, sorted by id. */
  stories: Story[];
  /** The previous index plus every article of the window mapped to its story. */
  index: StoryIndex;
  /** Ids that stopped being stories in this run (merged), each to the id it leads to now. */
  redirects: Redirects;
}

export interface BuildStoriesInput {
  /** The active window's articles: the ones clustered. */
  active: Article[];
  /** Every stored article by id, so a story keeps the articles that have left the window. */
  archive: ReadonlyMap<string, Article>;
  sources: ReadonlyMap<string, Source>;
  /** The previous run's story index ({} on a first run). */
  index: Readonly<StoryIndex>;
  overrides?: StoryOverrides;
  config?: ClusterConfig;
  /**
   * The stored active stories by id (what the last run wrote). A story whose materialOf is unchanged is returned as
   * this very object (./story-changes.ts): its summary, topics, similar stories and article similarities are not
   * recomputed, so its file stays as it is.
   */
  previous?: ReadonlyMap<string, Story>;
  /** True to derive every story anew (summary, topics…) though `previous` holds it unchanged: the stored stories were
   * written by other rules (STORY_TEXT_VERSION). `previous` still says which had a page (`paged`). */
  rederive?: boolean;
  /** The redirects of earlier runs (state/redirects.json), so a headline pinned on a story merged then still counts. */
  redirects?: Readonly<Redirects>;
  /** Split articles that earlier runs' splits took out of their story (splitsSeparatedBefore): a merge passes over
   * their story. */
  separatedSplits?: ReadonlySet<string>;
  /** Articles clustered as new although the index names their story (releaseArticles' `loose`). */
  loose?: ReadonlySet<string>;
}

/**
 * Each story id's age key, for "the older id survives" (assignStoryIds, applyStoryOverrides): the earliest firstSeen
 * of its articles (the run that first read it: an id is minted in the run its first article is read), then the
 * earliest reportedAt, both UTC ISO-8601 of fixed width, so the key compares as a string. By the reported time alone,
 * a story a late feed began with an earlier-dated report had taken over the id published days before it (an operator
 * trial). `byId` holds the articles the index names (active and archived).
 */
export function storyStarts(index: Readonly<StoryIndex>, byId: ReadonlyMap<string, Article>): Map<string, string> {
  const first = new Map<string, { seen: string; reported: string }>();
  for (const [articleId, storyId] of Object.entries(index)) {
    const a = byId.get(articleId);
    if (!a) continue;
    const f = first.get(storyId);
    const t = reportedAt(a);
    if (!f) first.set(storyId, { seen: a.firstSeen, reported: t });
    else {
      if (a.firstSeen < f.seen) f.seen = a.firstSeen;
      if (t < f.reported) f.reported = t;
    }
  }
  return new Map([...first].map(([id, f]) => [id, `${f.seen}${f.reported}`]));
}

/**
 * Incremental story building: the window's articles are clustered with the stories they already
 * belong to held together (never split; editors' splits aside), so new articles join existing stories or start new
 * ones, and stories that grow together merge (the older id survives, the other redirects). Stories whose articles
 * have all left the window are not returned (their files stay as archived).
 */
export function buildStories(input: BuildStoriesInput): BuildStoriesResult {
  const { active, archive, sources } = input;
  // Read from every stored article, not only those clustered: a story rebuilt alone (a takedown in the run it is
  // archived, an editor's merge of archived stories) had lost its source's datelines (a hostile trial).
  const colonDatelines = colonDatelineSources([...archive.values()]);
  const withDateline = (a: Article): SummaryArticle => (colonDatelines.has(a.sourceId) ? { ...a, colonDateline: true } : a);
  const overrides = input.overrides ?? NO_STORY_OVERRIDES;
  const config = input.config ?? DEFAULT_CLUSTER_CONFIG;
  const byId = new Map(archive);
  for (const a of active) byId.set(a.id, a);
  const storyStart = storyStarts(input.index, byId);
  const edited = applyStoryOverrides(input.index, overrides, storyStart, input.separatedSplits);
  const index = edited.index;

  const groups = new Map<string, string[]>();
  for (const a of active) {
    const id = index[a.id];
    if (!id || input.loose?.has(a.id)) continue;
    if (!groups.has(id)) groups.set(id, []);
    groups.get(id)!.push(a.id);
  }
  // Each held story's start over all its articles (merged stories included), for the clustering's span limit.
  const groupStart = new Map<string, string>();
  for (const [articleId, storyId] of Object.entries(index)) {
    const a = byId.get(articleId);
    if (!a || !groups.has(storyId)) continue;
    const t = reportedAt(a);
    if (!groupStart.has(storyId) || t < groupStart.get(storyId)!) groupStart.set(storyId, t);
  }
  const surnames = indexedSurnames(active);
  const heldIds = [...groups.keys()].sort();
  const raw = clusterDocs(
    active.map(clusterDocOf),
    config,
    heldIds.map((k) => groups.get(k)!),
    edited.isolated,
    heldIds.map((k) => Date.parse(groupStart.get(k)!)),
  );
  // Articles split out together (a split's `articleIds`) are one story of their own.
  const result = { ...raw, clusters: joinSplitGroups(raw.clusters, edited.groups, raw.vectors, (id) => Date.parse(reportedAt(byId.get(id)!))) };
  const retired = [...Object.keys(input.redirects ?? {}), ...Object.keys(edited.redirects)];
  const assigned = assignStoryIds(result.clusters.map((c) => c.map((m) => m.id)), index, storyStart, retired);
  const ids = assigned.ids;
  const redirects: Redirects = { ...edited.redirects, ...assigned.redirects };
  // Articles that left the window stay with their story; those of a split group, with their group's story.
  const expiredOf = new Map<string, Article[]>();
  const activeIds = new Set(active.map((a) => a.id));
  const addExpired = (storyId: string, articleId: string): void => {
    if (!expiredOf.has(storyId)) expiredOf.set(storyId, []);
    expiredOf.get(storyId)!.push(byId.get(articleId)!);
  };
  for (const [articleId, storyId] of Object.entries(index)) {
    if (activeIds.has(articleId) || !byId.has(articleId)) continue;
    addExpired(resolveRedirect(storyId, redirects), articleId);
  }
  const clusterOf = new Map(result.clusters.flatMap((c, i) => c.map((m) => [m.id, i] as const)));
  for (const group of edited.groups) {
    const at = group.map((id) => clusterOf.get(id)).find((i) => i !== undefined);
    if (group.length < 2 || at === undefined) continue;
    // (those of a group that keeps its index entries were added above)
    for (const id of group) if (!activeIds.has(id) && byId.has(id) && index[id] === undefined) addExpired(ids[at]!, id);
  }
  const pinned = pinnedHeadlines(overrides.headline, { ...input.redirects, ...redirects });
  const vectorOf = (a: Article) =>
    result.vectors.get(a.id) ?? toVector(termCounts(clusterDocOf(a), config).counts, result.model, config.entityBoost);
  const baseline = blindspotBaseline(active.map((a) => a.sourceId), sources);
  const centres = new Map<string, SparseVector>();
  const nextIndex: StoryIndex = { ...index };
  for (const [articleId, storyId] of Object.entries(nextIndex)) nextIndex[articleId] = resolveRedirect(storyId, redirects);
  /** Stories returned as their stored object (nothing a reader sees changed): not summarised again. */
  const kept = new Set<Story>();
  // Each story's articles, its window's and its expired ones, oldest first.
  const articlesOf = result.clusters.map((clustered, i) =>
    [...clustered.map((m) => m.id), ...(expiredOf.get(ids[i]!) ?? []).map((a) => a.id)]
      .sort((x, y) => {
        const tx = reportedAt(byId.get(x)!);
        const ty = reportedAt(byId.get(y)!);
        return tx < ty ? -1 : tx > ty ? 1 : x < y ? -1 : 1;
      })
      .map((m) => byId.get(m)!),
  );
  // Sources that run agency copy uncredited, as the window's stories show (WIRE_UNCREDITED_MIN_STORIES).
  const runsWireUncredited = new Set(uncreditedWireSources(articlesOf, sources));
  const stories: Story[] = result.clusters.map((clustered, i) => {
    const id = ids[i]!;
    const centre = centroid(clustered.map((m) => result.vectors.get(m.id)!));
    centres.set(id, centre);
    const expiredArticles = expiredOf.get(id) ?? [];
    const storyArticles = articlesOf[i]!;
    for (const a of storyArticles) nextIndex[a.id] = id;
    const pin = pinned.get(id);
    const title =
      pin ??
      chooseHeadline(
        clustered.map((m) => {
          const a = byId.get(m.id)!;
          return { title: a.title, sourceId: a.sourceId, similarity: m.similarity, derived: titleFromText(a), language: a.language, ...(a.published !== null ? { at: reportedAt(a) } : {}), ...(a.kind ? { kind: a.kind } : {}) };
        }),
        sources,
      );
    const coverage = computeCoverage(storyArticles, sources, runsWireUncredited);
    const stored = input.previous?.get(id);
    const firstSeen = storyArticles.map(reportedAt).reduce((x, y) => (y < x ? y : x));
    const material = {
      id,
      slug: slugify(title),
      title,
      ...(pin !== undefined ? { titlePinned: true as const } : {}),
      articles: storyArticles.map((a) => ({
        id: a.id,
        sourceId: a.sourceId,
        url: a.url,
        title: a.title,
        excerpt: excerpt(a.summary),
        image: a.image,
        published: a.published,
        firstSeen: a.firstSeen,
        ...(a.kind ? { kind: a.kind } : {}),
      })),
      firstSeen,
      lastUpdated: lastUpdatedOf(storyArticles),
      coverage,
      blindspot: blindspotOf(coverage, baseline),
      // A story that had a page keeps it (and its URL) below the bar: hasStoryPage (schema/story.ts).
      ...(coverage.sourceCount < MIN_SOURCES_FOR_STORY_PAGE && stored && hasStoryPage(stored) ? { paged: true as const } : {}),
    };
    if (stored && !input.rederive && materialOf(stored) === materialOf(material)) {
      kept.add(stored);
      return stored;
    }
    const similarity = new Map(clustered.map((m) => [m.id, m.similarity]));
    for (const a of expiredArticles) similarity.set(a.id, Math.round(dot(vectorOf(a), centre) * 1e4) / 1e4);
    const articles: StoryArticle[] = material.articles.map((a, k) => ({
      ...a,
      similarity: similarity.get(a.id)!,
      sharedTerms: storyArticles.length > 1 ? topSharedTerms(vectorOf(storyArticles[k]!), centre, result.model, 3) : [],
    }));
    return {
      ...material,
      summary: storySummary(storyArticles, (list) => summarize(list.map(withDateline), centre, result.model, config, title)),
      articles,
      topics: storyTopics(storyArticles, centre, result.model, surnames),
      similar: [],
    };
  });
  // A story every article of which is now in one other story (an editor's split of several took them all) leads there:
  // kept as it was, it had been archived beside the new story with the same articles.
  const live = new Set(ids);
  const movedTo = new Map<string, string | null>();
  for (const [articleId, storyId] of Object.entries(input.index)) {
    if (live.has(storyId) || redirects[storyId] || !byId.has(articleId)) continue;
    const now = nextIndex[articleId];
    const seen = movedTo.get(storyId);
    movedTo.set(storyId, now === undefined || now === storyId || (seen !== undefined && seen !== now) ? null : now);
  }
  for (const [storyId, to] of movedTo) if (to && live.has(to)) redirects[storyId] = to;
  stories.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const similar = similarStories(
    stories.map((s) => ({ id: s.id, centre: centres.get(s.id)!, listable: s.coverage.sourceCount >= MIN_SOURCES_FOR_STORY_PAGE, query: !kept.has(s) })),
    undefined,
    undefined,
    (term) => result.model.entity[term] === 1,
  );
  for (const s of stories) if (!kept.has(s)) s.similar = similar.get(s.id) ?? [];
  const sortedIndex: StoryIndex = {};
  for (const k of Object.keys(nextIndex).sort()) sortedIndex[k] = nextIndex[k]!;
  return { stories, index: sortedIndex, redirects };
}
