/** A registry source's time zone reaches the parser: its zone-less dates are read in that zone, others stay UTC. */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFolder, tempDir } from '../helpers';

const feed = (host: string) => `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>https://${host}/</link>
<item><title>Zone-less date</title><link>https://${host}/a</link><pubDate>2026-02-18T09:00:00</pubDate></item></channel></rss>`;

describe('per-source time zone', () => {
  it('reads zone-less dates in the source’s zone', async () => {
    const feeds = await tempDir('parallax-tz-');
    await writeFile(path.join(feeds, 'tokyo.xml'), feed('tokyo.example.jp'));
    await writeFile(path.join(feeds, 'plain.xml'), feed('plain.example.com'));
    const registry = path.join(feeds, 'registry.json');
    await writeFile(
      registry,
      JSON.stringify([
        { id: 'tokyo-daily', name: 'Tokyo Daily', homepage: 'https://tokyo.example.jp/', feeds: [{ url: 'https://tokyo.example.jp/rss', file: 'tokyo.xml' }], timeZone: 'Asia/Tokyo' },
      ]),
    );
    const content = await tempDir();
    await runFolder(feeds, content, new Date('2026-02-18T12:00:00Z'), registry);
    const shard = (day: string, source: string) => readFile(path.join(content, 'articles', day, `${source}.json`), 'utf8').then(JSON.parse);
    expect((await shard('2026-02-18', 'tokyo-daily'))[0].published).toBe('2026-02-18T00:00:00Z');
    expect((await shard('2026-02-18', 'plain-example-com'))[0].published).toBe('2026-02-18T09:00:00Z');
  });
});
