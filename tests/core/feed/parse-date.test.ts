import { describe, expect, it } from 'vitest';
import { FUTURE_DATE_TOLERANCE_MS, parseDate } from '../../../src/core/feed/parse-date.js';

describe('parseDate: RFC 822 / RFC 2822', () => {
  it.each([
    ['Sat, 03 Jan 2026 10:00:00 GMT', '2026-01-03T10:00:00Z'],
    ['Sat, 03 Jan 2026 10:00:00 UT', '2026-01-03T10:00:00Z'],
    ['Sat, 03 Jan 2026 10:00:00 UTC', '2026-01-03T10:00:00Z'],
    ['Sat, 03 Jan 2026 10:00:00 Z', '2026-01-03T10:00:00Z'],
    ['Sat, 03 Jan 2026 10:00:00 +0000', '2026-01-03T10:00:00Z'],
    ['Sat, 03 Jan 2026 10:00:00 -0000', '2026-01-03T10:00:00Z'],
    ['Thu, 23 Apr 2026 14:05:00 -0400', '2026-04-23T18:05:00Z'],
    ['Mon, 03 Jun 2024 08:30:00 +0200', '2024-06-03T06:30:00Z'],
    ['Mon, 03 Jun 2024 08:30:00 +05:30', '2024-06-03T03:00:00Z'],
    ['Wed, 02 Oct 2002 08:00:00 EST', '2002-10-02T13:00:00Z'],
    ['Wed, 02 Oct 2002 08:00:00 EDT', '2002-10-02T12:00:00Z'],
    ['Wed, 02 Oct 2002 08:00:00 CST', '2002-10-02T14:00:00Z'],
    ['Wed, 02 Oct 2002 08:00:00 CDT', '2002-10-02T13:00:00Z'],
    ['Wed, 02 Oct 2002 08:00:00 MST', '2002-10-02T15:00:00Z'],
    ['Wed, 02 Oct 2002 08:00:00 MDT', '2002-10-02T14:00:00Z'],
    ['Wed, 02 Oct 2002 08:00:00 PST', '2002-10-02T16:00:00Z'],
    ['Wed, 02 Oct 2002 08:00:00 PDT', '2002-10-02T15:00:00Z'],
    // RFC 2822 §4.3: military zones other than Z are unreliable and read as -0000
    ['Wed, 02 Oct 2002 08:00:00 A', '2002-10-02T08:00:00Z'],
    ['Wed, 02 Oct 2002 08:00:00 M', '2002-10-02T08:00:00Z'],
    // two-digit years (RFC 2822 §4.3) and hhmm time
    ['03 Apr 02 1500 GMT', '2002-04-03T15:00:00Z'],
    ['Fri, 01 Jan 99 00:00:00 GMT', '1999-01-01T00:00:00Z'],
    ['2 Feb 2021 9:05 GMT', '2021-02-02T09:05:00Z'],
    ['Mon, 10 Feb 2014 06:00:00 &#43;0000', '2014-02-10T06:00:00Z'],
    ['Mon, 10 Feb 2014 06:00:00 &#x2B;0100', '2014-02-10T05:00:00Z'],
    ['Tue, 10 Jun 2003 04:00:00 GMT+0200', '2003-06-10T02:00:00Z'],
    ['Sat Jan 03 2026 10:00:00 GMT+0100 (Central European Standard Time)', '2026-01-03T09:00:00Z'],
    ['February 5, 2021 3:15 pm PST', '2021-02-05T23:15:00Z'],
    ['Sat, 03 Jan 2026 12:00:00 am GMT', '2026-01-03T00:00:00Z'],
    ['Sat, 03 Jan 2026 10:00:60 GMT', '2026-01-03T10:00:59Z'],
  ])('%s', (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });
});

