/** The ingest flags as the commands read them. */
import { describe, expect, it } from 'vitest';
import { buildJobs } from '../../src/cli/build';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ingestSettings, requireFolder, ROOT, UsageError } from '../../src/cli/ingest-options';

describe('--now', () => {
  it('takes an RFC 3339 date-time with Z or an offset, to the millisecond', () => {
    expect(ingestSettings({ now: '2026-02-18T03:12:00Z' }).now!.toISOString()).toBe('2026-02-18T03:12:00.000Z');
    expect(ingestSettings({ now: '2026-02-18T04:12:00+01:00' }).now!.toISOString()).toBe('2026-02-18T03:12:00.000Z');
    expect(ingestSettings({ now: '2026-02-18T03:12Z' }).now!.toISOString()).toBe('2026-02-18T03:12:00.000Z');
    expect(ingestSettings({ now: '2024-02-29T00:00:00.250Z' }).now!.toISOString()).toBe('2024-02-29T00:00:00.250Z');
    // RFC 3339 §5.6: "t" and "z" may be lower case (an operator trial's had been refused).
    expect(ingestSettings({ now: '2023-11-13t23:00:00z' }).now!.toISOString()).toBe('2023-11-13T23:00:00.000Z');
    expect(ingestSettings({ now: '2023-11-13t23:00:00+01:00' }).now!.toISOString()).toBe('2023-11-13T22:00:00.000Z');
  });
  // Written as a date-time but not one that exists: said so (an operator trial's "2026-02-30T04:00:00Z" had been "not
  // an ISO-8601 date-time with a zone", which it is in form).
  const NO_SUCH = 'no such date, time or offset (a month has its own days, hours run 00–23, minutes and seconds 00–59, offsets up to ±23:59)';
  const NOT_ISO = 'not an ISO-8601 date-time with a zone';
  it.each([
    ['2026-02-30T00:00:00Z', 'a day February does not have (was read as 2 March)', NO_SUCH],
    ['1', 'a bare number (was read as 2001)', NOT_ISO],
    ['Feb 18 2026', 'not ISO-8601', NOT_ISO],
    ['2026-02-18T03:12', 'no zone (was read in the host machine\'s zone)', NOT_ISO],
    ['2026-02-18T25:00:00Z', 'hour 25', NO_SUCH],
    ['2026-02-18T03:12:00+25:00', 'an offset past ±24 h (was a crash: "Invalid time value")', NO_SUCH],
    ['', 'empty (was ignored, the default clock used)', NOT_ISO],
  ])('refuses %s: %s', (now, _, what) => {
    expect(() => ingestSettings({ now })).toThrow(UsageError);
    expect(() => ingestSettings({ now })).toThrow(`--now: ${what}, e.g. 2026-02-18T03:12:00Z or 2026-02-18T04:12:00+01:00 (got "${now}")`);
  });
});

describe('build --no-ingest', () => {
  it('refuses the options of a run that reads feeds, which it would ignore (an operator trial\'s --live)', () => {
    expect(() => ingestSettings({ live: true, content: 'c' }, { ingesting: false })).toThrow('--live: --no-ingest builds the content directory as it is and reads no feed; leave it out, or drop --no-ingest');
    expect(() => ingestSettings({ feeds: 'f', now: '2026-02-18T03:12:00Z', content: 'c' }, { ingesting: false })).toThrow('--feeds, --now: --no-ingest builds');
    expect(ingestSettings({ live: false, content: 'c', json: true }, { ingesting: false }).contentDir).toBe(path.resolve('c'));
  });
});

describe('--live and --feeds', () => {
  it('are not taken together (--feeds was silently ignored)', () => {
    expect(() => ingestSettings({ live: true, feeds: 'feeds' })).toThrow(/--live fetches the registry's feed URLs and --feeds reads a folder of feed files: give one of them/);
  });
});

describe('the demo', () => {
  it('reads the snapshot with its own registry into .demo/content, never content/sources.json (an operator\'s own registry had turned the demo\'s 27 outlets into unrated discovered sources)', () => {
    const s = ingestSettings({});
    expect(path.relative(ROOT, s.registryPath)).toBe(path.join('fixtures', 'snapshot-2026-02-18', 'sources.json'));
    expect(path.relative(ROOT, s.feedsDir!)).toBe(path.join('fixtures', 'snapshot-2026-02-18', 'feeds'));
    expect(path.relative(ROOT, s.contentDir)).toBe(path.join('.demo', 'content'));
  });
  it('is refused into a --content directory without --live or --feeds (a forgotten --live had filled an instance\'s content with the snapshot)', () => {
    expect(() => ingestSettings({ content: 'mine' })).toThrow(UsageError);
    expect(() => ingestSettings({ content: 'mine' })).toThrow(
      '--content mine: without --live or --feeds a run reads the bundled demo snapshot, which goes only to .demo/content. To fill this content directory give --live (fetch the registry\'s feeds) or --feeds DIR (a folder of feed files; the snapshot is fixtures/snapshot-2026-02-18/feeds)',
    );
    expect(ingestSettings({ content: 'mine', live: true }).contentDir).toBe(path.resolve('mine'));
    // A build of existing content ingests nothing, so --content alone is its whole point.
    expect(ingestSettings({ content: 'mine' }, { ingesting: false }).contentDir).toBe(path.resolve('mine'));
  });
});

describe('--jobs', () => {
  it('takes only a plain whole number (1e1 and 0x2 were taken as 10 and 2)', () => {
    expect(buildJobs('3', {}, 2, 8 * 1024 ** 3)).toBe(3);
    for (const bad of ['1e1', '0x2', '2.0', ' ', '-1', '']) expect(() => buildJobs(bad, {})).toThrow(`--jobs must be a whole number ≥ 1 (got "${bad}")`);
    expect(() => buildJobs(undefined, { PARALLAX_BUILD_JOBS: 'abc' })).toThrow('PARALLAX_BUILD_JOBS must be a whole number ≥ 1 (got "abc")');
    expect(buildJobs(undefined, { PARALLAX_BUILD_JOBS: '' }, 2, 8 * 1024 ** 3)).toBe(2); // empty: unset
  });
});

describe('folder options (--feeds, --merge)', () => {
  // They had been Node's raw "ENOTDIR: not a directory, scandir" / "ENOENT: no such file or directory, scandir".
  const dir = mkdtempSync(path.join(tmpdir(), 'parallax-folder-'));
  const file = path.join(dir, 'subs.opml');
  writeFileSync(file, '<opml/>');
  it.each([
    [() => ingestSettings({ feeds: file }), `--feeds: ${file} is a file, not a folder (--feeds takes a folder of feed files)`],
    [() => ingestSettings({ feeds: path.join(dir, 'none') }), `--feeds: no folder at ${dir}/none`],
    [() => requireFolder('--merge', file, 'shards saved by --fetch-only'), `--merge: ${file} is a file, not a folder (--merge takes a folder of shards saved by --fetch-only)`],
    [() => requireFolder('--merge', '/nonexistent-parallax', 'shards saved by --fetch-only'), '--merge: no folder at /nonexistent-parallax'],
  ])('%#: one line naming the option and the path', (call, message) => {
    expect(call).toThrow(UsageError);
    expect(call).toThrow(message);
  });
  it('takes a folder', () => expect(ingestSettings({ feeds: dir }).feedsDir).toBe(dir));
});
