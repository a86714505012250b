/**
 * A command run by npm ends when npm does: npm runs it under `sh -c`, and a `kill -9` of npm had left it running
 * (an operator trial's). Here an ingest waits on a feed server that never answers; npm is killed outright.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parentOf } from '../../src/io/end-with-npm';
import { registrySource, ROOT, tempDir } from '../helpers';

let server: http.Server;
let origin: string;
let asked = false;
beforeAll(async () => {
  server = http.createServer(() => void (asked = true)); // never answers
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

/** Pids whose parent is `pid` (Linux /proc). */
const childrenOf = (pid: number): number[] => readdirSync('/proc').filter((n) => /^\d+$/.test(n) && parentOf(Number(n)) === pid).map(Number);
const running = (pid: number): boolean => {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
  } catch {
    return false;
  }
};
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(process.platform !== 'linux')('a command run by npm', () => {
  it('ends when npm is killed outright (kill -9), and reads its parent from /proc', async () => {
    expect(parentOf(process.pid)).toBe(process.ppid);
    expect(parentOf(2 ** 22 + 1)).toBeNull(); // above Linux's largest pid
    const work = await tempDir('parallax-npm-kill-');
    const content = path.join(work, 'content');
    await mkdir(content);
    await writeFile(path.join(content, 'sources.json'), JSON.stringify([{ ...registrySource('hang', 'hang.example', []), feeds: [{ url: `${origin}/feed.xml`, file: null, topic: null }] }]));
    const command = `node ${JSON.stringify(path.join(ROOT, 'bin', 'parallax.mjs'))} ingest --live --content ${JSON.stringify(content)} --now 2026-02-18T03:12:00Z`;
    await writeFile(path.join(work, 'package.json'), JSON.stringify({ name: 'npm-kill', version: '1.0.0', private: true, scripts: { ingest: command } }));
    const npm = spawn('npm', ['run', '-s', 'ingest'], { cwd: work, stdio: 'ignore' });
    // The command: a node process under npm (under its `sh -c`, or directly).
    let cmd: number | undefined;
    for (let i = 0; i < 300 && cmd === undefined; i++) {
      await wait(100);
      for (const c of [npm.pid!, ...childrenOf(npm.pid!)]) {
        for (const g of childrenOf(c)) if (readFileSync(`/proc/${g}/cmdline`, 'utf8').includes('parallax.mjs\0ingest')) cmd = g;
      }
    }
    expect(cmd).toBeDefined();
    // Until its feed request is under way (the server holds it open).
    for (let i = 0; i < 300 && !asked; i++) await wait(100);
    expect(asked).toBe(true);
    npm.kill('SIGKILL');
    for (let i = 0; i < 200 && running(cmd!); i++) await wait(100);
    expect(running(cmd!)).toBe(false);
  }, 120_000);

  it('leaves running a command its script started in the background, once npm has ended as usual (a hostile pass\'s nohup server had been stopped)', async () => {
    const work = await tempDir('parallax-npm-bg-');
    const content = path.join(work, 'content');
    await mkdir(content);
    await writeFile(path.join(content, 'sources.json'), JSON.stringify([{ ...registrySource('hang', 'hang.example', []), feeds: [{ url: `${origin}/feed.xml`, file: null, topic: null }] }]));
    const command = `node ${JSON.stringify(path.join(ROOT, 'bin', 'parallax.mjs'))} ingest --live --content ${JSON.stringify(content)} --now 2026-02-18T03:12:00Z`;
    // The script backgrounds the command and ends a moment later; npm then ends too, as usual.
    await writeFile(path.join(work, 'package.json'), JSON.stringify({ name: 'npm-bg', version: '1.0.0', private: true, scripts: { bg: `nohup ${command} > bg.log 2>&1 & echo $! > bg.pid; sleep 2` } }));
    const npm = spawn('npm', ['run', '-s', 'bg'], { cwd: work, stdio: 'ignore' });
    expect(await new Promise((resolve) => npm.on('exit', resolve))).toBe(0);
    const pid = Number(readFileSync(path.join(work, 'bg.pid'), 'utf8'));
    await wait(3000); // three of the watch's turns after npm ended
    try {
      expect(running(pid)).toBe(true);
    } finally {
      if (running(pid)) process.kill(pid, 'SIGKILL');
    }
  }, 120_000);
});
