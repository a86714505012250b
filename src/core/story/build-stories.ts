/**
 * From articles to stories: clusters the articles of the active window, keeps each story's id stable across runs
 * through the story index, and fills in headline, summary, coverage, blindspot, topics and rank.
 */
import { DEFAULT_CLUSTER_CONFIG, EXCERPT_MAX_CHARS, MIN_SOURCES_FOR_STORY_PAGE } from '../config';
import { blindspotBaseline, blindspotOf, type BiasBaseline } from '../coverage/blindspot';
import { computeCoverage, reportedAt, sourceBucket } from '../coverage/coverage';
import type { Article } from '../schema/article';
import type { Source } from '../schema/source';
import type { Story, StoryArticle } from '../schema/story';
import { clusterDocs, type ClusterConfig } from './cluster';
import { chooseHeadline } from './headline';
import { slugify, storyIdFor } from './ids';
import { rankScore } from './rank';
import { similarStories } from './similar-stories';
import { summarize } from './summarize';
import { storyTopics } from './topics';
import { centroid, topSharedTerms, type SparseVector } from './vectorize';

/** Article id → story id, for every article ever placed in a story. */
export type StoryIndex = Record<string, string>;

/** Up to `max` characters of `text`, cut at a word boundary with an ellipsis; null stays null. */
export function excerpt(text: string | null, max = EXCERPT_MAX_CHARS): string | null {
  if (!text) return null;
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/u, '')}…`;
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

/**
 * Assigns story ids to clusters: each cluster takes the existing id held by most of its articles (ties: code-point
 * smallest id); an id goes to one cluster only (the one holding most of its articles, then the earliest); a cluster
 * without one mints storyIdFor(its earliest article). Returns ids in cluster order.
 */
export function assignStoryIds(clusters: string[][], index: Readonly<StoryIndex>): string[] {
  const claims: Array<{ cluster: number; id: string; votes: number }> = [];
  clusters.forEach((members, cluster) => {
    const votes = new Map<string, number>();
    for (const a of members) {
      const id = index[a];
      if (id) votes.set(id, (votes.get(id) ?? 0) + 1);
    }
    for (const [id, n] of votes) claims.push({ cluster, id, votes: n });
  });
  claims.sort((x, y) => y.votes - x.votes || x.cluster - y.cluster || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const ids: Array<string | undefined> = clusters.map(() => undefined);
  const used = new Set<string>(Object.values(index));
  const taken = new Set<string>();
  for (const c of claims) {
    if (ids[c.cluster] !== undefined || taken.has(c.id)) continue;
    ids[c.cluster] = c.id;
    taken.add(c.id);
  }
  return clusters.map((members, i) => {
    const existing = ids[i];
    if (existing) return existing;
    let id = storyIdFor(members[0]!);
    for (let n = 1; used.has(id) || taken.has(id); n++) id = storyIdFor(`${members[0]!}#${n}`);
    taken.add(id);
    return id;
  });
}

export interface BuildStoriesResult {
  /** Stories sorted by id. */
  stories: Story[];
  /** The previous index plus every article of `articles` mapped to its story. */
  index: StoryIndex;
}

/**
 * Clusters `articles` (the active window) into stories at clock `now`. `sources` resolves sourceId → Source;
 * `index` is the previous run's story index (pass {} on a first run).
 */
export function buildStories(
  articles: Article[],
  sources: ReadonlyMap<string, Source>,
  now: Date,
  index: Readonly<StoryIndex>,
  config: ClusterConfig = DEFAULT_CLUSTER_CONFIG,
): BuildStoriesResult {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const result = clusterDocs(
    articles.map((a) => ({ id: a.id, title: a.title, text: a.summary, time: Date.parse(reportedAt(a)) })),
    config,
  );
  const ids = assignStoryIds(result.clusters.map((c) => c.map((m) => m.id)), index);
  const baseline = blindspotBaseline(articles.map((a) => a.sourceId), sources);
  const centres = new Map<string, SparseVector>();
  const nextIndex: StoryIndex = { ...index };
  const stories: Story[] = result.clusters.map((members, i) => {
    const id = ids[i]!;
    const storyArticles = members.map((m) => byId.get(m.id)!);
    for (const a of storyArticles) nextIndex[a.id] = id;
    const centre = centroid(members.map((m) => result.vectors.get(m.id)!));
    centres.set(id, centre);
    const title = chooseHeadline(
      members.map((m) => ({ title: byId.get(m.id)!.title, sourceId: byId.get(m.id)!.sourceId, similarity: m.similarity })),
      sources,
    );
    const coverage = computeCoverage(storyArticles, sources);
    const times = storyArticles.map(reportedAt).sort();
    const lastUpdated = times.at(-1)!;
    const list: StoryArticle[] = members.map((m) => {
      const a = byId.get(m.id)!;
      return {
        id: a.id,
        sourceId: a.sourceId,
        url: a.url,
        title: a.title,
        excerpt: excerpt(a.summary),
        published: a.published,
        firstSeen: a.firstSeen,
        similarity: m.similarity,
        sharedTerms: members.length > 1 ? topSharedTerms(result.vectors.get(m.id)!, centre, result.model, 3) : [],
      };
    });
    return {
      id,
      slug: slugify(title),
      title,
      summary: summarize(storyArticles, centre, result.model, config, title),
      articles: list,
      firstSeen: times[0]!,
      lastUpdated,
      coverage,
      blindspot: blindspotOf(coverage, baseline),
      topics: storyTopics(storyArticles, centre, result.model),
      similar: [],
      score: rankScore(coverage.sourceCount, Date.parse(lastUpdated), now.getTime()),
    };
  });
  stories.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const similar = similarStories(stories.map((s) => ({ id: s.id, centre: centres.get(s.id)!, listable: s.coverage.sourceCount >= MIN_SOURCES_FOR_STORY_PAGE })));
  for (const s of stories) s.similar = similar.get(s.id) ?? [];
  const sortedIndex: StoryIndex = {};
  for (const k of Object.keys(nextIndex).sort()) sortedIndex[k] = nextIndex[k]!;
  return { stories, index: sortedIndex };
}
