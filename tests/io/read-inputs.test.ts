/** Reading a folder of feed files and the source registry: bad entries are named errors, never a crashed run. */
import { copyFile, mkdir, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FEED_MAX_BYTES } from '../../src/core/config';
import { readRegistry } from '../../src/io/content-store';
import type { Source } from '../../src/core/schema/source';
import { readFeedFolder } from '../../src/io/read-feed-folder';
import { REGISTRY, runFolder, SNAPSHOT_FEEDS, tempDir } from '../helpers';

describe('readFeedFolder', () => {
  it('gives a broken symbolic link its own read error and reads the other files', async () => {
    const dir = await tempDir('parallax-folder-');
    await writeFile(path.join(dir, 'a.xml'), '<rss version="2.0"><channel><title>A</title></channel></rss>');
    await symlink(path.join(dir, 'gone.xml'), path.join(dir, 'b.xml'));
    await mkdir(path.join(dir, 'c-folder'));
    const inputs = await readFeedFolder(dir, []);
    expect(inputs.map((i) => [i.name, i.bytes?.length ?? null, i.error?.kind ?? null])).toEqual([
      ['a.xml', 60, null],
      ['b.xml', null, 'read_failed'],
    ]);
    // No server path: the message is shown on the public source page.
    expect(inputs[1]!.error!.message).toBe('ENOENT: b.xml could not be read');
  });
});

describe('readFeedFolder and FEED_MAX_BYTES', () => {
  it('does not read a file over the feed size limit (a 3 GiB file had been read whole into memory)', async () => {
    const dir = await tempDir('parallax-folder-');
    await writeFile(path.join(dir, 'huge.xml'), '');
    await truncate(path.join(dir, 'huge.xml'), 3 * 1024 ** 3); // sparse: no disk used
    await writeFile(path.join(dir, 'ok.xml'), '<rss version="2.0"><channel><title>A</title></channel></rss>');
    const before = process.memoryUsage().rss;
    const inputs = await readFeedFolder(dir, []);
    expect(process.memoryUsage().rss - before).toBeLessThan(FEED_MAX_BYTES);
    expect(inputs.map((i) => [i.name, i.bytes?.length ?? null, i.error?.kind ?? null])).toEqual([
      ['huge.xml', null, 'too_large'],
      ['ok.xml', 60, null],
    ]);
    expect(inputs[0]!.error!.message).toBe(`3221225472 bytes; the limit is ${FEED_MAX_BYTES} bytes (FEED_MAX_BYTES); not read`);
  });
});

describe('readRegistry', () => {
  it('names the file when it is missing or not JSON', async () => {
    const dir = await tempDir('parallax-registry-');
    await expect(readRegistry(path.join(dir, 'sources.json'))).rejects.toThrow(/^no source registry at .*sources\.json: .*--registry FILE/);
    await writeFile(path.join(dir, 'sources.json'), '{ not json');
    await expect(readRegistry(path.join(dir, 'sources.json'))).rejects.toThrow(/sources\.json:1:3: not valid JSON/);
  });

  it('refuses a source whose language is not a language tag ("english" had been read, clustering it with no stop words of its own)', async () => {
    const dir = await tempDir('parallax-registry-');
    const file = path.join(dir, 'sources.json');
    const source = { id: 'a', name: 'A', homepage: 'https://a.example/', feeds: [{ url: 'https://a.example/rss' }] };
    await writeFile(file, JSON.stringify([{ ...source, language: 'english' }]));
    await expect(readRegistry(file)).rejects.toThrow(`${file}:1: source "a": language "english" is not a BCP 47 language tag with an ISO 639 code (e.g. "en", "de", "pt-BR"); did you mean "en"?; \`parallax sources check --registry ${file}\` lists every problem`);
    await writeFile(file, JSON.stringify([{ ...source, language: 'pl' }]));
    expect((await readRegistry(file)).map((s) => s.language)).toEqual(['pl']);
    // A key the schema does not know is ignored and named (ingest logs it as a warning on every run).
    const warnings: string[] = [];
    await writeFile(file, JSON.stringify([{ ...source, language: 'pl', factualty: [] }], null, 2));
    expect((await readRegistry(file, (m) => warnings.push(m))).map((s) => s.id)).toEqual(['a']);
    expect(warnings).toEqual([`${file}:12: source "a": factualty: unknown key, ignored; did you mean factuality?`]);
    // Saved with a byte-order mark (as Notepad saves): read, as `sources check` reads it (ingest had refused it).
    await writeFile(file, `\uFEFF${JSON.stringify([{ ...source, language: 'pl' }])}`);
    expect((await readRegistry(file)).map((s) => s.id)).toEqual(['a']);
  });
});

describe('readFeedFolder and the registry', () => {
  it("gives a registered feed whose file is not in the folder a 'missing_file' error (it had been skipped silently)", async () => {
    const dir = await tempDir('parallax-folder-');
    await writeFile(path.join(dir, 'a.xml'), '<rss version="2.0"><channel><title>A</title></channel></rss>');
    const feed = (file: string) => ({ url: `https://${file}.example/rss`, file, topic: null, kind: 'news' as const });
    const registry = [
      { id: 'a', name: 'A', homepage: 'https://a.example/', feeds: [feed('a.xml')] },
      { id: 'b', name: 'B', homepage: 'https://b.example/', feeds: [feed('b.xml')] },
    ] as unknown as Source[];
    const inputs = await readFeedFolder(dir, registry);
    expect(inputs.map((i) => [i.name, i.sourceId, i.bytes?.length ?? null, i.error?.kind ?? null])).toEqual([
      ['a.xml', 'a', 60, null],
      ['b.xml', 'b', null, 'missing_file'],
    ]);
    expect(inputs[1]!.error!.message).toBe('the registry names the file b.xml, which is not in the feeds folder');
    // A folder of other feeds (no file the registry names) is not a capture of it: nothing is missing.
    await rm(path.join(dir, 'a.xml'));
    await writeFile(path.join(dir, 'other.xml'), '<rss version="2.0"><channel><title>O</title></channel></rss>');
    expect((await readFeedFolder(dir, registry)).map((i) => [i.name, i.sourceId, i.error?.kind ?? null])).toEqual([['other.xml', null, null]]);
  });

  it('counts those feeds as failed in the run (the summary had said "Feeds read 11" for 15 registered)', async () => {
    const dir = await tempDir('parallax-folder-');
    await copyFile(path.join(SNAPSHOT_FEEDS, '404media.rss.xml'), path.join(dir, '404media.rss.xml'));
    const { report } = await runFolder(dir, await tempDir('parallax-content-'), new Date('2026-02-18T03:12:00Z'));
    const registered = (await readRegistry(REGISTRY)).flatMap((s) => s.feeds.filter((f) => f.file)).length;
    expect(report.feeds).toHaveLength(registered);
    expect(report.feedsFailed).toBe(registered - 1);
  });
});
