/**
 * The main job, top-down, holding the content directory's run lock: read feeds → decode + parse → normalise into
 * articles → dedupe against the store (items older than the window are counted, not stored) → cluster the active
 * window into stories → coverage, headline, summary → retention (stories that left the window to the archive, their
 * articles pruned) → write the content directory as one transaction.
 * I/O (reading feeds, the content store) comes in through `deps`; everything between is pure (src/core).
 */
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { printable, truncateText } from './core/feed/clean-text';
import { ERROR_MESSAGE_MAX_CHARS, MAX_FUTURE_SKEW_HOURS, MIN_SOURCES_FOR_STORY_PAGE, RETENTION_WINDOW_HOURS, SOURCE_WINDOW_MAX_ARTICLES, STORY_TEXT_VERSION } from './core/config';
import { articleOwner, mergeArticle, normaliseItems, replacesArticle, storedAs, type SameArticle } from './core/feed/normalise-article';
import { parseFeed, type ParsedFeed } from './core/feed/parse-feed';
import type { FeedInput, FeedValidators, NamedError } from './core/pipeline-types';
import { indexTakedowns, overrideWarningLine, reviewOverrides, splitsSeparatedBefore, takedownLabel, takedownLog, takedownOf } from './core/overrides/overrides';
import { splitArticleIds } from './core/schema/overrides';
import { errorName, feedKey, feedWarnings, isFeedFailure, nextFeedState, observeFeed, sameFeeds } from './core/state/feed-state';
import { readFeedStates, readLastRun, readOverrides, readTakedownLog } from './io/content-store';
import { openContent } from './io/migrate-content';
import type { Article } from './core/schema/article';
import { feedKind, type FeedKind, type Source } from './core/schema/source';
import { buildStories, releaseArticles, resolveRedirect, type StoryIndex } from './core/story/build-stories';
import { distinctSourceId, slugify, storyIdFor } from './core/story/ids';
import { languageFrom, sharedFeedWarnings } from './core/registry/check';
import { aggregatorOf, feedSiteOwner, hostOf, siteOwners } from './core/registry/domain';
import { adoptFormerIds, formerIdMap, renamedSourceWarnings } from './core/registry/former-ids';
import { inWindow, isExpiredItem, nextTombstones, retentionPlan, retentionWindow } from './core/retention';
import { archiveStories, scanArchive } from './io/archive-stories';
import { archiveActionOf, overridesFingerprint, pendingMerges, rehydrateArticles } from './core/archive-overrides';
import type { Overrides, TakedownIndex } from './core/overrides/overrides';
import type { Story } from './core/schema/story';
import { serializeStory } from './core/story/serialize-story';
import {
  ARCHIVE_OVERRIDES_STATE,
  listActiveStoryIds,
  listArchive,
  readActiveStories,
  readArchiveOverridesState,
  readArticles,
  readRedirects,
  readRegistry,
  readStoryIndex,
  readTombstones,
  writeContent,
} from './io/content-store';
import { withRunLock } from './io/lock';
import { archiveAfterRun, nextTopicFeeds, readTopicFeeds, TOPIC_FEEDS_STATE, topicFeedsJson } from './site/topic-feeds';

export interface IngestOptions {
  /** Content directory to read and write (absolute or relative to cwd). */
  contentDir: string;
  /** Registry file (JSON array of sources). */
  registryPath: string;
  /** The run's clock; null: the real time for live runs, the newest item's time for a folder of captured feeds. */
  now: Date | null;
}

export interface IngestDeps {
  /** Reads the raw feeds (a folder, or live HTTP) for the registry; `validators` by feed URL for conditional GETs. */
  readFeeds: (registry: Source[], validators: FeedValidators) => Promise<FeedInput[]>;
  /** True when feeds come from the live web (decides the default clock). */
  live: boolean;
  /** The real clock (ms since the epoch). */
  clock: () => number;
  log: (level: 'info' | 'warn' | 'error', message: string) => void;
}

/** What happened to one feed: every item is an article, a counted duplicate, or a named error. */
export interface FeedReport {
  name: string;
  sourceId: string;
  format: string | null;
  /** Items the parser returned plus items it dropped with an error. */
  items: number;
  articles: number;
  /** Articles not stored before this run. */
  newArticles: number;
  /**
   * Items not stored because they were already older than the retention window when first read, or are articles
   * pruned before or by this run (src/core/retention.ts): read, counted, never new again. items = articles + expired
   * + duplicates + item errors.
   */
  expired: number;
  duplicates: number;
  errors: NamedError[];
  /** ok, not_modified (a 304: nothing parsed) or failed (a feed-level error). */
  status?: 'ok' | 'not_modified' | 'failed';
}

export interface IngestReport {
  now: string;
  feeds: FeedReport[];
  /** Feeds with a feed-level error (isFeedFailure: not item problems, not a truncated item list). */
  feedsFailed: number;
  /** Articles kept in full after this run (src/core/retention.ts). */
  articlesTotal: number;
  newArticles: number;
  /** Items older than the window, not stored (sum of the feeds' `expired`). */
  expired: number;
  windowArticles: number;
  /** Active stories (stories/). */
  stories: number;
  /** Stories moved to the archive this run, and articles pruned this run. */
  archivedStories: number;
  prunedArticles: number;
  /** Stories with at least MIN_SOURCES_FOR_STORY_PAGE sources (each has a page). */
  multiSourceStories: number;
  storiesWith3Plus: number;
  filesChanged: number;
  /**
   * Wall-clock ms of the run's stages: reading, parsing and normalising the feeds against the store (`feeds`),
   * clustering and building the stories (`stories`), retention and writing the content (`write`). Not stored.
   */
  timings: { feedsMs: number; storiesMs: number; writeMs: number };
  /**
   * Editors' corrections (overrides.json): its entries (story corrections and takedowns), how many of them applied
   * (those with no warning that they do nothing: an unknown id, a conflict another entry wins, a split that takes
   * nothing out), and the warnings about them as logged, in file order. Not stored.
   */
  corrections: { entries: number; applied: number; warnings: string[] };
}

