/**
 * The lock test's child process: takes the run lock of CONTENT_DIR, prints "locked", and holds it until killed; with
 * SIGINT, exits from its handler at once (process.exit(130)), as a build's signal handler does.
 * Usage: lock-child.ts CONTENT_DIR
 */
import { withRunLock } from '../../src/io/lock';

const [contentDir] = process.argv.slice(2) as [string];
process.on('SIGINT', () => process.exit(130));
await withRunLock(contentDir, async () => {
  process.stdout.write('locked\n');
  await new Promise(() => setInterval(() => undefined, 60_000)); // a live handle: hold until killed
});
