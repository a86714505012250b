/**
 * Feed date parsing to UTC `YYYY-MM-DDTHH:MM:SSZ`. Pure: the clock is a parameter.
 *
 * Accepted forms:
 * - ISO 8601 / W3C-DTF / RFC 3339 (Atom RFC 4287 §3.3, dc:date, JSON Feed): date-only, year-month, year,
 *   zone-less (read as UTC), offsets with or without colon, fractional seconds, `YYYY/MM/DD`.
 * - RFC 822 §5 / RFC 2822 §3.3 (RSS 2.0 pubDate) and its common abuses: any day name (ignored), English and
 *   German/French/Spanish/Italian/Portuguese/Dutch month names, two-digit years (RFC 2822 §4.3: 00–49 → 20xx,
 *   50–99 → 19xx), `hhmm` times, named zones (UT, GMT, Z, EST/EDT/CST/CDT/MST/MDT/PST/PDT and a few common
 *   others), military letters (RFC 2822 §4.3: treated as -0000, i.e. UTC), `+hhmm`, `-0000`, `GMT+0100`, am/pm,
 *   JavaScript `Date#toString()` output.
 * - `MM/DD/YYYY hh:mm:ss` (US order; `DD/MM/YYYY` when the first number exceeds 12).
 *
 * `new Date(string)` is never used (it reads zone-less strings in the host's local zone).
 */
import { MAX_FUTURE_SKEW_HOURS } from '../config';
import { decodeXmlEntities } from './clean-text.js';

/** How far in the future a date may lie before it is treated as bogus (clock skew, scheduled posts); see src/core/config.ts. */
export const FUTURE_DATE_TOLERANCE_MS = MAX_FUTURE_SKEW_HOURS * 60 * 60 * 1000;

const MONTHS: Record<string, number> = {};
function months(n: number, ...names: string[]): void {
  for (const name of names) MONTHS[name] = n;
}
// English, German, French, Spanish, Italian, Portuguese, Dutch; compared lower-case without diacritics or dots.
months(1, 'jan', 'january', 'januar', 'janv', 'janvier', 'ene', 'enero', 'gen', 'gennaio', 'janeiro', 'januari', 'jaenner', 'janner');
months(2, 'feb', 'february', 'februar', 'fev', 'fevr', 'fevrier', 'febrero', 'febbraio', 'fevereiro', 'februari', 'febr');
months(3, 'mar', 'march', 'marz', 'mrz', 'mars', 'marzo', 'marco', 'maart', 'mrt', 'maerz');
months(4, 'apr', 'april', 'avr', 'avril', 'abr', 'abril', 'aprile');
months(5, 'may', 'mai', 'mayo', 'mag', 'maggio', 'maio', 'mei');
months(6, 'jun', 'june', 'juni', 'juin', 'junio', 'giu', 'giugno', 'junho');
months(7, 'jul', 'july', 'juli', 'juil', 'juillet', 'julio', 'lug', 'luglio', 'julho');
months(8, 'aug', 'august', 'aou', 'aout', 'ago', 'agosto', 'augustus');
months(9, 'sep', 'sept', 'september', 'septembre', 'septiembre', 'setiembre', 'set', 'settembre', 'setembro');
months(10, 'oct', 'october', 'okt', 'oktober', 'octobre', 'octubre', 'ott', 'ottobre', 'out', 'outubro');
months(11, 'nov', 'november', 'novembre', 'noviembre', 'novembro');
months(12, 'dec', 'december', 'dez', 'dezember', 'decembre', 'dic', 'diciembre', 'dicembre', 'dezembro');

/** Zone abbreviations in minutes east of UTC (RFC 822 §5 plus common, unambiguous-in-practice ones). */
const ZONES: Record<string, number> = {
  z: 0, ut: 0, utc: 0, gmt: 0, wet: 0,
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
  akst: -540, akdt: -480, hst: -600, ast: -240, adt: -180, nst: -210, ndt: -150,
  bst: 60, cet: 60, cest: 120, met: 60, mest: 120, west: 60, eet: 120, eest: 180, msk: 180,
  ist: 330, pkt: 300, sgt: 480, hkt: 480, awst: 480, jst: 540, kst: 540, acst: 570, aest: 600, aedt: 660,
  nzst: 720, nzdt: 780,
};

const ISO_RE =
  /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?)?)?\s*(z|utc|gmt|[+-]\d{2}(?::?\d{2})?)?$/i;
const ISO_BASIC_RE = /^(\d{4})(\d{2})(\d{2})(?:t(\d{2})(\d{2})(\d{2})?(?:[.,]\d+)?)?\s*(z|[+-]\d{2}(?::?\d{2})?)?$/i;

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Marks a value written without a zone: read in the source's zone (UTC by default). */
const ZONELESS = NaN;

