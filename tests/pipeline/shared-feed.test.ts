/** A feed URL listed by two sources is warned about on every ingest (`sources check` calls it an error; the ingest
 * had said nothing while the second source got no article). */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { registrySource, rssDocument, rssItem, runFolder, tempDir } from '../helpers';

describe('a feed URL that two sources list', () => {
  it('is warned about, naming both sources', async () => {
    const work = await tempDir('parallax-shared-feed-');
    const feeds = path.join(work, 'feeds');
    await mkdir(feeds);
    await writeFile(path.join(feeds, 'a.xml'), rssDocument('alpha.test', [rssItem('https://alpha.test/1', 'Dam bursts upstream of Velmor', 'Mon, 30 Nov 2026 10:00:00 GMT')]));
    await writeFile(path.join(feeds, 'b.xml'), rssDocument('alpha.test', [rssItem('https://alpha.test/1', 'Dam bursts upstream of Velmor', 'Mon, 30 Nov 2026 10:00:00 GMT')]));
    const alpha = registrySource('alpha-news', 'alpha.test', [{ file: 'a.xml' }]);
    const bravo = { ...registrySource('bravo-news', 'bravo.test', [{ file: 'b.xml' }]), feeds: [{ url: 'https://alpha.test/a.xml', file: 'b.xml', topic: null }] };
    const registry = path.join(work, 'sources.json');
    await writeFile(registry, JSON.stringify([alpha, bravo]));
    const { logs } = await runFolder(feeds, path.join(work, 'content'), new Date('2026-11-30T12:00:00Z'), registry);
    expect(logs).toContain(
      'warn: sources.json: feed https://alpha.test/a.xml is listed by alpha-news, bravo-news: its articles go to one of them only (duplicate_feed_url; `parallax sources check` lists every problem)',
    );
    expect(logs.filter((l) => l.includes('duplicate_feed_url'))).toHaveLength(1);
  });
});
