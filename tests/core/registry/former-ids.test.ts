/**
 * Ids are permanent: formerIds moves an old id's stored articles to the entry that names it, `sources check` refuses a
 * former id that is in use or named twice, and a run warns about an old id whose site a registry source now has.
 */
import { describe, expect, it } from 'vitest';
import { checkRegistry } from '../../../src/core/registry/check';
import { adoptFormerIds, formerIdMap, renamedSourceWarnings } from '../../../src/core/registry/former-ids';
import type { Article } from '../../../src/core/schema/article';
import type { Source } from '../../../src/core/schema/source';

const source = (id: string, site: string, extra: Partial<Source> = {}): Source => ({
  id, name: id, homepage: `https://${site}/`, feeds: [{ url: `https://${site}/rss`, file: null, topic: null }],
  country: 'US', language: 'en', bias: [], factuality: [], ownership: null, discovered: false, ...extra,
});
const article = (id: string, sourceId: string, url: string): Article => ({
  id, sourceId, url, title: id, summary: null, published: null, firstSeen: '2026-11-30T12:00:00Z', author: null, image: null, language: 'en', categories: [],
});

describe('formerIdMap / adoptFormerIds', () => {
  it('moves the articles of a former id, and only when one source names it and no source has it', () => {
    const registry = [
      source('liberty-herald', 'libertyherald.example', { formerIds: ['libertyherald'] }),
      source('harbour-times', 'harbour.example', { formerIds: ['harbour', 'both'] }),
      source('bay-post', 'baypost.example', { formerIds: ['both', 'harbour-times'] }),
    ];
    expect([...formerIdMap(registry)]).toEqual([['libertyherald', 'liberty-herald'], ['harbour', 'harbour-times']]);
    const stored = new Map([
      ['a1', article('a1', 'libertyherald', 'https://libertyherald.example/1')],
      ['a2', article('a2', 'liberty-herald', 'https://libertyherald.example/2')],
      ['a3', article('a3', 'both', 'https://both.example/3')],
    ]);
    const { articles, moved } = adoptFormerIds(stored, registry);
    expect([...articles.values()].map((a) => [a.id, a.sourceId])).toEqual([['a1', 'liberty-herald'], ['a2', 'liberty-herald'], ['a3', 'both']]);
    expect([...moved]).toEqual([['libertyherald', 1]]);
    expect(stored.get('a1')!.sourceId).toBe('libertyherald');
  });
});

describe('renamedSourceWarnings', () => {
  const registry = [source('liberty-herald', 'libertyherald.example'), source('google-news', 'news.google.com')];
  const known = new Set(registry.map((s) => s.id));

  it('names an unknown id whose articles are mostly on a registry source\'s site', () => {
    const articles = [
      article('a1', 'libertyherald', 'https://www.libertyherald.example/1'),
      article('a2', 'libertyherald', 'https://libertyherald.example/2'),
      article('a3', 'libertyherald', 'https://elsewhere.example/3'),
      article('a4', 'liberty-herald', 'https://libertyherald.example/4'),
    ];
    expect(renamedSourceWarnings(articles, registry, known)).toEqual([
      'source id libertyherald is not in the registry, but its site libertyherald.example now belongs to liberty-herald: ids are permanent; its 3 stored articles stay under libertyherald, counted apart and Unrated. Give liberty-herald its old id back, or add "formerIds": ["libertyherald"] to liberty-herald so they move to it',
    ]);
  });

  it.each<[string, Article[]]>([
    ['a removed source on a site no registry source has', [article('a1', 'plains-courier', 'https://plainscourier.com/1')]],
    ['an unknown id with half its articles on the site (no majority)', [article('a1', 'reader', 'https://libertyherald.example/1'), article('a2', 'reader', 'https://other.example/2')]],
    ['an aggregator\'s links', [article('a1', 'gn', 'https://news.google.com/rss/articles/1'), article('a2', 'gn', 'https://news.google.com/rss/articles/2')]],
    ['a known (discovered) id', [article('a1', 'liberty-herald', 'https://libertyherald.example/1')]],
  ])('says nothing for %s', (_name, articles) => {
    expect(renamedSourceWarnings(articles, registry, known)).toEqual([]);
  });
});

describe('sources check: formerIds', () => {
  const entry = (id: string, formerIds?: string[]) => ({ ...source(id, `${id}.example`), ...(formerIds ? { formerIds } : {}) });
  it('refuses a former id that is a source id now, or that two sources name; takes a good one', () => {
    const result = checkRegistry(JSON.stringify([entry('liberty-herald', ['libertyherald', 'harbour-times']), entry('harbour-times', ['libertyherald']), entry('bay-post', ['bay-post'])], null, 2), '2026-11-30');
    expect(result.issues.map((i) => [i.code, i.path])).toEqual([
      ['former_id_in_use', '0.formerIds.1'],
      ['duplicate_former_id', '1.formerIds.0'],
      ['former_id_in_use', '2.formerIds.0'],
    ]);
    expect(result.issues[2]!.message).toBe('bay-post: former id "bay-post" is its own id: ids are permanent, a former id must be no source\'s id now');
    expect(checkRegistry(JSON.stringify([entry('liberty-herald', ['libertyherald'])]), '2026-11-30').issues).toEqual([]);
    const bad = checkRegistry(JSON.stringify([entry('liberty-herald', ['Liberty Herald'])]), '2026-11-30').issues;
    expect(bad.map((i) => i.code)).toEqual(['invalid_field']);
    // The message says what an id looks like (an operator trial's "id: Invalid" did not).
    expect(bad[0]!.message).toContain('must be lower-case letters a-z and digits, words joined by single hyphens (e.g. "bravo-news")');
    const renamed = checkRegistry(JSON.stringify([entry('Bravo News!', [])]), '2026-11-30').issues;
    expect(renamed.find((i) => i.code === 'invalid_field')?.message).toContain('id: must be lower-case letters a-z and digits');
  });
});
