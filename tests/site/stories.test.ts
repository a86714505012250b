import { describe, expect, it } from 'vitest';
import { articlesChronological, articlesForSource, hasStoryPage, rankStories } from '../../src/site/stories';
import { fixtureSources, fixtureStories } from './load-fixture';

const stories = fixtureStories();

describe('fixture content', () => {
  it('validates against the shared schemas', () => {
    expect(stories).toHaveLength(5);
    expect(fixtureSources()).toHaveLength(7);
  });
});

describe('rankStories', () => {
  it('keeps stories with >= 2 sources, by score desc', () => {
    expect(rankStories(stories).map((s) => s.id)).toEqual(['k3v9q2m7', '20260217', 'm5n6b7v8', 'p8w4n6t2']);
  });
  it('breaks score ties by id in code-point order', () => {
    const base = stories.find((s) => s.id === 'm5n6b7v8')!;
    const tied = ['b', 'a', 'B'].map((id) => ({ ...base, id, score: 1 }));
    expect(rankStories(tied).map((s) => s.id)).toEqual(['B', 'a', 'b']);
  });
  it('leaves single-source stories out', () => {
    const single = stories.find((s) => s.id === 'z1y2x3w4')!;
    expect(hasStoryPage(single)).toBe(false);
    expect(rankStories([single])).toEqual([]);
  });
});

describe('articlesChronological', () => {
  it('orders by published, falling back to firstSeen', () => {
    const story = stories.find((s) => s.id === 'k3v9q2m7')!;
    const ids = articlesChronological([...story.articles].reverse()).map((a) => a.id);
    expect(ids).toEqual([
      'a1b2c3d4e5f60001',
      'a1b2c3d4e5f60002',
      'a1b2c3d4e5f60003',
      'a1b2c3d4e5f60004',
      'a1b2c3d4e5f60005',
      'a1b2c3d4e5f60006',
      'a1b2c3d4e5f60007',
    ]);
  });
});

describe('articlesForSource', () => {
  it('lists a source’s articles across stories, newest first, linking only stories with a page', () => {
    const rows = articlesForSource(stories, 'frontier-wire');
    expect(rows.map((r) => [r.article.id, r.storyId, r.linked])).toEqual([
      ['e1b2c3d4e5f60001', 'z1y2x3w4', false],
      ['a1b2c3d4e5f60004', 'k3v9q2m7', true],
      ['c1b2c3d4e5f60001', 'm5n6b7v8', true],
    ]);
  });
  it('lists an article that appears in two stories once, preferring the story with a page', () => {
    const single = stories.find((s) => s.id === 'z1y2x3w4')!;
    const multi = stories.find((s) => s.id === 'm5n6b7v8')!;
    const dup = { ...single, id: 'a0000000', articles: [{ ...multi.articles[0]! }] };
    const rows = articlesForSource([dup, multi], 'frontier-wire');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ storyId: 'm5n6b7v8', linked: true });
  });
  it('is empty for a source with no articles', () => {
    expect(articlesForSource(stories, 'no-such-source')).toEqual([]);
  });
});
