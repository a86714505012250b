import { describe, expect, it } from 'vitest';
import { articleTime, formatUtc, formatUtcDate } from '../../src/site/format';

const NOW = '2026-02-18T02:10:00Z';

describe('formatUtc', () => {
  it.each([
    ['2026-02-18T02:10:00Z', '18 Feb 2026, 02:10 UTC'],
    ['2026-02-17T23:05:00Z', '17 Feb 2026, 23:05 UTC'],
    ['2025-12-31T00:00:00Z', '31 Dec 2025, 00:00 UTC'],
    [null, 'Unknown time'],
    ['not a date', 'Unknown time'],
  ])('%j → %j', (iso, expected) => {
    expect(formatUtc(iso)).toBe(expected);
  });
});

describe('formatUtcDate', () => {
  it.each([
    ['2025-11-03', '3 Nov 2025'],
    ['2026-02-18T02:10:00Z', '18 Feb 2026'],
    ['someday', 'someday'],
  ])('%j → %j', (iso, expected) => {
    expect(formatUtcDate(iso)).toBe(expected);
  });
});


describe('articleTime', () => {
  it('prefers published, else firstSeen', () => {
    expect(articleTime({ published: '2026-02-17T08:05:00Z', firstSeen: '2026-02-17T09:00:00Z' })).toBe('2026-02-17T08:05:00Z');
    expect(articleTime({ published: null, firstSeen: '2026-02-17T15:00:00Z' })).toBe('2026-02-17T15:00:00Z');
  });
});
