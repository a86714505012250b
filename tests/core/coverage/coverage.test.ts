import { describe, expect, it } from 'vitest';
import { blindspotOf } from '../../../src/core/coverage/blindspot';
import { computeCoverage, lastUpdatedOf, percentages, reportedAt, sourceBias } from '../../../src/core/coverage/coverage';
import type { Source } from '../../../src/core/schema/source';

function source(id: string, bias: Source['bias'][number]['value'][] = [], extra: Partial<Source> = {}): Source {
  return {
    id,
    name: id.toUpperCase(),
    homepage: `https://${id}.example/`,
    feeds: [{ url: `https://${id}.example/rss`, file: null, topic: null }],
    country: 'US',
    language: 'en',
    bias: bias.map((value) => ({ value, rater: 'AllSides', url: null, asOf: '2023-11-15' })),
    factuality: [],
    ownership: null,
    discovered: false,
    ...extra,
  };
}

describe('percentages (each rounded on its own)', () => {
  it.each([
    // Equal counts, equal numbers: largest remainder had stored one source a side as 34 / 33 / 33, and 2/2/3 as 29/28/43.
    [{ left: 1, center: 1, right: 1 }, { left: 33, center: 33, right: 33 }],
    [{ left: 2, center: 2, right: 3 }, { left: 29, center: 29, right: 43 }],
    [{ left: 2, center: 5, right: 2 }, { left: 22, center: 56, right: 22 }],
    [{ left: 0, center: 0, right: 0 }, { left: 0, center: 0, right: 0 }],
    [{ left: 1, center: 0, right: 2 }, { left: 33, center: 0, right: 67 }],
    [{ left: 1, center: 5, right: 1 }, { left: 14, center: 71, right: 14 }],
    [{ left: 3, center: 0, right: 5 }, { left: 38, center: 0, right: 63 }], // 37.5 and 62.5: halves up
  ])('%o → %o', (counts, expected) => {
    expect(percentages(counts)).toEqual(expected);
  });
});

describe('sourceBias', () => {
  it('is null when unrated and the lower median of several raters', () => {
    expect(sourceBias(source('x'))).toBeNull();
    expect(sourceBias(source('x', ['lean-left']))).toBe('lean-left');
    expect(sourceBias(source('x', ['left', 'center', 'right']))).toBe('center');
    expect(sourceBias(source('x', ['left', 'lean-right']))).toBe('left');
  });
});

