/**
 * The overrides file, <content>/overrides.json: versioned, kept in git next to the registry so every editorial
 * decision is reviewed and attributable, and respected by every later run. Two sections:
 * - `stories`: editors' story corrections (split, merge, headline; schema and semantics in
 *   src/core/schema/overrides.ts, applied by the clustering);
 * - `takedowns`: an article (by URL or article id) or a whole source removed from everything the pipeline writes —
 *   article shards, stories, the resolved sources, hence every page, feed and the search index built from them —
 *   and kept out of every later run (a source taken down is not fetched any more).
 * Every entry records why. Pure: parsing and matching only.
 */
import { z } from 'astro/zod';
import { canonicalUrl } from '../feed/canonical-url';
import { NO_STORY_OVERRIDES, StoryOverridesSchema } from '../schema/overrides';
import { articleIdFor } from '../story/ids';

const why = {
  /** Why it was taken down (kept in the takedown log, state/takedowns.json; never shown on pages). */
  reason: z.string().min(1),
  /** Who decided (a name or a role). */
  by: z.string().min(1).optional(),
  /** When it was decided, YYYY-MM-DD. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}/).optional(),
};

export const ArticleTakedownSchema = z
  .object({
    kind: z.literal('article'),
    /** The article's URL as published (canonicalised the way articles are), or … */
    url: z.string().url().optional(),
    /** … its article id (as in articles/ and story front matter): exactly one of the two. */
    articleId: z.string().regex(/^[a-z0-9]+$/).optional(),
    ...why,
  })
  .strict()
  .refine((t) => !!t.url !== !!t.articleId, { message: 'an article takedown names exactly one of url or articleId' });

export const SourceTakedownSchema = z
  .object({
    kind: z.literal('source'),
    /** Registry or discovered source id: all its articles go, its feeds are no longer fetched. */
    sourceId: z.string().min(1),
    ...why,
  })
  .strict();

export const OverridesSchema = z
  .object({
    /** Format version of this file. */
    version: z.literal(1),
    stories: StoryOverridesSchema.default(NO_STORY_OVERRIDES),
    takedowns: z.array(z.union([ArticleTakedownSchema, SourceTakedownSchema])).default([]),
  })
  .strict();

export type Overrides = z.infer<typeof OverridesSchema>;
export type Takedown = Overrides['takedowns'][number];

/** What a missing file means. */
export const NO_OVERRIDES: Overrides = { version: 1, stories: NO_STORY_OVERRIDES, takedowns: [] };

