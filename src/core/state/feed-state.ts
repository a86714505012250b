/**
 * Per-feed state kept in <content>/state/feeds.json across runs: the last run's result (what the site's feed health
 * shows) plus health over time (last success, last error, consecutive failures, items in the last fetch, the newest
 * item, stale) and the validators for the next conditional GET. Pure: the run's clock comes in as `now`.
 */
import { MAX_FUTURE_SKEW_HOURS } from '../config';
import type { FeedInput, NamedError } from '../pipeline-types';
import { canonicalUrl, samePageKey } from '../feed/canonical-url';
import { redactCredentials } from '../redact-credentials';

import { STALE_AFTER_DAYS } from '../config';

export { STALE_AFTER_DAYS };

/** What identifies a feed and what its last parsed body held: shared by the stored state and one run's observation. */
interface FeedCounts {
  name: string;
  sourceId: string;
  url: string | null;
  format: string | null;
  /** Items in the fetch (for the state: the last fetch that returned a body, kept through a 304). */
  items: number;
  articles: number;
  duplicates: number;
}

export interface FeedState extends FeedCounts {
  /** Errors of the last run. */
  errors: NamedError[];
  /** ok: a body was read and parsed without a feed-level error; not_modified: 304; failed: anything else. */
  status: 'ok' | 'not_modified' | 'failed';
  /** The run clock of the last attempt, of the last success (ok or 304), of the last failure. */
  lastAttempt: string;
  lastSuccess: string | null;
  /** The last failure: `kind` named as the log names it (errorName: "http_500", not "http_status"). */
  lastError: { at: string; kind: string; message: string } | null;
  consecutiveFailures: number;
  /** Newest item date seen (published or updated), or null. */
  newestItem: string | null;
  /** The last run that found articles not stored before (the staleness clock for feeds without dates). */
  lastNewArticle: string | null;
  stale: boolean;
  etag: string | null;
  lastModified: string | null;
  /**
   * While the feed's bodies hold no item: the item count of its last body that held any (the N of the no_items
   * warning, feedWarnings). Absent otherwise, and in states written before it existed.
   */
  itemsBefore?: number;
}

/** What one run saw of one feed. */
export interface FeedObservation extends FeedCounts {
  newArticles: number;
  errors: NamedError[];
  notModified: boolean;
  /** Newest item date of this fetch (ISO), or null. */
  newestItem: string | null;
  etag: string | null;
  lastModified: string | null;
}

/**
 * A feed error's name, as the run's log lines, its summary and `health` give it: its kind, with the HTTP status for
 * http_status ("http_503"), so that what the summary counts is what a search of the log finds.
 */
export function errorName(e: { kind: string; message: string }): string {
  const status = e.kind === 'http_status' ? /HTTP (\d{3})/.exec(e.message)?.[1] : undefined;
  return status ? `http_${status}` : e.kind;
}

/** The key of a feed in the state: its URL, else its file name. */
export const feedKey = (f: { url: string | null; name: string }): string => f.url ?? f.name;

const latest = (a: string | null, b: string | null): string | null => (!a ? b : !b ? a : a > b ? a : b);

/** Error kinds that say the feed was read, with a caveat: its item list was cut at the cap, the document ends
 * before its elements close (the items before the cut are read and kept), or its declared charset was wrong and
 * repaired (stray bytes in declared UTF-8 read as windows-1252, or UTF-8 behind a single-byte label read as UTF-8:
 * src/core/feed/decode-feed.ts). A cut-off feed had counted as failed with 0 items while its items were stored. Also
 * the three of feedWarnings (the feed moved permanently, it returned no items after having some, or it is another
 * registry feed's) and the pipeline's source_full (its source holds SOURCE_WINDOW_MAX_ARTICLES in the window). */
const FEED_WARNING_KINDS: ReadonlySet<string> = new Set(['too_many_items', 'xml_truncated', 'encoding_repaired', 'moved_permanently', 'no_items', 'same_feed', 'source_full']);

/**
 * Warnings that stay true run after run until the operator acts: the feed moved for good, stopped listing items or
 * is another registry feed's (feedWarnings; the registry should name its new URL), or its source is full (the pipeline's source_full,
 * SOURCE_WINDOW_MAX_ARTICLES: a feed that floods). `health` marks these feeds and lists them under --problems; the
 * other warnings are caveats of one body (a repaired charset, a list cut at the cap).
 */
export const OPERATOR_WARNING_KINDS: ReadonlySet<string> = new Set(['moved_permanently', 'no_items', 'same_feed', 'source_full']);

/** The items a feed's last body with any held, as its stored state knows it (0 when none is known). */
const lastItemCount = (prev: FeedState | undefined): number => (!prev ? 0 : prev.items > 0 ? prev.items : prev.itemsBefore ?? 0);

