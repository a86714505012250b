/**
 * After many simulated days, the archive's lists are complete and every link in dist/ resolves. The bundled
 * snapshot's feeds are replayed as 40 daily copies through the real pipeline (dates moved onto the simulated day,
 * links made unique per day, a different third of each feed's items a day, so stories start, grow, merge and leave
 * the window), fetched from 2026-01-05 to 2026-02-13; stories that left the window are archived into their months. The site
 * is then built from that state and checked: a link checker over dist/; every archived story file is in its month's
 * index.json; every archived story with 2+ sources has a page and is linked from its month's paginated list; the
 * one-source ones have neither.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/core/feed/parse-feed';
import type { FeedInput } from '../../src/core/pipeline-types';
import { ArchiveIndexSchema, type ArchiveEntry } from '../../src/core/schema/archive';
import { readFeedFolder } from '../../src/io/read-feed-folder';
import { ingest } from '../../src/pipeline';
import { REGISTRY, SNAPSHOT_FEEDS, tempDir } from '../helpers';
import { brokenLinks, buildSite } from './site-kit';

const DAYS = 40;
const FIRST_DAY = Date.parse('2026-01-05T00:00:00Z');
const SNAPSHOT_DAY = Date.parse('2026-02-18T00:00:00Z');
const DAY_MS = 86_400_000;
const BASE = '/parallax/';
const ENV = { PARALLAX_BASE: BASE, PARALLAX_SITE: 'https://example.github.io' };

/** Day `d`'s copy of one feed: a third of its items (by position), dated `d` days after FIRST_DAY, new links. */
function dailyCopy(input: FeedInput, d: number): FeedInput {
  if (!input.bytes) return input;
  const parsed = parseFeed(input.bytes, { url: input.url ?? undefined, contentType: input.contentType ?? undefined });
  const shift = FIRST_DAY + d * DAY_MS - SNAPSHOT_DAY;
  const items = parsed.items
    .filter((item, i) => item.link && (i + d) % 3 === 0)
    .map((item) => {
      const link = new URL(item.link!);
      link.searchParams.set('day', String(d));
      return {
        id: link.href,
        url: link.href,
        title: item.title ?? undefined,
        content_text: item.summary ?? undefined,
        date_published: item.published ? new Date(Date.parse(item.published) + shift).toISOString() : undefined,
      };
    });
  const feed = { version: 'https://jsonfeed.org/version/1.1', title: parsed.feed.title ?? input.name, language: parsed.feed.language ?? undefined, items };
  return { ...input, contentType: 'application/feed+json', bytes: new TextEncoder().encode(JSON.stringify(feed)) };
}

let work: string;
let content: string;
let dist: string;
let months: string[];
const index: Record<string, ArchiveEntry[]> = {};

beforeAll(async () => {
  work = await tempDir('parallax-many-days-');
  content = path.join(work, 'content');
  dist = path.join(work, 'dist');
  for (let d = 0; d < DAYS; d++) {
    const end = FIRST_DAY + (d + 1) * DAY_MS - 1000;
    await ingest(
      { contentDir: content, registryPath: REGISTRY, now: new Date(end) },
      {
        readFeeds: async (registry) => (await readFeedFolder(SNAPSHOT_FEEDS, registry)).map((f) => dailyCopy(f, d)),
        live: false,
        clock: () => end,
        log: () => undefined,
      },
    );
  }
  months = (await readdir(path.join(content, 'archive'))).filter((m) => /^\d{4}-\d{2}$/.test(m)).sort();
  for (const m of months) index[m] = ArchiveIndexSchema.parse(JSON.parse(await readFile(path.join(content, 'archive', m, 'index.json'), 'utf8')));
  await buildSite(work, ['--no-ingest', '--content', content], ENV);
}, 600_000);

describe(`the site after ${DAYS} simulated days`, () => {
  it('has archived stories in the months the days span, over a hundred of them with pages', () => {
    // The snapshot's feeds also list items weeks older than the day they were fetched: the first copies reach December.
    expect(months).toEqual(['2025-12', '2026-01', '2026-02']);
    const all = Object.values(index).flat();
    expect(index['2026-01']!.length).toBeGreaterThan(200);
    expect(all.filter((e) => e.sourceCount >= 2).length).toBeGreaterThan(100);
  });

  it('lists every archived story file in its month index, and nothing else', async () => {
    for (const m of months) {
      const files = (await readdir(path.join(content, 'archive', m))).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3));
      expect(index[m]!.map((e) => e.id).sort(), m).toEqual(files.sort());
    }
  });

  it('gives every archived story with 2+ sources a page linked from its month list, and none to the others', async () => {
    for (const m of months) {
      const listDir = path.join(dist, 'archive', m);
      const pages = (await readdir(listDir, { recursive: true }))
        .map((f) => f.split(path.sep).join('/'))
        .filter((f) => /^(?:\d+\/)?index\.html$/.test(f));
      expect(pages.length, m).toBeGreaterThan(0);
      let html = '';
      for (const f of pages) html += await readFile(path.join(listDir, f), 'utf8');
      const linked = new Set([...html.matchAll(new RegExp(`href="${BASE}story/([a-z0-9]+)/"`, 'g'))].map((x) => x[1]!));
      const withPage = index[m]!.filter((e) => e.sourceCount >= 2).map((e) => e.id);
      const without = index[m]!.filter((e) => e.sourceCount < 2).map((e) => e.id);
      expect(withPage.filter((id) => !linked.has(id)), m).toEqual([]);
      expect(without.filter((id) => linked.has(id)), m).toEqual([]);
      expect(withPage.filter((id) => !existsSync(path.join(dist, 'story', id, 'index.html'))), m).toEqual([]);
      expect(without.filter((id) => existsSync(path.join(dist, 'story', id, 'index.html'))), m).toEqual([]);
    }
  });

  it('has no broken internal link (pages, lists, topic pages, redirects, assets)', async () => {
    expect(await brokenLinks(dist, BASE)).toEqual([]);
  });
});
