import { describe, expect, it } from 'vitest';
import { buildTimeline, TIMELINE_MAX_BAR, TIMELINE_MAX_BINS, timelinePoints, timelineRects } from '../../src/site/timeline';

describe('buildTimeline', () => {
  it('bins articles per hour by side, from the first hour to the last', () => {
    const t = buildTimeline([
      { time: '2026-02-18T01:10:00Z', bucket: 'left' },
      { time: '2026-02-18T01:50:00Z', bucket: 'right' },
      { time: '2026-02-18T03:05:00Z', bucket: 'left' },
      { time: 'not a date', bucket: 'center' },
    ]);
    expect(t.binHours).toBe(1);
    expect(t.bins.map((b) => [b.start, b.total])).toEqual([
      ['2026-02-18T01:00:00Z', 2],
      ['2026-02-18T02:00:00Z', 0],
      ['2026-02-18T03:00:00Z', 1],
    ]);
    expect(t.bins[0]!.counts).toEqual({ left: 1, center: 0, right: 1, unrated: 0 });
    expect(t.max).toBe(2);
  });

  it.each([
    [['2026-02-18T00:00:00Z', '2026-02-19T12:00:00Z'], 2],
    [['2026-02-10T00:00:00Z', '2026-02-18T00:00:00Z'], 12],
    [['2026-01-01T00:00:00Z', '2026-02-18T00:00:00Z'], 168],
  ])('widens the bins so a span fits in at most the bin limit (%j → %i h)', (times, hours) => {
    const t = buildTimeline(times.map((time) => ({ time, bucket: 'center' as const })));
    expect(t.binHours).toBe(hours);
    expect(t.bins.length).toBeLessThanOrEqual(TIMELINE_MAX_BINS);
    expect(t.bins.reduce((n, b) => n + b.total, 0)).toBe(2);
  });

  it('begins bins on the whole hours and days of the zone times are shown in (offsetMs), not of UTC', () => {
    const HOUR = 3_600_000;
    // 00:30 and 23:00 on 2 July in Warsaw (UTC+2 in summer), and 14 July: 24-hour bins.
    const times = ['2026-07-01T22:30:00Z', '2026-07-02T21:00:00Z', '2026-07-14T12:00:00Z'].map((time) => ({ time, bucket: 'center' as const }));
    const warsaw = buildTimeline(times, 2 * HOUR);
    expect(warsaw.binHours).toBe(24);
    // Bins from Warsaw's midnight (22:00 UTC): both 2 July articles share one; in UTC's they fell on two days.
    expect(warsaw.bins.map((b) => b.start).filter((_, i) => i === 0 || i === 1 || i === 12)).toEqual(['2026-07-01T22:00:00Z', '2026-07-02T22:00:00Z', '2026-07-13T22:00:00Z']);
    expect(warsaw.bins.map((b) => b.total)).toEqual([2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    const utc = buildTimeline(times);
    expect(utc.bins.map((b) => b.total).slice(0, 3)).toEqual([1, 1, 0]);
    expect(utc.bins[0]!.start).toBe('2026-07-01T00:00:00Z');
    // Asia/Kolkata (UTC+5:30): hour bins on its whole hours, half past in UTC.
    expect(buildTimeline([{ time: '2026-02-18T01:10:00Z', bucket: 'left' }], 5.5 * HOUR).bins[0]!.start).toBe('2026-02-18T00:30:00Z');
    expect(buildTimeline([{ time: '2026-02-18T01:10:00Z', bucket: 'left' }]).bins[0]!.start).toBe('2026-02-18T01:00:00Z');
  });

  it('is empty without dated articles', () => {
    expect(buildTimeline([])).toEqual({ binHours: 1, bins: [], max: 0 });
    expect(timelineRects(buildTimeline([]), 600, 120)).toEqual([]);
  });
});

describe('timelineRects', () => {
  it('stacks each bin bottom-up within the viewBox, one rect per side present', () => {
    const t = buildTimeline([
      { time: '2026-02-18T01:00:00Z', bucket: 'left' },
      { time: '2026-02-18T01:20:00Z', bucket: 'center' },
      { time: '2026-02-18T02:00:00Z', bucket: 'left' },
    ]);
    const rects = timelineRects(t, 600, 120);
    expect(rects.map((r) => r.side)).toEqual(['left', 'center', 'left']);
    expect(rects[0]).toMatchObject({ y: 60, height: 60 });
    expect(rects[1]).toMatchObject({ y: 0, height: 60 });
    for (const r of rects) {
      expect(r.width).toBeLessThanOrEqual(TIMELINE_MAX_BAR);
      expect(r.x + r.width).toBeLessThanOrEqual(600);
    }
  });
});

describe('timelinePoints', () => {
  it('draws dated articles at their published time and counts undated ones apart (not at their first-seen hour)', () => {
    const articles = [
      { published: '2026-02-17T08:05:00Z', firstSeen: '2026-02-17T08:10:00Z', side: 'left' as const },
      { published: null, firstSeen: '2026-02-17T15:00:00Z', side: 'unrated' as const },
      { published: '2026-02-17T13:30:00Z', firstSeen: '2026-02-17T13:30:00Z', side: 'right' as const },
    ];
    const { points, undated } = timelinePoints(articles, (a) => a.side);
    expect(points).toEqual([
      { time: '2026-02-17T08:05:00Z', bucket: 'left' },
      { time: '2026-02-17T13:30:00Z', bucket: 'right' },
    ]);
    expect(undated).toBe(1);
    const t = buildTimeline(points);
    expect(t.bins.reduce((n, b) => n + b.total, 0)).toBe(2);
    expect(t.bins.some((b) => b.start === '2026-02-17T15:00:00Z' && b.total > 0)).toBe(false);
    expect(timelinePoints(articles.slice(1, 2), (a) => a.side)).toEqual({ points: [], undated: 1 });
  });
});