/**
 * The warnings of one feed that its bytes alone do not show, from its fetch and its stored state (pure):
 * - `moved_permanently`: every redirect of the fetch was a 301 or 308 (`input.fetch.movedTo`, src/io/http-client.ts):
 *   "moved permanently to <URL>; update the registry's feed URL", the URL with any user name and password as ***@
 *   (redactCredentials). RFC 9110 §15.4.2 / §15.4.9: a client ought to use the new URI from then on; a 302, 303 or
 *   307 anywhere in the chain is temporary, and no movedTo is given.
 * - `no_items`: a body was read and parsed without a feed-level failure and held no item (`parsed.items` plus the
 *   `item_invalid` errors, as the state counts them) while the feed's last body with items held N (`prev.items`, or
 *   `prev.itemsBefore` while it stays empty): "returned no items; it had N in its last fetch with items". A 304 to a
 *   feed whose last body was such an empty one says it again (the server says the body did not change). A feed new
 *   to the state, or one that never had items, gets none; a failure says nothing about the item list.
 * - `same_feed`: the fetch was redirected to the feed another source reads (`sameAs`, sameFeeds: compared as one
 *   page): "redirected to <URL>, which source <id> also reads (<its feed>): one feed listed twice". Its items go to one source each
 *   (articleOwner), so one outlet's reports may be counted as another's (an operator trial's feed redirected to NPR's
 *   took NPR's articles with no word but "moved permanently").
 * Deterministic: no clock, only the inputs.
 */
export function feedWarnings(input: FeedInput, parsed: { items: readonly unknown[]; errors: readonly NamedError[] }, prev: FeedState | undefined, sameAs?: FeedInput): NamedError[] {
  const out: NamedError[] = [];
  const movedTo = input.fetch?.movedTo;
  if (movedTo) out.push({ kind: 'moved_permanently', message: `moved permanently to ${redactCredentials(movedTo)}; update the registry's feed URL` });
  if (sameAs) {
    out.push({ kind: 'same_feed', message: `redirected to ${redactCredentials(input.fetch!.finalUrl!)}, which source ${sameAs.sourceId ?? 'not in the registry'} also reads (${redactCredentials(sameAs.name)}): one feed listed twice, its items counted for one source each; fix the registry` });
  }
  const notModified = input.fetch?.status === 'not_modified' && input.error === null;
  const read = input.bytes !== null && input.error === null && !notModified && !isFeedFailure(parsed.errors);
  const items = parsed.items.length + parsed.errors.filter((e) => e.kind === 'item_invalid').length;
  // A 304 repeats the last body: still empty when the state says it was (itemsBefore is kept only while empty).
  const before = read && items === 0 ? lastItemCount(prev) : notModified && prev?.items === 0 ? prev.itemsBefore ?? 0 : 0;
  if (before > 0) out.push({ kind: 'no_items', message: `returned no items; it had ${before} in its last fetch with items` });
  return out;
}

/** Whether `kind` is a feed-level failure: not an item's problem and not a warning. */
export const isFailureKind = (kind: string): boolean => !kind.startsWith('item_') && !FEED_WARNING_KINDS.has(kind);

/** Whether a feed-level error (not an item's, not a warning) is among `errors`. */
export const isFeedFailure = (errors: readonly NamedError[]): boolean => errors.some((e) => isFailureKind(e.kind));

/**
 * The next state of one feed. A re-run at the same clock replaces the previous run's contribution instead of
 * counting twice, so re-running a run gives the same state.
 */
export function nextFeedState(prev: FeedState | undefined, o: FeedObservation, now: string, staleDays = STALE_AFTER_DAYS): FeedState {
  const failed = isFeedFailure(o.errors);
  const status: FeedState['status'] = failed ? 'failed' : o.notModified ? 'not_modified' : 'ok';
  const replay = prev?.lastAttempt === now;
  const before = !prev ? 0 : replay ? Math.max(0, prev.consecutiveFailures - (prev.status === 'failed' ? 1 : 0)) : prev.consecutiveFailures;
  const firstError = o.errors.find((e) => !e.kind.startsWith('item_')) ?? o.errors[0];
  const keep = status !== 'ok'; // a 304 or a failure keeps the last body's figures
  const newestItem = keep ? latest(prev?.newestItem ?? null, o.newestItem) : o.newestItem ?? prev?.newestItem ?? null;
  const lastNewArticle = o.newArticles > 0 ? now : prev?.lastNewArticle ?? null;
  // The later of the two: a feed that gave new articles this run is not stale, whatever its items' dates say (an
  // operator trial's feed of undated and misdated items had been stale on its first fetch, as of 1970).
  const clock = latest(newestItem, lastNewArticle);
  const stale = clock !== null && Date.parse(now) - Date.parse(clock) > staleDays * 86_400_000;
  const itemsBefore = status === 'ok' ? (o.items === 0 ? lastItemCount(prev) : 0) : prev?.itemsBefore ?? 0;
  return {
    name: o.name,
    sourceId: o.sourceId,
    url: o.url,
    format: o.format ?? (keep ? prev?.format ?? null : null),
    items: keep ? prev?.items ?? 0 : o.items,
    articles: o.articles,
    duplicates: o.duplicates,
    errors: o.errors,
    status,
    lastAttempt: now,
    lastSuccess: !failed ? now : replay && prev?.lastSuccess === now ? null : prev?.lastSuccess ?? null,
    lastError: failed && firstError ? { at: now, kind: errorName(firstError), message: firstError.message } : replay && prev?.lastError?.at === now ? null : prev?.lastError ?? null,
    consecutiveFailures: failed ? before + 1 : 0,
    newestItem,
    lastNewArticle,
    stale,
    etag: failed ? prev?.etag ?? null : o.notModified ? o.etag ?? prev?.etag ?? null : o.etag,
    lastModified: failed ? prev?.lastModified ?? null : o.notModified ? o.lastModified ?? prev?.lastModified ?? null : o.lastModified,
    ...(itemsBefore > 0 ? { itemsBefore } : {}),
  };
}

