/**
 * A built site with Arabic and Japanese outlets (the hand-made fixture content plus two sources and a story whose
 * headline is the Arabic outlet's title): pages stay <html lang="en"> (the UI is English), and the outlets' text
 * carries its own language and direction on the story page, the home page, the source page, and in the feeds.
 */
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import matter from 'gray-matter';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers';
import { buildSite } from '../e2e/site-kit';

const STORY = 'q7r8s9t0';
const AR_TITLE = 'ارتفاع أسعار النفط بعد اجتماع أوبك';
const AR_SENTENCE = 'ارتفعت أسعار النفط بنسبة ثلاثة في المئة.';
const JA_SENTENCE = '原油価格は3%上昇した。';
const EN_SENTENCE = 'Oil prices rose three percent on Tuesday.';
let dist: string;

const source = (id: string, name: string, language: string, country: string) => ({
  id, name, homepage: `https://www.${id}.example/`, feeds: [{ url: `https://www.${id}.example/rss.xml`, file: null, topic: null }],
  country, language, bias: [], factuality: [], ownership: null, discovered: false,
});

beforeAll(async () => {
  const work = await tempDir('parallax-language-site-');
  dist = path.join(work, 'dist');
  const content = path.join(work, 'content');
  await cp(path.join(ROOT, 'tests', 'fixtures', 'site-content'), content, { recursive: true });
  const registry = path.join(content, 'state', 'sources.json');
  const sources = JSON.parse(await readFile(registry, 'utf8')) as unknown[];
  sources.push(source('aljazeera', 'الجزيرة', 'ar', 'QA'), source('asahi', '朝日新聞', 'ja', 'JP'));
  await writeFile(registry, `${JSON.stringify(sources, null, 2)}\n`);
  const article = (id: string, sourceId: string, title: string, excerpt: string, at: string) => ({
    id, sourceId, url: `https://www.${sourceId}.example/${id}`, title, excerpt, published: at, firstSeen: at, similarity: 0.6,
  });
  const articles = [
    article('f1b2c3d4e5f60001', 'aljazeera', `${AR_TITLE} - الجزيرة`, AR_SENTENCE, '2026-02-17T20:00:00Z'),
    article('f1b2c3d4e5f60002', 'asahi', '原油価格が上昇', JA_SENTENCE, '2026-02-17T21:00:00Z'),
    article('f1b2c3d4e5f60003', 'civic-ledger', 'Oil prices rise after OPEC meeting', EN_SENTENCE, '2026-02-17T22:00:00Z'),
  ];
  const summary = [AR_SENTENCE, JA_SENTENCE, EN_SENTENCE].map((text, i) => ({ text, articleId: articles[i]!.id }));
  const story = {
    id: STORY, slug: 'oil-prices', title: AR_TITLE, summary, articles,
    firstSeen: '2026-02-17T20:00:00Z', lastUpdated: '2026-02-17T22:00:00Z',
    coverage: {
      sourceCount: 3, articleCount: 3, bias: { left: 0, center: 1, right: 0, unrated: 2 }, biasPercent: { left: 0, center: 100, right: 0 },
      biasDetail: { center: 1, unrated: 2 }, factuality: { 'very-high': 1, unrated: 2 }, ownership: { 'non-profit': 1, unrated: 2 },
      countries: { US: 1, QA: 1, JP: 1 }, brokeBy: { sourceId: 'aljazeera', articleId: articles[0]!.id, at: '2026-02-17T20:00:00Z' },
    },
    blindspot: null, topics: ['energy'],
  };
  await writeFile(path.join(content, 'stories', `${STORY}.md`), matter.stringify(summary.map((b) => `- ${b.text}`).join('\n'), story));
  await buildSite(work, ['--no-ingest', '--content', content]);
}, 300_000);

const read = (f: string): Promise<string> => readFile(path.join(dist, f), 'utf8');

/** The opening tag of the nearest `<element` before `text`'s first occurrence in the page's body. */
function openingTagOf(html: string, element: string, text: string): string {
  const at = html.indexOf(text, html.indexOf('<body'));
  expect(at, `${text} in the page`).toBeGreaterThan(-1);
  const start = html.lastIndexOf(`<${element}`, at);
  return html.slice(start, html.indexOf('>', start) + 1);
}

