/**
 * Crash safety for the content directory as a whole: one run's writes are one transaction (a redo journal).
 *
 *   1. stage: every new file's bytes go to <content>/.txn/data/<n>, each flushed to disk;
 *   2. commit: the list of operations (puts: staged file → path; deletes) is written to .txn/COMMIT.tmp, flushed,
 *      and renamed to .txn/COMMIT — that rename is the commit point;
 *   3. apply: each staged file is renamed over its target, deleted paths are removed, and a folder below the top
 *      level that a delete left empty goes too (an article day whose shards were all pruned, an emptied archive month);
 *   4. done: COMMIT is removed, then .txn.
 *
 * A run killed before the commit point leaves the previous content untouched (the next run throws the stage away);
 * killed after it, the next run — or `recoverContent` from any command — re-applies the journal, which is
 * idempotent (a staged file already moved is skipped). Each file is always whole: it is either its old or its new
 * version, and after recovery the tree is exactly the old or exactly the new generation.
 */
import { open, readFile, rename, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { makeDir } from './make-dir';
import { writeError } from './write-atomic';

export const TXN_DIR = '.txn';

export interface WritePlan {
  /** Files to create or replace, by path relative to the content directory. */
  puts: Array<{ rel: string; data: string }>;
  /** Files to remove (relative paths). */
  deletes: string[];
}

interface Commit {
  puts: Array<{ rel: string; staged: string }>;
  deletes: string[];
}

/** Test hook: called between steps with the step's name (the crash test kills the process around these). */
export type JournalProbe = (step: 'staged' | 'committed' | 'applied') => void;

/**
 * fsync is what makes the journal survive a power loss; a killed process loses nothing the kernel already has, so
 * the crash test (which kills processes, hundreds of fsyncs per run on a slow CI disk) may turn it off with
 * PARALLAX_FSYNC=0. Never set it in production.
 */
const FSYNC = process.env.PARALLAX_FSYNC !== '0';

async function writeSynced(file: string, data: string): Promise<void> {
  const h = await open(file, 'w');
  try {
    await h.writeFile(data, 'utf8');
    if (FSYNC) await h.sync();
  } finally {
    await h.close();
  }
}

async function syncDir(dir: string): Promise<void> {
  if (!FSYNC) return;
  try {
    const h = await open(dir, 'r');
    try {
      await h.sync();
    } finally {
      await h.close();
    }
  } catch {
    // Some file systems do not support fsync on a directory; the rename order still holds.
  }
}

/** A relative path that stays inside the content directory (never absolute, never `..`). */
function safeRel(rel: string): string {
  const n = path.normalize(rel);
  if (path.isAbsolute(n) || n.startsWith('..') || n.split(path.sep)[0] === TXN_DIR) throw new Error(`journal: refusing path ${rel}`);
  return n;
}

async function apply(dir: string, commit: Commit): Promise<void> {
  const txn = path.join(dir, TXN_DIR);
  const made = new Set<string>();
  for (const p of commit.puts) {
    const target = path.join(dir, safeRel(p.rel));
    const parent = path.dirname(target);
    if (!made.has(parent)) {
      await makeDir(parent);
      made.add(parent);
    }
    try {
      await rename(path.join(txn, 'data', path.basename(p.staged)), target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error; // already applied by an earlier attempt
    }
  }
  for (const rel of commit.deletes) await rm(path.join(dir, safeRel(rel)), { force: true });
  // Best effort, in the apply step so that a recovered journal leaves no empty folder either: rmdir refuses a folder
  // that still holds files; top-level folders (stories/, articles/, archive/) stay.
  for (const parent of new Set(commit.deletes.map((rel) => path.dirname(safeRel(rel))))) {
    if (parent.includes(path.sep)) await rmdir(path.join(dir, parent)).catch(() => undefined);
  }
  for (const parent of made) await syncDir(parent);
  await rm(path.join(txn, 'COMMIT'), { force: true });
  await rm(txn, { recursive: true, force: true });
}

/**
 * Finishes or discards an interrupted transaction. Returns what it did. Call before reading the content directory.
 */
export async function recoverContent(dir: string): Promise<'clean' | 'rolled_forward' | 'rolled_back'> {
  const txn = path.join(dir, TXN_DIR);
  let text: string;
  try {
    text = await readFile(path.join(txn, 'COMMIT'), 'utf8');
  } catch {
    try {
      await readFile(txn); // EISDIR when the directory exists, ENOENT when not
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'clean';
    }
    await rm(txn, { recursive: true, force: true });
    return 'rolled_back';
  }
  await apply(dir, JSON.parse(text) as Commit);
  return 'rolled_forward';
}

/**
 * Writes a plan as one transaction (see the file comment). An empty plan writes nothing. A write that fails before
 * the commit point (a full disk: ENOSPC) throws an error naming the file it was for, "cannot write <content>/<rel>
 * (staged as <content>/.txn/data/<n>): …" (writeError), after removing the stage: the content is as it was and no
 * .txn folder is left to fill the disk or be committed.
 */
export async function commitPlan(dir: string, plan: WritePlan, probe?: JournalProbe): Promise<void> {
  if (!plan.puts.length && !plan.deletes.length) return;
  const txn = path.join(dir, TXN_DIR);
  // A committed journal left by a killed run is finished first, never overwritten; an uncommitted one is discarded.
  await recoverContent(dir);
  await makeDir(path.join(txn, 'data'));
  const commit: Commit = { puts: [], deletes: plan.deletes.map(safeRel) };
  // Before the commit point a failed write discards the stage (the previous content stands).
  const beforeCommit = async (file: string, detail: string | undefined, step: () => Promise<void>): Promise<void> => {
    try {
      await step();
    } catch (error) {
      await rm(txn, { recursive: true, force: true }).catch(() => undefined);
      throw writeError(error, file, detail);
    }
  };
  let n = 0;
  for (const p of plan.puts) {
    const staged = String(n++);
    const rel = safeRel(p.rel);
    const stagedPath = path.join(txn, 'data', staged);
    await beforeCommit(path.join(dir, rel), `staged as ${stagedPath}`, () => writeSynced(stagedPath, p.data));
    commit.puts.push({ rel, staged });
  }
  await syncDir(path.join(txn, 'data'));
  probe?.('staged');
  await beforeCommit(path.join(txn, 'COMMIT'), 'the commit record', async () => {
    await writeSynced(path.join(txn, 'COMMIT.tmp'), JSON.stringify(commit));
    await rename(path.join(txn, 'COMMIT.tmp'), path.join(txn, 'COMMIT'));
  });
  await syncDir(txn);
  probe?.('committed');
  await apply(dir, commit);
  probe?.('applied');
}
