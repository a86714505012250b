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
import { canonicalUrl, samePageKey } from '../feed/canonical-url';
import { namesOneOf, NO_STORY_OVERRIDES, SPLIT_NAMES_ONE, splitArticleIds, StoryOverridesSchema, type NamesOneRule } from '../schema/overrides';
import { resolveRedirect, splitGroupsByEntry } from '../story/build-stories';
import { articleIdFor } from '../story/ids';

const why = {
  /** Why it was taken down (kept in the takedown log, state/takedowns.json; never shown on pages). */
  reason: z.string().min(1),
  /** Who decided (a name or a role). */
  by: z.string().min(1).optional(),
  /** When it was decided, YYYY-MM-DD. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}/).optional(),
};

const TAKEDOWN_NAMES_ONE: NamesOneRule = { fields: ['url', 'articleId'], message: 'an article takedown names exactly one of url or articleId' };

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
  .refine((t) => namesOneOf(t, TAKEDOWN_NAMES_ONE.fields), { message: TAKEDOWN_NAMES_ONE.message });

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

/** At most this many of an invalid file's problems are listed (then how many more): a script's one mistake repeated
 * 100,000 times had made a 200,000-line message. */
export const OVERRIDE_PROBLEMS_SHOWN = 100;

/** What a missing file means. */
export const NO_OVERRIDES: Overrides = { version: 1, stories: NO_STORY_OVERRIDES, takedowns: [] };

/**
 * Validates an overrides file; throws Error listing every invalid entry at once, each with its place in the file
 * ("stories.split[0].reason: Required"), so an editor fixes them in one go (a takedown is never silently ignored).
 */
export function parseOverrides(raw: unknown, where = 'overrides.json'): Overrides {
  const parsed = OverridesSchema.safeParse(raw);
  if (!parsed.success) {
    const found = parsed.error.issues.flatMap(unionIssues);
    const file = raw as { stories?: { split?: unknown }; takedowns?: unknown } | null;
    addNamesOneIssues(found, ['stories', 'split'], file?.stories?.split, SPLIT_NAMES_ONE, () => true);
    addNamesOneIssues(found, ['takedowns'], file?.takedowns, TAKEDOWN_NAMES_ONE, (t) => t.kind === 'article');
    const issues = found.map((i) => `  ${placeOf(i.path) || '(the file)'}: ${i.message}`);
    const shown = issues.length > OVERRIDE_PROBLEMS_SHOWN ? [...issues.slice(0, OVERRIDE_PROBLEMS_SHOWN), `  … and ${issues.length - OVERRIDE_PROBLEMS_SHOWN} more`] : issues;
    throw new Error(`${where}: invalid overrides (${issues.length} ${issues.length === 1 ? 'problem' : 'problems'}; nothing was applied):\n${shown.join('\n')}`);
  }
  return parsed.data;
}

/**
 * Adds to `found` the NamesOneRule issue of each entry of `entries` (at `section` in the file; `applies` picks the
 * entries the rule is for) that breaks the rule and has other issues, which kept zod from checking it; after that
 * entry's other issues.
 */
function addNamesOneIssues(
  found: z.ZodIssue[],
  section: ReadonlyArray<string>,
  entries: unknown,
  rule: NamesOneRule,
  applies: (entry: Readonly<Record<string, unknown>>) => boolean,
): void {
  if (!Array.isArray(entries)) return;
  // Each entry's issues so far, by its place: where the last is, and whether the rule's is among them (one pass, so a
  // file of thousands of bad entries is read in linear time; a hostile trial's 5,000 had taken 48 s).
  const lastAt = new Map<string, number>();
  const said = new Set<string>();
  found.forEach((x, k) => {
    const place = placeOf(x.path.slice(0, section.length + 1));
    lastAt.set(place, k);
    if (x.message === rule.message) said.add(place);
  });
  const added: Array<{ after: number; issue: z.ZodIssue }> = [];
  entries.forEach((entry: unknown, i) => {
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) return;
    const e = entry as Record<string, unknown>;
    const place = placeOf([...section, i]);
    if (!applies(e) || namesOneOf(e, rule.fields) || said.has(place)) return;
    added.push({ after: lastAt.get(place) ?? found.length - 1, issue: { code: 'custom', path: [...section, i], message: rule.message } });
  });
  if (!added.length) return;
  // Merged back in one pass: each after its entry's last issue (entries without one at the end, in entry order).
  const out: z.ZodIssue[] = [];
  let a = 0;
  const sorted = added.map((x, k) => ({ ...x, k })).sort((x, y) => x.after - y.after || x.k - y.k);
  for (let k = -1; k < found.length; k++) {
    if (k >= 0) out.push(found[k]!);
    while (a < sorted.length && sorted[a]!.after === k) out.push(sorted[a++]!.issue);
  }
  while (a < sorted.length) out.push(sorted[a++]!.issue);
  found.length = 0;
  for (const x of out) found.push(x);
}

