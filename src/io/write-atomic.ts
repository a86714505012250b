/**
 * Atomic file writes: the data goes to a temporary file in the same directory, is flushed to disk, then renamed over
 * the target (rename(2) is atomic within one file system, POSIX.1-2017), so a reader or a crash never sees a half
 * written file. A file whose bytes would not change is left alone (its mtime too).
 */
import { randomBytes } from 'node:crypto';
import { open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { makeDir } from './make-dir';

/** Writes `data` (UTF-8 text) to `file` atomically, creating parent directories. Returns false when unchanged. */
export async function writeFileAtomic(file: string, data: string): Promise<boolean> {
  const existing = await readFile(file, 'utf8').catch(() => null);
  if (existing === data) return false;
  await makeDir(path.dirname(file));
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(tmp, 'w');
  try {
    await handle.writeFile(data, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
  return true;
}

/** Stable JSON: 2-space indent and a final newline (key order is the caller's, which sorts where it matters). */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
