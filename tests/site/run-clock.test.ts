import { describe, expect, it } from 'vitest';
import { parseRunNow, readRunNow, resolveNow } from '../../src/site/run-clock';
import { FIXTURE_DIR } from './load-fixture';

describe('parseRunNow', () => {
  it.each([
    ['{"now": "2026-02-18T02:10:00Z", "stories": 5}', '2026-02-18T02:10:00Z'],
    ['{"now": "2026-02-18T02:10:00.123Z"}', '2026-02-18T02:10:00.123Z'],
    ['{"now": "yesterday"}', undefined],
    ['{"now": 1771380600}', undefined],
    ['[]', undefined],
    ['not json', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%j → %j', (text, expected) => {
    expect(parseRunNow(text)).toBe(expected);
  });
});

describe('resolveNow', () => {
  it('prefers run.json, then the latest lastUpdated, then the epoch', () => {
    expect(resolveNow('2026-02-18T02:10:00Z', ['2026-02-19T00:00:00Z'])).toBe('2026-02-18T02:10:00Z');
    expect(resolveNow(undefined, ['2026-02-17T10:10:00Z', '2026-02-18T01:05:00Z', '2026-02-17T16:30:00Z'])).toBe(
      '2026-02-18T01:05:00Z',
    );
    expect(resolveNow(undefined, [])).toBe('1970-01-01T00:00:00Z');
  });
});

describe('readRunNow', () => {
  it('reads the fixture run.json; absent is undefined', () => {
    expect(readRunNow(FIXTURE_DIR)).toBe('2026-02-18T02:10:00Z');
    expect(readRunNow('/nonexistent-parallax-dir')).toBeUndefined();
  });
});
