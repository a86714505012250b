import { describe, expect, it } from 'vitest';
import { UNNAMED_WIRE } from '../../src/core/config';
import { brokeByWirePhrase, coverageExtras, wireCopyPhrase } from '../../src/site/coverage-extras';
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

describe('wire copy phrases', () => {
  const base = fixtureStories()[0]!.coverage;
  const broke = { ...base.brokeBy, articleId: 'first', sourceId: 'outlet' };

  it('names the agency, or only says wire copy when none is named; a copy of another outlet is not wire copy', () => {
    expect(wireCopyPhrase('AP')).toBe('wire copy via AP');
    expect(wireCopyPhrase(UNNAMED_WIRE)).toBe('wire copy');
    expect(wireCopyPhrase(null)).toBeNull();
  });

  it("says when the article that broke the story is an agency's copy, and only then", () => {
    const wire = { articleId: 'first', sourceId: 'outlet', via: 'Reuters', copyOf: null };
    const later = { articleId: 'later', sourceId: 'other', via: 'AP', copyOf: null };
    expect(brokeByWirePhrase({ ...base, brokeBy: broke, syndicated: [later, wire] })).toBe('wire copy via Reuters');
    expect(brokeByWirePhrase({ ...base, brokeBy: broke, syndicated: [{ ...wire, via: UNNAMED_WIRE }] })).toBe('wire copy');
    // Its own reporting, with later wire copies in the story.
    expect(brokeByWirePhrase({ ...base, brokeBy: broke, syndicated: [later] })).toBeNull();
    // The same text as another outlet's (copyOf, no agency): who wrote it is not known.
    expect(brokeByWirePhrase({ ...base, brokeBy: broke, syndicated: [{ ...wire, via: null, copyOf: 'x' }] })).toBeNull();
  });
});
