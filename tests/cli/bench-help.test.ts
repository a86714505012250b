/**
 * `npm run bench -- --help` says which benchmarks need the data sets of ../shared (beside the repository in CI, not in
 * it) and whether they are here; it had listed the benchmarks alone, so a clone without ../shared learned it only
 * when each one printed "skipped".
 */
import { execFile } from 'node:child_process';
import { cp, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers';

const TSX = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const help = async (benchDir: string): Promise<string> => (await promisify(execFile)(process.execPath, [TSX, path.join(benchDir, 'run.ts'), '--help'])).stdout;

/** The benchmarks whose sources read ../shared: a '…shared…' path segment, or the stream loader bench/lib/stream.ts. */
async function readingShared(): Promise<string[]> {
  const names: string[] = [];
  for (const d of await readdir(path.join(ROOT, 'bench'), { withFileTypes: true })) {
    if (!d.isDirectory() || d.name === 'lib') continue;
    const files = (await readdir(path.join(ROOT, 'bench', d.name))).filter((f) => f.endsWith('.ts'));
    const text = (await Promise.all(files.map((f) => readFile(path.join(ROOT, 'bench', d.name, f), 'utf8')))).join('\n');
    if (/'shared'|lib\/stream'/.test(text)) names.push(d.name);
  }
  return names.sort();
}

describe('npm run bench -- --help', () => {
  it('names the ../shared data each benchmark needs, for exactly the benchmarks that read it', async () => {
    const out = await help(path.join(ROOT, 'bench'));
    expect(out).toContain('  feed-parse: needs ../shared/data/feeds-2026-02-18');
    expect(out).toContain('  replay-stream: needs ../shared/data/stream-2023-11-13_19 and ../shared/data/feeds-2026-02-18');
    expect(out).toContain('  year (opt-in: run only when named): needs ../shared/data/stream-2023-11-13_19');
    expect(out).toContain('  snapshot-gold: runs on the bundled snapshot\n');
    expect(out).toContain('The data sets in ../shared live beside the repository in CI, not in it (README.md): a benchmark without its data is skipped.');
    const needing = [...out.matchAll(/^ {2}([a-z-]+).*: needs \.\.\/shared/gm)].map((m) => m[1]!).sort();
    expect(needing).toEqual(await readingShared());
    expect(needing).toEqual(['cluster-scale', 'feed-parse', 'replay-stream', 'story-identity', 'stream-gold', 'year']);
  });

  it('says which are skipped in a clone without ../shared beside it', async () => {
    const clone = path.join(await tempDir('parallax-bench-help-'), 'parallax');
    await cp(path.join(ROOT, 'bench'), path.join(clone, 'bench'), { recursive: true });
    const out = await help(path.join(clone, 'bench'));
    expect(out).toContain('  stream-gold: needs ../shared/data/stream-2023-11-13_19 (not found here: skipped)\n');
    expect(out).toContain('  site-build: runs on the bundled snapshot\n');
  });
});
