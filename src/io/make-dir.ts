/**
 * `mkdir -p` that cannot hang. Node's `mkdir(path, { recursive: true })` spins forever when a parent exists but
 * cannot hold children and the kernel answers ENOENT for the child: a path under /proc, or below a dangling symlink
 * (its loop reads ENOENT as "parent missing", "creates" the parent, gets EEXIST and tries again; reported in
 * Kewton/CommandMate#1774, fixed the same way in oven-sh/bun#40600). Here each missing level is made in turn from the
 * nearest existing ancestor, and the first real error is thrown.
 */
import { mkdirSync, statSync } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';

const codeOf = (error: unknown): string | undefined => (error as NodeJS.ErrnoException)?.code;

/**
 * Makes directory `dir` and any missing parents. Returns at once when it is a directory already (one stat).
 * Throws the system error (ENOENT, EACCES, EROFS…) of the first level that cannot be made, or an ENOTDIR error when
 * a level exists but is not a directory (a file, or a symlink to nothing).
 */
export async function makeDir(dir: string): Promise<void> {
  const target = path.resolve(dir);
  try {
    if ((await stat(target)).isDirectory()) return;
    throw Object.assign(new Error(`ENOTDIR: ${target} exists and is not a directory`), { code: 'ENOTDIR', path: target });
  } catch (error) {
    if (codeOf(error) !== 'ENOENT') throw error;
  }
  const parent = path.dirname(target);
  if (parent !== target) await makeDir(parent);
  try {
    await mkdir(target);
  } catch (error) {
    if (codeOf(error) !== 'EEXIST') throw error;
    const s = await stat(target).catch(() => null);
    if (!s?.isDirectory()) throw Object.assign(new Error(`ENOTDIR: ${target} exists and is not a directory (a symlink to nothing?)`), { code: 'ENOTDIR', path: target });
  }
}

/** makeDir, synchronous (for the build's synchronous copy loops). */
export function makeDirSync(dir: string): void {
  const target = path.resolve(dir);
  try {
    if (statSync(target).isDirectory()) return;
    throw Object.assign(new Error(`ENOTDIR: ${target} exists and is not a directory`), { code: 'ENOTDIR', path: target });
  } catch (error) {
    if (codeOf(error) !== 'ENOENT') throw error;
  }
  const parent = path.dirname(target);
  if (parent !== target) makeDirSync(parent);
  try {
    mkdirSync(target);
  } catch (error) {
    if (codeOf(error) !== 'EEXIST') throw error;
    if (!statSync(target, { throwIfNoEntry: false })?.isDirectory()) throw Object.assign(new Error(`ENOTDIR: ${target} exists and is not a directory (a symlink to nothing?)`), { code: 'ENOTDIR', path: target });
  }
}
