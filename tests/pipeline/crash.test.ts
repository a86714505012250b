/**
 * Crash safety: a child process runs the pipeline over a content directory holding the previous run's output; the
 * parent SIGKILLs it at a random moment of the write phase (from the moment the journal appears, for up to the
 * write phase's measured length), 50 times. After every kill:
 * - every file of the tree is valid on its own (JSON parses, every story file parses and matches StorySchema);
 * - after recovery (what the next run does first) the tree is exactly the previous generation or exactly the new
 *   one, never a mix;
 * - the next run completes it: the tree is then exactly what an uninterrupted run writes.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cp, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { watch } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { StorySchema } from '../../src/core/schema/story';
import { parseStoryFile } from '../../src/core/story/serialize-story';
import { TXN_DIR } from '../../src/io/journal';
import { openContent } from '../../src/io/migrate-content';
import { ROOT, runFolder, tempDir, treeDigest } from '../helpers';

const SMALL = path.join(ROOT, 'tests', 'io', 'fixtures', 'feeds-small');
const NOW_A = new Date('2026-02-17T12:00:00Z');
const NOW_B = new Date('2026-02-18T00:00:00Z');
const KILLS = 50;
const PARALLEL = 10;
const CHILD = path.join(ROOT, 'node_modules', '.cache', 'parallax-crash-child.mjs');

let work: string;
let feedsA: string;
let genA: string;
let digestA: Record<string, string>;
let digestB: Record<string, string>;
let writeMs = 0;
let applyMs = 0;

/** A small deterministic PRNG (mulberry32), so a failing schedule can be replayed from its seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const withoutTxn = (d: Record<string, string>): Record<string, string> => Object.fromEntries(Object.entries(d).filter(([k]) => !k.startsWith(TXN_DIR)));

/**
 * Runs the child on `dir`; kills it `killAfterMs` after the journal directory appears (phase 'stage') or after the
 * journal's commit record appears (phase 'apply'); null: never.
 */
function runChild(dir: string, killAfterMs: number | null, phase: 'stage' | 'apply' = 'stage'): Promise<{ killed: boolean; txnSeenAt: number | null; txnGoneAt: number | null; commitAt: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, SMALL, dir, NOW_B.toISOString()], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PARALLAX_FSYNC: '0' } });
    let txnSeenAt: number | null = null;
    let txnGoneAt: number | null = null;
    let commitAt: number | null = null;
    let killed = false;
    let txnWatcher: ReturnType<typeof watch> | undefined;
    const killLater = (): void => {
      if (killAfterMs === null) return;
      setTimeout(() => {
        killed = child.kill('SIGKILL');
      }, killAfterMs);
    };
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const watcher = watch(dir, (_event, name) => {
      if (name !== TXN_DIR) return;
      const now = performance.now();
      if (txnSeenAt === null) {
        txnSeenAt = now;
        if (phase === 'stage') killLater();
        try {
          txnWatcher = watch(path.join(dir, TXN_DIR), (_e, inner) => {
            if (inner !== 'COMMIT' || commitAt !== null) return;
            commitAt = performance.now();
            if (phase === 'apply') killLater();
          });
        } catch {
          // the journal was already gone
        }
      } else txnGoneAt = now;
    });
    const guard = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(guard);
      watcher.close();
      txnWatcher?.close();
      if (signal !== 'SIGKILL' && code !== 0) reject(new Error(`child failed (${code}): ${stderr}`));
      else resolve({ killed: killed && signal === 'SIGKILL', txnSeenAt, txnGoneAt, commitAt });
    });
  });
}

