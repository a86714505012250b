/**
 * Publisher images: off by default (no third-party request), and when an instance turns them on, lazy-loaded, sized
 * and sent with no referrer. Rendered with Astro's container API, as the built page would be.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { afterEach, describe, expect, it } from 'vitest';
import ArticleList from '../../src/components/ArticleList.astro';
import { StoryArticleSchema } from '../../src/core/schema/story';

const article = StoryArticleSchema.parse({
  id: 'a1',
  sourceId: 's1',
  url: 'https://news.example.com/a',
  title: 'A headline',
  excerpt: 'An excerpt.',
  image: 'https://img.example.com/a.jpg',
  published: '2026-02-18T00:00:00Z',
  firstSeen: '2026-02-18T00:00:00Z',
  similarity: 1,
});

async function render(): Promise<string> {
  const container = await AstroContainer.create();
  return container.renderToString(ArticleList, { props: { articles: [article], sourcesById: new Map() } });
}

afterEach(() => {
  delete process.env.PARALLAX_PUBLISHER_IMAGES;
});

describe('publisher images', () => {
  it('are not shown by default', async () => {
    const html = await render();
    expect(html).toContain('A headline');
    expect(html).not.toContain('img.example.com');
  });

  it('are lazy, sized and sent without a referrer when turned on', async () => {
    process.env.PARALLAX_PUBLISHER_IMAGES = '1';
    const html = await render();
    const img = /<img[^>]*>/.exec(html)?.[0] ?? '';
    expect(img).toContain('src="https://img.example.com/a.jpg"');
    expect(img).toContain('loading="lazy"');
    expect(img).toContain('referrerpolicy="no-referrer"');
    expect(img).toMatch(/width="120"[^>]*height="80"/);
  });
});