describe('parseDate: non-English day and month names', () => {
  it.each([
    ['Di, 03 Dez 2019 10:15:00 +0100', '2019-12-03T09:15:00Z'], // German
    ['Do, 10 Okt 2019 10:15:00 +0200', '2019-10-10T08:15:00Z'],
    ['Mi, 11 Mär 2020 12:00:00 +0100', '2020-03-11T11:00:00Z'],
    ['Mi, 11 Mrz 2020 12:00:00 +0100', '2020-03-11T11:00:00Z'],
    ['So, 03 Mai 2020 12:00:00 +0200', '2020-05-03T10:00:00Z'],
    ['jeu., 05 déc. 2019 09:00:00 +0100', '2019-12-05T08:00:00Z'], // French
    ['lun., 17 févr. 2020 09:00:00 +0100', '2020-02-17T08:00:00Z'],
    ['sam., 15 août 2020 09:00:00 +0200', '2020-08-15T07:00:00Z'],
    ['Mar, 03 Dic 2019 10:00:00 +0100', '2019-12-03T09:00:00Z'], // Spanish: 'Mar' is Tuesday here
    ['mié, 15 ene 2020 10:00:00 -0300', '2020-01-15T13:00:00Z'],
    ['Gio, 12 Giu 2020 10:00:00 +0200', '2020-06-12T08:00:00Z'], // Italian
    ['Ven, 09 Ott 2020 10:00:00 +0200', '2020-10-09T08:00:00Z'],
    ['Seg, 24 Set 2018 19:42:40 -0300', '2018-09-24T22:42:40Z'], // Portuguese
    ['Qui, 01 Out 2020 08:00:00 -0300', '2020-10-01T11:00:00Z'],
    ['Sáb, 05 Dez 2020 08:00:00 -0300', '2020-12-05T11:00:00Z'],
  ])('%s', (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });
});

describe('parseDate: ISO 8601 / W3C-DTF / RFC 3339', () => {
  it.each([
    ['2021-03-27', '2021-03-27T00:00:00Z'],
    ['2021-03', '2021-03-01T00:00:00Z'],
    ['2021', '2021-01-01T00:00:00Z'],
    ['2016-06-02T10:00:00-07:00', '2016-06-02T17:00:00Z'],
    ['2016-06-02T10:00:00-0700', '2016-06-02T17:00:00Z'],
    ['2016-06-02T10:00:00+05', '2016-06-02T05:00:00Z'],
    ['2016-06-02T10:00:00.123Z', '2016-06-02T10:00:00Z'],
    ['2016-06-02T10:00Z', '2016-06-02T10:00:00Z'],
    ['2016-06-02 10:00:00', '2016-06-02T10:00:00Z'], // zone-less: UTC, not the host zone
    ['2016-06-02T10:00:00', '2016-06-02T10:00:00Z'],
    ['20160602T100000Z', '2016-06-02T10:00:00Z'],
    ['2016/06/02 10:00:00', '2016-06-02T10:00:00Z'],
    ['2016-06-02T23:30:00-02:00', '2016-06-03T01:30:00Z'],
    ['  2016-06-02T10:00:00Z \n', '2016-06-02T10:00:00Z'],
    ['08/02/2013 12:00:00', '2013-08-02T12:00:00Z'], // US order (policy)
    ['25/12/2013 12:00:00', '2013-12-25T12:00:00Z'],
  ])('%s', (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });

  it('does not depend on the host time zone', () => {
    const tz = process.env['TZ'];
    process.env['TZ'] = 'America/Los_Angeles';
    try {
      expect(parseDate('2016-06-02 10:00:00')).toBe('2016-06-02T10:00:00Z');
    } finally {
      if (tz === undefined) delete process.env['TZ'];
      else process.env['TZ'] = tz;
    }
  });
});

describe('parseDate: missing, invalid, future', () => {
  it.each([[null], [undefined], [''], ['   '], ['garbage'], ['Invalid Date'], ['2020-13-01'], ['2021-02-30'],
    ['Mon, 32 Jan 2020 10:00:00 GMT'], ['Mon, 10 Jan 2020 25:00:00 GMT'], ['tomorrow'], ['x'.repeat(10000)]])(
    '%s -> null',
    (input) => {
      expect(parseDate(input as string | null | undefined)).toBeNull();
    },
  );

  it('rejects dates more than 24 h after now, keeps those within', () => {
    const now = new Date('2026-02-18T12:00:00Z');
    expect(FUTURE_DATE_TOLERANCE_MS).toBe(86_400_000);
    expect(parseDate('2026-02-19T11:59:59Z', now)).toBe('2026-02-19T11:59:59Z');
    expect(parseDate('2026-02-19T12:00:00Z', now)).toBe('2026-02-19T12:00:00Z');
    expect(parseDate('2026-02-19T12:00:01Z', now)).toBeNull();
    expect(parseDate('Wed, 18 Feb 2099 12:00:00 GMT', now)).toBeNull();
    expect(parseDate('Wed, 18 Feb 2099 12:00:00 GMT')).toBe('2099-02-18T12:00:00Z'); // no clock, no check
  });

  it('is linear on pathological input', () => {
    const evil = '1 '.repeat(50_000) + 'x';
    const t0 = performance.now();
    expect(parseDate(evil)).toBeNull();
    expect(performance.now() - t0).toBeLessThan(200);
  });
});
