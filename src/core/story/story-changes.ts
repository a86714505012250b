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

/**
 * The part of a story a reader would call its news (JSON text): id, headline, slug, its articles' own data (not
 * their similarity or shared terms, which move with the window), first seen and last updated, coverage, blindspot.
 */
export function materialOf(story: Story): string {
  return JSON.stringify([
    story.id,
    story.title,
    story.slug,
    story.articles.map((a) => [a.id, a.sourceId, a.url, a.title, a.excerpt, a.image, a.published, a.firstSeen]),
    story.firstSeen,
    story.lastUpdated,
    story.coverage,
    story.blindspot,
  ]);
}

/**
 * The run's stories with each unchanged one replaced by its stored version (same order). `previous` holds the
 * stored active stories by id; a story with no stored version, or whose materialOf differs, is kept as built.
 */
export function keepUnchangedStories(built: readonly Story[], previous: ReadonlyMap<string, Story>): Story[] {
  return built.map((story) => {
    const stored = previous.get(story.id);
    return stored && materialOf(stored) === materialOf(story) ? stored : story;
  });
}
