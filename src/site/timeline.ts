/**
 * The coverage timeline of a story: its articles over time, binned and stacked by side, drawn as a server-rendered
 * SVG with a text equivalent (the same bins as a table). Pure: the page passes the articles' buckets in.
 */
import type { DisplayBucket } from './bias';

export const TIMELINE_SIDES: readonly DisplayBucket[] = ['left', 'center', 'right', 'unrated'];

/** Bin widths tried in order (hours); the first that yields at most TIMELINE_MAX_BINS bins is used. */
const BIN_HOURS = [1, 2, 3, 6, 12, 24, 48, 168] as const;
export const TIMELINE_MAX_BINS = 24;

export interface TimelineBin {
  /** Start of the bin (UTC ISO-8601; a whole hour of the zone the page shows times in, see buildTimeline). */
  start: string;
  end: string;
  counts: Record<DisplayBucket, number>;
  total: number;
}

export interface Timeline {
  binHours: number;
  bins: TimelineBin[];
  /** Largest bin total (the y scale). */
  max: number;
}

const HOUR = 3_600_000;

/**
 * Bins the article times (ISO strings) by side; unusable times are skipped. Empty input gives no bins.
 *
 * `offsetMs`: how far the time zone the page shows times in is ahead of UTC (zoneOffsetMs in format.ts, at the
 * earliest article; 0 for UTC), so the bins begin on that zone's whole hours, and a day's bin at its midnight
 * (Europe/Warsaw in summer, +7,200,000: a day bin from 22:00 UTC, shown "00:00 GMT+2"; Asia/Kolkata, +19,800,000:
 * hour bins from :30 UTC). One offset for the whole timeline, so every bin keeps its width across a change to or
 * from summer time. Bin `start` and `end` stay UTC ISO-8601.
 */
export function buildTimeline(points: ReadonlyArray<{ time: string; bucket: DisplayBucket }>, offsetMs = 0): Timeline {
  const valid = points
    .map((p) => ({ t: Date.parse(p.time), bucket: p.bucket }))
    .filter((p) => Number.isFinite(p.t));
  if (valid.length === 0) return { binHours: 1, bins: [], max: 0 };
  const min = Math.min(...valid.map((p) => p.t));
  const maxT = Math.max(...valid.map((p) => p.t));
  // Bin boundaries are whole multiples of the width on the zone's wall clock: floor in local time, back to UTC.
  const floorTo = (t: number, w: number): number => Math.floor((t + offsetMs) / w) * w - offsetMs;
  const first = floorTo(min, HOUR);
  const binHours = BIN_HOURS.find((h) => Math.floor((maxT - first) / (h * HOUR)) + 1 <= TIMELINE_MAX_BINS) ?? 168;
  const width = binHours * HOUR;
  const start = floorTo(min, width);
  const n = Math.floor((maxT - start) / width) + 1;
  const bins: TimelineBin[] = Array.from({ length: n }, (_, i) => ({
    start: new Date(start + i * width).toISOString().replace('.000Z', 'Z'),
    end: new Date(start + (i + 1) * width).toISOString().replace('.000Z', 'Z'),
    counts: { left: 0, center: 0, right: 0, unrated: 0 },
    total: 0,
  }));
  for (const p of valid) {
    const bin = bins[Math.floor((p.t - start) / width)]!;
    bin.counts[p.bucket]++;
    bin.total++;
  }
  return { binHours, bins, max: Math.max(...bins.map((b) => b.total)) };
}

/**
 * The timeline's points: the articles whose feed gave a usable date, at that date. An undated article (`published`
 * null) has only the time Parallax first saw it (on a first run, a whole feed's backlog at once), so it is counted
 * apart (`undated`) rather than drawn as a report at that hour.
 */
export function timelinePoints<A extends { published: string | null }>(
  articles: readonly A[],
  bucketOf: (a: A) => DisplayBucket,
): { points: Array<{ time: string; bucket: DisplayBucket }>; undated: number } {
  const points = articles.flatMap((a) => (a.published === null ? [] : [{ time: a.published, bucket: bucketOf(a) }]));
  return { points, undated: articles.length - points.length };
}

/** Widest bar in viewBox units, so a story with two bins does not draw two slabs. */
export const TIMELINE_MAX_BAR = 24;

export interface TimelineRect {
  x: number;
  y: number;
  width: number;
  height: number;
  side: DisplayBucket;
}

/** Stacked rectangles in a `width` × `height` viewBox (bars bottom-up: left, center, right, unrated). */
export function timelineRects(t: Timeline, width: number, height: number): TimelineRect[] {
  if (t.bins.length === 0 || t.max === 0) return [];
  const slot = width / t.bins.length;
  const barW = Math.max(1, Math.round(Math.min(slot * 0.8, TIMELINE_MAX_BAR) * 10) / 10);
  const unit = height / t.max;
  const out: TimelineRect[] = [];
  t.bins.forEach((bin, i) => {
    let y = height;
    for (const side of TIMELINE_SIDES) {
      const n = bin.counts[side];
      if (!n) continue;
      const h = Math.round(n * unit * 10) / 10;
      y = Math.round((y - h) * 10) / 10;
      out.push({ x: Math.round((i * slot + (slot - barW) / 2) * 10) / 10, y, width: barW, height: h, side });
    }
  });
  return out;
}
