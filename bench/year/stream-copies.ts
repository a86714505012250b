/**
 * The year simulator's input, pure (no fs, no clock): a week of real feed entries (../shared/data/
 * stream-2023-11-13_19, loaded by ./load-stream.ts) replayed as time-shifted copies to make any number of days.
 *
 * Simulated day d (0-based) is base day d mod 7 of copy k = ⌊d / 7⌋: every date moves forward by k × 7 days, titles
 * and descriptions stay as written, and every link of copy k ≥ 1 gets a `pxcopy=k` query parameter (not a tracking
 * parameter, so canonicalisation keeps it) so each copy's entries are new articles with new ids. Copy 0 is the real
 * stream unchanged. Two deterministic subsamples thin the volume so a year runs in minutes: `scale` keeps that fraction
 * of entries (FNV-1a of link and copy below `scale`), and `feedCap` keeps at most that many entries per feed per day
 * (the lowest hashes), which trims the few high-volume feeds (Daily Mail, Fox News, The Guardian: 160–180 a day,
 * mostly single-source stories) while leaving the many smaller feeds, whose overlap makes multi-source stories, whole.
 * Different copies keep different entries, so the weeks are not identical.
 */

import { sourceIdOf, type Entry } from '../lib/stream';

/** One entry of the stream (`source` = feed URL, `date_published` ISO-8601 with offset or null). */
export type StreamEntry = Entry;
export { sourceIdOf };

/** One feed file of one base day. */
export interface StreamFeed {
  /** File name in the day's folder (the same name every day for the same feed). */
  file: string;
  /** Feed URL (the entries' `source`). */
  url: string;
  entries: StreamEntry[];
}

/** One base day of the stream: its date (YYYY-MM-DD) and its feed files, in file-name order. */
export interface StreamDay {
  day: string;
  feeds: StreamFeed[];
}

/** Days per copy: the stream is one week. */
export const COPY_DAYS = 7;
const DAY_MS = 86_400_000;

/** 32-bit FNV-1a of a string's UTF-16 code units, as a fraction in [0, 1). */
export function hashFraction(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h / 2 ** 32;
}