const toIso = (ms: number): string => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

/** Hours by which one captured feed's newest item may lead all the others' before the run warns that it set the clock. */
const CLOCK_OUTLIER_HOURS = 48;

/** The host that most of a feed's item links are on, when more than half of them are (a feed without a channel
 * link still names its site in its items; an aggregator's items spread over many hosts and give none). */
function itemsHost(parsed: ParsedFeed): string | null {
  const counts = new Map<string, number>();
  for (const item of parsed.items) {
    const host = item.link ? hostOf(item.link) : null;
    if (host) counts.set(host, (counts.get(host) ?? 0) + 1);
  }
  const [host, n] = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0] ?? [null, 0];
  return n * 2 > parsed.items.length ? host : null;
}

/**
 * A source for a feed the registry does not name: named after its site's domain (channel titles are often just
 * "Top Stories"), unrated. The site is the channel link's, else the feed URL's, else the one most item links are on;
 * the id is the domain as a slug; `.invalid` (RFC 2606) stands in when no domain is known.
 */
export function discoverSource(input: FeedInput, parsed: ParsedFeed): Source {
  const host = (parsed.feed.link ? hostOf(parsed.feed.link) : null) ?? (input.url ? hostOf(input.url) : null) ?? itemsHost(parsed);
  const slug = host ? slugify(host) : slugify(input.name.replace(/\.[a-z.]+$/i, ''));
  const homepage = host ? `https://${host}/` : `https://${slug}.invalid/`;
  return {
    id: slug,
    name: host ?? input.name,
    homepage,
    feeds: [{ url: input.url ?? parsed.feed.link ?? homepage, file: input.url ? null : input.name, topic: null }],
    country: null,
    // The feed's own <language>, its primary subtag; a name ("english") or unknown code is no language (the default).
    language: languageFrom(parsed.feed.language?.toLowerCase().split(/[-_]/)[0]) ?? 'en',
    bias: [],
    factuality: [],
    ownership: null,
    discovered: true,
  };
}

/** Why a fresh article is a stored one, for the log (storedAs's rules). */
function sameArticleReason(was: SameArticle, old: Article): string {
  switch (was.rule) {
    case 'guid':
      return `same guid ${JSON.stringify(old.guid)}`;
    case 'url':
      return 'the URL it moved to on an earlier run';
    case 'permalink':
      return 'its guid is the link it was stored under';
    case 'page':
      return 'another link of the same page';
    case 'title':
      return `same title and published time ${old.published}`;
  }
}

/** What a feed carries: its registry entry's kind (the entry named by the file, else by the URL); news when none is. */
function kindOf(source: Source, input: FeedInput): FeedKind {
  const ref = source.feeds.find((f) => (f.file !== null && f.file === input.name) || (input.url !== null && f.url === input.url));
  return ref ? feedKind(ref) : 'news';
}

/**
 * A feed's error as it is logged, stored in the feed state and shown on the source page: its message, which quotes
 * what the feed sent, on one line with control characters escaped (printable) and cut to ERROR_MESSAGE_MAX_CHARS.
 */
function reportedError(e: NamedError): NamedError {
  return { kind: e.kind, message: truncateText(printable(e.message), ERROR_MESSAGE_MAX_CHARS) };
}

/**
 * The registry source a discovered feed's site `homepage` (its channel link, or its site's root) belongs to: the one
 * on its registrable domain, or of several there the one whose homepage is the longest prefix of it (feedSiteOwner);
 * undefined when none is, or the site is an aggregator (its feeds carry many outlets' links).
 */
export function registeredOwner(registry: readonly Source[], homepage: string): Source | undefined {
  const host = hostOf(homepage);
  if (!host || host.endsWith('.invalid') || aggregatorOf(homepage)) return undefined;
  return feedSiteOwner(registry, homepage);
}

/**
 * Runs the main job once, holding the content directory's run lock (src/io/lock.ts). Throws for an invalid
 * registry, a content directory that cannot be written, a run clock earlier than the last run's (state/run.json:
 * nothing is written) or more than MAX_FUTURE_SKEW_HOURS after real time (refuseFutureClock), or RunLockedError when
 * another run holds the directory.
 */
export async function ingest(options: IngestOptions, deps: IngestDeps): Promise<IngestReport> {
  refuseFutureClock(options.now, deps.clock());
  return withRunLock(options.contentDir, () => ingestLocked(options, deps), { log: (m) => deps.log('info', m) });
}

/** `ingest` for a caller that already holds the content directory's run lock (a build, which holds it through its
 * site build too): the same run and errors, without taking the lock again. */
export async function ingestUnderLock(options: IngestOptions, deps: IngestDeps): Promise<IngestReport> {
  refuseFutureClock(options.now, deps.clock());
  return ingestLocked(options, deps);
}