/**
 * A takedown that matches neither kind is one "Invalid input" to zod: the issues of the kind it names instead (a
 * source takedown without its sourceId: "takedowns[0].sourceId: Required"); the issue itself when it names no kind.
 */
function unionIssues(issue: z.ZodIssue): z.ZodIssue[] {
  if (issue.code !== 'invalid_union') return [issue];
  const named = issue.unionErrors.filter((e) => !e.issues.some((i) => i.path[i.path.length - 1] === 'kind'));
  if (named.length === 1) return named[0]!.issues.flatMap(unionIssues);
  // Every kind refused it for its `kind`: say which kinds there are.
  if (named.length === 0) return [{ code: 'custom', path: [...issue.path, 'kind'], message: 'must be "article" or "source"' }];
  // Not an object at all (null, 5, "x", []): every kind says so at the entry itself.
  const itself = issue.unionErrors.map((e) => e.issues.find((i) => i.path.length === issue.path.length && i.code === 'invalid_type'));
  if (itself.every((i) => i !== undefined)) return [itself[0]!];
  return [issue];
}

/** A path in the file as an editor reads it: ["stories", "split", 0, "reason"] → "stories.split[0].reason". */
export function placeOf(path: ReadonlyArray<string | number>): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : p)).join('');
}

/**
 * A warning about one entry of overrides.json: where it is ("stories.split[2]"), whether the entry does nothing at
 * all (`inert`: not counted as applied in the run report) and what is wrong, on one line.
 */
export interface OverrideWarning {
  at: string;
  inert: boolean;
  message: string;
}

/** The log line of a warning: "overrides.json stories.split[2]: …". */
export function overrideWarningLine(w: OverrideWarning): string {
  return `overrides.json ${w.at}: ${w.message}`;
}

/** `warnings` in file order: stories.split, stories.merge, stories.headline, takedowns, each by position (stable). */
export function sortOverrideWarnings(warnings: readonly OverrideWarning[]): OverrideWarning[] {
  const sections = ['stories.split', 'stories.merge', 'stories.headline', 'takedowns'];
  const key = (w: OverrideWarning): [number, number] => {
    const m = /^(.*)\[(\d+)\]$/.exec(w.at);
    return [m ? sections.indexOf(m[1]!) : sections.length, m ? Number(m[2]) : 0];
  };
  return warnings
    .map((w, i) => ({ w, i, k: key(w) }))
    .sort((x, y) => x.k[0] - y.k[0] || x.k[1] - y.k[1] || x.i - y.i)
    .map((x) => x.w);
}

/** The number of entries in overrides.json (story corrections and takedowns). */
export function overrideEntryCount(o: Overrides): number {
  return o.stories.split.length + o.stories.merge.length + o.stories.headline.length + o.takedowns.length;
}

export interface TakedownIndex {
  articleIds: Map<string, Takedown>;
  /** URL takedowns by samePageKey of their URL. */
  pages: Map<string, Takedown>;
  sourceIds: Map<string, Takedown>;
}

/** The takedowns by article id, by page (a URL takedown's samePageKey) and by source id. */
export function indexTakedowns(o: Overrides): TakedownIndex {
  const articleIds = new Map<string, Takedown>();
  const pages = new Map<string, Takedown>();
  const sourceIds = new Map<string, Takedown>();
  for (const t of o.takedowns) {
    if (t.kind === 'source') sourceIds.set(t.sourceId, t);
    else {
      const canonical = t.url ? canonicalUrl(t.url) : null;
      const id = t.articleId ?? (canonical ? articleIdFor(canonical) : null);
      if (id) articleIds.set(id, t);
      if (canonical && !pages.has(samePageKey(canonical))) pages.set(samePageKey(canonical), t);
    }
  }
  return { articleIds, pages, sourceIds };
}

