/**
 * Sharding: the bundled snapshot plus a feed no registry source names, fetched as 4 shards separately and merged,
 * gives exactly (byte for byte) the content of one unsharded run. Also: the split is deterministic and complete.
 */
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { inShard, parseShard, shardOfKey } from '../../src/core/state/shard';
import { run } from '../../src/cli/ingest';
import { REGISTRY, SNAPSHOT_FEEDS, tempDir, treeDigest } from '../helpers';

let feeds: string;
let work: string;

beforeAll(async () => {
  work = await tempDir('parallax-shard-');
  feeds = path.join(work, 'feeds');
  await cp(SNAPSHOT_FEEDS, feeds, { recursive: true });
  await writeFile(
    path.join(feeds, 'unknown-outlet.rss.xml'),
    '<?xml version="1.0"?><rss version="2.0"><channel><title>Unknown</title><link>https://unknown-outlet.example/</link>' +
      '<item><title>Harbour bridge reopens after repairs</title><link>https://unknown-outlet.example/a</link><pubDate>Tue, 17 Feb 2026 10:00:00 GMT</pubDate></item>' +
      '</channel></rss>',
  );
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});

describe('--shard i/n and --merge', () => {
  it('parses i/n and refuses nonsense', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    for (const bad of ['0/4', '5/4', '1/0', '1', 'a/b', '1/4/2', '']) expect(parseShard(bad), bad).toBeNull();
  });

  it('puts every key in exactly one shard, the same one every time', () => {
    const keys = Array.from({ length: 200 }, (_, i) => `source-${i}`);
    const counts = [1, 2, 3, 4].map((i) => keys.filter((k) => inShard(k, { index: i, count: 4 })).length);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(200);
    for (const c of counts) expect(c).toBeGreaterThan(30); // roughly even
    expect(shardOfKey('npr', 4)).toBe(shardOfKey('npr', 4));
  });

  it('4 shards fetched separately and merged give exactly the content of one unsharded run', async () => {
    const shards = path.join(work, 'shards');
    await mkdir(shards);
    for (let i = 1; i <= 4; i++) {
      expect(await run(['--feeds', feeds, '--registry', REGISTRY, '--shard', `${i}/4`, '--fetch-only', '--out', shards, '--json'])).toBe(0);
    }
    expect((await readdir(shards)).sort()).toEqual(['shard-1-of-4.json', 'shard-2-of-4.json', 'shard-3-of-4.json', 'shard-4-of-4.json']);
    const merged = path.join(work, 'merged');
    const single = path.join(work, 'single');
    expect(await run(['--merge', shards, '--content', merged, '--registry', REGISTRY, '--json'])).toBe(0);
    expect(await run(['--feeds', feeds, '--content', single, '--registry', REGISTRY, '--json'])).toBe(0);
    const a = await treeDigest(merged);
    const b = await treeDigest(single);
    expect(Object.keys(a).length).toBeGreaterThan(100);
    expect(a).toEqual(b);
  }, 120_000);

  it('refuses an incomplete set of shards', async () => {
    const partial = path.join(work, 'partial');
    await mkdir(partial);
    await run(['--feeds', feeds, '--registry', REGISTRY, '--shard', '1/3', '--fetch-only', '--out', partial]);
    await expect(run(['--merge', partial, '--content', path.join(work, 'x'), '--registry', REGISTRY])).rejects.toThrow(/missing 2, 3/);
    // A cut-off shard is named (it had been JSON.parse's message alone).
    const shard = path.join(partial, 'shard-1-of-3.json');
    await writeFile(shard, (await readFile(shard, 'utf8')).slice(0, 500));
    await expect(run(['--merge', partial, '--content', path.join(work, 'x'), '--registry', REGISTRY])).rejects.toThrow(`${shard}: not JSON (`);
  });

  it('refuses --shard without --fetch-only --out', async () => {
    await expect(run(['--feeds', feeds, '--shard', '1/2'])).rejects.toThrow(/--fetch-only --out/);
    await expect(run(['--feeds', feeds, '--shard', '9/2', '--fetch-only', '--out', work])).rejects.toThrow(/i\/n/);
  });
});
