/**
 * `npm run bench [-- NAME ...] [-- --flags]`: runs every benchmark bench/<name>/main.ts (or the named ones) in its own
 * process, one after another, so each measures side by side against its peers within one run and prints its own
 * table of ratios. Extra `--flags` are passed to every benchmark (e.g. `--quick`).
 * Long benchmarks (OPT_IN) run only when named: `npm run bench -- year` or its alias `npm run bench -- --year`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

const BENCH = path.dirname(new URL(import.meta.url).pathname);
/** Benchmarks too long for a plain `npm run bench` (the year simulator took 46 min here): run only when named. */
const OPT_IN = ['year'];
/** Where the data sets of SHARED_DATA are: ../shared/data beside the repository (in CI), never in it. */
const SHARED_DIR = path.resolve(BENCH, '..', '..', 'shared', 'data');
/**
 * The folders of ../shared/data each benchmark reads (GPL or publishers' data, kept out of the repository); without
 * them it prints "skipped" (replay-stream skips the part whose data is missing). The others run on the repository's
 * own snapshot (fixtures/). tests/cli/bench-help.test.ts checks this list against the benchmarks' sources.
 */
const SHARED_DATA: Readonly<Record<string, readonly string[]>> = {
  'cluster-scale': ['stream-2023-11-13_19'],
  'feed-parse': ['feeds-2026-02-18'],
  'replay-stream': ['stream-2023-11-13_19', 'feeds-2026-02-18'],
  'story-identity': ['stream-2023-11-13_19'],
  'stream-gold': ['stream-2023-11-13_19'],
  year: ['stream-2023-11-13_19'],
};
const all = readdirSync(BENCH, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(path.join(BENCH, d.name, 'main.ts')))
  .map((d) => d.name)
  .sort();
/** One benchmark's line of the help: its name, opt-in or not, and the ../shared data it needs (and whether it is here). */
function helpLine(name: string): string {
  const optIn = OPT_IN.includes(name) ? ' (opt-in: run only when named)' : '';
  const data = SHARED_DATA[name];
  if (!data) return `  ${name}${optIn}: runs on the bundled snapshot`;
  const missing = data.filter((d) => !existsSync(path.join(SHARED_DIR, d)));
  const note = !missing.length ? '' : missing.length === data.length ? ' (not found here: skipped)' : ` (../shared/data/${missing.join(', ')} not found here: that part skipped)`;
  return `  ${name}${optIn}: needs ../shared/data/${data.join(' and ../shared/data/')}${note}`;
}
if (process.argv.includes('--help') || process.argv.includes('-h')) {
  process.stdout.write(
    `usage: npm run bench [-- NAME ...] [--flags]\n\nbenchmarks (all but the opt-in ones run when none is named):\n${all.map(helpLine).join('\n')}\n\n` +
      `The data sets in ../shared live beside the repository in CI, not in it (README.md): a benchmark without its data is skipped.\n` +
      `Flags go to every benchmark named (e.g. --quick); each benchmark's options are in README.md.\n`,
  );
  process.exit(0);
}
// Names are the arguments without a dash, except a value right after a flag (`--days 30`) that names no benchmark.
const named: string[] = [];
const flags: string[] = [];
for (const a of process.argv.slice(2)) {
  if (a.startsWith('--') && OPT_IN.includes(a.slice(2))) named.push(a.slice(2));
  else if (a.startsWith('-') || (!all.includes(a) && flags.at(-1)?.startsWith('--') && !flags.at(-1)!.includes('='))) flags.push(a);
  else named.push(a);
}
const chosen = named.length ? [...new Set(named)] : all.filter((n) => !OPT_IN.includes(n));
const unknown = chosen.filter((n) => !all.includes(n));
if (unknown.length) {
  process.stderr.write(`bench: no benchmark named ${unknown.join(', ')} (have: ${all.join(', ')})\n`);
  process.exit(2);
}
let failed = 0;
for (const name of chosen) {
  process.stdout.write(`\n=== bench ${name} ===\n`);
  const tsx = path.join(BENCH, '..', 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const r = spawnSync(process.execPath, ['--expose-gc', tsx, path.join(BENCH, name, 'main.ts'), ...flags], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
