/**
 * Dates for display, in the instance's time zone (PARALLAX_TIME_ZONE, siteTimeZone in src/site-config.ts; default
 * UTC), and always absolute: a page is served for days after it was built, so a relative age ("2 h ago") written into
 * it would be false by the time it is read.
 *
 * A build is the same wherever it runs: the zone is always passed to Intl explicitly (the host's TZ is never read),
 * the day, month and year come out as numbers and the month is named from MONTHS below (no locale data but the zone's
 * name), and the zone's name is Intl's `timeZoneName: 'short'` in SITE_LANGUAGE ("UTC", "EST", "GMT+2", "GMT+5:30":
 * CLDR's English data names a zone by abbreviation only where English readers know one, US zones, and otherwise by
 * its offset, which cannot be misread). The rules come from the tz database of Node's ICU (process.versions.tz), so
 * the frozen archive's template version includes that version when the zone is not UTC (src/build/freeze.ts).
 * Machine-readable times (`datetime` attributes, JSON-LD, feed dates) are not formatted here: they stay UTC ISO-8601.
 */
import { siteTimeZone } from '../site-config';
import { SITE_LANGUAGE } from './language';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

function parse(iso: string): Date | undefined {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** One formatter per zone (formatters are costly to make, and a build formats thousands of times). */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat(SITE_LANGUAGE, {
      timeZone: zone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    });
    formatters.set(zone, f);
  }
  return f;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * The wall-clock fields of `d` in `zone`: year, month (1–12), day, "HH", "MM", and the zone's short name. UTC, the
 * default, is read from the Date's UTC fields (what Intl answers, "UTC" included, ten times faster: a full archive
 * rebuild formats millions of times).
 */
function wallClock(d: Date, zone: string): { year: number; month: number; day: number; hour: string; minute: string; zoneName: string } {
  if (zone === 'UTC') {
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: pad(d.getUTCHours()), minute: pad(d.getUTCMinutes()), zoneName: 'UTC' };
  }
  const parts: Record<string, string> = {};
  for (const p of formatter(zone).formatToParts(d)) parts[p.type] = p.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: parts.hour ?? '00',
    minute: parts.minute ?? '00',
    zoneName: parts.timeZoneName ?? zone,
  };
}

/**
 * "18 Feb 2026, 02:10 UTC" in UTC, "25 Oct 2026, 02:30 GMT+2" in Europe/Warsaw, "25 Oct 2026, 06:00 GMT+5:30" in
 * Asia/Kolkata: the day, month, year, 24-hour time and the zone's short name at that moment (so a summer time shows
 * as such); "Unknown time" for an unusable value. `zone`: an IANA name (default: the instance's, siteTimeZone).
 */
export function formatDateTime(iso: string | null | undefined, zone: string = siteTimeZone()): string {
  const d = iso ? parse(iso) : undefined;
  if (!d) return 'Unknown time';
  const w = wallClock(d, zone);
  return `${w.day} ${MONTHS[w.month - 1]} ${w.year}, ${w.hour}:${w.minute} ${w.zoneName}`;
}

/**
 * "18 Feb 2026": a calendar date (YYYY-MM-DD, such as a rater's "as of" date) as it is, a timestamp as its date in
 * `zone` (default the instance's, siteTimeZone: "2026-02-17T23:30:00Z" is "18 Feb 2026" in Europe/Warsaw); the
 * input unchanged when it cannot be read.
 */
export function formatDate(iso: string, zone: string = siteTimeZone()): string {
  const calendar = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (calendar) {
    if (!parse(`${iso}T00:00:00Z`)) return iso;
    return `${Number(calendar[3])} ${MONTHS[Number(calendar[2]) - 1]} ${Number(calendar[1])}`;
  }
  const d = parse(iso);
  if (!d) return iso;
  const w = wallClock(d, zone);
  return `${w.day} ${MONTHS[w.month - 1]} ${w.year}`;
}

/**
 * How far `zone`'s wall clock is ahead of UTC at `ms` (milliseconds since the epoch), in milliseconds: 7,200,000 for
 * Europe/Warsaw in summer, -18,000,000 for America/New_York in winter, 19,800,000 for Asia/Kolkata, 0 for UTC. Read
 * from Intl (the zone's wall-clock fields at that moment, as a UTC time, minus the moment), whole minutes.
 */
export function zoneOffsetMs(ms: number, zone: string = siteTimeZone()): number {
  const d = new Date(Math.floor(ms / 60_000) * 60_000);
  const w = wallClock(d, zone);
  return Date.UTC(w.year, w.month - 1, w.day, Number(w.hour), Number(w.minute)) - d.getTime();
}

/** The moment an article counts from: its published date, or when Parallax first saw it. */
export function articleTime(a: { published: string | null; firstSeen: string }): string {
  return a.published ?? a.firstSeen;
}

/**
 * How an article's time reads on a page. An article whose feed gave no usable date (`published` null: none, unreadable,
 * or far in the future) is shown by when Parallax first saw it, labelled so, never as if the outlet had dated it.
 * `prefix` goes before the <time> element ("first seen " or ""), `text` inside it (formatDateTime in `zone`),
 * `datetime` is its attribute (UTC ISO-8601, as stored).
 */
export function articleWhen(a: { published: string | null; firstSeen: string }, zone: string = siteTimeZone()): { dated: boolean; prefix: string; text: string; datetime: string } {
  const dated = a.published !== null;
  const datetime = articleTime(a);
  return { dated, prefix: dated ? '' : 'first seen ', text: formatDateTime(datetime, zone), datetime };
}

/** The same as plain text: "18 Feb 2026, 02:10 UTC" or "first seen 18 Feb 2026, 02:10 UTC". */
export function articleWhenText(a: { published: string | null; firstSeen: string }, zone: string = siteTimeZone()): string {
  const w = articleWhen(a, zone);
  return `${w.prefix}${w.text}`;
}