/**
 * The takedown that removes an article, or undefined: by its id, by its URL's page (samePageKey: a taken-down page
 * read again as https, with BBC's `at_medium=RSS` or as its AMP form, had come back as a new article, a hostile
 * trial found), or by its source.
 */
export function takedownOf(idx: TakedownIndex, article: { id: string; sourceId: string; url?: string }): Takedown | undefined {
  return idx.articleIds.get(article.id) ?? (article.url === undefined ? undefined : idx.pages.get(samePageKey(article.url))) ?? idx.sourceIds.get(article.sourceId);
}

/** A stable label for the log: "source <id>", "article <id>" or "article <url>". */
export function takedownLabel(t: Takedown): string {
  return t.kind === 'source' ? `source ${t.sourceId}` : `article ${t.articleId ?? t.url}`;
}

/**
 * Warnings for takedowns that do nothing, so that a mistyped one is not mistaken for one carried out: a source
 * takedown naming no source in `knownSourceIds` (the registry's and the stored articles' sources), and an article
 * takedown that has removed no article so far in `log` (an article is matched by its id or by the id of its
 * canonical URL; the takedown stays, and applies if such an article arrives). One warning per takedown.
 */
export function unmatchedTakedowns(o: Overrides, log: readonly TakedownRecord[], knownSourceIds: ReadonlySet<string>): OverrideWarning[] {
  const removed = new Map(log.map((r) => [r.takedown, r.removedArticles.length]));
  const out: OverrideWarning[] = [];
  o.takedowns.forEach((t, i) => {
    const label = takedownLabel(t);
    const at = `takedowns[${i}]`;
    if (t.kind === 'source') {
      if (!knownSourceIds.has(t.sourceId)) out.push({ at, inert: true, message: `takedown ${label}: no source has this id; nothing was taken down` });
    } else if (!removed.get(label)) {
      out.push({ at, inert: true, message: `takedown ${label}: matches no article stored so far (by article id or canonical URL; check the URL); it applies if one arrives` });
    }
  });
  return out;
}

/**
 * Warnings for story corrections that name nothing known, so that a mistyped id is not mistaken for a correction
 * carried out: a split naming an article that is not stored (it applies if such an article arrives), a merge or a
 * headline naming a story id that is neither a story (active, archived, or archived in this run) nor a redirect. A
 * merge that names one story only (itself twice) is left to conflictingStoryOverrides. One warning per entry.
 */
export function unmatchedStoryOverrides(o: Overrides, knownArticleIds: ReadonlySet<string>, knownStoryIds: ReadonlySet<string>): OverrideWarning[] {
  const out: OverrideWarning[] = [];
  o.stories.split.forEach((s, i) => {
    const ids = splitArticleIds(s);
    const unknown = ids.filter((id) => !knownArticleIds.has(id));
    if (!unknown.length) return;
    const at = `stories.split[${i}]`;
    if (ids.length === 1) out.push({ at, inert: true, message: `split of article ${ids[0]}: no article stored so far has this id; it applies if one arrives` });
    else {
      const all = unknown.length === ids.length;
      out.push({
        at,
        inert: all,
        message: `split of articles ${ids.join(', ')}: no article stored so far has the id ${unknown.join(', ')}; ${all ? 'nothing was split; it applies if they arrive' : 'the others are split out together; it applies to those if they arrive'}`,
      });
    }
  });
  o.stories.merge.forEach((m, i) => {
    const ids = [...new Set(m.storyIds)];
    if (ids.length < 2) return;
    const unknown = ids.filter((id) => !knownStoryIds.has(id));
    const known = ids.length - unknown.length;
    if (unknown.length) {
      out.push({ at: `stories.merge[${i}]`, inert: known < 2, message: `merge of ${ids.join(', ')}: no story has the id ${unknown.join(', ')}; ${known >= 2 ? 'the others are merged' : 'nothing was merged'}` });
    }
  });
  o.stories.headline.forEach((h, i) => {
    if (!knownStoryIds.has(h.storyId)) out.push({ at: `stories.headline[${i}]`, inert: true, message: `headline for story ${h.storyId}: no story has this id; no headline was pinned` });
  });
  return out;
}