/** An ISO-8601 time moved by `ms`, as UTC seconds ("2023-11-20T22:11:27Z"); null for null or an unreadable date. */
export function shiftIso(iso: string | null, ms: number): string | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return null;
  return new Date(Math.floor((t + ms) / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/**
 * The link of copy `k` (a number, or a string tag such as "3L1" for layer 1 of copy 3): unchanged for copy 0, else
 * with `pxcopy=k` added to the query (before any fragment).
 */
export function copyLink(link: string, k: number | string): string {
  if (k === 0) return link;
  const hash = link.indexOf('#');
  const base = hash === -1 ? link : link.slice(0, hash);
  const fragment = hash === -1 ? '' : link.slice(hash);
  return `${base}${base.includes('?') ? '&' : '?'}pxcopy=${k}${fragment}`;
}

/** The UTC date (YYYY-MM-DD) `days` after `day`. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The base day and copy of simulated day `d`. */
export function copyOf(d: number): { base: number; copy: number } {
  return { base: d % COPY_DAYS, copy: Math.floor(d / COPY_DAYS) };
}

/** True when the entry with this (original) link is kept in copy `k` at `scale` (fraction of entries kept, 0–1]. */
export function keepEntry(link: string, k: number, scale: number): boolean {
  return scale >= 1 || hashFraction(`${link}|${k}`) < scale;
}

/**
 * At most `cap` of `entries` (those with the lowest hash of link and copy), in their original order; all when
 * `cap` is Infinity or not below the count.
 */
export function capEntries<T extends { link: string }>(entries: readonly T[], k: number, cap: number): T[] {
  if (entries.length <= cap) return [...entries];
  const chosen = new Set(
    entries
      .map((e, i) => ({ i, h: hashFraction(`${e.link}|${k}|cap`) }))
      .sort((a, b) => a.h - b.h || a.i - b.i)
      .slice(0, cap)
      .map((x) => x.i),
  );
  return entries.filter((_, i) => chosen.has(i));
}

/** One simulated day: its date, its end (the ingest clock) and its feeds with shifted, copy-unique entries. */
export interface SimulatedDay {
  /** 0-based simulated day. */
  index: number;
  /** YYYY-MM-DD. */
  day: string;
  /** `${day}T23:59:59Z`. */
  end: string;
  feeds: StreamFeed[];
}

/** How a simulated day is thinned (all optional: by default every entry with a link is kept). */
export interface Thinning {
  /** Fraction of entries kept, (0, 1] (keepEntry). */
  scale?: number;
  /** At most this many entries per feed per day (capEntries). */
  feedCap?: number;
  /** Keeps an entry by its original (copy 0) link, e.g. the story-aware selection of ./select-entries.ts. */
  keep?: (link: string) => boolean;
  /**
   * Base days laid over each simulated day (default 1). Layer L ≥ 1 of day d is base day (d + L × LAYER_STRIDE) mod 7,
   * shifted onto day d, with links tagged `pxcopy=<copy>L<L>`: other real events on the same day, so a day carries
   * more distinct stories than the captured week has per day (the week holds ~234 multi-source stories a day).
   */
  layers?: number;
}

/** Base days between layers: 3 (coprime with 7), so a day's layers are different captured days. */
export const LAYER_STRIDE = 3;

/**
 * Simulated day `d` from the base week: copy ⌊d/7⌋ of base day d mod 7, dates shifted by whole weeks, links made
 * unique per copy, entries without a link dropped, the rest thinned (`keep`, then `scale`, then `feedCap` per feed).
 * Publication times later than the day's end (a feed's clock ahead) are kept as the feed gave them, shifted.
 */
export function simulatedDay(week: readonly StreamDay[], d: number, thinning: Thinning = {}): SimulatedDay {
  const { scale = 1, feedCap = Infinity, keep = () => true, layers = 1 } = thinning;
  if (week.length !== COPY_DAYS) throw new Error(`the stream must hold ${COPY_DAYS} days, not ${week.length}`);
  const { base, copy } = copyOf(d);
  const day = addDays(week[base]!.day, copy * COPY_DAYS);
  const byFile = new Map<string, StreamFeed>();
  for (let layer = 0; layer < layers; layer++) {
    const layerBase = (base + layer * LAYER_STRIDE) % COPY_DAYS;
    const baseDay = week[layerBase]!;
    const ms = Date.parse(`${day}T00:00:00Z`) - Date.parse(`${baseDay.day}T00:00:00Z`);
    const tag = layer === 0 ? copy : `${copy}L${layer}`;
    for (const f of baseDay.feeds) {
      const entries = capEntries(
        f.entries.filter((e): e is StreamEntry & { link: string } => !!e.link && keep(e.link) && keepEntry(e.link, copy, scale)),
        copy,
        feedCap,
      ).map((e) => ({ ...e, link: copyLink(e.link, tag), date_published: shiftIso(e.date_published, ms) }));
      const feed = byFile.get(f.file);
      if (feed) feed.entries.push(...entries);
      else byFile.set(f.file, { file: f.file, url: f.url, entries });
    }
  }
  const feeds = [...byFile.values()].sort((x, y) => (x.file < y.file ? -1 : x.file > y.file ? 1 : 0));
  return { index: d, day, end: `${day}T23:59:59Z`, feeds };
}

/**
 * A feed as an hourly fetch at `at` would see it: the entries of the given days published in the 24 h up to `at`,
 * newest first, at most `limit` per feed (a typical feed lists its latest few dozen items). Entries without a date are
 * left out (a fetch could not place them in the hour).
 */
export function feedsAt(days: readonly SimulatedDay[], at: string, limit: number): StreamFeed[] {
  const end = Date.parse(at);
  const byFile = new Map<string, StreamFeed & { links: Set<string | null> }>();
  for (const day of days) {
    for (const f of day.feeds) {
      const into = byFile.get(f.file) ?? { file: f.file, url: f.url, entries: [], links: new Set<string | null>() };
      byFile.set(f.file, into);
      for (const e of f.entries) {
        const t = e.date_published ? Date.parse(e.date_published) : NaN;
        if (t <= end && t > end - DAY_MS && !into.links.has(e.link)) {
          into.links.add(e.link);
          into.entries.push(e);
        }
      }
    }
  }
  return [...byFile.values()]
    .map(({ file, url, entries }) => ({ file, url, entries: entries.sort((a, b) => (a.date_published! < b.date_published! ? 1 : a.date_published! > b.date_published! ? -1 : 0)).slice(0, limit) }))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** A feed as JSON Feed 1.1 text (jsonfeed.org/version/1.1): one item per entry, the description as content_html. */
export function jsonFeedOf(feed: StreamFeed): string {
  let home: string | undefined;
  try {
    home = new URL(feed.url).origin + '/';
  } catch {
    home = undefined;
  }
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.url,
    home_page_url: home,
    feed_url: feed.url,
    language: feed.entries.find((e) => e.language)?.language ?? undefined,
    items: feed.entries.map((e) => ({
      id: e.link,
      url: e.link,
      title: e.title ?? undefined,
      content_html: e.description ?? undefined,
      date_published: e.date_published ?? undefined,
    })),
  });
}
