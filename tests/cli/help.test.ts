/** `parallax COMMAND --help` prints that command's usage and options, not the command list. */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers';

describe('parallax COMMAND --help', () => {
  it.each([
    ['ingest', '--now TIME'],
    ['build', '--no-ingest'],
    ['start', '--port N'],
    ['health', '--problems'],
    ['sources', '--as-of YYYY-MM-DD'],
    ['eval', '--data FILE.jsonl'],
    ['parse', '--url FEED_URL'],
  ])('%s', async (command, option) => {
    const { stdout } = await promisify(execFile)(process.execPath, [path.join(ROOT, 'bin', 'parallax.mjs'), command, '--help']);
    expect(stdout.startsWith(`usage: parallax ${command}`)).toBe(true);
    expect(stdout).toContain(option);
    expect(stdout).not.toContain('commands:');
  });

  it('an unknown subcommand with --help is a usage error, not help (`sources add --help` had exited 0)', async () => {
    const run = promisify(execFile)(process.execPath, [path.join(ROOT, 'bin', 'parallax.mjs'), 'sources', 'add', '--help']);
    await expect(run).rejects.toMatchObject({ code: 2, stdout: '', stderr: 'parallax: sources: unknown subcommand "add": the subcommands are check and import (parallax sources --help)\n' });
    const { stdout } = await promisify(execFile)(process.execPath, [path.join(ROOT, 'bin', 'parallax.mjs'), 'sources', 'import', '--help']);
    expect(stdout.startsWith('usage: parallax sources')).toBe(true);
    // Each option is described (the usage lines alone had been printed).
    expect(stdout).toContain('  --dry-run        report what would change; write nothing\n');
  });

  it('prints the version with --version (it had been an unknown command)', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [path.join(ROOT, 'bin', 'parallax.mjs'), '--version']);
    const { version } = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(stdout).toBe(`parallax ${version}\n`);
  });
});