/** What conflictingStoryOverrides needs to know of the story index before this run's corrections. */
export interface SplitContext {
  /** The previous run's story index (article id → story id). */
  index: Readonly<Record<string, string>>;
  /** Article ids whose split has taken them out of a story with other articles, in this run or an earlier one
   * (or which arrived with their split in place): their story being theirs alone is the split's doing. */
  separated: ReadonlySet<string>;
}

/**
 * Warnings for story corrections that conflict with another entry or do nothing, which had passed without a word:
 * - a split naming an article an earlier split already takes out (the first decides; an article named twice in one
 *   entry is said too), and a split whose articles already make up a story of their own in the previous index (it
 *   takes nothing out; it only keeps them from joining others; merges, `redirects`, applied) unless `split.separated`
 *   says the split made it so;
 * - a merge naming one story only (itself), or a story twice, or a story whose articles a split takes out (the split
 *   keeps them apart, and applyStoryOverrides passes that story over);
 * - a second headline for a story (the first pinned on its own id wins, then the first carried over a merge, as
 *   pinnedHeadlines decides; `redirects` are the story redirects now).
 * One warning per entry, in file order within each kind.
 */
export function conflictingStoryOverrides(o: Overrides, redirects: Readonly<Record<string, string>>, split: SplitContext): OverrideWarning[] {
  const out: OverrideWarning[] = [];
  const firstSplit = new Map<string, number>();
  const groups = splitGroupsByEntry(o.stories.split);
  const storyOf = storiesAfterMerges(split.index, redirects);
  const storySize = sizesOf(storyOf);
  o.stories.split.forEach((s, i) => {
    const at = `stories.split[${i}]`;
    const named = s.articleIds ?? (s.articleId === undefined ? [] : [s.articleId]);
    const twice = [...new Set(named.filter((id, k) => named.indexOf(id) !== k))];
    const earlier = [...new Set(named.filter((id) => firstSplit.has(id)))];
    for (const id of named) if (!firstSplit.has(id)) firstSplit.set(id, i);
    const group = groups[i]!;
    if (earlier.length) {
      const where = [...new Set(earlier.map((id) => `stories.split[${firstSplit.get(id)}]`))].join(', ');
      const rest = group.length ? `this entry splits out the rest (${group.join(', ')})` : 'this entry does nothing';
      out.push({ at, inert: !group.length, message: `split of ${articlesLabel(named)}: ${articlesLabel(earlier)} already split out by ${where}, which decides; ${rest}` });
      return;
    }
    if (twice.length) out.push({ at, inert: false, message: `split of ${articlesLabel(named)}: names ${articlesLabel(twice)} twice` });
    const stories = new Set(group.map((id) => storyOf.get(id)));
    const story = [...stories][0];
    if (group.length && stories.size === 1 && story !== undefined && storySize.get(story) === group.length && !group.some((id) => split.separated.has(id))) {
      const these = group.length === 1 ? `article ${group[0]} is already the only article of its story ${story}` : `articles ${group.join(', ')} already make up story ${story} on their own`;
      out.push({ at, inert: true, message: `split of ${articlesLabel(named)}: ${these}; the split takes nothing out (it only keeps them from joining other stories)` });
    }
  });
  // stories whose articles are all split out (a split's story), with the first split entry naming one of them
  const splitStory = new Map<string, number>();
  for (const [article, story] of storyOf) if (firstSplit.has(article) && !splitStory.has(story)) splitStory.set(story, firstSplit.get(article)!);
  for (const [article, story] of storyOf) if (!firstSplit.has(article)) splitStory.delete(story);
  o.stories.merge.forEach((m, i) => {
    const ids = [...new Set(m.storyIds)];
    const twice = [...new Set(m.storyIds.filter((id, k) => m.storyIds.indexOf(id) !== k))];
    const kept = ids.filter((id) => splitStory.has(id));
    if (ids.length === 1) out.push({ at: `stories.merge[${i}]`, inert: true, message: `merge of story ${ids[0]} with itself: nothing to merge; name two or more different stories` });
    else if (twice.length) out.push({ at: `stories.merge[${i}]`, inert: false, message: `merge of ${m.storyIds.join(', ')}: names story ${twice.join(', ')} twice` });
    else if (kept.length) {
      const by = kept.map((id) => `stories.split[${splitStory.get(id)}]`).join(', ');
      out.push({
        at: `stories.merge[${i}]`,
        inert: ids.length - kept.length < 2,
        message: `merge of ${ids.join(', ')}: ${kept.length === 1 ? `story ${kept[0]} is` : `stories ${kept.join(', ')} are`} the split-out articles of ${by}, which keeps them apart; not merged (to put them back, take the split out of overrides.json)`,
      });
    }
  });
  // The order pinnedHeadlines decides in: pins on a story's own (live) id first, then pins carried over a merge.
  const pinnedBy = new Map<string, number>();
  const headline = o.stories.headline;
  const own = headline.map((h, i) => ({ h, i })).filter(({ h }) => !redirects[h.storyId]);
  const carried = headline.map((h, i) => ({ h, i })).filter(({ h }) => !!redirects[h.storyId]);
  const lost: OverrideWarning[] = [];
  for (const { h, i } of [...own, ...carried]) {
    const live = resolveRedirect(h.storyId, redirects);
    const winner = pinnedBy.get(live);
    if (winner === undefined) {
      pinnedBy.set(live, i);
      continue;
    }
    const story = live === h.storyId ? `story ${live}` : `story ${h.storyId} (merged into ${live})`;
    lost.push({ at: `stories.headline[${i}]`, inert: true, message: `headline for ${story}: stories.headline[${winner}] pins its headline already and wins; this one is ignored` });
  }
  return [...out, ...lost.sort((x, y) => headlineIndex(x.at) - headlineIndex(y.at))];
}