/**
 * Throws when the given run clock `now` is more than MAX_FUTURE_SKEW_HOURS after the real time `realMs` (ms since
 * the epoch), as item dates are bounded: a --now ahead of real time (a mistyped year, a machine clock set back) would
 * age and archive the store against that day, and every later run would be refused as going back in time until it
 * came. Checked before the content directory is touched (not even created).
 */
function refuseFutureClock(now: Date | null, realMs: number): void {
  if (!now || now.getTime() <= realMs + MAX_FUTURE_SKEW_HOURS * 3_600_000) return;
  const minutes = Math.floor((now.getTime() - realMs) / 60_000);
  const ahead = `${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;
  throw new Error(
    `--now ${toIso(now.getTime())} is ${ahead} after this machine's clock (${toIso(realMs)}): refusing a run clock more than ` +
      `${MAX_FUTURE_SKEW_HOURS} h ahead, as it would archive the stories against that day and every later run would be refused until it came. ` +
      `Check the --now value or the machine's clock.`,
  );
}

async function ingestLocked(options: IngestOptions, deps: IngestDeps): Promise<IngestReport> {
  const started = performance.now();
  // Finish or discard an interrupted write, migrate older content, refuse newer content (src/io/migrate-content.ts).
  await openContent(options.contentDir, (m) => deps.log('info', m));
  const overrides = await readOverrides(options.contentDir);
  const takedowns = indexTakedowns(overrides);
  // A source taken down is not fetched any more (nor read from a folder of captured feeds).
  const fullRegistry = await readRegistry(options.registryPath, (m) => deps.log('warn', m));
  for (const line of sharedFeedWarnings(fullRegistry)) deps.log('warn', line);
  const registry = fullRegistry.filter((s) => !takedowns.sourceIds.has(s.id));
  const takenDownFiles = new Set(fullRegistry.filter((s) => takedowns.sourceIds.has(s.id)).flatMap((s) => s.feeds.map((f) => f.file)));
  const sources = new Map(registry.map((s) => [s.id, s]));
  let feedStatesUnreadable = false;
  const previousFeeds = await readFeedStates(options.contentDir, (m) => {
    feedStatesUnreadable = true;
    deps.log('warn', `${m}: feed health (failures, last success, validators) starts over in this run; the file is kept as state/feeds.json.unreadable`);
  });
  // Kept before this run's snapshot replaces it: nothing an operator might mend by hand is lost.
  if (feedStatesUnreadable) {
    await copyFile(path.join(options.contentDir, 'state', 'feeds.json'), path.join(options.contentDir, 'state', 'feeds.json.unreadable')).catch((error: NodeJS.ErrnoException) =>
      deps.log('warn', `state/feeds.json could not be kept aside (${error.code ?? error.message})`),
    );
  }
  const validators = new Map([...previousFeeds].map(([k, f]) => [k, { etag: f.etag, lastModified: f.lastModified }]));
  const inputs = (await deps.readFeeds(registry, validators)).filter((i) => !(i.sourceId === null && takenDownFiles.has(i.name)));
  const realNow = new Date(deps.clock());

  // Parse every feed; an unreadable or rejected feed yields its named errors and the run goes on. A feed is parsed with
  // the per-source settings of the registry source its items go to (`timeZone`, `language`: what `parallax parse`
  // takes as --time-zone and --language), whether the registry names its file or it is matched to that source below
  // by its site (such a file had been parsed without them: its zone-less dates were read as UTC).
  const parseAs = (input: FeedInput, source: Source | undefined): ParsedFeed =>
    input.bytes
      ? parseFeed(input.bytes, {
          url: input.fetch?.finalUrl ?? input.url ?? undefined,
          contentType: input.contentType ?? undefined,
          now: options.now ?? realNow,
          timeZone: source?.timeZone ?? undefined,
          // The registry's language: the legacy charset of a feed that declares none and is not UTF-8.
          language: source?.language ?? undefined,
          // Feeds from the web get a parse-time budget; captured feeds none, so their runs are reproducible.
          timer: deps.live ? () => performance.now() : undefined,
        })
      : { format: null, feed: { title: null, link: null, language: null }, items: [], errors: [] };
  const redirectedToAnother = sameFeeds(inputs);
  const errorsOf = (input: FeedInput, feed: ParsedFeed): NamedError[] => {
    const read: NamedError[] = [...(input.error ? [input.error] : []), ...feed.errors];
    // A permanent redirect, a feed that stopped listing items, one redirected to another source's feed: warnings
    // from the fetch and the stored state.
    return [...read, ...feedWarnings(input, { items: feed.items, errors: read }, previousFeeds.get(feedKey(input)), redirectedToAnother.get(input))].map(reportedError);
  };
  const registryIds = new Set(registry.map((s) => s.id));
  const parsed = inputs.map((input) => {
    const feed = parseAs(input, input.sourceId ? sources.get(input.sourceId) : undefined);
    let sourceId = input.sourceId;
    if (!sourceId) {
      let found = discoverSource(input, feed);
      // A feed from a registered outlet's own site is that outlet's, with its ratings (not an unrated double).
      // Its site: the channel link when it is on the site found (a desk's own path), else the site's root.
      const link = feed.feed.link && hostOf(feed.feed.link) === hostOf(found.homepage) ? feed.feed.link : found.homepage;
      const owner = registeredOwner(fullRegistry, link);
      // An outlet taken down is not read from any file of its site either: such a file had become a new, unrated
      // source of the same articles (an operator trial's).
      if (owner && takedowns.sourceIds.has(owner.id)) {
        deps.log('info', `${input.name}: not named in the registry; its site ${found.name} is ${owner.id}'s, which is taken down (overrides.json): not read`);
        return null;
      }
      // No site to tell (no channel link, feed URL or item links) and no item: a file that is no feed, or an empty one,
      // fails as itself; no source is made of its name (an operator trial's empty file and a symlink to /etc/passwd
      // had become sources "empty" and "passwd", with pages on the site).
      if (!owner && found.homepage.endsWith('.invalid/') && feed.items.length === 0) {
        deps.log('info', `${input.name}: not named in the registry, and it names no site (no channel link or item links): no source is made for it`);
        // Named in the report by its file; not by a source's id ("npr.xml" is no error of source npr's: a hostile pass's).
        return { input, feed, errors: errorsOf(input, feed), sourceId: sources.has(found.id) ? distinctSourceId(found.id, found.homepage) : found.id };
      }
      if (owner) {
        deps.log('info', `${input.name}: not named in the registry; its site ${found.name} is ${owner.id}'s, so its items are ${owner.id}'s`);
        // Parsed again with the outlet's settings, as a file the registry names is.
        const own = parseAs(input, owner);
        return { input, feed: own, errors: errorsOf(input, own), sourceId: owner.id };
      }
      // A slug that is another site's source id (a registered outlet's: a feed of "bbc.news" had become BBC's, with
      // its ratings) gets a suffix of its own.
      const taken = sources.get(found.id);
      if (taken && taken.homepage !== found.homepage) {
        const id = distinctSourceId(found.id, found.homepage);
        deps.log('warn', `${input.name}: its site ${found.name} would be source ${found.id}, which is ${taken.discovered ? 'the site' : 'the registered outlet'} ${taken.homepage}; it is source ${id}`);
        found = { ...found, id };
      }
      const existing = sources.get(found.id);
      if (existing) existing.feeds.push(...found.feeds.filter((f) => !existing.feeds.some((e) => e.url === f.url && e.file === f.file)));
      else {
        deps.log('info', `${input.name}: not named in the registry, and its site ${found.name} is no registered source's, so it is the new, unrated source ${found.id}`);
        sources.set(found.id, found);
      }
      sourceId = found.id;
      // A registered source of that id and site that no site match names (an aggregator, one of several outlets on a
      // domain): its settings too.
      if (registryIds.has(sourceId)) {
        const own = parseAs(input, sources.get(sourceId));
        return { input, feed: own, errors: errorsOf(input, own), sourceId };
      }
    }
    return { input, feed, errors: errorsOf(input, feed), sourceId };
  }).filter((p) => p !== null);

  // The clock: given, else real time (live) or the newest item date not in the future (a captured folder). An item
  // dated ahead of real time counts as real time: one item dated a day ahead had set the clock there, pruning the store
  // against that day and making every later run (live ones too) refuse to go back in time until it came.
  let nowMs = options.now?.getTime() ?? realNow.getTime();
  if (!options.now && !deps.live) {
    const real = realNow.getTime();
    const limit = real + MAX_FUTURE_SKEW_HOURS * 3_600_000;
    const datesOf = (p: (typeof parsed)[number]): number[] =>
      p.feed.items.map((i) => (i.published ? Date.parse(i.published) : NaN)).filter((t) => t <= limit).map((t) => Math.min(t, real));
    const newest = parsed
      .map((p) => ({ name: p.input.name, ms: Math.max(-Infinity, ...datesOf(p)) }))
      .filter((f) => Number.isFinite(f.ms))
      .sort((a, b) => b.ms - a.ms);
    if (newest.length) nowMs = newest[0]!.ms;
    // One feed far ahead of all the others sets the clock alone (a stray date, or a newer file among old captures):
    // every other feed's items may then fall out of the window. Said, since --now chooses.
    if (newest.length > 1 && newest[0]!.ms - newest[1]!.ms > CLOCK_OUTLIER_HOURS * 3_600_000) {
      deps.log(
        'warn',
        `the run's clock ${toIso(newest[0]!.ms)} comes from ${newest[0]!.name} alone; the next newest feed (${newest[1]!.name}) ends at ${toIso(newest[1]!.ms)}: ` +
          `items older than the window before the clock are not stored (pass --now to choose the clock)`,
      );
    }
  }
  const now = toIso(nowMs);
  // A clock earlier than the last run's would archive and prune against the past (e.g. the bundled demo's February
  // feeds read into a live instance's content): refused before anything is written.
  const last = await readLastRun(options.contentDir);
  const lastRun = last.now;
  if (lastRun && nowMs < Date.parse(lastRun)) {
    throw new Error(
      `the run's clock ${now} is earlier than the last run's (${lastRun}) in ${options.contentDir}: refusing to go back in time. ` +
        `Use feeds newer than that (or --now ${lastRun} or later), or another --content directory.`,
    );
  }
  const window = retentionWindow(nowMs);

  // Articles stored under an id that a registry entry lists in formerIds are that entry's (src/core/registry/former-ids.ts).
  const adopted = adoptFormerIds(await readArticles(options.contentDir, (m) => deps.log('warn', m)), fullRegistry);
  for (const [former, n] of adopted.moved) deps.log('info', `${n} stored article${n === 1 ? '' : 's'} of ${former} now belong to ${formerIdMap(fullRegistry).get(former)} (its formerIds)`);
  const stored = adopted.articles;
  const tombstones = await readTombstones(options.contentDir);
  const tombstonesSeen = new Set<string>();
  const all = new Map(stored);
  const seenThisRun = new Set<string>();
  const listedInWindow = new Set<string>();
  const feedReports: FeedReport[] = [];
  const normalised = parsed.map((p) => {
    // (No source for a file that names no site and has no item: nothing to normalise.)
    const source = sources.get(p.sourceId);
    return normaliseItems(p.feed.items, p.sourceId, now, source?.language ?? null, source ? kindOf(source, p.input) : undefined);
  });
  // An item whose link changed keeps its stored article's id (storedAs: same URL, same guid, same page, same headline
  // and time), in every feed; two links of one page in this run are one article.
  const fresh = normalised.flatMap((r) => r.articles);
  const moved = storedAs(fresh, stored);
  const firstRead = new Map<string, Article>();
  for (const a of fresh) if (!firstRead.has(a.id)) firstRead.set(a.id, a);
  for (const [id, was] of moved) {
    const url = firstRead.get(id)!.url;
    const old = stored.get(was.id);
    // An article that moved on an earlier run is stored under its new URL and its first id: nothing to say again.
    if (old && old.url === url) continue;
    if (old) {
      deps.log('info', `${old.sourceId}: article ${was.id} moved from ${old.url} to ${url} (${sameArticleReason(was, old)}); it keeps its id`);
    } else {
      const kept = firstRead.get(was.id)!;
      deps.log('info', `${kept.sourceId}: ${url} is the same page as ${kept.url} in this run: one article, ${was.id}`);
    }
  }
  for (const r of normalised) r.articles = r.articles.map((a) => (moved.has(a.id) ? { ...a, id: moved.get(a.id)!.id } : a));
  // Each article's claims (the stored source, then this run's in feed order), and the source of its URL's site, for
  // articleOwner.
  const claims = new Map<string, string[]>();
  parsed.forEach((p, f) => {
    for (const a of normalised[f]!.articles) {
      let list = claims.get(a.id);
      if (!list) claims.set(a.id, (list = stored.has(a.id) ? [stored.get(a.id)!.sourceId] : []));
      if (!list.includes(p.sourceId)) list.push(p.sourceId);
    }
  });
  const siteOwner = siteOwners(sources.values());
  // Each source's articles inside the window, which SOURCE_WINDOW_MAX_ARTICLES bounds (a feed that floods).
  const windowCount = new Map<string, number>();
  // Stored articles whose page now carries another article (replacesArticle).
  const replaced = new Set<string>();
  for (const a of stored.values()) if (inWindow(a, window)) windowCount.set(a.sourceId, (windowCount.get(a.sourceId) ?? 0) + 1);
  // The ids each feed's report counts as stored articles: those retention prunes this run are counted as expired
  // once the plan is known, as a re-run counts them.
  const storedBy: string[][] = [];
  parsed.forEach((p, f) => {
    const result = normalised[f]!;
    const counted: string[] = [];
    storedBy.push(counted);
    let fresh = 0;
    let expired = 0;
    let refused = 0;
    let duplicates = result.duplicates;
    for (const article of result.articles) {
      const list = claims.get(article.id)!;
      if (seenThisRun.has(article.id) || (list.length > 1 && articleOwner(list, siteOwner(article.url)?.id) !== p.sourceId)) {
        duplicates++; // the same URL in another feed of this run, or an article of another source
        continue;
      }
      seenThisRun.add(article.id);
      // The feed dates it inside the window now (a feed that re-dates its items): if pruned, it is remembered.
      if (!isExpiredItem(article, window)) listedInWindow.add(article.id);
      if (!stored.has(article.id)) {
        // Older than the window on first sight, or an article pruned before (undated, or re-dated by a feed that kept
        // listing it; nextTombstones): counted, not stored again.
        const remembered = tombstones[article.id] !== undefined;
        if (remembered || isExpiredItem(article, window)) {
          if (remembered) tombstonesSeen.add(article.id);
          expired++;
          continue;
        }
        const count = windowCount.get(p.sourceId) ?? 0;
        if (count >= SOURCE_WINDOW_MAX_ARTICLES) {
          refused++; // not stored: read again next run, stored once the window has room
          continue;
        }
        // A taken-down item goes below with the stored ones (for the takedown log), but it is nothing new: counted as
        // new, it had moved its feed's lastNewArticle on every run, and a re-run had not been byte-identical.
        if (!takedownOf(takedowns, article)) {
          windowCount.set(p.sourceId, count + 1);
          fresh++;
        }
      }
      counted.push(article.id);
      const old = stored.get(article.id);
      if (old && replacesArticle(old, article)) {
        // a link reused for another report: that article, as read, placed in a story again
        deps.log('info', `${p.sourceId}: ${article.url} now carries another article ("${old.title}" → "${article.title}"); it is placed in a story anew`);
        replaced.add(article.id);
        all.set(article.id, article);
      } else all.set(article.id, mergeArticle(old, article));
    }
    const itemErrors = p.errors.filter((e) => e.kind === 'item_invalid').length;
    // An item whose link the parser found unusable has said why (item_link_unusable): its "no link" is not said again.
    const unusableLinks = new Set(p.feed.errors.filter((e) => e.kind === 'item_link_unusable').map((e) => e.position));
    const errors = [...p.errors, ...result.errors.filter((e) => !(e.kind === 'item_no_link' && unusableLinks.has(e.position))).map(reportedError)];
    if (refused) {
      errors.push({ kind: 'source_full', message: `${refused} new items not stored: source ${p.sourceId} already has ${SOURCE_WINDOW_MAX_ARTICLES} articles in the ${RETENTION_WINDOW_HOURS}-hour window (SOURCE_WINDOW_MAX_ARTICLES); a feed that floods is held there` });
    }
    feedReports.push({
      name: p.input.name,
      sourceId: p.sourceId,
      format: p.feed.format,
      items: p.feed.items.length + itemErrors,
      articles: result.articles.length - (duplicates - result.duplicates) - expired - refused,
      newArticles: fresh,
      expired,
      duplicates,
      errors,
    });
    // Item problems and a truncated item list are warnings: the feed itself was read (isFeedFailure).
    // The feed and its source: an operator edits the registry by source id, a feed URL alone does not say whose it is.
    for (const e of errors) deps.log(isFeedFailure([e]) ? 'error' : 'warn', `${p.input.name} (source ${p.sourceId}): ${errorName(e)}: ${e.message}`);
  });

  // Editorial takedowns (overrides.json): out of the stored and the new articles, on every run.
  const takenDown = new Map<string, string[]>();
  const knownSourceIds = new Set([...fullRegistry.map((s) => s.id), ...[...all.values()].map((a) => a.sourceId)]);
  for (const a of [...all.values()]) {
    const t = takedownOf(takedowns, a);
    if (!t) continue;
    all.delete(a.id);
    const label = takedownLabel(t);
    takenDown.set(label, [...(takenDown.get(label) ?? []), a.id]);
  }
  for (const message of renamedSourceWarnings(all.values(), fullRegistry, new Set([...fullRegistry.map((s) => s.id), ...sources.keys()]))) deps.log('warn', message);
  const articles = [...all.values()].sort((x, y) => (x.id < y.id ? -1 : 1));
  const active = articles.filter((a: Article) => inWindow(a, window));
  const previousIndex = await readStoryIndex(options.contentDir);
  const previousRedirects = await readRedirects(options.contentDir);
  const archived = await listArchive(options.contentDir);
  // Overrides that touch archived stories (src/core/archive-overrides.ts): taken-down ones go, pinned headlines are
  // rewritten, merged or split ones have their articles back in this run to be clustered again.
  const archiveOverridesState = await readArchiveOverridesState(options.contentDir);
  const edits = await archiveOverrideEdits(options.contentDir, overrides, takedowns, archived, previousRedirects, archiveOverridesState.fingerprint);
  const rehydrated: StoryIndex = {};
  for (const [storyId, list] of edits.rebuild) {
    for (const a of list) {
      if (!all.has(a.id)) all.set(a.id, a);
      rehydrated[a.id] = storyId;
    }
  }
  for (const r of [...edits.removed, ...edits.trimmed]) r.labels.forEach((label, i) => takenDown.set(label, [...(takenDown.get(label) ?? []), r.articleIds[i]!]));
  // Merges already applied are not passed again: their stories may be archived, out of the index.
  const storyOverrides = { ...overrides.stories, merge: pendingMerges(overrides.stories.merge, previousRedirects) };
  // A story whose articles, headline and coverage did not change keeps its stored version and file
  // (src/core/story/story-changes.ts): the window's statistics drift every run, the story did not.
  const storiesStart = performance.now();
  const placed = releaseArticles({ ...previousIndex, ...rehydrated }, replaced);
  const built = buildStories({
    active,
    archive: all,
    sources,
    index: { ...placed.index, ...archivedIdGuards(active, placed.index, archived) },
    loose: placed.loose,
    overrides: storyOverrides,
    previous: await readActiveStories(options.contentDir, (m) => deps.log('warn', m)),
    // Stored stories are kept as written only when they were derived by the rules of this version.
    rederive: last.storyText !== STORY_TEXT_VERSION,
    redirects: previousRedirects,
    separatedSplits: new Set(splitsSeparatedBefore(overrides, previousIndex, archiveOverridesState)),
  });
  const { index, stories } = built;
  const storiesEnd = performance.now();
  // Rehydrated articles whose story stays out of the window (two archived stories merged, a split in one): rebuilt
  // on their own, written back to the archive.
  const liveNow = new Set(stories.map((s) => s.id));
  // A story that leaves the window in the run that takes down some of its articles goes to the archive without them,
  // as an archived story would (an operator trial: the whole story, the other outlets' articles with it, had gone).
  const takenIds = [...takenDown.values()].flat();
  const activeBefore = await listActiveStoryIds(options.contentDir);
  const leaving = leavingTakedownArticles(previousIndex, takenIds, all, new Set(activeBefore), liveNow);
  const again = [...Object.keys(rehydrated).filter((id) => !liveNow.has(index[id]!)).map((id) => all.get(id)!), ...leaving];
  const againIndex: StoryIndex = Object.fromEntries(again.map((a) => [a.id, index[a.id] ?? previousIndex[a.id]!]));
  const rebuilt = again.length
    ? buildStories({ active: again, archive: all, sources, index: { ...againIndex, ...archivedIdGuards(again, againIndex, archived) }, overrides: storyOverrides, redirects: previousRedirects, previous: edits.rebuildFrom })
    : { stories: [], index: {}, redirects: {} };
  // A merged story's id keeps leading somewhere: its file goes, a redirect stays (the site renders redirect pages).
  const redirectsSoFar = { ...previousRedirects, ...built.redirects, ...rebuilt.redirects };
  const redirects: Record<string, string> = {};
  for (const id of Object.keys(redirectsSoFar).sort()) redirects[id] = resolveRedirect(id, redirectsSoFar);
  const removedStoryIds = [...new Set([...Object.keys(built.redirects), ...Object.keys(rebuilt.redirects)])].sort();

  // A story that held only taken-down articles goes (not live, not rebuilt without them); the index forgets them. An
  // id that redirected to such a story goes too: its redirect page would lead nowhere (an operator trial's source
  // takedown had left two).
  const rebuiltIds = new Set(rebuilt.stories.map((x) => x.id));
  const gone = new Set(edits.removed.map((r) => r.id));
  for (const id of new Set(takenIds.map((a) => previousIndex[a]).filter((s): s is string => !!s && !liveNow.has(s) && !rebuiltIds.has(s)))) {
    gone.add(id);
    if (!removedStoryIds.includes(id)) removedStoryIds.push(id);
  }
  for (const [id, to] of Object.entries(redirects)) if (gone.has(to)) delete redirects[id];
  for (const id of takenIds) delete index[id];
  for (const id of takedowns.sourceIds.keys()) sources.delete(id);
  // Retention (src/core/retention.ts): stories that left the window move to archive/<YYYY-MM>/, their articles and
  // index entries go; an archived id that is a story again (an editor's merge) or gone (merged away) leaves it.
  const plan = retentionPlan({
    articles: all,
    stories,
    index,
    previouslyActive: activeBefore,
    removed: removedStoryIds,
    window,
  });
  const archiving = await archiveStories(options.contentDir, {
    archive: plan.archive,
    unarchive: [...stories.map((s) => s.id), ...removedStoryIds, ...edits.removed.map((r) => r.id)].filter((id) => archived.has(id)),
    archived,
    rewrite: [...rebuilt.stories, ...edits.headlines].map((story) => ({ story, text: serializeStory(story) })),
  });
  // An item whose stored article retention prunes now is, for its feed, expired (as a re-run counts it): counted as
  // stored, the first run after a day's turn had written other feed counts than its re-run (an operator trial's).
  const prunedNow = new Set(plan.pruned);
  feedReports.forEach((f, i) => {
    const pruned = storedBy[i]!.filter((id) => prunedNow.has(id)).length;
    f.articles -= pruned;
    f.expired += pruned;
  });
  // Per-feed state: health over runs, validators for the next conditional GET (src/core/state/feed-state.ts).
  const feedStates = feedReports.map((f, i) => {
    const p = parsed[i]!;
    const state = nextFeedState(previousFeeds.get(feedKey({ url: p.input.url, name: f.name })), observeFeed(p.input, p.feed.items, f, now), now);
    f.status = state.status;
    return state;
  });
  const tombstonesNext = nextTombstones(
    tombstones,
    plan.pruned.filter((id) => all.get(id)!.published === null || listedInWindow.has(id)),
    tombstonesSeen,
    now.slice(0, 10),
  );
  const resolved = [...sources.values()].sort((x, y) => (x.id < y.id ? -1 : 1));
  const multi = stories.filter((s) => s.coverage.sourceCount >= MIN_SOURCES_FOR_STORY_PAGE).length;
  const report: IngestReport = {
    now,
    feeds: feedReports,
    feedsFailed: feedReports.filter((f) => isFeedFailure(f.errors)).length,
    articlesTotal: plan.keep.length,
    newArticles: feedReports.reduce((s, f) => s + f.newArticles, 0),
    expired: feedReports.reduce((s, f) => s + f.expired, 0),
    windowArticles: active.length,
    stories: stories.length,
    archivedStories: plan.archive.length,
    prunedArticles: plan.pruned.length,
    multiSourceStories: multi,
    storiesWith3Plus: stories.filter((s) => s.coverage.sourceCount >= 3).length,
    filesChanged: 0,
    timings: { feedsMs: storiesStart - started, storiesMs: storiesEnd - storiesStart, writeMs: 0 },
    corrections: { entries: 0, applied: 0, warnings: [] },
  };
  const { filesChanged: _changed, newArticles: _new, feeds: _feeds, expired: _expired, archivedStories: _a, prunedArticles: _p, timings: _t, corrections: _c, ...stateCounts } = report;
  const takedownRecords = takedownLog(overrides, takenDown, await readTakedownLog(options.contentDir), now);
  // Archived stories (those archived in this run too) and their articles count as known: an override that reached
  // the archive is carried out.
  const knownStoryIds = new Set([...Object.values(plan.index), ...stories.map((s) => s.id), ...archived.keys(), ...plan.archive, ...Object.keys(redirects)]);
  const review = reviewOverrides(overrides, {
    previousIndex,
    redirects,
    storedArticleIds: new Set(all.keys()),
    knownStoryIds,
    rehydrated: new Set(Object.keys(rehydrated)),
    takedownRecords,
    knownSourceIds,
    archivedSplits: edits.archivedSplits,
    state: archiveOverridesState,
    replaced: new Map([...replaced].map((id) => [id, all.get(id)?.title ?? ''])),
  });
  for (const w of review.warnings) deps.log('warn', overrideWarningLine(w));
  report.corrections = review.corrections;
  // A topic that has had feeds keeps them though a merge or takedown takes it below the bar (src/site/topic-feeds.ts).
  const topicFeeds = nextTopicFeeds(stories, now, archiveAfterRun(options.contentDir, archiving), readTopicFeeds(options.contentDir));
  report.filesChanged = await writeContent(options.contentDir, {
    articles: plan.keep,
    stories,
    removedStoryIds,
    sources: resolved,
    index: plan.index,
    // Per-run counts of what was new are left out of the stored state, so a re-run with the same input and clock
    // leaves the tree byte-identical.
    feeds: feedStates,
    takedowns: takedownRecords,
    run: { ...stateCounts, feeds: feedReports.length, storyText: STORY_TEXT_VERSION },
    extra: {
      [path.join('state', 'redirects.json')]: redirects,
      [path.join('state', 'expired-undated.json')]: tombstonesNext,
      [ARCHIVE_OVERRIDES_STATE]: { fingerprint: edits.fingerprint, ...(review.matchedSplits.length ? { matchedSplits: review.matchedSplits } : {}), separatedSplits: review.separatedSplits },
      [TOPIC_FEEDS_STATE]: topicFeedsJson(topicFeeds),
      ...archiving.indexes,
    },
    texts: archiving.texts,
    deletes: archiving.deletes,
  });
  report.timings.writeMs = performance.now() - storiesEnd;
  return report;
}

