/**
 * Vitest global setup: every test run gets its own temporary root (TMPDIR, which os.tmpdir() reads, and which the
 * test workers and the child processes they start inherit), removed when the run ends. Tests create their folders
 * with mkdtemp under os.tmpdir() and need not clean up each one; a run leaves nothing behind in the system's /tmp.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(path.join(os.tmpdir(), 'parallax-tests-'));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(root, { recursive: true, force: true });
  };
}
