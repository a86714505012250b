/**
 * `parallax build` stopped by a signal sent to it alone (a supervisor's SIGTERM, `kill -INT <pid>`): its Astro
 * build had kept running as an orphan, writing into the staging dir, and nothing was said.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cp, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers';

let work: string;
afterAll(() => (work ? rm(work, { recursive: true, force: true }) : undefined));

/** Pids of the children of `pid` (Linux /proc). */
async function childrenOf(pid: number): Promise<number[]> {
  const out: number[] = [];
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) out.push(Number(name));
    } catch {
      // the process ended while listed
    }
  }
  return out;
}


describe.skipIf(process.platform !== 'linux')('build interrupted by a signal', () => {
  // With --json, it says so in a JSON log line (it had been plain text).
  it.each([['SIGINT', 130, false], ['SIGTERM', 143, true]] as const)('%s to the command alone stops its Astro build too, says so and exits %i (--json: %s)', async (signal, code, json) => {
    work = await tempDir('parallax-build-signal-');
    const content = path.join(work, 'content');
    await cp(path.join(ROOT, 'tests', 'fixtures', 'site-content'), content, { recursive: true });
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(?:BASE_URL|SITE|MODE|DEV|PROD|SSR|VITEST.*|ASSETS_PREFIX)$/.test(k)));
    const cmd = spawn(process.execPath, [path.join(ROOT, 'bin', 'parallax.mjs'), 'build', '--no-ingest', '--content', content, ...(json ? ['--json'] : [])], {
      cwd: ROOT,
      env: { ...clean, PARALLAX_OUT_DIR: path.join(work, 'dist'), PARALLAX_CACHE_DIR: path.join(work, 'cache') },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    cmd.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
    const exited = new Promise<number | null>((resolve) => cmd.on('exit', (c) => resolve(c)));
    // Wait for the Astro child (bin/parallax.mjs may run the CLI in a child of its own: look two levels down).
    let astro: number | undefined;
    for (let i = 0; i < 600 && astro === undefined; i++) {
      await new Promise((r) => setTimeout(r, 100));
      for (const c of [cmd.pid!, ...(await childrenOf(cmd.pid!))]) {
        for (const g of await childrenOf(c)) {
          if (/astro\.js\0build/.test(readFileSync(`/proc/${g}/cmdline`, 'utf8'))) astro = g;
        }
      }
    }
    expect(astro).toBeDefined();
    process.kill(cmd.pid!, signal);
    expect(await exited).toBe(code);
    await new Promise((r) => setTimeout(r, 500));
    const state = (() => { try { return readFileSync(`/proc/${astro}/stat`, 'utf8').split(') ')[1]!.slice(0, 1); } catch { return 'gone'; } })();
    expect(['gone', 'Z']).toContain(state); // ended (a zombie until its new parent reaps it)
    expect(stderr).toContain(`interrupted (${signal})`);
    if (json) {
      const lines = stderr.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as { level: string; message: string });
      expect(lines).toContainEqual(expect.objectContaining({ level: 'error', message: `interrupted (${signal}): stopping the site build; dist/ was not changed by it` }));
    }
  }, 120_000);
});
