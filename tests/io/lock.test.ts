/**
 * The run lock (src/io/lock.ts): two runs on one content directory never write at once — the second fails at once
 * with an error naming the holder and the content stays exactly one run's — and a dead run's lock is taken over.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, realpath, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RunLockedError, withRunLock } from '../../src/io/lock';
import { ROOT, runFolder, tempDir, treeDigest } from '../helpers';

const SMALL = path.join(ROOT, 'tests', 'io', 'fixtures', 'feeds-small');
const NOW = new Date('2026-02-18T00:00:00Z');
const TSX = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

async function reference(): Promise<Record<string, string>> {
  const dir = path.join(await tempDir('parallax-lock-ref-'), 'content');
  await runFolder(SMALL, dir, NOW);
  return treeDigest(dir);
}

describe('run lock', () => {
  it('two concurrent ingests on one directory: one writes, the other fails naming the holder; the content is one run', async () => {
    const dir = path.join(await tempDir('parallax-lock-'), 'content');
    const results = await Promise.allSettled([runFolder(SMALL, dir, NOW), runFolder(SMALL, dir, NOW)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(failed.reason).toBeInstanceOf(RunLockedError);
    expect(String(failed.reason.message)).toMatch(/is locked by another Parallax run/);
    expect(await treeDigest(dir)).toEqual(await reference());
  });

  it('a second process (the CLI) fails with exit 1 and a message naming the holder: pid, host, since, command', async () => {
    const dir = path.join(await tempDir('parallax-lock-'), 'content');
    const cli = () =>
      spawnSync(process.execPath, [TSX, path.join(ROOT, 'scripts', 'parallax.ts'), 'ingest', '--feeds', SMALL, '--content', dir, '--registry', path.join(ROOT, 'fixtures', 'snapshot-2026-02-18', 'sources.json'), '--now', NOW.toISOString()], {
        encoding: 'utf8',
        env: { ...process.env, PARALLAX_FSYNC: '0' },
      });
    const r = await withRunLock(dir, async () => cli());
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${dir} is locked by another Parallax run: pid ${process.pid} on ${os.hostname()} since `);
    expect(existsSync(dir)).toBe(false); // nothing written by the refused run (the holder's empty folder is gone with it)
    // Released: the same command now runs and writes one run's content.
    expect(cli().status).toBe(0);
    expect(await treeDigest(dir)).toEqual(await reference());
  }, 60_000);

  it('takes over at once the lock of a run that was killed (its process is gone on this host)', async () => {
    const dir = path.join(await tempDir('parallax-lock-'), 'content');
    // node --import tsx (not the tsx CLI, which runs the script in a second process): child.pid is the holder.
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'tests', 'io', 'lock-child.ts'), dir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => child.stdout!.on('data', (d: Buffer) => d.toString().includes('locked') && resolve()));
    await expect(withRunLock(dir, async () => 'second')).rejects.toThrow(`pid ${child.pid} on ${os.hostname()}`);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));
    const t0 = performance.now();
    const said: string[] = [];
    expect(await withRunLock(dir, async () => JSON.parse(await readFile(`${dir}.lock-holder.json`, 'utf8')).pid, { log: (m) => said.push(m) })).toBe(process.pid);
    expect(performance.now() - t0).toBeLessThan(1_000);
    // Said, with the dead run's pid (a kill's lock had been taken over without a word).
    expect(said).toEqual([expect.stringMatching(new RegExp(`^took over the lock on .*content from a run that died \\(pid ${child.pid}, since \\S+, .*lock-child\\.ts.*\\)$`))]);
    // A full run afterwards completes normally.
    await runFolder(SMALL, dir, NOW);
    expect(await treeDigest(dir)).toEqual(await reference());
  }, 30_000);

  it('leaves no holder file when its command exits from a signal handler (a build stopped by SIGINT had left one)', async () => {
    const dir = path.join(await tempDir('parallax-lock-'), 'content');
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'tests', 'io', 'lock-child.ts'), dir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => child.stdout!.on('data', (d: Buffer) => d.toString().includes('locked') && resolve()));
    expect(existsSync(`${dir}.lock-holder.json`)).toBe(true);
    child.kill('SIGINT');
    expect(await new Promise((resolve) => child.on('exit', resolve))).toBe(130);
    expect(existsSync(`${dir}.lock-holder.json`)).toBe(false);
    expect(existsSync(`${dir}.lock`)).toBe(false);
  }, 30_000);

  it('takes over at once a lock whose run died before naming itself or while letting go; respects a live one', async () => {
    // A run killed between taking the lock and writing its holder file (or after moving it back, before letting go)
    // leaves <content>.lock with only its holder record (.tmp) beside it: the next run was blocked for 60 s.
    const dir = path.join(await tempDir('parallax-lock-'), 'content');
    await mkdir(dir, { recursive: true });
    const child = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => child.on('exit', resolve));
    const dead = { pid: child.pid, host: os.hostname(), since: '2026-02-18T00:00:00.000Z', command: 'parallax ingest' };
    await mkdir(`${dir}.lock`);
    await writeFile(`${dir}.lock-holder.json.${child.pid}-1.tmp`, JSON.stringify(dead));
    const t0 = performance.now();
    const said: string[] = [];
    expect(await withRunLock(dir, async () => 'taken', { log: (m) => said.push(m) })).toBe('taken');
    expect(said).toEqual([`took over the lock on ${await realpath(dir)} from a run that died before naming itself`]);
    expect(performance.now() - t0).toBeLessThan(1_000);
    expect(existsSync(`${dir}.lock-holder.json.${child.pid}-1.tmp`)).toBe(false); // the dead record is cleared
    expect(existsSync(`${dir}.lock`)).toBe(false); // and the lock let go after the run
    // A live run in that moment (this process, another attempt) is respected.
    await mkdir(`${dir}.lock`);
    await writeFile(`${dir}.lock-holder.json.${process.pid}-999.tmp`, JSON.stringify({ ...dead, pid: process.pid }));
    await expect(withRunLock(dir, async () => 'second')).rejects.toThrow('a run that is starting or finishing (holder not recorded)');
  });

  it('takes over a lock not refreshed within the stale threshold (holder on another host), not a fresh one', async () => {
    const dir = path.join(await tempDir('parallax-lock-'), 'content');
    await mkdir(`${dir}.lock`, { recursive: true });
    await writeFile(`${dir}.lock-holder.json`, JSON.stringify({ pid: 1, host: 'elsewhere.invalid', since: '2026-01-01T00:00:00Z', command: 'parallax ingest' }));
    await expect(withRunLock(dir, async () => 'x', { staleMs: 2_000 })).rejects.toThrow(
      `is locked by another Parallax run: pid 1 on elsewhere.invalid since 2026-01-01T00:00:00Z (parallax ingest)`,
    );
    const old = new Date(Date.now() - 10_000);
    await utimes(`${dir}.lock`, old, old);
    expect(await withRunLock(dir, async () => 'taken over', { staleMs: 2_000 })).toBe('taken over');
  });

  it('removes a content folder it made when the run wrote nothing into it (a refused run), and keeps any other', async () => {
    const parent = await tempDir('parallax-lock-');
    const fresh = path.join(parent, 'my content');
    await expect(withRunLock(fresh, async () => { throw new Error('refused: no sources'); })).rejects.toThrow('refused');
    expect(existsSync(fresh)).toBe(false);
    expect(existsSync(`${fresh}.lock`)).toBe(false);
    // One it wrote into stays, and so does one it found, even empty.
    await withRunLock(fresh, async () => writeFile(path.join(fresh, 'note'), 'x'));
    expect(existsSync(path.join(fresh, 'note'))).toBe(true);
    // Nor the parents it made for it.
    const nested = path.join(parent, 'L', 'x', 'y', 'z');
    await expect(withRunLock(nested, async () => { throw new Error('refused'); })).rejects.toThrow('refused');
    expect(existsSync(path.join(parent, 'L'))).toBe(false);
    const found = path.join(parent, 'found');
    await mkdir(found);
    await expect(withRunLock(found, async () => { throw new Error('refused'); })).rejects.toThrow('refused');
    expect(existsSync(found)).toBe(true);
  });
});