describe('computeCoverage', () => {
  const sources = new Map(
    [
      source('l1', ['left'], { country: 'GB', factuality: [{ value: 'high', rater: 'MBFC', url: null, asOf: '2026-08-19' }], ownership: { owner: 'X', category: 'public-broadcaster', sourceUrl: null } }),
      source('l2', ['lean-left']),
      source('c1', ['center']),
      source('r1', ['right']),
      source('u1'),
    ].map((s) => [s.id, s]),
  );
  const art = (id: string, sourceId: string, published: string | null, firstSeen = '2026-02-18T00:00:00Z') => ({ id, sourceId, published, firstSeen });

  it('counts distinct sources per bucket, with unrated apart, and percentages over rated sources', () => {
    const c = computeCoverage(
      [art('a', 'l1', '2026-02-17T10:00:00Z'), art('b', 'l1', '2026-02-17T11:00:00Z'), art('c', 'l2', null), art('d', 'c1', null), art('e', 'u1', null), art('f', 'r1', null), art('g', 'ghost', null)],
      sources,
    );
    expect(c.sourceCount).toBe(6);
    expect(c.articleCount).toBe(7);
    expect(c.bias).toEqual({ left: 2, center: 1, right: 1, unrated: 2, disputed: 0 });
    expect(c.biasPercent).toEqual({ left: 50, center: 25, right: 25 });
    expect(c.biasDetail).toEqual({ center: 1, left: 1, 'lean-left': 1, right: 1, unrated: 2 });
    expect(c.factuality).toEqual({ high: 1, unrated: 5 });
    expect(c.ownership).toEqual({ 'public-broadcaster': 1, unrated: 5 });
    expect(c.countries).toEqual({ GB: 1, US: 4, unknown: 1 });
    expect(c.brokeBy).toEqual({ sourceId: 'l1', articleId: 'a', at: '2026-02-17T10:00:00Z' });
  });

  it('uses first-seen time when the feed date is later than when the item was seen', () => {
    const a = art('a', 'l1', '2026-02-19T00:00:00Z', '2026-02-18T05:00:00Z');
    const b = art('b', 'c1', '2026-02-18T06:00:00Z', '2026-02-18T07:00:00Z');
    expect(reportedAt(a)).toBe('2026-02-18T05:00:00Z');
    expect(computeCoverage([b, a], sources).brokeBy).toEqual({ sourceId: 'l1', articleId: 'a', at: '2026-02-18T05:00:00Z' });
  });

  it("dates a story's last update by its dated articles: an undated one first seen later does not make it newer", () => {
    const a = art('a', 'l1', '2026-02-18T06:00:00Z', '2026-02-18T07:00:00Z');
    const b = art('b', 'c1', '2026-02-18T09:00:00Z', '2026-02-18T09:30:00Z');
    const undated = art('u', 'r1', null, '2026-11-30T13:52:00Z'); // no date (or an unreadable or far-future one)
    expect(lastUpdatedOf([a, undated, b])).toBe('2026-02-18T09:00:00Z');
    // With no dated article, the newest first-seen time is all there is.
    expect(lastUpdatedOf([undated, art('v', 'c1', null, '2026-11-30T12:00:00Z')])).toBe('2026-11-30T13:52:00Z');
  });

  it('names a dated article as the first report over an undated one first seen earlier (a tie of first-seen times had picked by id)', () => {
    const undated = art('u', 'l1', null, '2026-02-18T05:00:00Z');
    const dated = art('d', 'c1', '2026-02-18T06:00:00Z', '2026-02-18T06:30:00Z');
    expect(computeCoverage([undated, dated], sources).brokeBy).toEqual({ sourceId: 'c1', articleId: 'd', at: '2026-02-18T06:00:00Z' });
    expect(computeCoverage([undated, art('v', 'c1', null, '2026-02-18T07:00:00Z')], sources).brokeBy).toEqual({ sourceId: 'l1', articleId: 'u', at: '2026-02-18T05:00:00Z' });
  });

  it('throws on a story with no articles', () => {
    expect(() => computeCoverage([], sources)).toThrow(/at least one article/);
  });
});

describe('blindspotOf (rule: ≥4 rated, side share ≤ 1/3 of its baseline share, other side ≥ its baseline)', () => {
  const balanced = { left: 10, center: 10, right: 10 };
  it.each([
    ['too few rated sources', { left: 3, center: 0, right: 0, unrated: 5 }, balanced, null],
    ['covered only from the left', { left: 4, center: 0, right: 0, unrated: 0 }, balanced, 'right'],
    ['covered only from the right', { left: 0, center: 1, right: 4, unrated: 0 }, balanced, 'left'],
    ['right share exactly at the threshold (1/9 of rated = 1/3 × 1/3)', { left: 6, center: 2, right: 1, unrated: 0 }, balanced, 'right'],
    ['right share just above the threshold', { left: 5, center: 2, right: 1, unrated: 0 }, balanced, null],
    ['balanced coverage', { left: 2, center: 2, right: 2, unrated: 0 }, balanced, null],
    ['registry with no right sources: never a right blindspot', { left: 5, center: 1, right: 0, unrated: 0 }, { left: 10, center: 5, right: 0 }, null],
    ['centre-heavy story without the left share above baseline', { left: 0, center: 6, right: 0, unrated: 0 }, balanced, null],
  ] as const)('%s', (_name, bias, baseline, expected) => {
    expect(blindspotOf(bias, baseline)).toBe(expected);
  });
});
