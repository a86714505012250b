/** A feed that says UTF-8 but holds a few windows-1252 bytes: its letters are kept, it is warned about, not failed. */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { formatSummary } from '../../src/cli/ingest-options';
import { runFolder, tempDir } from '../helpers';

describe('a feed declared UTF-8 that holds windows-1252 bytes', () => {
  it('keeps its accented titles, logs a warning and counts the feed as read', async () => {
    const work = await tempDir('parallax-latin-');
    const feeds = path.join(work, 'feeds');
    await mkdir(feeds);
    const xml = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Le Quotidien</title><item><title>Prix réduits à l’été : la mairie précise</title><link>https://quotidien.example.fr/a</link><pubDate>Tue, 17 Feb 2026 10:00:00 GMT</pubDate></item></channel></rss>`;
    await writeFile(path.join(feeds, 'quotidien.xml'), iconv.encode(xml, 'windows-1252'));
    const { report, logs } = await runFolder(feeds, path.join(work, 'content'), new Date('2026-02-18T00:00:00Z'));
    expect(report.feedsFailed).toBe(0);
    expect(logs).toContain(`warn: quotidien.xml (source ${report.feeds[0]!.sourceId}): encoding_repaired: the feed says UTF-8 but 6 byte(s) are not; they were read as windows-1252`);
    expect(formatSummary(report, null, 1)).toMatch(/Feeds read +1 \(0 failed\)/);
    const day = (await readdir(path.join(work, 'content', 'articles')))[0]!;
    const file = (await readdir(path.join(work, 'content', 'articles', day)))[0]!;
    const [article] = JSON.parse(await readFile(path.join(work, 'content', 'articles', day, file), 'utf8')) as Array<{ title: string }>;
    expect(article!.title).toBe('Prix réduits à l’été : la mairie précise');
  }, 60_000);
});

describe('a feed that declares no charset and is not UTF-8', () => {
  it("is read in the legacy charset of its source's registry language (it had been windows-1252 mojibake)", async () => {
    const work = await tempDir('parallax-cyrillic-');
    const feeds = path.join(work, 'feeds');
    await mkdir(feeds);
    // No encoding in the prolog, no <language>: only the registry says the outlet writes Russian.
    const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>Omega</title><link>https://omega.example/</link><item><title>Вулкан на Исландии</title><link>https://omega.example/a</link><pubDate>Tue, 17 Feb 2026 10:00:00 GMT</pubDate></item></channel></rss>`;
    await writeFile(path.join(feeds, 'omega.xml'), iconv.encode(xml, 'windows-1251'));
    const registry = path.join(work, 'sources.json');
    const source = { id: 'omega', name: 'Omega', homepage: 'https://omega.example/', feeds: [{ url: 'https://omega.example/rss', file: 'omega.xml', topic: null }], country: null, language: 'ru', bias: [], factuality: [], ownership: null };
    await writeFile(registry, JSON.stringify([source]));
    const { logs } = await runFolder(feeds, path.join(work, 'content'), new Date('2026-02-18T00:00:00Z'), registry);
    expect(logs.filter((l) => l.includes('encoding_repaired'))).toEqual([expect.stringMatching(/^warn: omega\.xml \(source omega\): encoding_repaired: .*windows-1251.*"ru"/)]);
    const day = (await readdir(path.join(work, 'content', 'articles')))[0]!;
    const [article] = JSON.parse(await readFile(path.join(work, 'content', 'articles', day, 'omega.json'), 'utf8')) as Array<{ title: string }>;
    expect(article!.title).toBe('Вулкан на Исландии');
  }, 60_000);
});
