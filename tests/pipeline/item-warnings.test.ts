/**
 * Item warnings in a run's log: one line per bad item, numbered as the feed numbers its items (from 1, counting items
 * the parser dropped before it).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFolder, tempDir } from '../helpers';

describe('an item without a usable link', () => {
  it("is named once, with why, and a linkless item after a dropped one keeps the feed's number (they had been two warnings, the second one item early)", async () => {
    const work = await tempDir('parallax-items-');
    const feeds = path.join(work, 'feeds');
    await mkdir(feeds);
    const items = [
      '<item></item>', // item 1: nothing at all, dropped by the parser (item_invalid)
      `<item><title>Long</title><link>https://w.example/${'a'.repeat(10_000)}</link></item>`, // item 2: link over URL_MAX_CHARS
      '<item><title>Js</title><link>javascript:alert(1)</link></item>', // item 3: not an http(s) link
      '<item><title>None</title><description>no link element</description></item>', // item 4: no link at all
      '<item><title>Fine</title><link>https://w.example/fine</link></item>',
    ];
    await writeFile(path.join(feeds, 'w.xml'), `<rss version="2.0"><channel><title>W</title><link>https://w.example/</link>${items.join('')}</channel></rss>`);
    const { report, logs } = await runFolder(feeds, path.join(work, 'content'), new Date('2026-02-18T00:00:00Z'));
    expect(report.newArticles).toBe(1);
    const warnings = logs.filter((l) => l.startsWith('warn: w.xml')).map((l) => l.replace(/^warn: w\.xml \(source [^)]*\): /, ''));
    expect(warnings).toEqual([
      'item_invalid: item 1 is empty',
      'item_link_unusable: item 2 ("Long") has a link that is 10,018 characters long, over the 8,192-character limit',
      'item_link_unusable: item 3 ("Js") has a link that ("javascript:alert(1)") is not an http(s) URL',
      'item_no_link: item 4 ("None") has no http(s) link',
    ]);
  }, 60_000);
});
