/**
 * Editorial overrides: a versioned file (content/overrides.json, kept in git so every change is reviewed and
 * attributable) that every later run respects. One file for all editorial decisions:
 * - stories.split: take an article out of its story (it becomes a story of its own and never joins another);
 * - stories.merge: join stories (the oldest id survives, the others redirect to it);
 * - stories.headline: pin a story's headline;
 * - takedowns: remove an article or a whole source everywhere (pages, feeds, search) and keep it out of later runs.
 * Every entry records why (and optionally who and when).
 */
import { z } from 'astro/zod';

const why = {
  /** Why the editor made the change (shown in the history, not on pages). */
  reason: z.string().min(1),
  by: z.string().nullable().default(null),
  /** YYYY-MM-DD. */
  on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().default(null),
};

export const OverridesSchema = z.object({
  /** Format version of this file. */
  version: z.literal(1).default(1),
  stories: z
    .object({
      split: z.array(z.object({ articleId: z.string(), ...why })).default([]),
      merge: z.array(z.object({ storyIds: z.array(z.string()).min(2), ...why })).default([]),
      headline: z.array(z.object({ storyId: z.string(), title: z.string().min(1), ...why })).default([]),
    })
    .default({}),
  takedowns: z
    .array(
      z.object({
        /** Exactly one of articleId, url or sourceId. */
        articleId: z.string().nullable().default(null),
        url: z.string().url().nullable().default(null),
        sourceId: z.string().nullable().default(null),
        ...why,
      }),
    )
    .default([]),
});
export type Overrides = z.infer<typeof OverridesSchema>;

/** No overrides (what a missing file means). */
export const NO_OVERRIDES: Overrides = OverridesSchema.parse({});