const ZONE_FORMATS = new Map<string, Intl.DateTimeFormat | null>();

/** Minutes east of UTC of IANA zone `zone` at instant `t` (ms), or null when the zone is unknown. */
function ianaOffset(zone: string, t: number): number | null {
  let f = ZONE_FORMATS.get(zone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric',
        minute: 'numeric', second: 'numeric',
      });
    } catch {
      f = null; // not a zone Intl knows
    }
    if (ZONE_FORMATS.size < 1000) ZONE_FORMATS.set(zone, f);
  }
  if (f === null) return null;
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(new Date(t))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const local = Date.UTC(p['year']!, p['month']! - 1, p['day']!, p['hour']! % 24, p['minute']!, p['second']!);
  return Math.round((local - Math.floor(t / 1000) * 1000) / 60000);
}

/**
 * Minutes east of UTC for a zone-less local time `localMs` (as if UTC) in the source zone: a fixed offset
 * ('+05:30', '-0800', a zone abbreviation) or an IANA name (its offset at that date, daylight saving included).
 * Unknown or absent zones give 0 (UTC).
 */
export function sourceZoneOffset(zone: string | undefined, localMs: number): number {
  if (!zone) return 0;
  const fixed = offsetMinutes(zone.trim());
  if (fixed !== undefined) return fixed;
  const first = ianaOffset(zone.trim(), localMs);
  if (first === null) return 0;
  // the offset at the resulting instant (differs from the first guess only next to a daylight-saving change)
  return ianaOffset(zone.trim(), localMs - first * 60000) ?? first;
}

/**
 * Build the UTC string; null when any field is out of range. `offset` is minutes east of UTC, or ZONELESS (the
 * source zone `zone` applies).
 */