/** Parses stored feed states leniently: entries that do not look like a FeedState of this version are skipped. */
export function parseFeedStates(data: unknown): Map<string, FeedState> {
  const out = new Map<string, FeedState>();
  if (!Array.isArray(data)) return out;
  for (const e of data) {
    if (!e || typeof e !== 'object') continue;
    const s = e as FeedState;
    if (typeof s.name !== 'string' || typeof s.sourceId !== 'string' || typeof s.lastAttempt !== 'string') continue;
    out.set(feedKey(s), s);
  }
  return out;
}

/** Health report rows, worst first: failing (most consecutive failures), then stale, then fine; by name within. */
export function healthRows(states: Iterable<FeedState>): FeedState[] {
  const rank = (s: FeedState): number => (s.status === 'failed' ? 0 : s.stale ? 1 : 2);
  return [...states].sort((a, b) => rank(a) - rank(b) || b.consecutiveFailures - a.consecutiveFailures || (feedKey(a) < feedKey(b) ? -1 : feedKey(a) > feedKey(b) ? 1 : 0));
}

/**
 * The observation of one feed from its input (HTTP side), its parsed items and its report. Its newest item is the
 * latest item date (published or updated) not more than MAX_FUTURE_SKEW_HOURS after the run's clock `now`, one after
 * the clock counting as the clock, as the stored article's date does (`health` had shown a newest item of 23:32 for a
 * 23:00 run whose articles said 23:00: an operator trial's).
 */
export function observeFeed(
  input: FeedInput,
  items: ReadonlyArray<{ published?: string | null; updated?: string | null }>,
  r: Omit<FeedObservation, 'url' | 'notModified' | 'newestItem' | 'etag' | 'lastModified'>,
  now: string,
): FeedObservation {
  const clock = new Date(now).toISOString();
  const limit = new Date(Date.parse(now) + MAX_FUTURE_SKEW_HOURS * 3_600_000).toISOString();
  let newest: string | null = null;
  for (const item of items) {
    for (const d of [item.published, item.updated]) {
      if (!d || Number.isNaN(Date.parse(d))) continue;
      const at = new Date(d).toISOString();
      if (at > limit) continue;
      const iso = at > clock ? clock : at;
      if (!newest || iso > newest) newest = iso;
    }
  }
  return {
    ...r,
    url: input.url,
    notModified: input.fetch?.status === 'not_modified',
    newestItem: newest ? newest.replace('.000Z', 'Z') : null,
    etag: input.fetch?.etag ?? null,
    lastModified: input.fetch?.lastModified ?? null,
  };
}

/**
 * Each live feed whose fetch was redirected to the feed another source reads, mapped to that other feed: one feed
 * listed twice under two sources (feedWarnings' `same_feed`). Feeds are compared by where they were read from (the
 * URL after redirects, else their own) as one page (samePageKey, query pairs sorted: http or https, `www.`, a
 * trailing slash, tracking parameters, parameter order). Of a group read from one feed, the one whose own URL names it
 * (a move to https or a trailing slash is no other feed) owns it and the others are named; when none does, all but
 * the first in `inputs` order are. Feeds of one source are not named (an outlet listing a feed twice loses nothing).
 */
export function sameFeeds(inputs: readonly FeedInput[]): Map<FeedInput, FeedInput> {
  const key = (url: string): string => {
    const k = samePageKey(canonicalUrl(url) ?? url);
    const q = k.indexOf('?');
    return q < 0 ? k : `${k.slice(0, q)}?${k.slice(q + 1).split('&').sort().join('&')}`;
  };
  const groups = new Map<string, FeedInput[]>();
  for (const input of inputs) {
    const from = input.fetch?.finalUrl ?? input.url;
    if (!from) continue;
    const k = key(from);
    groups.set(k, [...(groups.get(k) ?? []), input]);
  }
  const out = new Map<FeedInput, FeedInput>();
  for (const [k, group] of groups) {
    if (new Set(group.map((i) => i.sourceId)).size < 2) continue;
    const owner = group.find((i) => i.url !== null && key(i.url) === k) ?? group[0]!;
    for (const input of group) if (input.sourceId !== owner.sourceId && input.fetch?.finalUrl && input.fetch.redirects > 0) out.set(input, owner);
  }
  return out;
}