/** Each article of `index` (pseudo entries "archived:…" left out) with its story followed through `redirects`:
 * the story a split would take it out of, merges applied. */
function storiesAfterMerges(index: Readonly<Record<string, string>>, redirects: Readonly<Record<string, string>>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [article, story] of Object.entries(index)) if (!article.startsWith('archived:')) out.set(article, resolveRedirect(story, redirects));
  return out;
}

/** Articles per story. */
function sizesOf(storyOf: ReadonlyMap<string, string>): Map<string, number> {
  const out = new Map<string, number>();
  for (const story of storyOf.values()) out.set(story, (out.get(story) ?? 0) + 1);
  return out;
}

const headlineIndex = (at: string): number => Number(/\[(\d+)\]/.exec(at)![1]);
const articlesLabel = (ids: readonly string[]): string => (ids.length === 1 ? `article ${ids[0]}` : `articles ${[...new Set(ids)].join(', ')}`);

/**
 * The split groups' articles whose split takes them out of a story with other articles in this run (the previous
 * index, its stories followed through `redirects` (merges), puts them with other articles, or in several stories), or that the archive rebuilt (`rehydrated`), or that
 * are stored but were in no story before (they arrived with the split in place), added to `before` (sorted). Kept in
 * state/archive-overrides.json, so that later runs, where such an article is alone in its story by the split's
 * doing, do not report the split as taking nothing out (conflictingStoryOverrides).
 */
export function separatedSplits(
  o: Overrides,
  index: Readonly<Record<string, string>>,
  redirects: Readonly<Record<string, string>>,
  rehydrated: ReadonlySet<string>,
  stored: ReadonlySet<string>,
  before: Iterable<string>,
): string[] {
  const out = new Set(before);
  const storyOf = storiesAfterMerges(index, redirects);
  const storySize = sizesOf(storyOf);
  for (const group of splitGroupsByEntry(o.stories.split)) {
    const stories = new Set(group.map((id) => storyOf.get(id)));
    const story = [...stories][0];
    const apart =
      group.some((id) => rehydrated.has(id) || (stored.has(id) && !storyOf.has(id))) ||
      (group.every((id) => storyOf.has(id)) && (stories.size > 1 || storySize.get(story!)! > group.length));
    if (apart) for (const id of group) out.add(id);
  }
  const split = new Set(o.stories.split.flatMap(splitArticleIds));
  return [...out].filter((id) => split.has(id)).sort();
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
  /** When a run first found it gone from overrides.json (UTC ISO-8601, the run's clock): the takedown was lifted and
   * its articles may come back; absent while it stands. */
  lifted?: string;
}

