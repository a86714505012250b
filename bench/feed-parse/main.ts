/**
 * `npm run bench -- feed-parse [--quick]`: Parallax's feed parser against its JavaScript peers on the 200 feeds of
 * ../shared/data/feeds-2026-02-18, read into memory first, each library with its full normalisation.
 *
 * Each library runs in its own child process (worker.ts), so JIT state and garbage never leak between them. Rounds are
 * paired (A B A B …): every round runs every library once, the order rotated each round. A round's MB/s is the median
 * of its timed passes; the table shows the median over rounds, and the ratio Parallax/peer is the median of the
 * per-round ratios (the machine is noisy: a ratio from one round holds, an absolute time does not).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORPUS_DIR, corpusAvailable } from './corpus.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const LIBS = ['parallax', 'feedsmith', 'fast-xml-parser', 'rss-parser', 'feed-extractor'] as const;
/** Python fastfeedparser (on lxml) on the same corpus, measured on this machine (issue 3); not run here. */
const FASTFEEDPARSER_MBS = 106;

interface Result {
  lib: string;
  bytes: number;
  passMs: number[];
  passCpuMs: number[];
  entries: number;
  failed: string[];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function runWorker(lib: string, passes: number): Result {
  const tsx = path.join(HERE, '..', '..', 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const r = spawnSync(process.execPath, ['--expose-gc', tsx, path.join(HERE, 'worker.ts'), lib, String(passes)], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  const line = r.stdout.trim().split('\n').pop() ?? '';
  if (r.status !== 0 || !line.startsWith('{')) {
    throw new Error(`worker ${lib} failed (exit ${r.status}): ${r.stderr.slice(0, 500)}`);
  }
  return JSON.parse(line) as Result;
}

function main(): void {
  if (!corpusAvailable()) {
    process.stdout.write(`feed-parse: skipped, the corpus ${CORPUS_DIR} is not here (it ships with ../shared, not the repo)\n`);
    return;
  }
  const quick = process.argv.includes('--quick');
  const rounds = quick ? 2 : 5;
  const passes = 1; // after one untimed warm-up pass; rounds, not passes, give the median (keeps a full run near 1.5 min idle)
  const mbs = new Map<string, number[]>(LIBS.map((l) => [l, []]));
  const cpuMbs = new Map<string, number[]>(LIBS.map((l) => [l, []]));
  const ratios = new Map<string, number[]>(LIBS.filter((l) => l !== 'parallax').map((l) => [l, []]));
  const cpuRatios = new Map<string, number[]>(LIBS.filter((l) => l !== 'parallax').map((l) => [l, []]));
  const last = new Map<string, Result>();
  const t0 = Date.now();
  for (let round = 0; round < rounds; round++) {
    const order = LIBS.map((_, i) => LIBS[(i + round) % LIBS.length]!);
    const thisRound = new Map<string, number>();
    const thisRoundCpu = new Map<string, number>();
    for (const lib of order) {
      const r = runWorker(lib, passes);
      last.set(lib, r);
      const v = r.bytes / 1e6 / (median(r.passMs) / 1000);
      const vc = r.bytes / 1e6 / (median(r.passCpuMs) / 1000);
      thisRound.set(lib, v);
      thisRoundCpu.set(lib, vc);
      mbs.get(lib)!.push(v);
      cpuMbs.get(lib)!.push(vc);
    }
    for (const [peer, list] of ratios) list.push(thisRound.get('parallax')! / thisRound.get(peer)!);
    for (const [peer, list] of cpuRatios) list.push(thisRoundCpu.get('parallax')! / thisRoundCpu.get(peer)!);
    process.stdout.write(`round ${round + 1}/${rounds} (${order.join(' → ')}): ${LIBS.map((l) => `${l} ${thisRound.get(l)!.toFixed(1)}`).join(', ')} MB/s\n`);
  }
  const bytes = last.get('parallax')!.bytes;
  process.stdout.write(`\n${last.size} libraries, 200 feeds, ${(bytes / 1e6).toFixed(1)} MB, ${rounds} paired rounds × ${passes} timed pass(es), ${((Date.now() - t0) / 1000).toFixed(0)} s\n\n`);
  process.stdout.write('MB/s and ratios by wall-clock time (and by process CPU time, which a loaded machine disturbs less)\n');
  process.stdout.write('library           MB/s wall   MB/s cpu  entries  failed feeds  Parallax/peer wall   cpu  (medians)\n');
  for (const lib of LIBS) {
    const r = last.get(lib)!;
    const ratio = lib === 'parallax' ? '' : `${median(ratios.get(lib)!).toFixed(2)}×`.padStart(19) + `${median(cpuRatios.get(lib)!).toFixed(2)}×`.padStart(7);
    process.stdout.write(`${lib.padEnd(18)}${median(mbs.get(lib)!).toFixed(1).padStart(9)}  ${median(cpuMbs.get(lib)!).toFixed(1).padStart(9)}  ${String(r.entries).padStart(7)}  ${String(r.failed.length).padStart(12)}${ratio}\n`);
  }
  const px = median(mbs.get('parallax')!);
  const pxCpu = median(cpuMbs.get('parallax')!);
  process.stdout.write(`python fastfeedparser (measured separately on an idle machine, not run): ${FASTFEEDPARSER_MBS} MB/s; Parallax here ${px.toFixed(1)} MB/s wall, ${pxCpu.toFixed(1)} MB/s cpu (${(pxCpu / FASTFEEDPARSER_MBS).toFixed(2)}×)\n`);
  for (const lib of LIBS) {
    const f = last.get(lib)!.failed;
    if (f.length) process.stdout.write(`\n${lib} failed on: ${f.join('; ')}\n`);
  }
  const pxFailed = last.get('parallax')!.failed.length;
  if (pxFailed) process.stdout.write(`\nParallax failed on ${pxFailed} feed(s)\n`);
  const slower = [...ratios].filter(([, l]) => median(l) < 1).map(([p]) => p);
  process.stdout.write(slower.length ? `\nParallax is NOT faster than: ${slower.join(', ')}\n` : '\nParallax is faster than every JavaScript peer.\n');
}

main();
