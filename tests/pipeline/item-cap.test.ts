/** A feed over the item cap is read (its 5,000 newest items; all of one date here: the first), warned about, and not counted as failed anywhere. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatSummary } from '../../src/cli/ingest-options';
import { runFolder, tempDir } from '../helpers';

describe('a feed over the item cap', () => {
  it('is a warning, counted as ok in the report and the summary', async () => {
    const work = await tempDir('parallax-cap-');
    const feeds = path.join(work, 'feeds');
    await mkdir(feeds);
    const items = Array.from({ length: 5001 }, (_, i) => `<item><title>Item ${i}</title><link>https://big.example/${i}</link><pubDate>Tue, 17 Feb 2026 10:00:00 GMT</pubDate></item>`);
    await writeFile(path.join(feeds, 'big.xml'), `<rss version="2.0"><channel><title>Big</title>${items.join('')}</channel></rss>`);
    const { report, logs } = await runFolder(feeds, path.join(work, 'content'), new Date('2026-02-18T00:00:00Z'));
    expect(report.feedsFailed).toBe(0);
    expect(report.newArticles).toBe(5000);
    expect(logs).toContain(`warn: big.xml (source ${report.feeds[0]!.sourceId}): too_many_items: feed has 5001 items; kept the newest 5000 by date`);
    const summary = formatSummary(report, null, 1);
    expect(summary).toMatch(/Feeds read +1 \(0 failed\)/);
    expect(summary).toMatch(/ {2}ok +1\n/);
    expect(summary).toMatch(/ {2}failed +0\n/);
    // A capped item list is a warning, not an error.
    expect(summary).toMatch(/\nFeed errors +none\n/);
    expect(summary).toMatch(/\nFeed warnings +too_many_items ×1\n/);
  }, 60_000);
});
