/**
 * `ingest` and `build` exit EXIT_ALL_FEEDS_FAILED (3) when they read no feed or every feed failed, after writing the
 * run's content (an operator trial's total outage had exited 0 and been committed and deployed); one feed read is
 * enough for 0.
 * Run as a user would, on a folder of feed files (no network).
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT_ALL_FEEDS_FAILED } from '../../src/io/exit-code';
import { ROOT, runCli, SNAPSHOT_FEEDS, tempDir } from '../helpers';

describe('ingest when every feed fails', () => {
  it('exits 3 with a line on stderr, having written the run; exits 0 when one feed is read', async () => {
    const work = await tempDir('parallax-all-failed-');
    const feeds = path.join(work, 'feeds');
    await mkdir(feeds);
    await writeFile(path.join(feeds, 'garbage.xml'), 'this is not a feed at all\n');
    await writeFile(path.join(feeds, 'cut.xml'), '<html><body><p>Page not found</p></body></html>');
    const content = path.join(work, 'content');
    await mkdir(content);
    const source = (id: string, file: string | null) => ({ id, name: id, homepage: `https://${id}.example/`, feeds: [{ url: `https://${id}.example/rss`, file, topic: null }], country: null, language: 'en', bias: [], factuality: [], ownership: null });
    const bundled = JSON.parse(await readFile(path.join(ROOT, 'fixtures', 'snapshot-2026-02-18', 'sources.json'), 'utf8')) as Array<{ feeds: Array<{ file: string | null }> }>;
    const media = bundled.filter((s) => s.feeds.some((f) => f.file === '404media.rss.xml'));
    await writeFile(path.join(content, 'sources.json'), JSON.stringify([source('garbage', 'garbage.xml'), source('cut', 'cut.xml'), ...media]));
    const failed = await runCli(['ingest', '--feeds', feeds, '--content', content, '--now', '2026-02-18T03:12:00Z']);
    expect(failed.code).toBe(EXIT_ALL_FEEDS_FAILED);
    expect(failed.err).toContain('error: every feed failed (3); the content was written all the same (the window moved on)\n');
    expect(failed.out).toMatch(/Feeds read +3 \(3 failed\)/); // the registry's third file is not there yet
    const run = JSON.parse(await readFile(path.join(content, 'state', 'run.json'), 'utf8')) as { feeds: number };
    expect(run.feeds).toBe(3);

    await copyFile(path.join(SNAPSHOT_FEEDS, '404media.rss.xml'), path.join(feeds, '404media.rss.xml'));
    const one = await runCli(['ingest', '--feeds', feeds, '--content', content, '--now', '2026-02-18T03:12:00Z']);
    expect(one.out).toMatch(/Feeds read +3 \(2 failed\)/);
    expect(one.code).toBe(0);
    expect(one.err).not.toContain('every feed failed');

    // No feed read at all (a hostile trial's empty download folder, the registry naming feeds by URL only), and
    // `build`, which ingests too: exit 3, the site built all the same.
    const urlsOnly = path.join(work, 'urls-only.json');
    await writeFile(urlsOnly, JSON.stringify([{ ...source('live', null), feeds: [{ url: 'https://live.example/rss', file: null, topic: null }] }]));
    const empty = path.join(work, 'empty');
    await mkdir(empty);
    const none = await runCli(['ingest', '--feeds', empty, '--content', content, '--registry', urlsOnly, '--now', '2026-02-18T04:00:00Z']);
    expect([none.code, none.err.trim().split('\n').at(-1)]).toEqual([3, 'error: no feed was read; the content was written all the same (the window moved on)']);
    await rm(path.join(feeds, '404media.rss.xml'));
    const dist = path.join(work, 'dist');
    const built = await runCli(['build', '--feeds', feeds, '--content', content, '--now', '2026-02-18T05:00:00Z', '--jobs', '1'], { PARALLAX_OUT_DIR: dist, PARALLAX_SITE: 'https://news.example.org' });
    expect(built.code).toBe(EXIT_ALL_FEEDS_FAILED);
    expect(built.err).toContain('error: every feed failed (3)');
    expect(existsSync(path.join(dist, 'index.html'))).toBe(true);

    // A shard saves its feeds and exits 0 (a folder's are parsed, and fail, at the merge); its line says "1 feed".
    const oneFeed = path.join(work, 'one-feed');
    await mkdir(oneFeed);
    await copyFile(path.join(feeds, 'garbage.xml'), path.join(oneFeed, 'garbage.xml'));
    const oneRegistry = path.join(work, 'one.json');
    await writeFile(oneRegistry, JSON.stringify([source('garbage', 'garbage.xml')]));
    const shard = await runCli(['ingest', '--feeds', oneFeed, '--registry', oneRegistry, '--shard', '1/1', '--fetch-only', '--out', path.join(work, 'shards')]);
    expect(shard.code).toBe(0);
    expect(shard.out).toMatch(/^Shard 1\/1: 1 feed \(0 failed\) → /);
  }, 180_000);
});
