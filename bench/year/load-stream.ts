/**
 * Reads the base week for the year simulator: ../shared/data/stream-2023-11-13_19, one folder per day (2023-11-13 …
 * 2023-11-19) of per-feed `*_entries.json` files (136 feeds, 21,604 entries; GPL-3.0 data, so it stays in ../shared and
 * the benchmark skips without it).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { STREAM_DIR, haveStream } from '../lib/stream';
import type { StreamDay, StreamEntry, StreamFeed } from './stream-copies';

export { STREAM_DIR, haveStream };

/** The stream's seven days, feeds in file-name order (code-point), each feed's URL from its entries. */
export function loadWeek(dir: string = STREAM_DIR): StreamDay[] {
  const days = readdirSync(dir).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)).sort();
  return days.map((day) => {
    const feeds: StreamFeed[] = [];
    for (const file of readdirSync(path.join(dir, day)).filter((f) => f.endsWith('.json')).sort()) {
      const raw = JSON.parse(readFileSync(path.join(dir, day, file), 'utf8')) as StreamEntry[];
      const entries = raw.map((e) => ({
        source: e.source,
        title: e.title,
        description: e.description,
        link: e.link,
        date_published: e.date_published,
        language: e.language,
      }));
      const url = entries.find((e) => e.source)?.source;
      if (url) feeds.push({ file, url, entries });
    }
    return { day, feeds };
  });
}