function build(y: number, mo: number, d: number, h: number, mi: number, s: number, offset: number, zone?: string): string | null {
  if (!(y >= 1000 && y <= 9999) || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  if (h > 24 || mi > 59 || s > 60 || (h === 24 && (mi > 0 || s > 0))) return null;
  if (s === 60) s = 59; // leap second
  const local = Date.UTC(y, mo - 1, d, h, mi, s);
  const ms = local - (Number.isNaN(offset) ? sourceZoneOffset(zone, local) : offset) * 60000;
  const t = new Date(ms);
  if (Number.isNaN(ms)) return null;
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}T${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}Z`;
}

/** Parse `+hh`, `+hhmm`, `+hh:mm` (or a zone name) to minutes east of UTC; undefined when not a zone. */
function offsetMinutes(zone: string): number | undefined {
  const z = zone.toLowerCase();
  if (z in ZONES) return ZONES[z];
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(z);
  if (!m) return undefined;
  const v = Number(m[2]) * 60 + Number(m[3] ?? 0);
  if (Number(m[2]) > 14 || Number(m[3] ?? 0) > 59) return undefined;
  return m[1] === '-' ? -v : v;
}

/**
 * `MM/DD/YYYY[ hh:mm[:ss]]` (US order, what `Date.parse` and most feed producers using it assume); when the first
 * number cannot be a month it is read as `DD/MM/YYYY`. Zone-less, so UTC. A policy choice for an ambiguous form.
 */
const SLASH_RE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[T\s,]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*(z|utc|gmt|[+-]\d{2}(?::?\d{2})?)?$/i;

function parseSlash(s: string, zone?: string): string | null {
  const m = SLASH_RE.exec(s);
  if (!m) return null;
  let mo = Number(m[1]);
  let d = Number(m[2]);
  if (mo > 12) [mo, d] = [d, mo];
  const offset = m[7] ? offsetMinutes(m[7]) : ZONELESS;
  if (offset === undefined) return null;
  return build(Number(m[3]), mo, d, Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), offset, zone);
}

function parseIso(s: string, zone?: string): string | null {
  const m = ISO_RE.exec(s) ?? ISO_BASIC_RE.exec(s);
  if (!m) return null;
  // a date without a time is a calendar day, not an instant in the source's zone: read as UTC midnight
  const offset = m[7] ? offsetMinutes(m[7]) : m[4] === undefined ? 0 : ZONELESS;
  if (offset === undefined) return null;
  return build(Number(m[1]), Number(m[2] ?? 1), Number(m[3] ?? 1), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), offset, zone);
}

const TOKEN_RE = /(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?|[+-]\d{2}:?\d{2}\b|\d+|[a-z]+/g;

/** Tokenising parser for RFC 822-like and free-form "day month year time zone" strings. */
function parseLoose(input: string, zone?: string): string | null {
  const s = input
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
  let time: [number, number, number] | null = null;
  let month = 0;
  let offset: number | undefined;
  let named: number | undefined;
  let pm: boolean | null = null;
  const nums: string[] = [];
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  let count = 0;
  while ((m = TOKEN_RE.exec(s)) !== null) {
    if (++count > 32) return null; // not a date; bounded work
    const tok = m[0];
    if (m[2] !== undefined) {
      if (!time) time = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
    } else if (tok[0] === '+' || tok[0] === '-') {
      offset = offsetMinutes(tok);
      if (offset === undefined) return null;
    } else if (tok.charCodeAt(0) <= 57) {
      nums.push(tok);
    } else if (MONTHS[tok] !== undefined) {
      // the last month word wins: 'mar' is also the Spanish/Italian/French abbreviation of Tuesday
      month = MONTHS[tok]!;
    } else if (tok === 'am' || tok === 'pm') {
      pm = tok === 'pm';
    } else if (ZONES[tok] !== undefined) {
      named = ZONES[tok];
    } else if (tok.length === 1 && tok !== 'j') {
      named = 0; // RFC 2822 §4.3: military zones are treated as -0000
    }
    // other words (day names in any language, 'de', 'at', ...) are ignored
  }
  if (!month || nums.length < 2) return null;
  let day: number;
  let year: string;
  if (nums[0]!.length === 4) {
    year = nums[0]!;
    day = Number(nums[1]);
  } else {
    day = Number(nums[0]);
    year = nums[1]!;
  }
  // a trailing 4-digit number after the year with no hh:mm is an RFC 822 'hhmm' time
  if (!time && nums.length >= 3 && /^\d{4}$/.test(nums[2]!)) {
    time = [Number(nums[2]!.slice(0, 2)), Number(nums[2]!.slice(2)), 0];
  }
  let y = Number(year);
  if (year.length <= 2) y += y < 50 ? 2000 : 1900;
  else if (year.length === 3) y += 1900;
  else if (year.length !== 4) return null;
  let [h, mi, sec] = time ?? [0, 0, 0];
  if (pm !== null) {
    if (h > 12) return null;
    if (pm && h < 12) h += 12;
    if (!pm && h === 12) h = 0;
  }
  return build(y, month, day, h, mi, sec, offset ?? named ?? (time ? ZONELESS : 0), zone);
}

/** The canonical RSS pubDate form ('Tue, 03 Jun 2003 09:39:21 GMT' / '+0000'), most dates in feeds: no tokenising. */
const RFC822_RE = /^(?:[A-Za-z]{3},? ?)?(\d{1,2}) ([A-Za-z]{3}) (\d{4}) (\d{2}):(\d{2})(?::(\d{2}))? (GMT|UTC|UT|Z|[+-]\d{4})$/;
const MONTH3: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

function parseRfc822Fast(s: string): string | null {
  const m = RFC822_RE.exec(s);
  if (!m) return null;
  const mo = MONTH3[m[2]!.toLowerCase()];
  if (mo === undefined) return null; // a non-English month: the general parser
  const z = m[7]!;
  const c = z.charCodeAt(0);
  let offset = 0;
  if (c === 43 || c === 45) {
    const h = Number(z.slice(1, 3));
    const mi = Number(z.slice(3, 5));
    if (h > 14 || mi > 59) return null;
    offset = (c === 45 ? -1 : 1) * (h * 60 + mi);
  }
  return build(Number(m[3]), mo, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0), offset);
}

/**
 * Parse a feed date string to UTC `YYYY-MM-DDTHH:MM:SSZ`.
 *
 * @param value the raw element text (XML entities such as `&#43;` are decoded here)
 * @param now when given, a date more than {@link FUTURE_DATE_TOLERANCE_MS} after `now` gives null
 * @returns the UTC timestamp (seconds precision), or null when missing, unparseable or too far in the future.
 *   Values with a time but no zone are read in `zone` (an IANA name or a fixed offset such as '+05:30'), UTC
 *   when it is absent or unknown; a date without a time is UTC midnight. Never throws.
 * @param zone the source's time zone for zone-less values (ParseOptions.timeZone)
 */
export function parseDate(value: string | null | undefined, now?: Date, zone?: string): string | null {
  if (value == null) return null;
  const s = decodeXmlEntities(String(value)).replace(/\s+/g, ' ').trim();
  if (s === '' || s.length > 100) return null;
  const out = parseRfc822Fast(s) ?? parseIso(s, zone) ?? parseSlash(s, zone) ?? parseLoose(s, zone);
  if (out === null || now === undefined) return out;
  return Date.parse(out) - now.getTime() > FUTURE_DATE_TOLERANCE_MS ? null : out;
}
