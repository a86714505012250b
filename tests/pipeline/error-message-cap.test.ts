/** A feed error message quotes what the feed sent; the run keeps it bounded (ERROR_MESSAGE_MAX_CHARS). */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGE_MAX_CHARS } from '../../src/core/config';
import { runFolder, tempDir } from '../helpers';

describe('a feed error that quotes a huge value', () => {
  it('is cut to ERROR_MESSAGE_MAX_CHARS in the log and in state/feeds.json (a cut-off feed\'s open element names had been quoted whole)', async () => {
    const work = await tempDir('parallax-msg-');
    const feeds = path.join(work, 'feeds');
    await mkdir(feeds);
    // Cut off inside an element whose name is 100,000 characters long: xml_truncated names the open elements.
    await writeFile(path.join(feeds, 'long.xml'), `<rss version="2.0"><channel><title>L</title><item><title>A</title><link>https://long.example/a</link></item><${'x'.repeat(100_000)}>`);
    const content = path.join(work, 'content');
    const { report, logs } = await runFolder(feeds, content, new Date('2026-02-18T00:00:00Z'));
    expect(report.newArticles).toBe(1);
    // The item before the cut is read and kept, so the feed is read with a warning, not failed.
    expect(report.feedsFailed).toBe(0);
    const line = logs.find((l) => l.includes('xml_truncated'))!;
    const prefix = `warn: long.xml (source ${report.feeds[0]!.sourceId}): xml_truncated: `;
    expect(line.startsWith(`${prefix}the document ends inside 3 open element(s) (<rss> <channel> <xxxx`)).toBe(true);
    expect(line.endsWith('…')).toBe(true);
    expect(line.length).toBeLessThanOrEqual(prefix.length + ERROR_MESSAGE_MAX_CHARS);
    const state = await readFile(path.join(content, 'state', 'feeds.json'), 'utf8');
    expect(state).toContain('the document ends inside 3 open element(s) (<rss> <channel> <xxxx');
    expect(state.length).toBeLessThan(5_000);
  }, 60_000);
});

describe('a feed error that quotes control characters', () => {
  it('is one line with them escaped, in the log and in state/feeds.json (a newline in a date had started a GitHub Actions "::error" command)', async () => {
    const work = await tempDir('parallax-msg-');
    const feeds = path.join(work, 'feeds');
    await mkdir(feeds);
    const date = 'x\n::error file=src/pipeline.ts,line=1::Parallax compromised\u001b]0;owned\u0007';
    await writeFile(
      path.join(feeds, 'nl.json'),
      JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'NL', home_page_url: 'https://nl.example/', items: [{ id: '1', url: 'https://nl.example/1', title: 'One', date_published: date }] }),
    );
    const content = path.join(work, 'content');
    const { logs } = await runFolder(feeds, content, new Date('2026-02-18T00:00:00Z'));
    const line = logs.find((l) => l.includes('item_date_unreadable'))!;
    expect(line).toBe('warn: nl.json (source nl-example): item_date_unreadable: item 1 ("One") has no usable date ("x\\n::error file=src/pipeline.ts,line=1::Parallax compromised\\u001b"); it is treated as undated');
    expect(logs.some((l) => /[\u0000-\u001f]/.test(l))).toBe(false);
    const state = JSON.parse(await readFile(path.join(content, 'state', 'feeds.json'), 'utf8'));
    expect(state[0].errors[0].message).toBe(line.slice('warn: nl.json (source nl-example): item_date_unreadable: '.length));
  }, 60_000);
});
