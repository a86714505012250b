/**
 * Editors' overrides (overrides.json) that touch archived stories (pure). A story is archived once, built with the
 * overrides of that day; an override written later that names it must still reach its file:
 * - takedown (an article or a source in the story): the story is rebuilt without those articles, as a live story is
 *   (its id, page and other outlets' articles stay; its coverage is counted again); one left with no article is
 *   removed;
 * - headline: the title (and slug) is rewritten in place;
 * - merge (with a live or another archived story) and split (some of its articles): the story is rebuilt from its own
 *   article list — its articles are "rehydrated" (below) and clustered again with the overrides applied, so the
 *   surviving story lists the merged story's articles and the split articles become a story of their own (a story
 *   that is one split group already is left as it is).
 * The pipeline scans the archive for these only when the overrides change (overridesFingerprint), so a run costs
 * nothing extra otherwise.
 */
import { createHash } from 'node:crypto';
import type { Overrides, TakedownIndex } from './overrides/overrides';
import { takedownOf } from './overrides/overrides';
import type { Article } from './schema/article';
import type { Story, StoryArticle } from './schema/story';
import { pinnedHeadlines, resolveRedirect, splitChangesStory, splitGroups, type Redirects } from './story/build-stories';

/** What to do with one archived story, or null when no override touches it. */
export type ArchiveAction =
  | { kind: 'remove'; articleIds: string[]; labels: string[] }
  | { kind: 'trim'; articleIds: string[]; labels: string[] }
  | { kind: 'rebuild' }
  | { kind: 'headline'; title: string }
  | null;

/** A fingerprint of the overrides that matter to archived stories (story corrections and takedowns). */
export function overridesFingerprint(o: Overrides): string {
  return createHash('sha256').update(JSON.stringify({ stories: o.stories, takedowns: o.takedowns })).digest('hex').slice(0, 16);
}

/**
 * The action for archived `story`. `redirects` are the story redirects so far; `liveIds` every story id that has a
 * file now (active or archived): a merge is pending while two of its ids, after redirects, still have files.
 * Takedowns come first: 'trim' (rebuild without `articleIds`, which `labels` name for the takedown log) while some
 * article stays, 'remove' when none does. A headline pinned on an id merged into this story (`redirects`) counts as
 * pinned on it, unless one is pinned on the story's own id.
 */
export function archiveActionOf(story: Story, overrides: Overrides, takedowns: TakedownIndex, redirects: Readonly<Redirects>, liveIds: ReadonlySet<string>): ArchiveAction {
  const hit = story.articles.map((a) => ({ a, t: takedownOf(takedowns, a) })).filter((x) => x.t);
  if (hit.length) {
    const labels = hit.map((x) => (x.t!.kind === 'source' ? `source ${x.t!.sourceId}` : `article ${x.t!.articleId ?? x.t!.url}`));
    return { kind: hit.length === story.articles.length ? 'remove' : 'trim', articleIds: hit.map((x) => x.a.id), labels };
  }
  // A split that takes some of its articles out (not one that names the whole story: rebuilt, it would take a new id).
  if (splitChangesStory(story.articles.map((a) => a.id), splitGroups(overrides.stories.split))) return { kind: 'rebuild' };
  for (const m of overrides.stories.merge) {
    const ids = new Set(m.storyIds.map((id) => resolveRedirect(id, redirects)).filter((id) => liveIds.has(id)));
    if (ids.has(story.id) && ids.size > 1) return { kind: 'rebuild' };
  }
  const pinned = pinnedHeadlines(overrides.stories.headline, redirects).get(story.id);
  if (pinned !== undefined && pinned !== story.title) return { kind: 'headline', title: pinned };
  return null;
}

/**
 * An archived story's articles as Articles again, from what its file keeps (the excerpt stands for the summary; no
 * author, language or categories), so the clustering can rebuild the story with an override applied.
 */
export function rehydrateArticles(articles: readonly StoryArticle[]): Article[] {
  return articles.map((a) => ({
    id: a.id,
    sourceId: a.sourceId,
    url: a.url,
    title: a.title,
    summary: a.excerpt,
    published: a.published,
    firstSeen: a.firstSeen,
    author: null,
    image: a.image,
    language: null,
    categories: [],
  }));
}

/**
 * The merges still to apply: each group's ids followed through the redirects made so far, kept while two or more
 * distinct ids remain. A merge already applied resolves to one id and is dropped, so a later run, whose index no
 * longer names the (archived) stories, never re-decides the survivor and never makes a redirect again.
 */
export function pendingMerges(merge: Overrides['stories']['merge'], redirects: Readonly<Redirects>): Overrides['stories']['merge'] {
  return merge.flatMap((m) => {
    const ids = [...new Set(m.storyIds.map((id) => resolveRedirect(id, redirects)))];
    return ids.length > 1 ? [{ ...m, storyIds: ids }] : [];
  });
}
