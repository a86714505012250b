/**
 * Editors' story corrections, the `stories` section of the overrides file (content/overrides.json, versioned in git;
 * its takedowns are in src/core/overrides/overrides.ts). Every later run respects them:
 * - split: take an article out of its story (it becomes a story of its own and never joins another);
 * - merge: join stories (the oldest id survives, the others redirect to it);
 * - headline: pin a story's headline.
 * Every entry records why, and optionally who and when.
 */
import { z } from 'astro/zod';

const why = {
  /** Why the editor made the change (kept in the file's history, not shown on pages). */
  reason: z.string().min(1),
  by: z.string().min(1).optional(),
  /** YYYY-MM-DD. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}/).optional(),
};

export const StoryOverridesSchema = z
  .object({
    split: z.array(z.object({ articleId: z.string(), ...why }).strict()).default([]),
    merge: z.array(z.object({ storyIds: z.array(z.string()).min(2), ...why }).strict()).default([]),
    headline: z.array(z.object({ storyId: z.string(), title: z.string().min(1), ...why }).strict()).default([]),
  })
  .strict();
export type StoryOverrides = z.infer<typeof StoryOverridesSchema>;

/** No corrections. */
export const NO_STORY_OVERRIDES: StoryOverrides = { split: [], merge: [], headline: [] };
