/**
 * One run at a time per content directory. Two runs writing one directory would interleave their journals
 * (src/io/journal.ts) and lose each other's stories, so every run holds a lock for its whole length:
 *
 *   <content>.lock               the lock: a directory made atomically by proper-lockfile (mkdir), its mtime
 *                                refreshed every RUN_LOCK_STALE_MS / 2 while the run lives
 *   <content>.lock-holder.json   who holds it: { pid, host, since, command }, for the error message
 *
 *   <content>.lock-holder.json.<pid>-<n>.tmp
 *                                a run's holder record while it has no lock to name it in: written before it takes
 *                                the lock and renamed to the holder file once it has it; the holder file goes back
 *                                to this name while the run lets go of the lock
 *
 * <content> is the folder's real path (symlinks resolved), so every spelling of one folder takes one lock. Both sit
 * beside the content directory, not in it, so they are never committed with the content nor counted in
 * its tree. A second run fails at once with RunLockedError naming the holder. A lock left by a run that died is
 * taken over: at once when its holder is a process that no longer exists on this host, otherwise once its mtime is
 * RUN_LOCK_STALE_MS old (proper-lockfile's stale check). The takeover claims the holder file by renaming it, which
 * only one process can do, so two runs never take over the same dead lock. A lock with no holder file belongs to a
 * run between taking or letting go of the lock and naming itself: it is taken over at once when no such run's
 * record (.tmp) is of a process alive on this host (a run killed in that moment had blocked the next one).
 */
