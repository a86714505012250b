import { describe, expect, it } from 'vitest';
import { articleTime, formatAgo, formatUtc, formatUtcDate } from '../../src/site/format';

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

describe('formatAgo (relative to the run clock)', () => {
  it.each([
    ['2026-02-18T02:09:30Z', 'just now'],
    ['2026-02-18T02:30:00Z', 'just now'],
    ['2026-02-18T01:05:00Z', '1 h ago'],
    ['2026-02-18T01:50:00Z', '20 min ago'],
    ['2026-02-17T10:10:00Z', '16 h ago'],
    ['2026-02-17T01:10:00Z', '1 day ago'],
    ['2026-02-14T02:10:00Z', '4 days ago'],
    ['2026-01-30T12:00:00Z', '30 Jan 2026'],
  ])('%s → %s', (iso, expected) => {
    expect(formatAgo(iso, NOW)).toBe(expected);
  });
  it('falls back to the absolute time when the clock is unusable', () => {
    expect(formatAgo('2026-02-17T10:10:00Z', 'nope')).toBe('17 Feb 2026, 10:10 UTC');
  });
});

describe('articleTime', () => {
  it('prefers published, else firstSeen', () => {
    expect(articleTime({ published: '2026-02-17T08:05:00Z', firstSeen: '2026-02-17T09:00:00Z' })).toBe('2026-02-17T08:05:00Z');
    expect(articleTime({ published: null, firstSeen: '2026-02-17T15:00:00Z' })).toBe('2026-02-17T15:00:00Z');
  });
});
