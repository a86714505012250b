/** The year bench's story-aware thinning (bench/year/select-entries.ts): which articles a simulated day keeps. */
import { describe, expect, it } from 'vitest';
import { selectByStory } from '../../bench/year/select-entries';
import type { Article } from '../../src/core/schema/article';

const NOW = new Date('2026-03-10T12:00:00Z');
const article = (id: string, sourceId: string, title: string): Article => ({
  id,
  sourceId,
  url: `https://${sourceId}.example/${id}`,
  title,
  summary: null,
  published: '2026-03-10T08:00:00Z',
  firstSeen: '2026-03-10T09:00:00Z',
  author: null,
  image: null,
  language: 'en',
  categories: [],
});

// Three sources on each of two events, and two single-source articles.
const articles = [
  article('a1', 'alpha', 'Volcano erupts near Reykjavik, thousands evacuated from Grindavik'),
  article('a2', 'beta', 'Volcano erupts near Reykjavik as thousands evacuated from Grindavik'),
  article('a3', 'gamma', 'Thousands evacuated from Grindavik after volcano erupts near Reykjavik'),
  article('b1', 'alpha', 'Central bank raises interest rates to 5.25 percent, highest since 2001'),
  article('b2', 'beta', 'Central bank raises interest rates to 5.25 percent in surprise move'),
  article('b3', 'delta', 'Interest rates raised to 5.25 percent by the central bank'),
  article('c1', 'gamma', 'Local bakery wins regional pastry award'),
  article('d1', 'delta', 'Museum reopens its east wing after renovation'),
];

describe('selectByStory', () => {
  it('keeps perStory articles from distinct sources of each multi-source story, and a hashed fraction of the rest', () => {
    // otherFraction 1: every other article too, the third of each story among them.
    const all = selectByStory(articles, NOW, 2, 1);
    expect([all.multiSourceStories, all.keptStories, all.keptInStories, all.keptOthers]).toEqual([2, 2, 4, 4]);
    const none = selectByStory(articles, NOW, 2, 0);
    expect(none.keptOthers).toBe(0);
    expect([...none.keep].filter((id) => id.startsWith('a'))).toHaveLength(2);
    expect([...none.keep].filter((id) => id.startsWith('b'))).toHaveLength(2);
  });

  it('keeps only the storyFraction of multi-source stories (by story id), and never their articles as others', () => {
    const half = selectByStory(articles, NOW, 3, 1, 0.5);
    const { keptStories, keptInStories, keptOthers } = half;
    // Whichever stories hash below 0.5, each kept one brings its 3 articles, and a left-out one none as others.
    expect([keptInStories, keptOthers]).toEqual([3 * keptStories, 2]);
    expect([...half.keep].filter((id) => /^[ab]/.test(id)).length).toBe(3 * keptStories);
    const zero = selectByStory(articles, NOW, 3, 1, 1e-9);
    expect([zero.keptStories, zero.keptInStories, [...zero.keep].sort()]).toEqual([0, 0, ['c1', 'd1']]);
  });
});
