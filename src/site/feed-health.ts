/**
 * Feed health for source pages, from <content>/state/feeds.json written by the pipeline: one entry per feed read in
 * the last run (name, sourceId, format, items, articles, duplicates, errors[], stale, newestItem). Missing or
 * malformed → no rows.
 */
import fs from 'node:fs';
import path from 'node:path';
import { STALE_AFTER_DAYS } from '../core/config';
import { isFailureKind } from '../core/state/feed-state';
import { formatDate } from './format';

export interface FeedHealth {
  name: string;
  sourceId: string;
  format: string;
  items: number;
  articles: number;
  duplicates: number;
  /** Feed-level failures (isFailureKind), as "kind: message". */
  errors: string[];
  /** Caveats of a feed that was read (a repaired charset, items cut at the cap, an item's own problem). */
  warnings: string[];
  /** No new item for STALE_AFTER_DAYS (the pipeline's `stale`); false when the entry does not say. */
  stale: boolean;
  /** The newest item's date in the feed (UTC ISO-8601), or null when unknown. */
  newestItem: string | null;
  /** The last run that found an article not stored before (the staleness clock of a feed without dates), or null. */
  lastNewArticle: string | null;
}

const time = (v: unknown): string | null => (typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? v : null);

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

function errorText(e: unknown): string {
  if (typeof e === 'string') return e;
  if (e && typeof e === 'object') {
    const o = e as Record<string, unknown>;
    const parts = [o.code, o.message].filter((x): x is string => typeof x === 'string');
    if (parts.length) return parts.join(': ');
  }
  return JSON.stringify(e) ?? String(e);
}

/** Whether an error entry is a warning: its `kind` is not a feed failure (an entry without a kind is a failure). */
function isWarning(e: unknown): boolean {
  const kind = e && typeof e === 'object' ? (e as { kind?: unknown }).kind : undefined;
  return typeof kind === 'string' && !isFailureKind(kind);
}

/** Parses the text of feeds.json leniently (never throws): entries without a name and sourceId are skipped. */
export function parseFeedHealth(text: string | undefined): FeedHealth[] {
  if (!text) return [];
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return [];
  }
  const list = Array.isArray(data) ? data : data && typeof data === 'object' && Array.isArray((data as { feeds?: unknown }).feeds) ? (data as { feeds: unknown[] }).feeds : [];
  const out: FeedHealth[] = [];
  for (const e of list) {
    if (!e || typeof e !== 'object') continue;
    const o = e as Record<string, unknown>;
    if (typeof o.name !== 'string' || typeof o.sourceId !== 'string') continue;
    out.push({
      name: o.name,
      sourceId: o.sourceId,
      format: typeof o.format === 'string' ? o.format : 'unknown',
      items: num(o.items),
      articles: num(o.articles),
      duplicates: num(o.duplicates),
      errors: Array.isArray(o.errors) ? o.errors.filter((e) => !isWarning(e)).map(errorText) : [],
      warnings: Array.isArray(o.errors) ? o.errors.filter(isWarning).map(errorText) : [],
      stale: o.stale === true,
      newestItem: time(o.newestItem),
      lastNewArticle: time(o.lastNewArticle),
    });
  }
  return out;
}

/** What a source page's Status cell says of a feed, and how it is drawn (`failed` red, `stale` amber, `ok` green). */
export interface FeedStatus {
  kind: 'failed' | 'stale' | 'ok';
  /** "OK"; "Stale: newest item 27 Jan 2025"; "2 errors: timeout; …". */
  text: string;
}

/**
 * A feed's status for its source page: its failures first ("1 error: …", at most three named); else, when the
 * pipeline marked it stale (no new item for STALE_AFTER_DAYS), "Stale" with its newest item's date (or, for a feed
 * without dates, when Parallax last found a new article in it): such a feed is read without error but brings nothing
 * new, and a green "OK" had hidden it; else "OK". Warnings are listed by the page beside a stale or OK status.
 */
export function feedStatus(f: Pick<FeedHealth, 'errors' | 'stale' | 'newestItem' | 'lastNewArticle'>): FeedStatus {
  if (f.errors.length > 0) return { kind: 'failed', text: `${f.errors.length} ${f.errors.length === 1 ? 'error' : 'errors'}: ${f.errors.slice(0, 3).join('; ')}` };
  if (!f.stale) return { kind: 'ok', text: 'OK' };
  if (f.newestItem) return { kind: 'stale', text: `Stale: newest item ${formatDate(f.newestItem)}` };
  if (f.lastNewArticle) return { kind: 'stale', text: `Stale: no new article since ${formatDate(f.lastNewArticle)}` };
  return { kind: 'stale', text: `Stale: no new item for over ${STALE_AFTER_DAYS} days` };
}

/** Feeds per source id. */
export function feedHealthBySource(entries: readonly FeedHealth[]): Map<string, FeedHealth[]> {
  const map = new Map<string, FeedHealth[]>();
  for (const e of entries) {
    const list = map.get(e.sourceId) ?? [];
    list.push(e);
    map.set(e.sourceId, list);
  }
  return map;
}

/** Read `<contentDir>/state/feeds.json` (absent is fine). */
export function readFeedHealth(contentDir: string): FeedHealth[] {
  try {
    return parseFeedHealth(fs.readFileSync(path.join(contentDir, 'state', 'feeds.json'), 'utf8'));
  } catch {
    return [];
  }
}
