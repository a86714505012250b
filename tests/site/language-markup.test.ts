/**
 * Language of parts in the rendered components (Astro's container API, as the built pages render them): an Arabic
 * outlet's title and excerpt carry lang="ar" dir="rtl", a Japanese one's lang="ja" dir="auto", an English one's
 * nothing (the page is <html lang="en">); a non-Latin outlet name its language; a headline its article's language.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it } from 'vitest';
import ArticleList from '../../src/components/ArticleList.astro';
import ArchiveList from '../../src/components/ArchiveList.astro';
import StoryCard from '../../src/components/StoryCard.astro';
import CoverageDetails from '../../src/components/CoverageDetails.astro';
import type { StoryArticle } from '../../src/core/schema/story';
import { archiveEntryOf } from '../../src/core/schema/archive';
import { fixtureStories } from './load-fixture';
import { SOURCES_BY_ID as sourcesById, storyArticle as art } from './language-fixture';

const articles = [
  art('a1', 'ledger', 'Oil prices rise after OPEC meeting', 'Prices rose on Tuesday.', '2026-02-17T01:00:00Z'),
  art('a2', 'aljazeera', 'ارتفاع أسعار النفط', 'ارتفعت أسعار النفط اليوم.', '2026-02-17T02:00:00Z'),
  art('a3', 'asahi', '原油価格が上昇', '原油価格が上昇した。', '2026-02-17T03:00:00Z'),
  art('a4', 'monde', 'Le pétrole grimpe', 'Les prix ont augmenté.', '2026-02-17T04:00:00Z'),
  art('a5', 'aljazeera', '', null, '2026-02-17T05:00:00Z'),
];

async function render(component: Parameters<AstroContainer['renderToString']>[0], props: Record<string, unknown>): Promise<string> {
  const container = await AstroContainer.create();
  return container.renderToString(component, { props });
}

/** The opening tag of the element that directly holds `text` (an <a>'s parent when the text is a link's). */
function openingTagOf(html: string, element: string, text: string): string {
  const at = html.indexOf(text);
  expect(at, `${text} in the HTML`).toBeGreaterThan(-1);
  const start = html.lastIndexOf(`<${element}`, at);
  return html.slice(start, html.indexOf('>', start) + 1);
}

describe('ArticleList', () => {
  it('marks each title and excerpt with its source language and direction; English text inherits the page', async () => {
    const html = await render(ArticleList, { articles, sourcesById });
    expect(openingTagOf(html, 'h3', 'ارتفاع أسعار النفط')).toBe('<h3 lang="ar" dir="rtl">');
    expect(openingTagOf(html, 'p', 'ارتفعت أسعار النفط اليوم.')).toBe('<p class="excerpt" lang="ar" dir="rtl">');
    expect(openingTagOf(html, 'h3', '原油価格が上昇')).toBe('<h3 lang="ja" dir="auto">');
    expect(openingTagOf(html, 'p', '原油価格が上昇した。')).toBe('<p class="excerpt" lang="ja" dir="auto">');
    expect(openingTagOf(html, 'h3', 'Le pétrole grimpe')).toBe('<h3 lang="fr" dir="auto">');
    expect(openingTagOf(html, 'h3', 'Oil prices rise after OPEC meeting')).toBe('<h3>');
    expect(openingTagOf(html, 'p', 'Prices rose on Tuesday.')).toBe('<p class="excerpt">');
  });

  it("keeps the site's own words in the page language: an untitled article's stand-in title is not marked Arabic", async () => {
    const html = await render(ArticleList, { articles, sourcesById });
    expect(openingTagOf(html, 'h3', 'Untitled article from الجزيرة')).toBe('<h3>');
  });

  it('marks a non-Latin outlet name, not a Latin one', async () => {
    const html = await render(ArticleList, { articles, sourcesById });
    expect(html).toContain('<a href="/source/aljazeera/" lang="ar" dir="rtl">الجزيرة</a>');
    expect(html).toContain('<a href="/source/asahi/" lang="ja" dir="auto">朝日新聞</a>');
    expect(html).toContain('<a href="/source/monde/">Le Monde</a>');
  });
});

describe('StoryCard', () => {
  const base = fixtureStories()[0]!;
  it("gives an Arabic headline its article's language and direction, an English one nothing", async () => {
    const arabic = await render(StoryCard, { story: { ...base, title: 'ارتفاع أسعار النفط', articles }, sourcesById });
    expect(openingTagOf(arabic, 'h2', 'ارتفاع أسعار النفط')).toBe('<h2 lang="ar" dir="rtl">');
    const english = await render(StoryCard, { story: { ...base, title: 'Oil prices rise after OPEC meeting', articles }, sourcesById });
    expect(openingTagOf(english, 'h2', 'Oil prices rise')).toBe('<h2>');
    // No article's title is the headline, and the sources write four languages: its language is unknown, so it is
    // isolated when it has right-to-left letters, else left as it is.
    const unknown = await render(StoryCard, { story: { ...base, title: 'أسعار النفط: Something else', articles }, sourcesById });
    expect(openingTagOf(unknown, 'h2', 'أسعار النفط: Something else')).toBe('<h2 dir="auto">');
    const latin = await render(StoryCard, { story: { ...base, title: 'Something else', articles }, sourcesById });
    expect(openingTagOf(latin, 'h2', 'Something else')).toBe('<h2>');
  });
});

describe('ArchiveList', () => {
  it("marks a title whose sources all write one other language, isolates a mixed-language story's with right-to-left letters, leaves others alone", async () => {
    const base = fixtureStories()[0]!;
    const entry = (id: string, title: string, list: StoryArticle[]) => archiveEntryOf({ ...base, id, title, articles: list });
    const html = await render(ArchiveList, {
      entries: [entry('ar1', 'ارتفاع أسعار النفط', [articles[1]!, articles[4]!]), entry('mix1', 'النفط Oil prices', articles), entry('mix2', 'Oil prices', articles), entry('en1', 'English only', [articles[0]!])],
      sourcesById,
      page: 1,
      pages: 1,
      pathOf: () => '',
      empty: 'none',
    });
    expect(html).toContain('<a href="/story/ar1/" lang="ar" dir="rtl">ارتفاع أسعار النفط</a>');
    expect(html).toContain('<a href="/story/mix1/" dir="auto">النفط Oil prices</a>');
    expect(html).toContain('<a href="/story/mix2/">Oil prices</a>');
    expect(html).toContain('<a href="/story/en1/">English only</a>');
  });
});

describe('CoverageDetails', () => {
  it('marks the first reporter’s name when it is not in Latin letters', async () => {
    const base = fixtureStories()[0]!;
    const story = { ...base, articles, coverage: { ...base.coverage, brokeBy: { sourceId: 'aljazeera', articleId: 'a2', at: '2026-02-17T02:00:00Z' } } };
    const html = await render(CoverageDetails, { story, sourcesById });
    expect(html).toContain('<a href="/source/aljazeera/" lang="ar" dir="rtl">الجزيرة</a>');
  });
});
