/**
 * `build --no-ingest` is a run of its own: it holds the content directory's run lock (src/io/lock.ts) for its whole
 * length. An operator trial ran it while an hourly ingest was staging its writes: the build took the ingest's journal
 * (.txn) for an interrupted one and discarded it mid-run, the ingest exited 0, and 874 stories and a day of articles
 * were missing. Now a build that finds the lock held stops at once, naming the run that holds it, and touches nothing.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import { TXN_DIR } from '../../src/io/journal';
import { withRunLock } from '../../src/io/lock';
import { runCli, runFolder, SNAPSHOT_FEEDS, tempDir, treeDigest } from '../helpers';

it('stops while another run holds the lock, leaving its journal and the content as they are', async () => {
  const work = await tempDir('parallax-build-lock-');
  const dir = path.join(work, 'content');
  await runFolder(SNAPSHOT_FEEDS, dir);
  const out = path.join(work, 'dist');
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let locked!: () => void;
  const taken = new Promise<void>((resolve) => (locked = resolve));
  // An ingest in its write phase: it holds the lock and has staged a file it has not committed yet.
  const ingest = withRunLock(dir, async () => {
    await mkdir(path.join(dir, TXN_DIR, 'data'), { recursive: true });
    await writeFile(path.join(dir, TXN_DIR, 'data', '0'), 'a staged story file');
    locked();
    await held;
  });
  await taken;
  const before = await treeDigest(dir);
  const r = await runCli(['build', '--no-ingest', '--content', dir], { PARALLAX_OUT_DIR: out, PARALLAX_SITE: 'https://news.example.org' });
  release();
  await ingest;
  expect(r.code).toBe(1);
  expect(r.err).toContain(`${dir} is locked by another Parallax run: pid ${process.pid}`);
  expect(existsSync(path.join(dir, TXN_DIR, 'data', '0'))).toBe(true);
  expect(await treeDigest(dir)).toEqual(before);
  expect(existsSync(out)).toBe(false);
}, 60_000);
