import { describe, expect, it } from 'vitest';
import { articleTime, articleWhen, articleWhenText, formatUtc, formatUtcDate } from '../../src/site/format';

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

describe('articleWhen', () => {
  it('shows a dated article at its published time, and an undated one as first seen (never as if published then)', () => {
    const dated = { published: '2026-02-17T08:05:00Z', firstSeen: '2026-02-17T09:00:00Z' };
    const undated = { published: null, firstSeen: '2026-11-30T13:52:00Z' };
    expect(articleWhen(dated)).toEqual({ dated: true, prefix: '', text: '17 Feb 2026, 08:05 UTC', datetime: '2026-02-17T08:05:00Z' });
    expect(articleWhen(undated)).toEqual({ dated: false, prefix: 'first seen ', text: '30 Nov 2026, 13:52 UTC', datetime: '2026-11-30T13:52:00Z' });
    expect(articleWhenText(dated)).toBe('17 Feb 2026, 08:05 UTC');
    expect(articleWhenText(undated)).toBe('first seen 30 Nov 2026, 13:52 UTC');
  });
});