describe('a site with Arabic and Japanese outlets', () => {
  it("keeps every page's language the site's (its UI is English)", async () => {
    for (const f of ['index.html', `story/${STORY}/index.html`, 'source/aljazeera/index.html', 'sources/index.html']) {
      expect(await read(f)).toMatch(/^<!DOCTYPE html><html lang="en">/i);
    }
  });

  it("marks the story page's headline, bullets and articles with their outlets' languages and directions", async () => {
    const html = await read(`story/${STORY}/index.html`);
    expect(openingTagOf(html, 'h1', AR_TITLE)).toBe('<h1 data-pagefind-meta="title" lang="ar" dir="rtl">');
    expect(openingTagOf(html, 'li', AR_SENTENCE)).toBe('<li lang="ar" dir="rtl">');
    expect(openingTagOf(html, 'li', JA_SENTENCE)).toBe('<li lang="ja" dir="auto">');
    expect(openingTagOf(html, 'li', EN_SENTENCE)).toBe('<li>');
    expect(openingTagOf(html, 'h3', `${AR_TITLE} - الجزيرة`)).toBe('<h3 lang="ar" dir="rtl">');
    expect(openingTagOf(html, 'h3', '原油価格が上昇')).toBe('<h3 lang="ja" dir="auto">');
    expect(openingTagOf(html, 'h3', 'Oil prices rise after OPEC meeting')).toBe('<h3>');
    expect(html).toMatch(/<a href="\/source\/aljazeera\/" lang="ar" dir="rtl">الجزيرة<\/a>/);
  });

  it("marks the home page's card for the Arabic headline", async () => {
    expect(openingTagOf(await read('index.html'), 'h2', AR_TITLE)).toBe('<h2 lang="ar" dir="rtl">');
  });

  it("marks the source page's name and articles, and its feeds state its language", async () => {
    const html = await read('source/aljazeera/index.html');
    expect(html).toContain('<span lang="ar" dir="rtl">الجزيرة</span>');
    expect(openingTagOf(html, 'p', AR_SENTENCE)).toBe('<p class="excerpt" lang="ar" dir="rtl">');
    expect(await read('source/aljazeera/rss.xml')).toContain('<language>ar</language>');
    expect((JSON.parse(await read('source/aljazeera/feed.json')) as { language: string }).language).toBe('ar');
    expect(await read('source/asahi/rss.xml')).toContain('<language>ja</language>');
    expect(await read('source/rundfunk-aktuell/rss.xml')).toContain('<language>de</language>');
    expect(await read('source/civic-ledger/rss.xml')).toContain('<language>en</language>');
  });

  it("keeps the site's language in the top-level feeds, naming the Arabic story item's in JSON Feed", async () => {
    expect(await read('rss.xml')).toContain('<language>en</language>');
    const top = JSON.parse(await read('feed.json')) as { language: string; items: Array<{ id: string; language?: string }> };
    expect(top.language).toBe('en');
    expect(top.items.find((i) => i.id === STORY)?.language).toBe('ar');
    expect(top.items.find((i) => i.id === 'k3v9q2m7')?.language).toBeUndefined();
  });

  it("marks a German outlet's article in an English story; a Latin headline of unknown language is left as it is", async () => {
    const html = await read('story/20260217/index.html');
    expect(openingTagOf(html, 'h3', 'Sturm legt Bahnverkehr in Nordengland lahm')).toBe('<h3 lang="de" dir="auto">');
    // The fixture's headline is no article's title and its sources write English and German: its language is
    // unknown, and with no right-to-left letter dir="auto" would change nothing.
    expect(openingTagOf(html, 'h1', 'Storm closes northern rail lines')).toBe('<h1 data-pagefind-meta="title">');
    // Every source of this one writes English: its headline is English, as the page.
    expect(openingTagOf(await read('story/m5n6b7v8/index.html'), 'h1', 'Port strike enters third week')).toBe('<h1 data-pagefind-meta="title">');
  });
});
