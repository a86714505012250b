/**
 * A disk that fills during a run's write, run as a user would (on captured feeds, no network): the CLI says which file
 * it could not write (it had printed only "parallax: ENOSPC: no space left on device, write"), exits 1, and leaves
 * the content as it was, with no .txn stage behind. The full disk is injected (tests/io/enospc-preload.mjs): every
 * write to a staged file of the journal fails as Node's write(2) does.
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, SNAPSHOT_FEEDS, tempDir, treeDigest } from '../helpers';

const FEED = '404media.rss.xml';
const PRELOAD = path.join(ROOT, 'tests', 'io', 'enospc-preload.mjs');

describe('a full disk during ingest', () => {
  it('names the file it could not write, exits 1, and leaves the content as it was', async () => {
    const work = await tempDir('parallax-disk-full-');
    const content = path.join(work, 'content');
    const feeds = path.join(work, 'feeds');
    await mkdir(feeds);
    await mkdir(content);
    await copyFile(path.join(SNAPSHOT_FEEDS, FEED), path.join(feeds, FEED));
    const bundled = JSON.parse(await readFile(path.join(ROOT, 'fixtures', 'snapshot-2026-02-18', 'sources.json'), 'utf8')) as Array<{ feeds: Array<{ file: string | null }> }>;
    await writeFile(path.join(content, 'sources.json'), `${JSON.stringify(bundled.filter((s) => s.feeds.some((f) => f.file === FEED)), null, 2)}\n`);
    expect((await runCli(['ingest', '--feeds', feeds, '--content', content, '--now', '2026-02-18T03:12:00Z'])).code).toBe(0);
    const before = await treeDigest(content);

    // An hour later the run has state to rewrite; every staged file's write fails as on a full disk.
    const env = { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${pathToFileURL(PRELOAD).href}`.trim(), PARALLAX_TEST_ENOSPC: `${path.sep}.txn${path.sep}data${path.sep}` };
    const { code, err } = await runCli(['ingest', '--feeds', feeds, '--content', content, '--now', '2026-02-18T04:12:00Z'], env);
    expect(code).toBe(1);
    const line = err.trim().split('\n').at(-1)!;
    expect(line).toMatch(new RegExp(`^parallax: cannot write ${content.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/[^ ]+ \\(staged as ${content.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/\\.txn/data/0\\): ENOSPC: no space left on device, write$`));
    expect(existsSync(path.join(content, '.txn'))).toBe(false);
    expect(await treeDigest(content)).toEqual(before);
  }, 120_000);
});
