/**
 * A reader that stops reading: `parallax ingest … 2>&1 | head -1` closes the pipe after one line. Writes to it fail
 * with EPIPE, which had ended the run half-way (an operator trial's: exit 1 with no word, state/run.json not written,
 * the content lock left behind). The run now completes unheard, with its usual exit status.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registrySource, ROOT, rssDocument, rssItem, tempDir } from '../helpers';

const NOW = '2026-02-18T03:12:00Z';

// Two feeds on 127.0.0.1: one answers 404 at once (its error line is the run's first output, as a live run's progress
// is), the other a second later, after the reader has gone.
let server: http.Server;
let origin: string;
beforeAll(async () => {
  const feed = rssDocument('slow.example', [rssItem('https://slow.example/a', 'Bridge closes for repairs', 'Wed, 18 Feb 2026 01:00:00 GMT')]);
  server = http.createServer((req, res) => {
    if (req.url === '/missing.xml') return void res.writeHead(404).end('not here');
    setTimeout(() => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed), 1000);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('a closed output pipe', () => {
  it('does not stop an ingest: the run is written and the lock released', async () => {
    const work = await tempDir('parallax-broken-pipe-');
    const content = path.join(work, 'content');
    await mkdir(content);
    const source = (id: string, file: string) => ({ ...registrySource(id, `${id}.example`, []), feeds: [{ url: `${origin}/${file}`, file: null, topic: null }] });
    await writeFile(path.join(content, 'sources.json'), JSON.stringify([source('gone', 'missing.xml'), source('slow', 'slow.xml')]));
    const args = [path.join(ROOT, 'bin', 'parallax.mjs'), 'ingest', '--live', '--content', content, '--now', NOW];
    // stdout and stderr into one pipe, as `2>&1 |` makes them; closed by the reader after its first line.
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let first = '';
    const close = (chunk: Buffer): void => {
      if (first) return;
      first = chunk.toString('utf8').split('\n')[0]!;
      child.stdout.destroy();
      child.stderr.destroy();
    };
    child.stdout.on('data', close);
    child.stderr.on('data', close);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(first).toMatch(/missing\.xml .*http_404/);
    expect(code).toBe(0);
    const run = JSON.parse(await readFile(path.join(content, 'state', 'run.json'), 'utf8')) as { now: string };
    expect(run.now).toBe(NOW);
    expect(existsSync(`${content}.lock-holder.json`)).toBe(false);
    expect(Object.keys(JSON.parse(await readFile(path.join(content, 'state', 'story-index.json'), 'utf8')))).toHaveLength(1);
  }, 120_000);
});
