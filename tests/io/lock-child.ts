/**
 * The lock test's child process: takes the run lock of CONTENT_DIR, prints "locked", and holds it until killed.
 * Usage: lock-child.ts CONTENT_DIR
 */
import { withRunLock } from '../../src/io/lock';

const [contentDir] = process.argv.slice(2) as [string];
await withRunLock(contentDir, async () => {
  process.stdout.write('locked\n');
  await new Promise(() => setInterval(() => undefined, 60_000)); // a live handle: hold until killed
});
