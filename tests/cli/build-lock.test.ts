/**
 * A build is one run: it holds the content directory's run lock (src/io/lock.ts) for its whole length, its ingest and
 * its site build. An operator trial ran `build --no-ingest` while an hourly ingest was staging its writes: the build
 * took the ingest's journal (.txn) for an interrupted one and discarded it mid-run, the ingest exited 0, and 874
 * stories and a day of articles were missing. A hostile pass's ingest then rewrote the content while a plain `build`
 * (its own ingest done) was building the site from it. Now a build that finds the lock held stops at once, naming the
 * run that holds it, and touches nothing; an ingest started during a build's site build is refused. Content whose
 * folder is read-only (no place for the lock) is built without it, with a warning.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { TXN_DIR } from '../../src/io/journal';
import { withRunLock } from '../../src/io/lock';
import { stagingDir } from '../../src/build/assemble';
import { REGISTRY, ROOT, runCli, runFolder, SNAPSHOT_FEEDS, tempDir, treeDigest } from '../helpers';

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

it('holds the lock through the site build after its ingest: a run started then is refused', async () => {
  const work = await tempDir('parallax-build-lock-site-');
  const dir = path.join(work, 'content');
  const out = path.join(work, 'dist');
  const env = { ...process.env, PARALLAX_OUT_DIR: out, PARALLAX_SITE: 'https://news.example.org' };
  const build = spawn(process.execPath, [path.join(ROOT, 'bin', 'parallax.mjs'), 'build', '--feeds', SNAPSHOT_FEEDS, '--registry', REGISTRY, '--content', dir], { env, stdio: 'ignore' });
  let exited = false;
  const ended = new Promise<number | null>((resolve) => build.on('exit', (code) => resolve(((exited = true), code))));
  // The site build has begun once its staging folder is there (the ingest, before it, has written the content).
  while (!existsSync(stagingDir(out)) && !exited) await new Promise((r) => setTimeout(r, 50));
  expect(exited, 'the build ended before its site build').toBe(false);
  // A run that starts now (in this process, so that it asks at once) is refused.
  await expect(withRunLock(dir, async () => undefined)).rejects.toThrow(`${dir} is locked by another Parallax run: pid ${build.pid}`);
  expect(await ended).toBe(0);
  expect(existsSync(path.join(out, 'index.html'))).toBe(true);
}, 120_000);

// Making a folder read-only for root needs the immutable flag (chattr, Linux); skipped where it cannot be set.
const immutable = (dir: string, on: boolean): boolean => spawnSync('chattr', [on ? '+i' : '-i', dir]).status === 0;
const CHATTR = (() => {
  const probe = mkdtempSync(path.join(os.tmpdir(), 'parallax-chattr-'));
  const ok = immutable(probe, true) && immutable(probe, false);
  rmSync(probe, { recursive: true, force: true });
  return ok;
})();

it.skipIf(!CHATTR)('builds content in a read-only folder without the lock, saying so, unless a run holds it or left a write', async () => {
  const work = await tempDir('parallax-build-lock-ro-');
  const parent = path.join(work, 'ro');
  const dir = path.join(parent, 'content');
  await runFolder(SNAPSHOT_FEEDS, dir);
  expect(immutable(parent, true)).toBe(true);
  try {
    const out = path.join(work, 'dist');
    const r = await runCli(['build', '--no-ingest', '--content', dir], { PARALLAX_OUT_DIR: out, PARALLAX_SITE: 'https://news.example.org' });
    expect(r.code).toBe(0);
    expect(r.err).toContain(`cannot take the run lock beside ${dir} (this user cannot write to ${parent}): building without it`);
    expect(existsSync(path.join(out, 'index.html'))).toBe(true);
    // …but not while a run holds its lock or left a write unfinished, which a build would otherwise take for
    // interrupted and discard (a second hostile pass's, as a user who could not write beside the content).
    await mkdir(path.join(dir, TXN_DIR, 'data'), { recursive: true });
    await writeFile(path.join(dir, TXN_DIR, 'data', '0'), 'a staged story file');
    const again = await runCli(['build', '--no-ingest', '--content', dir], { PARALLAX_OUT_DIR: out, PARALLAX_SITE: 'https://news.example.org' });
    expect(again.code).toBe(1);
    expect(again.err).toContain(`${dir}: a run holds its lock (${dir}.lock) or left a write unfinished (.txn)`);
    expect(existsSync(path.join(dir, TXN_DIR, 'data', '0'))).toBe(true);
  } finally {
    immutable(parent, false);
  }
}, 120_000);

it('takes the lock of the real folder through a symlink: a run through one is refused while another holds it', async () => {
  const work = await tempDir('parallax-build-lock-link-');
  const dir = path.join(work, 'content');
  await mkdir(dir);
  const link = path.join(work, 'link');
  await symlink(dir, link);
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let locked!: () => void;
  const taken = new Promise<void>((resolve) => (locked = resolve));
  const run = withRunLock(dir, async () => {
    locked();
    await held;
  });
  await taken;
  await expect(withRunLock(link, async () => undefined)).rejects.toThrow(`${dir} is locked by another Parallax run`);
  release();
  await run;
  await withRunLock(link, async () => undefined);
  expect(existsSync(`${link}.lock`)).toBe(false);
});

it("refuses a build into an output or frozen dir another build holds, whatever content it builds (two builds into one dist/ had left it with no page, both exit 0)", async () => {
  const work = await tempDir('parallax-build-lock-out-');
  const content = path.join(work, 'content');
  await runFolder(SNAPSHOT_FEEDS, content);
  const out = path.join(work, 'dist');
  const frozen = path.join(work, 'frozen');
  const env = { PARALLAX_OUT_DIR: out, PARALLAX_FROZEN_DIR: frozen, PARALLAX_SITE: 'https://news.example.org' };
  // A build of other content holds the output dir, then the frozen dir: this one stops at once, touching neither.
  for (const held of [out, frozen]) {
    let release!: () => void;
    const holding = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const taken = new Promise<void>((resolve) => (locked = resolve));
    const other = withRunLock(held, async () => {
      await writeFile(path.join(held, 'index.html'), 'the other build');
      locked();
      await holding;
    });
    await taken;
    const r = await runCli(['build', '--no-ingest', '--content', content], env);
    release();
    await other;
    expect(r.code, r.err).toBe(1);
    expect(r.err).toContain(`${held} is locked by another Parallax run: pid ${process.pid}`);
    expect(await treeDigest(held)).toEqual({ 'index.html': expect.any(String) });
    expect(existsSync(stagingDir(out))).toBe(false);
    // Its content's lock is let go: the content can be built once the other build is over.
    expect(existsSync(`${content}.lock`)).toBe(false);
  }
  const r = await runCli(['build', '--no-ingest', '--content', content], env);
  expect(r.code, r.err).toBe(0);
  expect(existsSync(path.join(out, 'index.html'))).toBe(true);
  expect(existsSync(`${out}.lock`) || existsSync(`${frozen}.lock`)).toBe(false);
}, 120_000);

it('says what it did with a write a killed run left, as an ingest does (it had been discarded without a word)', async () => {
  const work = await tempDir('parallax-build-recover-');
  const dir = path.join(work, 'content');
  await runFolder(SNAPSHOT_FEEDS, dir);
  // A run killed while it staged its writes, before its commit record: no run holds the lock.
  await mkdir(path.join(dir, TXN_DIR, 'data'), { recursive: true });
  await writeFile(path.join(dir, TXN_DIR, 'data', '0'), 'a staged story file');
  const before = await treeDigest(path.join(dir, 'stories'));
  const r = await runCli(['build', '--no-ingest', '--content', dir], { PARALLAX_OUT_DIR: path.join(work, 'dist'), PARALLAX_SITE: 'https://news.example.org' });
  expect(r.code, r.err).toBe(0);
  expect(`${r.out}${r.err}`).toContain(`${dir}: discarded the leftover journal of the previous run (uncommitted, or already applied)`);
  expect(existsSync(path.join(dir, TXN_DIR))).toBe(false);
  expect(await treeDigest(path.join(dir, 'stories'))).toEqual(before);
}, 120_000);

it('refuses content, output and frozen dirs that are or hold one another, an output dir of other files and output or frozen dirs it cannot write, touching nothing (an output dir holding the content had deleted it, exit 0)', async () => {
  const work = await tempDir('parallax-build-folders-');
  const content = path.join(work, 'site', 'content');
  await runFolder(SNAPSHOT_FEEDS, content);
  const before = await treeDigest(content);
  const env = { PARALLAX_SITE: 'https://news.example.org' };
  await mkdir(path.join(work, 'elsewhere'));
  await symlink(path.join(work, 'site'), path.join(work, 'link'));
  await mkdir(path.join(work, 'notes', 'sub'), { recursive: true });
  await writeFile(path.join(work, 'notes', 'important.txt'), 'keep me');
  const cases: Array<[Record<string, string>, string[], string]> = [
    [{ PARALLAX_OUT_DIR: path.join(work, 'site') }, [], `the content dir ${content} is inside the output dir ${path.join(work, 'site')}`],
    [{ PARALLAX_OUT_DIR: path.join(work, 'link') }, [], `the content dir ${content} is inside the output dir ${path.join(work, 'link')}`],
    [{ PARALLAX_OUT_DIR: content }, [], `the content dir ${content} is the output dir ${content}`],
    [{ PARALLAX_OUT_DIR: path.join(content, 'site') }, [], `the output dir ${path.join(content, 'site')} is inside the content dir ${content}`],
    [{ PARALLAX_OUT_DIR: path.join(work, 'elsewhere', 'dist') }, ['--frozen-dir', path.join(work, 'link', 'content', 'frozen')], `the frozen dir ${path.join(work, 'link', 'content', 'frozen')} is inside the content dir ${content}`],
    [{ PARALLAX_OUT_DIR: path.join(work, 'notes') }, [], `the output dir ${path.join(work, 'notes')} holds files that are not a site (important.txt, sub)`],
    // a place no folder can be made: a file on the way, a read-only mount (below, where this user may mount one)
    [{ PARALLAX_OUT_DIR: path.join(work, 'notes', 'important.txt', 'dist') }, [], `the output dir ${path.join(work, 'notes', 'important.txt', 'dist')} cannot be written: ${path.join(work, 'notes', 'important.txt')} is a file, not a folder`],
    [{ PARALLAX_OUT_DIR: path.join(work, 'elsewhere', 'dist') }, ['--frozen-dir', path.join(work, 'notes', 'important.txt', 'f')], `the frozen dir ${path.join(work, 'notes', 'important.txt', 'f')} cannot be written`],
  ];
  const readOnly = path.join(work, 'read-only');
  await mkdir(readOnly);
  const mounted = spawnSync('mount', ['--bind', '-o', 'ro', path.join(work, 'elsewhere'), readOnly]).status === 0;
  if (mounted) cases.push([{ PARALLAX_OUT_DIR: path.join(readOnly, 'dist') }, [], `the output dir ${path.join(readOnly, 'dist')} cannot be written: this user cannot write to ${readOnly} (a read-only file system, or no permission)`]);
  // An output dir that is a file, or a mount point (a volume at dist/: the build renames a new site into its place).
  cases.push([{ PARALLAX_OUT_DIR: path.join(work, 'notes', 'important.txt') }, [], `the output dir ${path.join(work, 'notes', 'important.txt')} cannot be written: ${path.join(work, 'notes', 'important.txt')} is a file, not a folder`]);
  const mountPoint = path.join(work, 'volume');
  await mkdir(mountPoint);
  const volume = spawnSync('mount', ['-t', 'tmpfs', 'tmpfs', mountPoint]).status === 0;
  if (volume) cases.push([{ PARALLAX_OUT_DIR: mountPoint }, [], `the output dir ${mountPoint} cannot be written: ${mountPoint} is a mount point, which the build cannot replace`]);
  try {
    for (const [vars, args, message] of cases) {
      const r = await runCli(['build', '--no-ingest', '--content', content, ...args], { ...env, ...vars });
      expect(r.code, r.err).toBe(2);
      expect(r.err).toContain(message);
    }
  } finally {
    if (mounted) spawnSync('umount', [readOnly]);
    if (volume) spawnSync('umount', [mountPoint]);
  }
  expect(await treeDigest(content)).toEqual(before);
  expect(await readFile(path.join(work, 'notes', 'important.txt'), 'utf8')).toBe('keep me');
}, 120_000);
