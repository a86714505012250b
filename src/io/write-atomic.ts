/**
 * Atomic file writes: the data goes to a temporary file in the same directory, is flushed to disk, then renamed over
 * the target (rename(2) is atomic within one file system, POSIX.1-2017), so a reader or a crash never sees a half
 * written file. A file whose bytes would not change is left alone (its mtime too).
 */
import { randomBytes } from 'node:crypto';
import { open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { makeDir } from './make-dir';

/**
 * `error` (a failed file system call while writing `file`) as an Error whose message names the file: "cannot write
 * <file>[ (<detail>)]: <the call's message>". Node's message for a failed write(2) or fsync(2) names no path
 * ("ENOSPC: no space left on device, write"), so a full disk had stopped a run without saying where. The result keeps
 * the original's `code`, `errno` and `syscall` (the CLI's exit code and any caller's checks read `code`), sets `path`
 * to `file`, and carries the original as `cause`.
 */
export function writeError(error: unknown, file: string, detail?: string): Error {
  const e = error as NodeJS.ErrnoException;
  const message = e instanceof Error ? e.message : String(error);
  return Object.assign(new Error(`cannot write ${file}${detail ? ` (${detail})` : ''}: ${message}`, { cause: error }), {
    code: e?.code,
    errno: e?.errno,
    syscall: e?.syscall,
    path: file,
  });
}

/**
 * Writes `data` (UTF-8 text) to `file` atomically, creating parent directories. Returns false when unchanged. A failed
 * write leaves `file` as it was and no temporary file behind, and throws writeError (the message names `file`).
 */
export async function writeFileAtomic(file: string, data: string): Promise<boolean> {
  const existing = await readFile(file, 'utf8').catch(() => null);
  if (existing === data) return false;
  await makeDir(path.dirname(file));
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await open(tmp, 'w');
    try {
      await handle.writeFile(data, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true });
    throw writeError(error, file);
  }
  return true;
}

/** Stable JSON: 2-space indent and a final newline (key order is the caller's, which sorts where it matters). */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