/**
 * The takedown log: every takedown of the overrides with its reason, and the article ids it removed in this run
 * added to those of earlier runs (`previous`, the stored log); a takedown taken out of the overrides stays on record,
 * marked `lifted` at `now` (the run's clock, UTC ISO-8601) the first run that finds it gone (an operator trial's
 * record had vanished with it). Sorted by label, deterministic.
 */
export function takedownLog(o: Overrides, removedNow: ReadonlyMap<string, readonly string[]>, previous: unknown, now: string): TakedownRecord[] {
  const before = new Map<string, TakedownRecord>();
  const text = (x: unknown): string | null => (typeof x === 'string' ? x : null);
  for (const r of Array.isArray(previous) ? previous : []) {
    if (!r || typeof r.takedown !== 'string' || !Array.isArray(r.removedArticles)) continue;
    const removedArticles = r.removedArticles.filter((x: unknown): x is string => typeof x === 'string');
    const lifted = text(r.lifted);
    before.set(r.takedown, { takedown: r.takedown, reason: text(r.reason) ?? '', by: text(r.by), date: text(r.date), removedArticles, ...(lifted ? { lifted } : {}) });
  }
  const out = new Map<string, TakedownRecord>();
  for (const t of o.takedowns) {
    const label = takedownLabel(t);
    const removed = [...new Set([...(before.get(label)?.removedArticles ?? []), ...(removedNow.get(label) ?? [])])].sort();
    out.set(label, { takedown: label, reason: t.reason, by: t.by ?? null, date: t.date ?? null, removedArticles: removed });
  }
  for (const [label, r] of before) if (!out.has(label)) out.set(label, { ...r, lifted: r.lifted ?? now });
  return [...out.values()].sort((x, y) => (x.takedown < y.takedown ? -1 : x.takedown > y.takedown ? 1 : 0));
}

/** What a run did with overrides.json: its warnings, the report's count, and the split state to keep. */
export interface OverridesReview {
  /** In file order (sortOverrideWarnings); each is logged. */
  warnings: OverrideWarning[];
  /** The run report's `corrections`: entries, how many applied (no inert warning), the warning lines. */
  corrections: { entries: number; applied: number; warnings: string[] };
  /** Split articles matched once (stored then, or archived since), for state/archive-overrides.json. */
  matchedSplits: string[];
  /** separatedSplits, for state/archive-overrides.json. */
  separatedSplits: string[];
}

/**
 * Warnings for corrections made for an article whose link now carries another article (`replaced`: id → its new
 * headline; replacesArticle), said in the run that finds it; the corrections still apply:
 * - a split naming such an article keeps the new report out of its story (a hostile trial's);
 * - a headline pinned on a story whose only article (in `index`, the previous story index) is such an article now
 *   heads that new report (a second hostile trial's "Carlsen takes Tata Steel title" over a stadium budget).
 * One warning per entry.
 */
export function replacedArticleOverrides(o: Overrides, replaced: ReadonlyMap<string, string>, index: Readonly<Record<string, string>>): OverrideWarning[] {
  const out: OverrideWarning[] = [];
  const news = (ids: readonly string[]): string => ids.map((id) => `${id} ("${replaced.get(id)}")`).join(', ');
  o.stories.split.forEach((s, i) => {
    const hit = [...new Set(splitArticleIds(s))].filter((id) => replaced.has(id));
    if (!hit.length) return;
    out.push({
      at: `stories.split[${i}]`,
      inert: false,
      message: `split of ${articlesLabel(splitArticleIds(s))}: the link of ${news(hit)} now carries another article, which the split keeps apart; take it out of the split if it was meant for the earlier report`,
    });
  });
  if (!replaced.size) return out;
  const articlesOf = new Map<string, string[]>();
  for (const [article, story] of Object.entries(index)) if (!article.startsWith('archived:')) articlesOf.set(story, [...(articlesOf.get(story) ?? []), article]);
  o.stories.headline.forEach((h, i) => {
    const articles = articlesOf.get(h.storyId) ?? [];
    if (!articles.length || !articles.every((id) => replaced.has(id))) return;
    out.push({
      at: `stories.headline[${i}]`,
      inert: false,
      message: `headline for story ${h.storyId}: the link of its only article ${news(articles)} now carries another article, which the pinned headline now heads; take it out if it was meant for the earlier report`,
    });
  });
  return out;
}

