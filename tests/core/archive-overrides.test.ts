/** Overrides that touch archived stories (src/core/archive-overrides.ts): which action, pending merges, rehydration. */
import { describe, expect, it } from 'vitest';
import { archiveActionOf, overridesFingerprint, pendingMerges, rehydrateArticles } from '../../src/core/archive-overrides';
import { indexTakedowns, NO_OVERRIDES, parseOverrides } from '../../src/core/overrides/overrides';
import type { Story, StoryArticle } from '../../src/core/schema/story';

const art = (id: string, sourceId = 'src'): StoryArticle => ({
  id,
  sourceId,
  url: `https://${sourceId}.example/${id}`,
  title: `Title ${id}`,
  excerpt: `Excerpt ${id}`,
  published: '2026-02-01T00:00:00Z',
  firstSeen: '2026-02-01T01:00:00Z',
  similarity: 0.5,
  image: null,
  sharedTerms: [],
});
const story = (id: string, articles: StoryArticle[], title = 'T'): Story => ({ id, title, articles }) as unknown as Story;
const why = { reason: 'r' };

describe('archiveActionOf', () => {
  const o = parseOverrides({
    version: 1,
    stories: {
      merge: [{ storyIds: ['a', 'b'], ...why }],
      split: [{ articleId: 'x2', ...why }, { articleIds: ['y1', 'y2'], ...why }],
      headline: [{ storyId: 'h', title: 'Pinned', ...why }],
    },
    takedowns: [{ kind: 'source', sourceId: 'bad', ...why }, { kind: 'article', articleId: 'gone', ...why }],
  });
  const t = indexTakedowns(o);
  const live = new Set(['a', 'b', 'h', 'x', 'z']);
  it.each([
    ['a story holding a taken-down article is rebuilt without it (a trial\'s takedown had deleted whole stories)', story('z', [art('ok'), art('gone')]), { kind: 'trim', articleIds: ['gone'], labels: ['article gone'] }],
    ['a story whose every article is taken down is removed', story('z', [art('k', 'bad'), art('gone')]), { kind: 'remove', articleIds: ['k', 'gone'], labels: ['source bad', 'article gone'] }],
    ['a pending merge rebuilds', story('a', [art('a1')]), { kind: 'rebuild' }],
    ['a split of one of its articles rebuilds', story('x', [art('x1'), art('x2')]), { kind: 'rebuild' }],
    ['a split of its only article is nothing to do', story('x', [art('x2')]), null],
    ['a split of several of its articles together rebuilds', story('y', [art('y0'), art('y1'), art('y2')]), { kind: 'rebuild' }],
    ['a story that is one split group already is nothing to do (rebuilt, it would take a new id)', story('y', [art('y1'), art('y2')]), null],
    ['a pinned headline that differs is rewritten', story('h', [art('h1')], 'Old'), { kind: 'headline', title: 'Pinned' }],
    ['a pinned headline already there is nothing to do', story('h', [art('h1')], 'Pinned'), null],
  ])('%s', (_label, s, want) => {
    expect(archiveActionOf(s, o, t, {}, live)).toEqual(want);
  });
  it('a headline pinned on a story merged into this one is rewritten, unless one is pinned on its own id', () => {
    expect(archiveActionOf(story('s', [art('s1')], 'Old'), o, t, { h: 's' }, live)).toEqual({ kind: 'headline', title: 'Pinned' });
    const both = parseOverrides({ version: 1, stories: { headline: [{ storyId: 'h', title: 'Carried', ...why }, { storyId: 's', title: 'Own', ...why }] } });
    expect(archiveActionOf(story('s', [art('s1')], 'Old'), both, indexTakedowns(both), { h: 's' }, live)).toEqual({ kind: 'headline', title: 'Own' });
  });
  it('a merge already applied (b redirects to a) or whose partner has no file is nothing to do', () => {
    expect(archiveActionOf(story('a', [art('a1')]), o, t, { b: 'a' }, live)).toBeNull();
    expect(archiveActionOf(story('a', [art('a1')]), o, t, {}, new Set(['a']))).toBeNull();
  });
});

describe('pendingMerges', () => {
  it('follows redirects and drops the groups already merged', () => {
    const merge = [
      { storyIds: ['a', 'b'], ...why },
      { storyIds: ['c', 'd', 'e'], ...why },
    ];
    expect(pendingMerges(merge, { b: 'a', d: 'x' })).toEqual([{ storyIds: ['c', 'x', 'e'], ...why }]);
  });
});

describe('overridesFingerprint and rehydrateArticles', () => {
  it('changes with the overrides only', () => {
    expect(overridesFingerprint(NO_OVERRIDES)).toBe(overridesFingerprint({ ...NO_OVERRIDES }));
    expect(overridesFingerprint(NO_OVERRIDES)).not.toBe(overridesFingerprint({ ...NO_OVERRIDES, takedowns: [{ kind: 'source', sourceId: 's', reason: 'r' }] }));
    expect(overridesFingerprint(NO_OVERRIDES)).toMatch(/^[0-9a-f]{16}$/);
  });
  it('turns a story article back into an article (the excerpt stands for the summary)', () => {
    expect(rehydrateArticles([art('q')])).toEqual([
      { id: 'q', sourceId: 'src', url: 'https://src.example/q', title: 'Title q', summary: 'Excerpt q', published: '2026-02-01T00:00:00Z', firstSeen: '2026-02-01T01:00:00Z', author: null, image: null, language: null, categories: [] },
    ]);
  });
});
