/**
 * A command run by npm (`npm start`, `npm run build`) ends when npm does. npm runs a script as `sh -c "<script>"`, so
 * the command is npm's grandchild, and a `kill -9` of npm (which cannot pass the signal on) had left it running under
 * that shell: a build still writing, a server still holding its port (an operator trial's). Linux only (/proc).
 */
import { readFileSync } from 'node:fs';

/** The parent pid of `pid` (field 4 of /proc/<pid>/stat, proc(5)), or null when it is gone or there is no /proc. */
export function parentOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces or ")": read after its last ")".
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

/**
 * When this process was started by an npm script (`npm_lifecycle_event` is set), watches npm every `everyMs` (ms, on a
 * timer that keeps nothing alive) and, once npm is gone, sends this process SIGTERM, so it stops as a supervisor's
 * SIGTERM stops it (a build stops its Astro child first). npm is the shell's parent when the command's parent is a
 * shell running the script (its parent pid changes when npm dies: POSIX reparents an orphan), else the command's own
 * parent. A command whose shell ends first (one the script started in the background) is left running. Does nothing
 * without /proc or outside npm.
 */
export function endWithNpm(env: NodeJS.ProcessEnv = process.env, everyMs = 1000): void {
  if (!env.npm_lifecycle_event) return;
  const parent = process.ppid;
  let shell = false;
  try {
    shell = /^(?:ba|da)?sh$/.test(readFileSync(`/proc/${parent}/comm`, 'utf8').trim());
  } catch {
    return;
  }
  const npm = shell ? parentOf(parent) : parent;
  if (npm === null) return;
  const timer = setInterval(() => {
    // npm ends after the script's shell does: a shell gone first ended as scripts do (a `nohup … &` line left this
    // command running on purpose: a hostile pass's server had been stopped once its script's shell exited), so the
    // watch ends there. npm gone while the shell still runs is npm killed.
    if (shell && process.ppid !== parent) return void clearInterval(timer);
    if (shell ? parentOf(parent) !== npm : process.ppid !== npm) process.kill(process.pid, 'SIGTERM');
  }, everyMs);
  timer.unref();
}
