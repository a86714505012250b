import { describe, expect, it } from 'vitest';
import { StorySchema, type Story, type StoryArticle } from '../../../src/core/schema/story';
import { materialOf } from '../../../src/core/story/story-changes';

const article = (id: string, sourceId: string, published: string): StoryArticle => ({
  id,
  sourceId,
  url: `https://${sourceId}.example/${id}`,
  title: `Headline ${id}`,
  excerpt: `Lead of ${id}.`,
  published,
  firstSeen: published,
  similarity: 0.5,
  image: null,
  sharedTerms: ['talk'],
});

function story(id: string, articles: StoryArticle[] = [article('a1', 's1', '2026-02-18T00:00:00Z'), article('a2', 's2', '2026-02-18T01:00:00Z')]): Story {
  return StorySchema.parse({
    id,
    slug: 'talks-resume',
    title: 'Talks resume',
    summary: [{ text: 'Talks resume in Geneva.', articleId: 'a1' }],
    articles,
    firstSeen: articles[0]!.firstSeen,
    lastUpdated: articles.at(-1)!.firstSeen,
    coverage: {
      sourceCount: new Set(articles.map((a) => a.sourceId)).size,
      articleCount: articles.length,
      bias: { left: 1, center: 1, right: 0, unrated: 0 },
      biasPercent: { left: 50, center: 50, right: 0 },
      biasDetail: { left: 1, center: 1 },
      factuality: { high: 2 },
      ownership: { corporation: 2 },
      countries: { US: 2 },
      brokeBy: { sourceId: 's1', articleId: 'a1', at: articles[0]!.firstSeen },
    },
    blindspot: null,
    topics: ['geneva', 'talks'],
    similar: ['zzz'],
  });
}

describe('materialOf', () => {
  const stored = story('s1');
  // The same story rebuilt in a later run: the window's statistics moved its summary, topics, similar stories and
  // the articles' similarity, but not its articles, headline or coverage.
  const drifted: Story = {
    ...stored,
    summary: [{ text: 'Talks resume.', articleId: 'a2' }],
    topics: ['talks'],
    similar: [],
    articles: stored.articles.map((a) => ({ ...a, similarity: 0.61, sharedTerms: ['geneva'] })),
  };

  it('is the same when only window-derived fields drifted', () => {
    expect(materialOf(drifted)).toBe(materialOf(stored));
  });

  it.each<[string, (s: Story) => Story]>([
    ['a new article', (s) => story(s.id, [...s.articles, article('a3', 's3', '2026-02-18T02:00:00Z')])],
    ['a new headline', (s) => ({ ...s, title: 'Talks collapse' })],
    ['a changed coverage', (s) => ({ ...s, coverage: { ...s.coverage, bias: { ...s.coverage.bias, left: 2 } } })],
    ['a blindspot', (s) => ({ ...s, blindspot: 'right' })],
    ["an article's corrected title", (s) => ({ ...s, articles: s.articles.map((a, i) => (i === 0 ? { ...a, title: 'Fixed' } : a)) })],
  ])('differs for %s', (_name, change) => {
    expect(materialOf(change(drifted))).not.toBe(materialOf(stored));
  });
});
