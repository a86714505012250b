/**
 * A site build's child process ends when the command that started it is killed outright (kill -9 skips the signal
 * handlers that stop it), and the next build removes the working directories such a command left.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT_WITH_PARENT, removeDeadBuildDirs } from '../../src/build/freeze';
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

/** Whether `pid` still runs: its /proc entry exists and is not a zombie (an orphan's zombie waits for init to reap it). */
function running(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]![0] !== 'Z';
  } catch {
    return false;
  }
}

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

  it('does nothing when the folder is not there', async () => {
    await expect(removeDeadBuildDirs(path.join(await tempDir(), 'missing'))).resolves.toBeUndefined();
  });
});
