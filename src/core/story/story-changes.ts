/**
 * Which stories really changed in a run.
 *
 * Every run rebuilds the active stories from the whole window, and the parts derived from the window's term
 * statistics (summary bullets, topics, similar stories, each article's similarity and shared terms) drift a little
 * as other articles come and go, even when nothing happened to the story itself. Rewriting every active story file
 * each hour is what made the content repository grow by a whole window of stories per commit (bench
 * replay-stream). A reader sees a story change when its articles, headline, coverage or blindspot change; only then
 * is the new version kept. Otherwise the stored version stays, so its file, its page and the repository are left
 * alone.
 */
import type { Story } from '../schema/story';

/** The fields of a story that materialOf reads: what a run knows before it summarises the story. */
export type StoryMaterial = Pick<Story, 'id' | 'title' | 'slug' | 'firstSeen' | 'lastUpdated' | 'coverage' | 'blindspot' | 'paged'> & {
  articles: ReadonlyArray<Pick<Story['articles'][number], 'id' | 'sourceId' | 'url' | 'title' | 'excerpt' | 'image' | 'published' | 'firstSeen'>>;
};

/**
 * The part of a story a reader would call its news (JSON text): id, headline, slug, its articles' own data (not
 * their similarity or shared terms, which move with the window), first seen and last updated, coverage, blindspot,
 * whether it keeps a page below the bar (paged).
 * buildStories (./build-stories.ts) keeps a stored story as it is when this is unchanged.
 */
export function materialOf(story: StoryMaterial): string {
  return JSON.stringify([
    story.id,
    story.title,
    story.slug,
    story.articles.map((a) => [a.id, a.sourceId, a.url, a.title, a.excerpt, a.image, a.published, a.firstSeen]),
    story.firstSeen,
    story.lastUpdated,
    story.coverage,
    story.blindspot,
    story.paged === true,
  ]);
}
