/**
 * Loads ../shared/data/stream-2023-11-13_19 (7 days, 136 feeds, 21,604 parsed entries; GPL-3.0 data, so it stays in
 * ../shared and benchmarks skip without it) as articles, day by day.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { canonicalUrl } from '../../src/core/feed/canonical-url';
import { htmlToText } from '../../src/core/feed/clean-text';
import type { Article } from '../../src/core/schema/article';
import { articleIdFor } from '../../src/core/story/ids';
import { eventLabels } from '../../src/core/story/labelled-docs';

export const STREAM_DIR = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..', '..', 'shared', 'data', 'stream-2023-11-13_19');

/** One entry as stored in the stream's per-feed JSON files (the fields the benchmarks use; the files carry more). */
export interface Entry {
  source: string;
  title: string | null;
  description: string | null;
  link: string | null;
  date_published: string | null;
  language: string | null;
}

const iso = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

/** Source id of a feed URL: its host as a slug ("www.bbc.co.uk" → "bbc-co-uk"). */
export function sourceIdOf(feedUrl: string): string {
  try {
    return new URL(feedUrl).hostname.replace(/^www\./, '').replace(/[^a-z0-9]+/g, '-');
  } catch {
    return 'unknown';
  }
}

/** True when the stream data is present. */
export function haveStream(): boolean {
  return existsSync(STREAM_DIR);
}

/** The stream's days (YYYY-MM-DD), in order. */
export function streamDays(): string[] {
  return readdirSync(STREAM_DIR).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)).sort();
}

/**
 * The articles first seen on `day` (first seen = the end of that day, UTC), deduplicated by canonical URL, with
 * HTML descriptions turned into text. `seen` carries ids across days so a re-listed entry counts once.
 */
export function loadStreamDay(day: string, seen: Set<string> = new Set()): Article[] {
  const dir = path.join(STREAM_DIR, day);
  const out: Article[] = [];
  const firstSeen = `${day}T23:59:59Z`;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    for (const e of JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Entry[]) {
      const url = e.link ? canonicalUrl(e.link) : null;
      if (!url || !e.title) continue;
      const id = articleIdFor(url);
      if (seen.has(id)) continue;
      seen.add(id);
      const t = e.date_published ? Date.parse(e.date_published) : NaN;
      const published = Number.isNaN(t) ? null : iso(Math.min(t, Date.parse(firstSeen)));
      out.push({
        id,
        sourceId: sourceIdOf(e.source),
        url,
        title: e.title,
        summary: e.description ? htmlToText(e.description) : null,
        published,
        firstSeen,
        author: null,
        image: null,
        language: e.language?.slice(0, 2).toLowerCase() ?? null,
        categories: [],
      });
    }
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** All days' articles, in day order. */
export function loadStream(): Article[] {
  const seen = new Set<string>();
  return streamDays().flatMap((d) => loadStreamDay(d, seen));
}

/** The hand-labelled events of the stream (tests/fixtures/stream-gold.json: links only, the data being GPL). */
export const STREAM_GOLD = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..', 'tests', 'fixtures', 'stream-gold.json');

/**
 * Article id → gold event of the stream's hand-labelled articles, keyed like loadStreamDay (article id of the
 * canonical URL); null when the gold file is missing.
 */
export function streamGoldLabels(): Map<string, string> | null {
  if (!existsSync(STREAM_GOLD)) return null;
  return eventLabels((JSON.parse(readFileSync(STREAM_GOLD, 'utf8')) as { events: Array<{ id: string; articles: Array<{ link: string }> }> }).events);
}
