/**
 * The exit code of a command-line run, set from its promise, with a guard for the promise that never settles: Node
 * exits once nothing is left to wait on (no socket, timer or file operation), even with a promise pending, and then
 * exits 0. A run that ends so did not finish, so it exits EXIT_STALLED with a message on stderr, never 0 (an operator
 * trial's `ingest --live` had ended silently, exit code 0, nothing written, behind a body read Node's fetch left
 * waiting; a scheduled job looked green).
 */

/** EX_SOFTWARE (sysexits.h, "an internal software error has been detected"). */
export const EXIT_STALLED = 70;

/**
 * `ingest` read feeds and every one of them failed: the run still wrote its content (the window moved on: stories
 * archived, articles pruned), but a scheduled job should not go on to publish as if all were well (an operator
 * trial's total outage, every feed failing, had exited 0 and been committed and deployed).
 */
export const EXIT_ALL_FEEDS_FAILED = 3;

/**
 * Sets process.exitCode to what `run` resolves to, or to what `onError` returns for its rejection; when Node is
 * about to exit with `run` still pending, writes one line to stderr and sets EXIT_STALLED.
 */
export function exitWith(run: Promise<number>, onError: (error: unknown) => number): void {
  let settled = false;
  const stalled = (): void => {
    if (settled) return;
    settled = true;
    process.stderr.write('parallax: internal error: the command stopped before it finished (an operation was left waiting with nothing to end it); nothing more was done\n');
    process.exitCode = EXIT_STALLED;
  };
  process.once('beforeExit', stalled);
  run.then(
    (code) => {
      settled = true;
      process.exitCode = code;
    },
    (error: unknown) => {
      settled = true;
      process.exitCode = onError(error);
    },
  );
}
