/**
 * Editors' story corrections, the `stories` section of the overrides file (content/overrides.json, versioned in git;
 * its takedowns are in src/core/overrides/overrides.ts). Every later run respects them:
 * - split: take an article out of its story (it becomes a story of its own and never joins another), or take several
 *   out together (`articleIds`: they become one story of their own, joined by no other article; this is how a merge
 *   is undone, as removing a merge entry does not unmerge: README, "Editors' corrections");
 * - merge: join stories (the oldest id survives, the others redirect to it);
 * - headline: pin a story's headline.
 * Every entry records why, and optionally who and when.
 */
import { z } from 'astro/zod';
import { TITLE_MAX_CHARS } from '../config';
import { collapseWhitespace } from '../feed/clean-text';

const why = {
  /** Why the editor made the change (kept in the file's history, not shown on pages). */
  reason: z.string().min(1),
  by: z.string().min(1).optional(),
  /** YYYY-MM-DD. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}/).optional(),
};

/**
 * A pinned headline as a feed's title is cleaned (collapseWhitespace: controls, zero-width and bidi controls out,
 * whitespace collapsed and trimmed), then refused when nothing is left ("   " had been pinned: a story row with no
 * headline, a page titled "· Parallax", `<title>   </title>` in rss.xml) or when longer than TITLE_MAX_CHARS, the
 * longest title kept from a feed (a longer one is an accident, not a headline; it is refused, not cut).
 */
const PinnedTitleSchema = z
  .string()
  .transform(collapseWhitespace)
  .superRefine((t, ctx) => {
    const length = Array.from(t).length;
    if (length === 0) ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'a headline cannot be empty or only whitespace' });
    else if (length > TITLE_MAX_CHARS) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: `a headline has at most ${TITLE_MAX_CHARS} characters (TITLE_MAX_CHARS, as feed titles); this one has ${length}` });
    }
  });

/**
 * An entry that names exactly one of two fields. zod checks such a rule (a refinement) only once the entry's fields
 * are valid; parseOverrides (src/core/overrides/overrides.ts) says it beside the entry's other problems.
 */
export interface NamesOneRule {
  fields: readonly [string, string];
  message: string;
}

/** Whether `entry` has exactly one of `fields`. */
export function namesOneOf(entry: Readonly<Record<string, unknown>>, fields: readonly [string, string]): boolean {
  return (entry[fields[0]] === undefined) !== (entry[fields[1]] === undefined);
}

export const SPLIT_NAMES_ONE: NamesOneRule = { fields: ['articleId', 'articleIds'], message: 'a split names exactly one of articleId or articleIds' };

export const SplitOverrideSchema = z
  .object({
    /** The one article to take out of its story: it becomes a story of its own. Or … */
    articleId: z.string().min(1).optional(),
    /** … several articles to take out together: they leave their story (or stories) and become one story of their
     * own, with a fresh id, that no other article joins. */
    articleIds: z.array(z.string().min(1)).min(1).optional(),
    ...why,
  })
  .strict()
  .refine((s) => namesOneOf(s, SPLIT_NAMES_ONE.fields), { message: SPLIT_NAMES_ONE.message });
export type SplitOverride = z.infer<typeof SplitOverrideSchema>;

export const StoryOverridesSchema = z
  .object({
    split: z.array(SplitOverrideSchema).default([]),
    merge: z.array(z.object({ storyIds: z.array(z.string().min(1)).min(2), ...why }).strict()).default([]),
    headline: z.array(z.object({ storyId: z.string().min(1), title: PinnedTitleSchema, ...why }).strict()).default([]),
  })
  .strict();
export type StoryOverrides = z.infer<typeof StoryOverridesSchema>;

/** No corrections. */
export const NO_STORY_OVERRIDES: StoryOverrides = { split: [], merge: [], headline: [] };

/** The article ids a split entry names (its `articleIds`, or its one `articleId`), in file order, without repeats. */
export function splitArticleIds(s: Pick<SplitOverride, 'articleId' | 'articleIds'>): string[] {
  return [...new Set(s.articleIds ?? (s.articleId === undefined ? [] : [s.articleId]))];
}
