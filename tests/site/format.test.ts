import { describe, expect, it } from 'vitest';
import { articleTime, articleWhen, articleWhenText, formatDate, formatDateTime, zoneOffsetMs } from '../../src/site/format';

describe('formatDateTime', () => {
  it.each([
    ['2026-02-18T02:10:00Z', '18 Feb 2026, 02:10 UTC'],
    ['2026-02-17T23:05:00Z', '17 Feb 2026, 23:05 UTC'],
    ['2025-12-31T00:00:00Z', '31 Dec 2025, 00:00 UTC'],
    [null, 'Unknown time'],
    ['not a date', 'Unknown time'],
  ])('%j → %j', (iso, expected) => {
    expect(formatDateTime(iso)).toBe(expected);
  });

  // PARALLAX_TIME_ZONE: the zone's wall clock and its short name in English (CLDR): an abbreviation where English
  // has one (US zones), else the offset; summer time shows as such. The week of 25 Oct 2026 is when Europe leaves
  // summer time (01:00 UTC) and New York does not yet (1 Nov).
  it.each([
    ['2026-10-25T00:30:00Z', 'Europe/Warsaw', '25 Oct 2026, 02:30 GMT+2'],
    ['2026-10-25T01:30:00Z', 'Europe/Warsaw', '25 Oct 2026, 02:30 GMT+1'],
    ['2026-10-24T22:10:00Z', 'Europe/Warsaw', '25 Oct 2026, 00:10 GMT+2'],
    ['2026-02-18T02:10:00Z', 'America/New_York', '17 Feb 2026, 21:10 EST'],
    ['2026-10-25T00:30:00Z', 'America/New_York', '24 Oct 2026, 20:30 EDT'],
    ['2026-02-18T02:10:00Z', 'Asia/Kolkata', '18 Feb 2026, 07:40 GMT+5:30'],
    ['2026-02-18T02:10:00Z', 'Asia/Tokyo', '18 Feb 2026, 11:10 GMT+9'],
    ['2025-12-31T23:59:00Z', 'Pacific/Kiritimati', '1 Jan 2026, 13:59 GMT+14'],
    ['2026-02-18T02:10:00Z', 'UTC', '18 Feb 2026, 02:10 UTC'],
  ])('%s in %s → %j', (iso, zone, expected) => {
    expect(formatDateTime(iso, zone)).toBe(expected);
  });

  it('reads PARALLAX_TIME_ZONE, never the host time zone (TZ)', () => {
    const saved = { zone: process.env.PARALLAX_TIME_ZONE, tz: process.env.TZ };
    try {
      process.env.TZ = 'America/Los_Angeles';
      delete process.env.PARALLAX_TIME_ZONE;
      expect(formatDateTime('2026-02-18T02:10:00Z')).toBe('18 Feb 2026, 02:10 UTC');
      process.env.PARALLAX_TIME_ZONE = 'europe/warsaw';
      expect(formatDateTime('2026-02-18T02:10:00Z')).toBe('18 Feb 2026, 03:10 GMT+1');
      expect(formatDate('2026-02-17T23:30:00Z')).toBe('18 Feb 2026');
      process.env.PARALLAX_TIME_ZONE = 'Mars/Olympus_Mons';
      expect(() => formatDateTime('2026-02-18T02:10:00Z')).toThrow('PARALLAX_TIME_ZONE must be an IANA time zone name such as Europe/Warsaw, America/New_York or UTC (got "Mars/Olympus_Mons")');
    } finally {
      for (const [k, v] of [['PARALLAX_TIME_ZONE', saved.zone], ['TZ', saved.tz]] as const) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  });
});

describe('formatDate', () => {
  it.each([
    ['2025-11-03', '3 Nov 2025'],
    ['2026-02-18T02:10:00Z', '18 Feb 2026'],
    ['someday', 'someday'],
  ])('%j → %j', (iso, expected) => {
    expect(formatDate(iso)).toBe(expected);
  });

  it.each([
    // A timestamp is dated in the zone; a calendar date (a rater's "as of") is that day wherever it is read.
    ['2026-02-17T23:30:00Z', 'Europe/Warsaw', '18 Feb 2026'],
    ['2026-02-18T02:10:00Z', 'America/New_York', '17 Feb 2026'],
    ['2025-11-03', 'America/New_York', '3 Nov 2025'],
    ['2025-11-03', 'Pacific/Kiritimati', '3 Nov 2025'],
  ])('%s in %s → %j', (iso, zone, expected) => {
    expect(formatDate(iso, zone)).toBe(expected);
  });
});

describe('zoneOffsetMs', () => {
  const HOUR = 3_600_000;
  it.each([
    ['2026-07-01T12:00:00Z', 'Europe/Warsaw', 2 * HOUR],
    ['2026-01-01T12:00:00Z', 'Europe/Warsaw', 1 * HOUR],
    ['2026-01-01T12:00:00Z', 'America/New_York', -5 * HOUR],
    ['2026-01-01T12:00:00Z', 'Asia/Kolkata', 5.5 * HOUR],
    ['2026-01-01T12:00:00Z', 'Asia/Kathmandu', 5.75 * HOUR],
    ['2026-01-01T12:00:00Z', 'UTC', 0],
  ])('%s in %s: %i ms ahead of UTC', (iso, zone, ms) => {
    expect(zoneOffsetMs(Date.parse(iso), zone)).toBe(ms);
  });
});


describe('articleTime', () => {
  it('prefers published, else firstSeen', () => {
    expect(articleTime({ published: '2026-02-17T08:05:00Z', firstSeen: '2026-02-17T09:00:00Z' })).toBe('2026-02-17T08:05:00Z');
    expect(articleTime({ published: null, firstSeen: '2026-02-17T15:00:00Z' })).toBe('2026-02-17T15:00:00Z');
  });
});

describe('articleWhen', () => {
  it('shows the time in the zone given, the datetime attribute staying UTC as stored', () => {
    expect(articleWhen({ published: null, firstSeen: '2026-11-30T13:52:00Z' }, 'Europe/Warsaw')).toEqual({ dated: false, prefix: 'first seen ', text: '30 Nov 2026, 14:52 GMT+1', datetime: '2026-11-30T13:52:00Z' });
    expect(articleWhenText({ published: '2026-11-30T13:52:00Z', firstSeen: '2026-11-30T14:00:00Z' }, 'America/New_York')).toBe('30 Nov 2026, 08:52 EST');
  });

  it('shows a dated article at its published time, and an undated one as first seen (never as if published then)', () => {
    const dated = { published: '2026-02-17T08:05:00Z', firstSeen: '2026-02-17T09:00:00Z' };
    const undated = { published: null, firstSeen: '2026-11-30T13:52:00Z' };
    expect(articleWhen(dated)).toEqual({ dated: true, prefix: '', text: '17 Feb 2026, 08:05 UTC', datetime: '2026-02-17T08:05:00Z' });
    expect(articleWhen(undated)).toEqual({ dated: false, prefix: 'first seen ', text: '30 Nov 2026, 13:52 UTC', datetime: '2026-11-30T13:52:00Z' });
    expect(articleWhenText(dated)).toBe('17 Feb 2026, 08:05 UTC');
    expect(articleWhenText(undated)).toBe('first seen 30 Nov 2026, 13:52 UTC');
  });
});

describe('UTC', () => {
  it('reads as Intl formats it (the UTC fast path gives the same text)', () => {
    const f = new Intl.DateTimeFormat('en', { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' });
    for (const iso of ['2026-02-18T02:10:00Z', '2025-12-31T23:59:00Z', '2026-07-01T00:00:00Z', '2024-02-29T12:05:00Z']) {
      const p = Object.fromEntries(f.formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
      expect(formatDateTime(iso, 'UTC')).toBe(`${p.day} ${p.month} ${p.year}, ${p.hour}:${p.minute} ${p.timeZoneName}`);
    }
  });
});
