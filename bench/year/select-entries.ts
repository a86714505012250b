/**
 * Story-aware thinning of the base week, so a simulated day keeps the stories that get pages while shedding most of
 * the volume that does not. The week's articles (../lib/stream.ts) are clustered once as one batch with the product's
 * own `buildStories` (src/core/story/build-stories.ts); then an article is kept when it is one of the `perStory`
 * articles (distinct sources, closest to their story first) of a story with 2+ sources whose id hashes below
 * `storyFraction`, or, for the rest, when its hash falls below `otherFraction`. The copies then run through the real pipeline, which clusters them afresh.
 *
 * Why: the cost of one run grows with the window (7 days of articles and every story in it, each re-serialised), and
 * 85 % of the stories in the stream are single-source; thinning uniformly loses multi-source stories quadratically
 * (a 2-source story survives a fraction f of entries with probability f²), thinning by story keeps them.
 */
import type { Article } from '../../src/core/schema/article';
import { buildStories } from '../../src/core/story/build-stories';
import { hashFraction } from './stream-copies';

/** What the thinning keeps: the article ids (articleIdFor of the canonical link), and the counts behind it. */
export interface Selection {
  keep: Set<string>;
  multiSourceStories: number;
  /** Multi-source stories whose articles are kept (the `storyFraction` of them). */
  keptStories: number;
  keptInStories: number;
  keptOthers: number;
  articles: number;
}

/**
 * Clusters `articles` (the base week, one batch, clock at `now`) and selects: up to `perStory` articles from distinct
 * sources of each story with 2+ sources (highest similarity to the story first, then id) among a deterministic
 * `storyFraction` of those stories (FNV-1a of the story id), and a deterministic `otherFraction` of all the other
 * articles (FNV-1a of the article id). The articles of a multi-source story left out are not among the others.
 */
export function selectByStory(articles: readonly Article[], now: Date, perStory: number, otherFraction: number, storyFraction = 1): Selection {
  const archive = new Map(articles.map((a) => [a.id, a]));
  const built = buildStories({ active: [...articles], archive, sources: new Map(), index: {} });
  const keep = new Set<string>();
  const leftOut = new Set<string>();
  let multiSourceStories = 0;
  let keptStories = 0;
  for (const story of built.stories) {
    if (story.coverage.sourceCount < 2) continue;
    multiSourceStories++;
    if (hashFraction(story.id) >= storyFraction) {
      for (const a of story.articles) leftOut.add(a.id);
      continue;
    }
    keptStories++;
    const sources = new Set<string>();
    const ranked = [...story.articles].sort((a, b) => b.similarity - a.similarity || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const a of ranked) {
      if (sources.size >= perStory || sources.has(a.sourceId)) continue;
      sources.add(a.sourceId);
      keep.add(a.id);
    }
  }
  const keptInStories = keep.size;
  for (const a of articles) if (!keep.has(a.id) && !leftOut.has(a.id) && hashFraction(a.id) < otherFraction) keep.add(a.id);
  return { keep, multiSourceStories, keptStories, keptInStories, keptOthers: keep.size - keptInStories, articles: articles.length };
}