/**
 * The archived stories that the overrides touch, found by a scan of the archive only when the overrides changed
 * since the last run (`lastFingerprint`, from state/archive-overrides.json): stories to remove (every article taken
 * down), to trim (some taken down: rebuilt without them, listed in `trimmed` for the takedown log), pinned headlines
 * to write, the rehydrated articles of stories to cluster again (merge, split, trim) by story id with the stored
 * stories they come from (`rebuildFrom`: what they were, e.g. whether they had a page), and the split overrides'
 * article ids found in the archive.
 */
async function archiveOverrideEdits(
  contentDir: string,
  overrides: Overrides,
  takedowns: TakedownIndex,
  archived: ReadonlyMap<string, string>,
  redirects: Readonly<Record<string, string>>,
  lastFingerprint: string | null,
): Promise<{ fingerprint: string; removed: TakenDownStory[]; trimmed: TakenDownStory[]; headlines: Story[]; rebuild: Map<string, Article[]>; rebuildFrom: Map<string, Story>; archivedSplits: string[] }> {
  const fingerprint = overridesFingerprint(overrides);
  const out = { fingerprint, removed: [] as TakenDownStory[], trimmed: [] as TakenDownStory[], headlines: [] as Story[], rebuild: new Map<string, Article[]>(), rebuildFrom: new Map<string, Story>(), archivedSplits: [] as string[] };
  if (lastFingerprint === fingerprint || !archived.size) return out;
  const liveIds = new Set([...(await listActiveStoryIds(contentDir)), ...archived.keys()]);
  const splits = new Set(overrides.stories.split.flatMap(splitArticleIds));
  for (const { story, action } of await scanArchive(contentDir, archived, (s) => {
    for (const a of s.articles) if (splits.has(a.id)) out.archivedSplits.push(a.id);
    return archiveActionOf(s, overrides, takedowns, redirects, liveIds);
  })) {
    if (action.kind === 'remove') out.removed.push({ id: story.id, articleIds: action.articleIds, labels: action.labels });
    else if (action.kind === 'headline') out.headlines.push({ ...story, title: action.title, slug: slugify(action.title) });
    else {
      if (action.kind === 'trim') out.trimmed.push({ id: story.id, articleIds: action.articleIds, labels: action.labels });
      const gone = new Set(action.kind === 'trim' ? action.articleIds : []);
      out.rebuild.set(story.id, rehydrateArticles(story.articles.filter((a) => !gone.has(a.id))));
      out.rebuildFrom.set(story.id, story);
    }
  }
  return out;
}

