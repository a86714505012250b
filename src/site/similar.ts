/**
 * Similar stories, when the content carries them. The story schema may gain a field for them (the clustering work
 * decides its name and shape); this reads the likely shapes — `similar` / `similarStories` / `related`, as a list of
 * ids or of objects with an `id` — and keeps those that have a page, so the story page renders them as soon as the
 * field exists, and nothing before.
 */
import type { Story } from '../core/schema/story';
import { hasStoryPage } from './stories';

const FIELDS = ['similar', 'similarStories', 'related'] as const;

/** Ids named by the story's similar-stories field, in its order, without duplicates or itself. */
export function similarIds(story: Story): string[] {
  const record = story as unknown as Record<string, unknown>;
  for (const f of FIELDS) {
    const v = record[f];
    if (!Array.isArray(v)) continue;
    const ids = v
      .map((x) => (typeof x === 'string' ? x : x && typeof x === 'object' && typeof (x as { id?: unknown }).id === 'string' ? (x as { id: string }).id : undefined))
      .filter((x): x is string => !!x && x !== story.id);
    return [...new Set(ids)];
  }
  return [];
}

/** The similar stories that have a page, at most `limit`. */
export function similarStories(story: Story, byId: ReadonlyMap<string, Story>, limit = 5): Story[] {
  return similarIds(story)
    .map((id) => byId.get(id))
    .filter((s): s is Story => !!s && hasStoryPage(s))
    .slice(0, limit);
}
