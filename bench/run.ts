/**
 * `npm run bench [-- NAME ...] [-- --flags]`: runs every benchmark bench/<name>/main.ts (or the named ones) in its own
 * process, one after another, so each measures side by side against its peers within one run and prints its own
 * table of ratios. Extra `--flags` are passed to every benchmark (e.g. `--quick`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

const BENCH = path.dirname(new URL(import.meta.url).pathname);
const args = process.argv.slice(2);
const named = args.filter((a) => !a.startsWith('-'));
const flags = args.filter((a) => a.startsWith('-'));
const all = readdirSync(BENCH, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(path.join(BENCH, d.name, 'main.ts')))
  .map((d) => d.name)
  .sort();
const chosen = named.length ? named : all;
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
