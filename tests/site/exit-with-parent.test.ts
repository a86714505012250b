/**
 * A site build's child process ends when the command that started it is killed outright (kill -9 skips the signal
 * handlers that stop it), and the next build removes the working directories such a command left.
 */
import { spawn } from 'node:child_process';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT_WITH_PARENT, processRuns, removeDeadBuildDirs } from '../../src/build/freeze';
import { tempDir } from '../helpers';

/**
 * A parent process that starts `childCode` as runAstroBuild starts Astro (the preload, an IPC channel), waits for its
 * 'ready' message, prints `pid <child pid>` and stays, or prints `exit <code>` when the child ends first.
 */
const PARENT = `
const { spawn } = require('node:child_process');
const [preload, code] = JSON.parse(process.argv[1]);
const child = spawn(process.execPath, [...preload, '-e', code], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
child.on('message', () => console.log('pid ' + child.pid));
child.on('exit', (code) => { console.log('exit ' + code); process.exit(0); });
setInterval(() => {}, 1000);
`;

function startParent(childCode: string) {
  const parent = spawn(process.execPath, ['-e', PARENT, JSON.stringify([EXIT_WITH_PARENT, childCode])], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = new Promise<string>((resolve) => {
    let out = '';
    parent.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) resolve(out.split('\n')[0]!);
    });
  });
  return { parent, firstLine: lines };
}

const running = processRuns;

describe.skipIf(process.platform !== 'linux')('a site build child whose command dies', () => {
  it('ends when its parent is killed with SIGKILL', async () => {
    const { parent, firstLine } = startParent("process.send('ready'); setInterval(() => {}, 1000);");
    const line = await firstLine;
    expect(line).toMatch(/^pid \d+$/);
    const child = Number(line.slice(4));
    expect(running(child)).toBe(true);
    parent.kill('SIGKILL');
    for (let i = 0; i < 200 && running(child); i++) await new Promise((r) => setTimeout(r, 50));
    const stillRunning = running(child);
    if (stillRunning) process.kill(child, 'SIGKILL');
    expect(stillRunning).toBe(false);
  });

  it('still ends by itself, with its own exit code, when its work is done', async () => {
    const { parent } = startParent("process.send('ready'); process.exitCode = 3;");
    let out = '';
    parent.stdout.on('data', (d: Buffer) => (out += d.toString()));
    await new Promise((resolve) => parent.on('close', resolve));
    expect(out.trim().split('\n').at(-1)).toBe('exit 3');
  });
});

describe('removeDeadBuildDirs', () => {
  it("removes the working directories of processes that no longer run, and only those", async () => {
    const dir = await tempDir();
    // 999999999 is above Linux's pid_max (2^22): no process has it.
    for (const name of ['999999999-1', '999999999-2', `${process.pid}-1`, 'notes']) await mkdir(path.join(dir, name, '.astro'), { recursive: true });
    await removeDeadBuildDirs(dir);
    expect((await readdir(dir)).sort()).toEqual([`${process.pid}-1`, 'notes']);
  });

  it.skipIf(process.platform !== 'linux')("stops a dead command's Astro build still running in its folder first, and no other process its child.pid names", async () => {
    const dir = await tempDir();
    const work = path.join(dir, '999999999-1');
    const other = path.join(dir, '999999999-2');
    for (const d of [work, other]) await mkdir(d);
    // A build busy in a long step, that has not yet seen its command gone, runs in its folder.
    const left = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { cwd: work, stdio: 'ignore' });
    // A process elsewhere whose pid a stale child.pid names (a pid reused) is not ours to stop.
    const stranger = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { cwd: dir, stdio: 'ignore' });
    try {
      await writeFile(path.join(work, 'child.pid'), String(left.pid));
      await writeFile(path.join(other, 'child.pid'), String(stranger.pid));
      while (!running(left.pid!) || !running(stranger.pid!)) await new Promise((r) => setTimeout(r, 20));
      await removeDeadBuildDirs(dir);
      expect(running(left.pid!)).toBe(false);
      expect(running(stranger.pid!)).toBe(true);
      expect(await readdir(dir)).toEqual([]);
    } finally {
      left.kill('SIGKILL');
      stranger.kill('SIGKILL');
    }
  });

  it('does nothing when the folder is not there', async () => {
    await expect(removeDeadBuildDirs(path.join(await tempDir(), 'missing'))).resolves.toBeUndefined();
  });
});
