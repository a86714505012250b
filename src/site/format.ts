/**
 * Dates for display, always in UTC so a build is the same wherever it runs (no locale, no local time zone), and always
 * absolute: a page is served for days after it was built, so a relative age ("2 h ago") written into it would be
 * false by the time it is read.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

function parse(iso: string): Date | undefined {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** "18 Feb 2026, 02:10 UTC"; "Unknown time" for an unusable value. */
export function formatUtc(iso: string | null | undefined): string {
  const d = iso ? parse(iso) : undefined;
  if (!d) return 'Unknown time';
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}

/** "18 Feb 2026" for YYYY-MM-DD or a timestamp; the input unchanged when it cannot be read. */
export function formatUtcDate(iso: string): string {
  const d = parse(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso);
  if (!d) return iso;
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** The moment an article counts from: its published date, or when Parallax first saw it. */
export function articleTime(a: { published: string | null; firstSeen: string }): string {
  return a.published ?? a.firstSeen;
}

/**
 * How an article's time reads on a page. An article whose feed gave no usable date (`published` null: none, unreadable,
 * or far in the future) is shown by when Parallax first saw it, labelled so, never as if the outlet had dated it.
 * `prefix` goes before the <time> element ("first seen " or ""), `text` inside it, `datetime` is its attribute.
 */
export function articleWhen(a: { published: string | null; firstSeen: string }): { dated: boolean; prefix: string; text: string; datetime: string } {
  const dated = a.published !== null;
  const datetime = articleTime(a);
  return { dated, prefix: dated ? '' : 'first seen ', text: formatUtc(datetime), datetime };
}

/** The same as plain text: "18 Feb 2026, 02:10 UTC" or "first seen 18 Feb 2026, 02:10 UTC". */
export function articleWhenText(a: { published: string | null; firstSeen: string }): string {
  const w = articleWhen(a);
  return `${w.prefix}${w.text}`;
}
