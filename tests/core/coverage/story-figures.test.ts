/**
 * One hand-built story, every figure a reader sees checked together: counts, percentages (summing to 100), disputed
 * and aggregator sources apart, syndicated copy, first reporter, blindspot against the instance baseline, headline,
 * and summary bullets quoted from the story's own articles.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CLUSTER_CONFIG } from '../../../src/core/config';
import { blindspotBaseline, blindspotOf } from '../../../src/core/coverage/blindspot';
import { computeCoverage } from '../../../src/core/coverage/coverage';
import type { Article } from '../../../src/core/schema/article';
import type { Bias, Factuality, Source } from '../../../src/core/schema/source';
import { chooseHeadline } from '../../../src/core/story/headline';
import { summarize } from '../../../src/core/story/summarize';
import { buildTermModel, centroid, dot, termCounts, toVector } from '../../../src/core/story/vectorize';

function source(id: string, bias: Bias[], factuality: Factuality[] = ['high'], extra: Partial<Source> = {}): Source {
  return {
    id,
    name: id,
    homepage: `https://${id}.example/`,
    feeds: [{ url: `https://${id}.example/rss`, file: null, topic: null }],
    country: id.startsWith('uk') ? 'GB' : 'US',
    language: 'en',
    bias: bias.map((value, i) => ({ value, rater: `R${i}`, url: null, asOf: '2024-01-01' })),
    factuality: factuality.map((value, i) => ({ value, rater: `R${i}`, url: null, asOf: '2024-01-01' })),
    ownership: null,
    discovered: false,
    ...extra,
  };
}
const sources = new Map(
  [
    source('left-a', ['left']),
    source('left-b', ['lean-left']),
    source('uk-center', ['center'], ['very-high']),
    source('right-low', ['right'], ['low']),
    source('split', ['lean-left', 'lean-right']),
    source('unrated', []),
    source('gnews', [], [], { homepage: 'https://news.google.com/' }),
    // the rest of the instance (baseline only)
    source('right-b', ['right']),
    source('right-c', ['lean-right']),
  ].map((s) => [s.id, s]),
);
const dam = 'Engineers opened the spillways of the Kariba dam on Monday after heavy rain raised the lake to a record level.';
const art = (id: string, sourceId: string, time: string, title: string, summary: string, author: string | null = null): Article => ({
  id,
  sourceId,
  url: `https://${sourceId}.example/${id}`,
  title,
  summary,
  published: time,
  firstSeen: time,
  author,
  image: null,
  language: 'en',
  categories: [],
});
const articles: Article[] = [
  art('a1', 'left-a', '2026-02-18T01:00:00Z', 'Kariba dam spillways opened as lake hits record', `${dam} Villages downstream were told to move to higher ground.`),
  art('a2', 'left-b', '2026-02-18T02:00:00Z', 'Kariba dam: spillways opened after record rain', `HARARE (Reuters) - ${dam} Officials said the wall was safe.`),
  art('a3', 'uk-center', '2026-02-18T00:30:00Z', 'Kariba dam spillways opened after record lake level', `${dam} The authority said it would monitor the wall around the clock.`),
  art('a4', 'right-low', '2026-02-18T03:00:00Z', 'Kariba dam about to BURST, locals fear', 'Locals fear the Kariba dam is about to burst after the spillways were opened on Monday, a post claimed.'),
  art('a5', 'split', '2026-02-18T04:00:00Z', 'Zambia and Zimbabwe open Kariba spillways', `${dam} Zambia and Zimbabwe share the dam.`),
  art('a6', 'unrated', '2026-02-18T05:00:00Z', 'Kariba dam spillways opened', `HARARE (Reuters) - ${dam} Officials said the wall was safe.`),
  art('a7', 'gnews', '2026-02-17T23:00:00Z', 'Kariba dam spillways opened - Reuters', dam),
];

describe('a hand-built story', () => {
  const coverage = computeCoverage(articles, sources);

  it('counts sources and articles, aggregators apart', () => {
    expect(coverage.sourceCount).toBe(6);
    expect(coverage.articleCount).toBe(6);
    expect(coverage.aggregators).toBe(1);
  });

  it('splits Left / Center / Right over rated sources, unrated and disputed apart, with their percentages', () => {
    expect(coverage.bias).toEqual({ left: 2, center: 1, right: 1, unrated: 1, disputed: 1 });
    expect(coverage.biasPercent).toEqual({ left: 50, center: 25, right: 25 });
    expect(coverage.biasPercent.left + coverage.biasPercent.center + coverage.biasPercent.right).toBe(100);
    expect(coverage.disputed).toEqual([{ sourceId: 'split', ratings: [{ value: 'lean-left', rater: 'R0' }, { value: 'lean-right', rater: 'R1' }] }]);
    expect(coverage.factuality).toEqual({ high: 4, low: 1, 'very-high': 1 });
    expect(coverage.countries).toEqual({ GB: 1, US: 5 });
  });

  it('names the first reporter among outlets (the aggregator saw it earlier but is not one)', () => {
    expect(coverage.brokeBy).toEqual({ sourceId: 'uk-center', articleId: 'a3', at: '2026-02-18T00:30:00Z' });
  });

  it('finds the wire copy and counts own reporting', () => {
    expect(coverage.syndicated.map((s) => [s.articleId, s.via])).toEqual([
      ['a2', 'Reuters'],
      ['a6', 'Reuters'],
    ]);
    expect(coverage.ownReporting).toBe(4);
  });

  it('is not a blindspot: the only Right coverage is low-factuality, but the baseline says so too', () => {
    const baseline = blindspotBaseline([...sources.keys()], sources);
    expect(baseline).toEqual({ left: 2, center: 1, right: 2 });
    expect(coverage.blindspotBasis).toEqual({ left: 2, center: 1, right: 0 });
    // 3 rated sources count for the rule: below the minimum of 4.
    expect(blindspotOf(coverage, baseline)).toBeNull();
    // One more credible Left source and it is one (the low-factuality Right source does not save it).
    expect(blindspotOf({ ...coverage, blindspotBasis: { left: 3, center: 1, right: 0 } }, baseline)).toBe('right');
  });

  it('takes a headline from the story, never the one-sided shout, and quotes its own articles', () => {
    const counts = articles.map((a) => termCounts({ title: a.title, text: a.summary }, DEFAULT_CLUSTER_CONFIG));
    const model = buildTermModel(counts);
    const vectors = counts.map((c) => toVector(c.counts, model, DEFAULT_CLUSTER_CONFIG.entityBoost));
    const centre = centroid(vectors);
    const title = chooseHeadline(articles.map((a, i) => ({ title: a.title, sourceId: a.sourceId, similarity: dot(vectors[i]!, centre) })), sources);
    expect(title).not.toMatch(/BURST|burst/);
    expect(title).not.toMatch(/- Reuters$/);
    expect(articles.some((a) => a.title === title)).toBe(true);
    const bullets = summarize(articles, centre, model, DEFAULT_CLUSTER_CONFIG, title);
    expect(bullets.length).toBeGreaterThanOrEqual(3);
    const own = new Map(articles.map((a) => [a.id, a]));
    for (const b of bullets) expect(own.get(b.articleId)!.summary!.includes(b.text) || own.get(b.articleId)!.title.includes(b.text)).toBe(true);
    expect(new Set(bullets.map((b) => own.get(b.articleId)!.sourceId)).size).toBeGreaterThanOrEqual(2);
  });
});
