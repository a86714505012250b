import { describe, expect, it } from 'vitest';
import { coverageExtras } from '../../src/site/coverage-extras';
import { fixtureStories } from './load-fixture';

describe('coverageExtras', () => {
  const base = fixtureStories()[0]!.coverage;

  it('is empty when the coverage carries no extra fields', () => {
    const c = { ...base } as Record<string, unknown>;
    for (const k of ['disputed', 'syndicated', 'aggregators', 'ownReporting']) delete c[k];
    expect(coverageExtras(c as typeof base)).toEqual({ disputed: [], syndicated: [], aggregators: 0, ownReporting: null });
  });

  it('reads disputed sources, syndication, aggregators and own reporting, skipping malformed entries', () => {
    const c = {
      ...base,
      disputed: [{ sourceId: 'x', ratings: [{ value: 'left', rater: 'A' }, { value: 'right', rater: 'B' }, { value: 3 }] }, { nope: 1 }],
      syndicated: [{ articleId: 'a1', sourceId: 's', via: 'AP', copyOf: null }, 'junk'],
      aggregators: 2,
      ownReporting: 4,
    } as unknown as typeof base;
    expect(coverageExtras(c)).toEqual({
      disputed: [{ sourceId: 'x', ratings: [{ value: 'left', rater: 'A' }, { value: 'right', rater: 'B' }] }],
      syndicated: [{ articleId: 'a1', sourceId: 's', via: 'AP', copyOf: null }],
      aggregators: 2,
      ownReporting: 4,
    });
  });
});
