/**
 * Clustering at scale: the 7-day stream (21.6k articles) plus time-shifted copies (each copy moved on by 7 days, ids
 * and URLs suffixed, titles kept) to 10k, 20k, 50k and 100k articles; each size clusters in a fresh child process
 * (so peak memory is its own) with the pipeline's default config. Prints wall and CPU time, articles/s, peak RSS, and the time
 * ratio of each doubling (the goal: at most about 2.2x per doubling; at least 20,000 articles/s).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { DEFAULT_CLUSTER_CONFIG } from '../../src/core/config';
import { clusterDocOf } from '../../src/core/story/build-stories';
import { clusterDocs, type ClusterDoc } from '../../src/core/story/cluster';
import { haveStream, loadStream } from '../lib/stream';

const SIZES = process.argv.includes('--quick') ? [10_000, 20_000] : [10_000, 20_000, 50_000, 100_000];

function docsOf(n: number): ClusterDoc[] {
  const base = loadStream().map(clusterDocOf);
  const out: ClusterDoc[] = [];
  for (let copy = 0; out.length < n; copy++) {
    for (const d of base) {
      if (out.length >= n) break;
      out.push(copy === 0 ? d : { ...d, id: `${d.id}~${copy}`, time: d.time + copy * 7 * 86_400_000 });
    }
  }
  return out;
}

if (process.argv[2] === '--child') {
  const n = Number(process.argv[3]);
  const docs = docsOf(n);
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  const { clusters } = clusterDocs(docs, DEFAULT_CLUSTER_CONFIG);
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpu0);
  process.stdout.write(JSON.stringify({ n, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, clusters: clusters.length, multi: clusters.filter((c) => c.length > 1).length, peakMb: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}

if (!haveStream()) {
  process.stdout.write('cluster-scale: skipped (../shared/data/stream-2023-11-13_19 not found)\n');
  process.exit(0);
}
const tsx = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..', 'node_modules', 'tsx', 'dist', 'cli.mjs');
const rows: Array<{ n: number; seconds: number; cpuSeconds: number; clusters: number; multi: number; peakMb: number }> = [];
for (const n of SIZES) {
  const r = spawnSync(process.execPath, ['--max-old-space-size=8192', tsx, new URL(import.meta.url).pathname, '--child', String(n)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`child for ${n} failed: ${r.stderr}`);
  rows.push(JSON.parse(r.stdout));
}
process.stdout.write('articles   seconds  CPU s  articles/s  per CPU s  clusters  multi-article  peak RSS MB  time ratio vs half size (wall, CPU)\n');
for (const r of rows) {
  const half = rows.find((x) => x.n * 2 === r.n);
  process.stdout.write(
    `${String(r.n).padStart(8)} ${r.seconds.toFixed(2).padStart(9)} ${r.cpuSeconds.toFixed(2).padStart(6)} ${String(Math.round(r.n / r.seconds)).padStart(11)} ${String(Math.round(r.n / r.cpuSeconds)).padStart(10)} ${String(r.clusters).padStart(9)} ${String(r.multi).padStart(14)} ${r.peakMb.toFixed(0).padStart(12)}  ${half ? `${(r.seconds / half.seconds).toFixed(2)}x, ${(r.cpuSeconds / half.cpuSeconds).toFixed(2)}x` : ''}\n`,
  );
}
