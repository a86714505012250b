/**
 * `npm run bench -- replay-stream [--quick] [--growth-only | --live-only]`: two measurements.
 *
 * 1. Repository growth (./growth.ts): the 7-day stream ../shared/data/stream-2023-11-13_19 replayed as hourly runs on
 *    a content directory that is a git repository, committed after every run; prints the table per simulated day
 *    (packed size, bytes per hourly commit and per day, content/ bytes, story ids kept from day to day, redirects).
 *    `--quick`: 3-hourly runs (`--step=H`: every H hours, a divisor of 24); `--days=N` (default 7): days 8 on are the week again, time-shifted with new ids
 *    (bench/year/stream-copies.ts), so stories start to leave the 7-day window and the archive shows. Skips without
 *    the stream. Runs with PARALLAX_FSYNC=0 (fsync only makes the journal survive a power loss; it costs wall time
 *    here, not bytes).
 *
 * 2. A live run of the 200 captured feeds of
 * ../shared/data/feeds-2026-02-18 (news/ + other/) served by the misbehaving server on 127.0.0.1, with the
 * production HTTP limits (src/io/http-client.ts DEFAULT_HTTP_OPTIONS). One feed in ten is swapped for a
 * misbehaviour (slow first byte past the headers timeout, a drip, 500, 503 with a long Retry-After, a redirect loop,
 * a never-ending body, a gzip bomb, HTML, an empty 200), as a real hour's fetch would meet. Prints wall time, outcomes
 * by reason, new articles and peak memory for a first run and for a second run (conditional GET: 304s).
 * `--quick` shortens the timeouts (headers 1 s, total 3 s) so the run takes seconds. Skips without ../shared.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { failureReason } from '../../src/cli/ingest-options';
import { fetchFeeds } from '../../src/io/fetch-feeds';
import { DEFAULT_HTTP_OPTIONS, REAL_HTTP_DEPS, type HttpOptions } from '../../src/io/http-client';
import { ingest, type IngestReport } from '../../src/pipeline';
import { startMisbehavingServer } from '../../tests/io/misbehaving-server';
import { haveStream } from '../lib/stream';
import { growthTable, replayGrowth } from './growth';

if (process.env.PARALLAX_FSYNC === undefined) {
  // The journal reads PARALLAX_FSYNC when it is imported: run this file again with it set.
  const r = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, PARALLAX_FSYNC: '0' } });
  process.exit(r.status ?? 1);
}
const HERE = path.dirname(fileURLToPath(import.meta.url));
const CORPUS = path.resolve(HERE, '..', '..', '..', 'shared', 'data', 'feeds-2026-02-18');
const MISBEHAVIOURS = ['/slow-first-byte', '/slow-drip', '/status/500', '/503-long', '/redirect-loop', '/never-ends', '/gzip-bomb', '/html', '/empty'];

const quick = process.argv.includes('--quick');
const daysArg = process.argv.find((a) => a.startsWith('--days='));
const stepArg = process.argv.find((a) => a.startsWith('--step='));
if (!process.argv.includes('--live-only')) {
  if (!haveStream()) process.stdout.write('replay-stream: the 7-day stream is not in ../shared; growth skipped\n');
  else {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const growth = await replayGrowth({ step: stepArg ? Number(stepArg.slice(7)) : quick ? 3 : 1, days: daysArg ? Number(daysArg.slice(7)) : 7, log: (line) => process.stdout.write(`${line}\n`) });
    const c = process.cpuUsage(c0);
    process.stdout.write(`\nRepository growth, ${growth.runs} runs every ${growth.step} h over ${growth.rows.length} simulated days:\n${growthTable(growth.rows)}\n`);
    process.stdout.write(
      `ingest runs: ${growth.wallSeconds.toFixed(0)} s wall, ${growth.cpuSeconds.toFixed(0)} s CPU (mean ${(growth.wallSeconds / growth.runs).toFixed(2)} s per run); ` +
        `whole replay with git: ${((performance.now() - t0) / 1000).toFixed(0)} s wall, ${((c.user + c.system) / 1e6).toFixed(0)} s CPU in this process; ` +
        `peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB\n\n`,
    );
  }
}
if (process.argv.includes('--growth-only')) process.exit(0);
if (!existsSync(path.join(CORPUS, 'news'))) {
  process.stdout.write(`replay-stream: ${CORPUS} not found; skipped\n`);
  process.exit(0);
}
// Every feed is on 127.0.0.1 here, while live feeds spread over ~200 hosts: the per-host limit is lifted to the
// overall one, or the run would measure one host's politeness queue.
const base: HttpOptions = { ...DEFAULT_HTTP_OPTIONS, perHostConcurrency: DEFAULT_HTTP_OPTIONS.concurrency };
const http: HttpOptions = quick ? { ...base, headersTimeoutMs: 1_000, totalTimeoutMs: 3_000, backoffBaseMs: 100, backoffMaxMs: 400 } : base;
const server = await startMisbehavingServer(CORPUS, { slowMs: http.headersTimeoutMs + 5_000 });
const files = ['news', 'other'].flatMap((d) => readdirSync(path.join(CORPUS, d)).filter((f) => /\.(xml|json)$/.test(f)).sort().map((f) => `${d}/${f}`));
const registry = files.map((f, i) => ({
  id: `feed-${String(i).padStart(3, '0')}`,
  name: f,
  homepage: `https://feed-${i}.example/`,
  feeds: [{ url: i % 10 === 9 ? `${server.origin}${MISBEHAVIOURS[(i / 10) % MISBEHAVIOURS.length | 0]}?n=${i}` : `${server.origin}/feed/${f}`, file: null, topic: null }],
  country: null,
  language: 'en',
  bias: [],
  factuality: [],
  ownership: null,
  discovered: false,
}));
const work = await mkdtemp(path.join(os.tmpdir(), 'parallax-replay-'));
const registryPath = path.join(work, 'sources.json');
await writeFile(registryPath, JSON.stringify(registry));
const contentDir = path.join(work, 'content');

async function once(now: string): Promise<{ report: IngestReport; seconds: number; fetchSeconds: number }> {
  const t0 = performance.now();
  let fetchSeconds = 0;
  const report = await ingest(
    { contentDir, registryPath, now: new Date(now) },
    {
      readFeeds: async (reg, validators) => {
        const f0 = performance.now();
        const out = await fetchFeeds(reg, http, REAL_HTTP_DEPS, { validators });
        fetchSeconds = (performance.now() - f0) / 1000;
        return out;
      },
      live: true,
      clock: () => Date.parse(now),
      log: () => undefined,
    },
  );
  return { report, seconds: (performance.now() - t0) / 1000, fetchSeconds };
}

function describeRun(label: string, r: { report: IngestReport; seconds: number; fetchSeconds: number }): void {
  const reasons = new Map<string, number>();
  for (const f of r.report.feeds) {
    const k = failureReason(f) ?? f.status ?? 'ok';
    reasons.set(k, (reasons.get(k) ?? 0) + 1);
  }
  const by = [...reasons].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ');
  process.stdout.write(
    `${label}: ${r.report.feeds.length} feeds in ${r.seconds.toFixed(1)} s wall (fetch ${r.fetchSeconds.toFixed(1)} s); ${by}; ` +
      `${r.report.newArticles} new articles, ${r.report.stories} stories\n`,
  );
}

const first = await once('2026-02-18T04:00:00Z');
describeRun('run 1 (cold)', first);
const second = await once('2026-02-18T05:00:00Z');
describeRun('run 2 (conditional GET)', second);
process.stdout.write(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB; limits: ${http.concurrency} parallel, ${http.perHostConcurrency} per host, headers ${http.headersTimeoutMs} ms, total ${http.totalTimeoutMs} ms, ${http.retries} retries\n`);
await server.close();
