/** The CLI's exit code guard (src/io/exit-code.ts), in a child Node process as the command line runs it. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { EXIT_STALLED } from '../../src/io/exit-code';
import { ROOT } from '../helpers';

const run = async (promise: string): Promise<{ code: number; err: string }> => {
  const script = `import { register } from 'tsx/esm/api'; register(); const { exitWith } = await import('./src/io/exit-code.ts'); exitWith(${promise}, () => 9);`;
  try {
    const { stderr } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT });
    return { code: 0, err: stderr };
  } catch (error) {
    const e = error as { code: number; stderr: string };
    return { code: e.code, err: e.stderr };
  }
};

describe('exitWith', () => {
  it('exits with what the run resolves to, or what onError gives for its rejection', async () => {
    expect(await run('Promise.resolve(3)')).toEqual({ code: 3, err: '' });
    expect(await run('Promise.resolve(0)')).toEqual({ code: 0, err: '' });
    expect(await run('Promise.reject(new Error("x"))')).toEqual({ code: 9, err: '' });
    // settled after a timer: still its own code
    expect(await run('new Promise((r) => setTimeout(() => r(4), 50))')).toEqual({ code: 4, err: '' });
  });

  it('never exits 0 when the run is left pending with nothing to wait on (it had ended silently, exit code 0)', async () => {
    const r = await run('new Promise(() => {})');
    expect(EXIT_STALLED).toBe(70);
    expect(r.code).toBe(70);
    expect(r.err).toBe('parallax: internal error: the command stopped before it finished (an operation was left waiting with nothing to end it); nothing more was done\n');
  });
});
