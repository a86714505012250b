/**
 * Dates for display, always in UTC so a build is the same wherever it runs (no locale, no local time zone).
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

/**
 * How long before `now` (the run's clock, never Date.now()) a moment was: "just now", "5 min ago", "3 h ago",
 * "2 days ago"; past a week, the UTC date. Moments after `now` (clock skew in a feed) read "just now".
 */
export function formatAgo(iso: string | null | undefined, now: string): string {
  const d = iso ? parse(iso) : undefined;
  const n = parse(now);
  if (!d || !n) return formatUtc(iso);
  const minutes = Math.floor((n.getTime() - d.getTime()) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  if (days < 7) return days === 1 ? '1 day ago' : `${days} days ago`;
  return formatUtcDate(iso as string);
}

/** The moment an article counts from: its published date, or when Parallax first saw it. */
export function articleTime(a: { published: string | null; firstSeen: string }): string {
  return a.published ?? a.firstSeen;
}