/**
 * The articles to rebuild of stories that leave the window in this run holding an article taken down in it: stories
 * active before the run (`activeBefore`), live no more (`liveNow`), of which an article in `taken` was one (through
 * `index`, the previous run's); their articles still stored (`all`, takedowns applied). Such a story is written to the
 * archive without what was taken down; one left with none goes. In article id order.
 */
export function leavingTakedownArticles(
  index: Readonly<StoryIndex>,
  taken: readonly string[],
  all: ReadonlyMap<string, Article>,
  activeBefore: ReadonlySet<string>,
  liveNow: ReadonlySet<string>,
): Article[] {
  const stories = new Set(taken.map((a) => index[a]).filter((s): s is string => !!s && activeBefore.has(s) && !liveNow.has(s)));
  return Object.keys(index)
    .filter((a) => stories.has(index[a]!) && all.has(a))
    .sort()
    .map((a) => all.get(a)!);
}

/** An archived story an editor's takedown reached: the articles it lost and, for each, the takedown's label. */
interface TakenDownStory {
  id: string;
  articleIds: string[];
  labels: string[];
}

/**
 * Index entries that keep a new story from taking an archived story's id: a story's id is minted from its first
 * article (storyIdFor), so an article of an archived story that comes back into the window (its feed re-dated it)
 * would mint the archived id again. buildStories never reuses an id its index names; pseudo entries
 * ("archived:<id>" → id, no such article) name the archived ids such an article would mint. Compaction drops them.
 */
export function archivedIdGuards(active: readonly Article[], index: Readonly<StoryIndex>, archived: ReadonlyMap<string, string>): StoryIndex {
  const guards: StoryIndex = {};
  if (!archived.size) return guards;
  const used = new Set(Object.values(index));
  for (const a of active) {
    if (index[a.id]) continue;
    for (let n = 0; ; n++) {
      const id = storyIdFor(n ? `${a.id}#${n}` : a.id);
      if (archived.has(id)) guards[`archived:${id}`] = id;
      else if (!used.has(id)) break;
    }
  }
  return guards;
}
