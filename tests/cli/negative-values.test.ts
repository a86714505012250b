/**
 * A numeric option given a negative number (`--jobs -1`) gets the option's own message and exit 2, as `--jobs=-1` and
 * `--jobs abc` do (node's parseArgs had refused it as "ambiguous", a message about dashes). Run as a user would.
 */
import { describe, expect, it } from 'vitest';
import { parseCliArgs, UsageError } from '../../src/cli/ingest-options';
import { runCli } from '../helpers';


const cli = (args: string[]) => runCli(args);

const NOW = '--now: not an ISO-8601 date-time with a zone, e.g. 2026-02-18T03:12:00Z or 2026-02-18T04:12:00+01:00';

describe('a negative number as an option value', () => {
  // Each is refused before anything is read or written.
  it.each([
    [['build', '--jobs', '-1'], '--jobs must be a whole number ≥ 1 (got "-1")'],
    [['build', '--jobs=-1'], '--jobs must be a whole number ≥ 1 (got "-1")'],
    [['build', '--no-ingest', '--jobs', '-0.5'], '--jobs must be a whole number ≥ 1 (got "-0.5")'],
    [['sources', 'check', '--limit', '-1'], '--limit must be a whole number (got "-1")'],
    // With --json a bad --limit had been ignored (exit 0).
    [['sources', 'check', '--json', '--limit', '-1'], '--limit must be a whole number (got "-1")'],
    [['start', '--port', '-1'], '--port must be a whole number from 1 to 65535 (got "-1")'],
    [['ingest', '--now', '-1'], `${NOW} (got "-1")`],
    [['eval', '--data', 'x.jsonl', '--threshold', '-0.3'], '--threshold -0.3: not a decimal number ≥ 0'],
  ])('parallax %j', async (args, message) => {
    const { code, out, err } = await cli(args);
    expect(err).toBe(`parallax: ${message}\n`);
    expect(code).toBe(2);
    expect(out).toBe('');
  });
});

describe('parseCliArgs', () => {
  const options = { jobs: { type: 'string' }, json: { type: 'boolean' } } as const;
  it('reads a negative number after a string option as its value', () => {
    expect(parseCliArgs({ args: ['--jobs', '-1', '--json'], options }).values).toEqual({ jobs: '-1', json: true });
    expect(parseCliArgs({ args: ['--jobs', '-.5'], options }).values).toEqual({ jobs: '-.5' });
    expect(parseCliArgs({ args: ['--jobs=-2'], options }).values).toEqual({ jobs: '-2' });
  });
  it('leaves other dashes to parseArgs, and what follows --', () => {
    // A missing value before another option stays an error, not the option's value.
    expect(() => parseCliArgs({ args: ['--jobs', '--json'], options })).toThrow(/argument is ambiguous/);
    expect(() => parseCliArgs({ args: ['--jobs', '-x'], options })).toThrow(/argument is ambiguous/);
    expect(() => parseCliArgs({ args: ['--json', '-1'], options })).toThrow(/Unknown option '-1'/);
    expect(parseCliArgs({ args: ['--', '--jobs', '-1'], options, allowPositionals: true }).positionals).toEqual(['--jobs', '-1']);
  });
  it('names an unknown option in one wording for every command, with the option probably meant', () => {
    // With positionals allowed, parseArgs had added advice about '--' with an unbalanced quote.
    expect(() => parseCliArgs({ args: ['f.xml', '--jsn'], options, allowPositionals: true })).toThrow(new UsageError("Unknown option '--jsn'; did you mean --json?"));
    expect(() => parseCliArgs({ args: ['--jobz=2'], options })).toThrow(new UsageError("Unknown option '--jobz'; did you mean --jobs?"));
    expect(() => parseCliArgs({ args: ['--colour'], options })).toThrow(new UsageError("Unknown option '--colour'"));
  });
});