/**
 * The split articles that earlier runs' splits took out of a story with other articles: the state's separatedSplits,
 * or, from a state written before it was kept (null, with a fingerprint), every split article of the previous index
 * (see reviewOverrides). Pure.
 */
export function splitsSeparatedBefore(
  o: Overrides,
  previousIndex: Readonly<Record<string, string>>,
  state: { fingerprint: string | null; separatedSplits: readonly string[] | null },
): string[] {
  if (state.separatedSplits) return [...state.separatedSplits];
  return state.fingerprint === null ? [] : [...new Set(o.stories.split.flatMap(splitArticleIds))].filter((id) => previousIndex[id] !== undefined);
}

/**
 * Reviews overrides.json after a run's stories are built: which entries name nothing (unmatchedTakedowns,
 * unmatchedStoryOverrides), conflict or take nothing out (conflictingStoryOverrides), and the split state the next run
 * needs. `run`: the previous story index and this run's redirects (all of them, resolved), the run's stored article
 * ids and the ids of every story it knows (live, archived, redirected), the articles the archive rebuilt, the
 * takedown log, the registry's source ids, the split articles the archive edits matched, and the state the last
 * run kept (`separatedSplits` null: written before it was kept, so the splits applied then are taken to have done
 * their work: no warning that one takes nothing out is better than a false one for every split in the file). Pure.
 */
export function reviewOverrides(
  o: Overrides,
  run: {
    previousIndex: Readonly<Record<string, string>>;
    redirects: Readonly<Record<string, string>>;
    storedArticleIds: ReadonlySet<string>;
    knownStoryIds: ReadonlySet<string>;
    rehydrated: ReadonlySet<string>;
    takedownRecords: readonly TakedownRecord[];
    knownSourceIds: ReadonlySet<string>;
    archivedSplits: readonly string[];
    state: { fingerprint: string | null; matchedSplits: readonly string[]; separatedSplits: readonly string[] | null };
    /** Articles whose link now carries another article (replacesArticle), with its headline: a split or a pinned
     * headline for one was made for the earlier report. */
    replaced?: ReadonlyMap<string, string>;
  },
): OverridesReview {
  const splitIds = new Set(o.stories.split.flatMap(splitArticleIds));
  const matchedSplits = [...new Set([...run.state.matchedSplits, ...run.archivedSplits, ...[...splitIds].filter((id) => run.storedArticleIds.has(id))])]
    .filter((id) => splitIds.has(id))
    .sort();
  const before = splitsSeparatedBefore(o, run.previousIndex, run.state);
  const separated = separatedSplits(o, run.previousIndex, run.redirects, run.rehydrated, run.storedArticleIds, before);
  const warnings = sortOverrideWarnings([
    ...unmatchedTakedowns(o, run.takedownRecords, run.knownSourceIds),
    ...unmatchedStoryOverrides(o, new Set([...run.storedArticleIds, ...matchedSplits]), run.knownStoryIds),
    ...conflictingStoryOverrides(o, run.redirects, { index: run.previousIndex, separated: new Set(separated) }),
    ...replacedArticleOverrides(o, run.replaced ?? new Map(), run.previousIndex),
  ]);
  const entries = overrideEntryCount(o);
  const inert = new Set(warnings.filter((w) => w.inert).map((w) => w.at)).size;
  return { warnings, corrections: { entries, applied: entries - inert, warnings: warnings.map(overrideWarningLine) }, matchedSplits, separatedSplits: separated };
}