import { readFileSync, rmSync } from 'node:fs';
import { readdir, readFile, realpath, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { RUN_LOCK_STALE_MS } from '../core/config';
import { makeDir } from './make-dir';
import { writeError } from './write-atomic';

/** Who holds a run lock. */
export interface LockHolder {
  pid: number;
  host: string;
  /** When the run took the lock (UTC ISO-8601, real clock). */
  since: string;
  /** The command line of the holding process. */
  command: string;
}

/** Another run holds the lock on this content directory. */
export class RunLockedError extends Error {
  constructor(
    readonly contentDir: string,
    readonly holder: LockHolder | null,
  ) {
    const who = holder ? `pid ${holder.pid} on ${holder.host} since ${holder.since} (${holder.command})` : 'a run that is starting or finishing (holder not recorded)';
    super(`${contentDir} is locked by another Parallax run: ${who}; wait for it to finish (a dead run's lock is taken over after ${RUN_LOCK_STALE_MS / 1000} s)`);
  }
}

export interface LockOptions {
  /** Stale threshold, ms (proper-lockfile's minimum is 2,000). */
  staleMs?: number;
  /** Told, in a line for the run's log, when the lock of a run that died is taken over (a kill had left no word). */
  log?: (message: string) => void;
}

const lockPathOf = (dir: string) => `${dir}.lock`;
/** Lock attempts made by this process, to name each attempt's holder record apart. */
let attempts = 0;
const holderPathOf = (dir: string) => `${dir}.lock-holder.json`;

async function readHolder(file: string): Promise<LockHolder | null> {
  try {
    const h = JSON.parse(await readFile(file, 'utf8')) as LockHolder;
    return typeof h.pid === 'number' && typeof h.host === 'string' ? h : null;
  } catch {
    return null;
  }
}

/** True when `pid` is a live process on this host (signal 0, POSIX kill(2); EPERM: alive, someone else's). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes over the lock of a holder that died on this host; false when another process claimed it first. */
async function takeOverDead(dir: string, holder: LockHolder): Promise<boolean> {
  const claimed = `${holderPathOf(dir)}.taken-${process.pid}`;
  try {
    await rename(holderPathOf(dir), claimed);
  } catch {
    return false;
  }
  const again = await readHolder(claimed);
  if (!again || again.pid !== holder.pid || again.host !== holder.host) {
    // Renamed a newer holder's file: put it back, do not take over.
    await rename(claimed, holderPathOf(dir)).catch(() => undefined);
    return false;
  }
  await rmdir(lockPathOf(dir)).catch(() => undefined);
  await rm(claimed, { force: true });
  return true;
}

/**
 * Whether a run on this host may be between taking (or letting go of) the lock on `dir` and naming itself: a
 * holder record (.tmp, see the header) other than `own` of a live process here, or of another host (not knowable).
 * Removes the records of dead processes on this host.
 */
async function anyRunNaming(dir: string, own: string): Promise<boolean> {
  const prefix = `${path.basename(holderPathOf(dir))}.`;
  const names = (await readdir(path.dirname(dir)).catch(() => [] as string[])).filter((n) => n.startsWith(prefix) && n.endsWith('.tmp'));
  let any = false;
  for (const name of names) {
    const file = path.join(path.dirname(dir), name);
    if (file === own) continue;
    const h = await readHolder(file);
    if (h && h.host === os.hostname() && !processAlive(h.pid)) await rm(file, { force: true });
    else any = true;
  }
  return any;
}

/** Takes the lock; `record` is this run's holder record (.tmp), written before. */
async function acquire(dir: string, record: string, staleMs: number, onCompromised: (e: Error) => void, log: (message: string) => void): Promise<() => Promise<void>> {
  const options = { lockfilePath: lockPathOf(dir), realpath: false, stale: staleMs, update: Math.floor(staleMs / 2), retries: 0, onCompromised };
  try {
    return await lockfile.lock(dir, options);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
    const holder = await readHolder(holderPathOf(dir));
    const deadHolder = holder && holder.host === os.hostname() && holder.pid !== process.pid && !processAlive(holder.pid) && (await takeOverDead(dir, holder));
    // No holder and no run about to name itself: the run that made the lock died before naming itself or while
    // letting go (mkdir succeeds for one taker only, so two runs doing this never both get the lock). The holder is
    // read again after the records: a run that named itself in between (its record renamed to the holder file, so
    // it left the listing) holds the lock.
    const unnamed =
      !holder &&
      !(await anyRunNaming(dir, record)) &&
      !(await readHolder(holderPathOf(dir))) &&
      (await rmdir(lockPathOf(dir)).then(() => true, () => false));
    if (deadHolder || unnamed) {
      try {
        const release = await lockfile.lock(dir, options);
        log(
          deadHolder
            ? `took over the lock on ${dir} from a run that died (pid ${holder.pid}, since ${holder.since}, ${holder.command})`
            : `took over the lock on ${dir} from a run that died before naming itself`,
        );
        return release;
      } catch (again) {
        if ((again as NodeJS.ErrnoException).code !== 'ELOCKED') throw again;
      }
    }
    throw new RunLockedError(dir, holder);
  }
}

/**
 * Runs `fn` holding the run lock of `contentDir` (created if missing, with any missing parents, and removed again
 * when `fn` left it empty). Throws RunLockedError when another run holds it; releases it when `fn` settles. A lock
 * lost mid-run (the process stalled past the stale threshold and another run took over) makes the run fail after
 * `fn` rather than report success.
 */
export async function withRunLock<T>(contentDir: string, fn: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  // The folders makeDir is about to make, deepest first: the content folder and any missing parents.
  const made: string[] = [];
  for (let d = path.resolve(contentDir); !(await stat(d).then(() => true, () => false)) && path.dirname(d) !== d; d = path.dirname(d)) made.push(d);
  await makeDir(contentDir);
  // The lock is the folder's, however its path is spelled: a symlink to it, or a path through one, takes the lock
  // beside the real folder (a hostile pass's ingest through a symlink had written the content under a running build).
  const dir = await realpath(path.resolve(contentDir));
  let compromised: Error | null = null;
  const holder: LockHolder = { pid: process.pid, host: os.hostname(), since: new Date().toISOString(), command: process.argv.slice(1).join(' ') };
  const record = `${holderPathOf(dir)}.${process.pid}-${++attempts}.tmp`;
  await writeFile(record, `${JSON.stringify(holder)}\n`).catch(async (error: unknown) => {
    await rm(record, { force: true });
    throw writeError(error, record, 'the run lock');
  });
  let release: () => Promise<void>;
  try {
    release = await acquire(dir, record, Math.max(options.staleMs ?? RUN_LOCK_STALE_MS, 2_000), (e) => (compromised = e), options.log ?? (() => undefined));
  } catch (error) {
    await rm(record, { force: true });
    throw error;
  }
  await rename(record, holderPathOf(dir));
  // A command that exits from a signal handler (a build's, src/build/freeze.ts) skips the `finally` below: its holder
  // file goes on exit all the same (a hostile pass's SIGINT left three naming a dead pid).
  const onExit = (): void => {
    try {
      if ((JSON.parse(readFileSync(holderPathOf(dir), 'utf8')) as LockHolder).pid === process.pid) rmSync(holderPathOf(dir), { force: true });
    } catch {
      /* gone, or not ours */
    }
  };
  process.once('exit', onExit);
  try {
    const result = await fn();
    if (compromised) throw new Error(`${dir}: the run lock was lost during the run (${String(compromised)}); run again`);
    return result;
  } finally {
    process.off('exit', onExit);
    // The holder file goes back to this run's record while the lock is let go, so a run that finds the lock without a
    // holder in that moment sees a live run naming itself, and one that finds it after a kill there, a dead one.
    if ((await readHolder(holderPathOf(dir)))?.pid === process.pid) await rename(holderPathOf(dir), record).catch(() => undefined);
    // A run refused before it wrote anything (a malformed registry) leaves no empty content folder it made itself,
    // nor the parents it made for it (an operator trial's, a hostile pass's); a folder it wrote into, or found, stays
    // (rmdir takes only an empty one). The content folder goes while the lock is held, so no other run is in it; its
    // parents, which hold the lock's files, once those are gone.
    const removed = made.length > 0 && (await rmdir(made[0]!).then(() => true, () => false));
    await release().catch(() => undefined);
    await rm(record, { force: true });
    if (removed) for (const d of made.slice(1)) if (!(await rmdir(d).then(() => true, () => false))) break;
  }
}