/** Every file on its own: JSON parses; story files parse and validate. Returns the problems. */
async function invalidFiles(dir: string): Promise<string[]> {
  const bad: string[] = [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  for (const e of entries.filter((x) => x.isFile())) {
    const file = path.join(e.parentPath, e.name);
    const rel = path.relative(dir, file);
    if (rel.startsWith(TXN_DIR)) continue; // the journal is not content
    const text = await readFile(file, 'utf8');
    try {
      if (rel.endsWith('.json')) JSON.parse(text);
      else if (rel.endsWith('.md')) StorySchema.parse(parseStoryFile(text));
      else bad.push(`${rel}: unexpected file`);
    } catch (error) {
      bad.push(`${rel}: ${String(error).slice(0, 200)}`);
    }
  }
  return bad;
}

beforeAll(async () => {
  const built = spawnSync(path.join(ROOT, 'node_modules', 'esbuild', 'bin', 'esbuild'), [
    path.join(ROOT, 'tests', 'io', 'crash-child.ts'), '--bundle', '--platform=node', '--format=esm', `--outfile=${CHILD}`, '--log-level=warning',
    // A package's ES module build before its "main" (jsonc-parser's "main" is a UMD build whose require() calls a
    // bundler cannot follow).
    '--main-fields=module,main',
    // One self-contained file starts in a third of the time of the module graph (the kills need many starts).
    "--banner:js=import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  ]);
  if (built.status !== 0) throw new Error(`bundling the crash child failed: ${built.stderr}`);
  work = await tempDir('parallax-crash-');
  // Generation A: two of the four feeds at an earlier clock. Generation B: all four, later (changes, adds, deletes).
  feedsA = path.join(work, 'feeds-a');
  await mkdir(feedsA);
  for (const f of ['csmonitor-all.rss.xml', 'wsj-world-STALE-2025-01.rss.xml']) await cp(path.join(SMALL, f), path.join(feedsA, f));
  genA = path.join(work, 'gen-a');
  await runFolder(feedsA, genA, NOW_A);
  digestA = await treeDigest(genA);
  const reference = path.join(work, 'reference');
  await cp(genA, reference, { recursive: true });
  const ref = await runChild(reference, null);
  digestB = await treeDigest(reference);
  writeMs = ref.txnSeenAt !== null && ref.txnGoneAt !== null ? ref.txnGoneAt - ref.txnSeenAt : 50;
  applyMs = ref.commitAt !== null && ref.txnGoneAt !== null ? ref.txnGoneAt - ref.commitAt : 5;
  // The in-process run writes the same tree as the child.
  const inProcess = path.join(work, 'in-process');
  await cp(genA, inProcess, { recursive: true });
  await runFolder(SMALL, inProcess, NOW_B);
  expect(await treeDigest(inProcess)).toEqual(digestB);
}, 120_000);

describe('crash safety of the write phase', () => {
  it('differs between generations (the write phase has work to interrupt)', () => {
    expect(digestB).not.toEqual(digestA);
    const changed = Object.keys({ ...digestA, ...digestB }).filter((k) => digestA[k] !== digestB[k]);
    expect(changed.length).toBeGreaterThan(20);
  });

  it(`survives ${KILLS} SIGKILLs at random moments: files valid, tree old-or-new after recovery, next run completes`, async () => {
    const seed = Number(process.env.PARALLAX_CRASH_SEED ?? Date.now() % 1_000_000);
    const random = prng(seed);
    const outcomes: Record<string, number> = {};
    const failures: string[] = [];
    for (let round = 0; round < KILLS / PARALLEL; round++) {
      await Promise.all(
        Array.from({ length: PARALLEL }, async (_, k) => {
          const i = round * PARALLEL + k;
          const dir = path.join(work, `kill-${i}`);
          await cp(genA, dir, { recursive: true });
          // Two kills in three anywhere in the write phase, one in three after the commit point (while applying).
          const phase = i % 3 === 2 ? 'apply' : 'stage';
          const delay = Math.floor(random() * Math.max(phase === 'apply' ? applyMs : writeMs, 2) * 1.1);
          const { killed } = await runChild(dir, delay, phase);
          const bad = await invalidFiles(dir);
          if (bad.length) failures.push(`kill ${i} (seed ${seed}, +${delay} ms): ${bad.join('; ')}`);
          const recovered = await openContentQuiet(dir);
          const digest = withoutTxn(await treeDigest(dir));
          const generation = sameTree(digest, digestA) ? 'old' : sameTree(digest, digestB) ? 'new' : 'mixed';
          if (generation === 'mixed') failures.push(`kill ${i} (seed ${seed}, +${delay} ms): a mix of generations after recovery`);
          const key = `${killed ? 'killed' : 'finished'}/${recovered}/${generation}`;
          outcomes[key] = (outcomes[key] ?? 0) + 1;
          // The next run completes the tree (checked on every fifth directory: the rest follow from the digests).
          if (i % 5 === 0) {
            await runFolder(SMALL, dir, NOW_B);
            if (!sameTree(await treeDigest(dir), digestB)) failures.push(`kill ${i} (seed ${seed}, +${delay} ms): the next run did not complete the tree`);
          }
          await rm(dir, { recursive: true, force: true });
        }),
      );
    }
    console.log(`crash test (seed ${seed}, write phase ≈ ${writeMs.toFixed(0)} ms, apply ≈ ${applyMs.toFixed(0)} ms):`, outcomes);
    expect(failures).toEqual([]);
    const interrupted = Object.entries(outcomes).filter(([k]) => k.startsWith('killed/rolled')).reduce((s, [, n]) => s + n, 0);
    expect(interrupted).toBeGreaterThanOrEqual(KILLS / 2);
  }, 240_000);
});

function sameTree(a: Record<string, string>, b: Record<string, string>): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}

async function openContentQuiet(dir: string): Promise<string> {
  let what = 'clean';
  await openContent(dir, (m) => (what = m.includes('completed') ? 'rolled_forward' : m.includes('discarded') ? 'rolled_back' : what));
  return what;
}