/** Validates an overrides file; throws Error naming the first invalid path (a takedown is never silently ignored). */
export function parseOverrides(raw: unknown, where = 'overrides.json'): Overrides {
  const parsed = OverridesSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${where}: invalid overrides at [${issue.path.join('.')}]: ${issue.message}`);
  }
  return parsed.data;
}

export interface TakedownIndex {
  articleIds: Map<string, Takedown>;
  sourceIds: Map<string, Takedown>;
}

/** The takedowns by article id and by source id. */
export function indexTakedowns(o: Overrides): TakedownIndex {
  const articleIds = new Map<string, Takedown>();
  const sourceIds = new Map<string, Takedown>();
  for (const t of o.takedowns) {
    if (t.kind === 'source') sourceIds.set(t.sourceId, t);
    else {
      const canonical = t.url ? canonicalUrl(t.url) : null;
      const id = t.articleId ?? (canonical ? articleIdFor(canonical) : null);
      if (id) articleIds.set(id, t);
    }
  }
  return { articleIds, sourceIds };
}

/** The takedown that removes an article, or undefined. */
export function takedownOf(idx: TakedownIndex, article: { id: string; sourceId: string }): Takedown | undefined {
  return idx.articleIds.get(article.id) ?? idx.sourceIds.get(article.sourceId);
}

/** A stable label for the log: "source <id>", "article <id>" or "article <url>". */
export function takedownLabel(t: Takedown): string {
  return t.kind === 'source' ? `source ${t.sourceId}` : `article ${t.articleId ?? t.url}`;
}

/**
 * Warnings for takedowns that do nothing, so that a mistyped one is not mistaken for one carried out: a source
 * takedown naming no source in `knownSourceIds` (the registry's and the stored articles' sources), and an article
 * takedown that has removed no article so far in `log` (an article is matched by its id or by the id of its
 * canonical URL; the takedown stays, and applies if such an article arrives). One message per takedown.
 */
export function unmatchedTakedowns(o: Overrides, log: readonly TakedownRecord[], knownSourceIds: ReadonlySet<string>): string[] {
  const removed = new Map(log.map((r) => [r.takedown, r.removedArticles.length]));
  const out: string[] = [];
  for (const t of o.takedowns) {
    const label = takedownLabel(t);
    if (t.kind === 'source') {
      if (!knownSourceIds.has(t.sourceId)) out.push(`takedown ${label}: no source has this id (overrides.json); nothing was taken down`);
    } else if (!removed.get(label)) {
      out.push(`takedown ${label}: matches no article stored so far (by article id or canonical URL; check the URL in overrides.json); it applies if one arrives`);
    }
  }
  return out;
}

/**
 * Warnings for story corrections that name nothing known, so that a mistyped id is not mistaken for a correction
 * carried out: a split whose article is not stored (it applies if such an article arrives), a merge or a headline
 * naming a story id that is neither a story (active or archived) nor a redirect. One message per entry.
 */
export function unmatchedStoryOverrides(o: Overrides, knownArticleIds: ReadonlySet<string>, knownStoryIds: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const s of o.stories.split) {
    if (!knownArticleIds.has(s.articleId)) out.push(`split of article ${s.articleId}: no article stored so far has this id (overrides.json); it applies if one arrives`);
  }
  for (const m of o.stories.merge) {
    const unknown = m.storyIds.filter((id) => !knownStoryIds.has(id));
    const known = new Set(m.storyIds.filter((id) => knownStoryIds.has(id))).size;
    const outcome = known >= 2 ? 'the others are merged' : 'nothing was merged';
    if (unknown.length) out.push(`merge of ${m.storyIds.join(', ')}: no story has the id ${unknown.join(', ')} (overrides.json); ${outcome}`);
  }
  for (const h of o.stories.headline) {
    if (!knownStoryIds.has(h.storyId)) out.push(`headline for story ${h.storyId}: no story has this id (overrides.json); no headline was pinned`);
  }
  return out;
}

/** One entry of the takedown log, state/takedowns.json. */
export interface TakedownRecord {
  /** "article <id|url>" or "source <id>". */
  takedown: string;
  reason: string;
  by: string | null;
  date: string | null;
  /** Article ids it removed, over all runs (stored or newly fetched), sorted. */
  removedArticles: string[];
}

/**
 * The takedown log: every takedown of the overrides with its reason, and the article ids it removed in this run
 * added to those of earlier runs (`previous`, the stored log). Sorted by label, deterministic.
 */
export function takedownLog(o: Overrides, removedNow: ReadonlyMap<string, readonly string[]>, previous: unknown): TakedownRecord[] {
  const before = new Map<string, string[]>();
  for (const r of Array.isArray(previous) ? previous : []) {
    if (r && typeof r.takedown === 'string' && Array.isArray(r.removedArticles)) before.set(r.takedown, r.removedArticles.filter((x: unknown): x is string => typeof x === 'string'));
  }
  const out = new Map<string, TakedownRecord>();
  for (const t of o.takedowns) {
    const label = takedownLabel(t);
    const removed = [...new Set([...(before.get(label) ?? []), ...(removedNow.get(label) ?? [])])].sort();
    out.set(label, { takedown: label, reason: t.reason, by: t.by ?? null, date: t.date ?? null, removedArticles: removed });
  }
  return [...out.values()].sort((x, y) => (x.takedown < y.takedown ? -1 : x.takedown > y.takedown ? 1 : 0));
}
