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
const all = readdirSync(BENCH, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(path.join(BENCH, d.name, 'main.ts')))
  .map((d) => d.name)
  .sort();
if (process.argv.includes('--help') || process.argv.includes('-h')) {
  process.stdout.write(
    `usage: npm run bench [-- NAME ...] [--flags]\n\nbenchmarks (all but the opt-in ones run when none is named):\n${all.map((n) => `  ${n}${OPT_IN.includes(n) ? ' (opt-in: run only when named)' : ''}`).join('\n')}\n\nFlags go to every benchmark named (e.g. --quick); each benchmark's options are in README.md.\n`,
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
