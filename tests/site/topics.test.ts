import { describe, expect, it } from 'vitest';
import { collectTopics, topicName, topicPageSlugs, topicsOf, topicsWithPage, topicSlug, TOPIC_PAGE_MIN_STORIES } from '../../src/site/topics';
import { fixtureStories } from './load-fixture';

describe('topicSlug', () => {
  it.each([
    ['politics', 'politics'],
    ['U.S. Politics', 'u-s-politics'],
    ['Économie & Société', 'economie-societe'],
    ['  --  ', 'topic'],
    ['日本', '日本'],
    ['Политика', 'политика'],
    ['سیاست خارجی', 'سیاست-خارجی'],
    ['हिन्दी समाचार', 'हिन्दी-समाचार'],
    ['Україна — війна', 'україна-війна'],
    ['COVID-19 в России', 'covid-19'],
    // Letters with a stroke and ligatures do not decompose: they had been dropped ("odz", "gro-britannien").
    ['Łódź', 'lodz'],
    ['Małopolska', 'malopolska'],
    ['Großbritannien', 'grossbritannien'],
    ['Færøerne', 'faeroerne'],
    // Compatibility forms decompose to capitals: lower-cased after NFKD as before the Latin fold (a trial's "ovid").
    ['ℂ𝕠𝕧𝕚𝕕', 'covid'],
    ['𝐁𝐫𝐞𝐚𝐤𝐢𝐧𝐠 𝐍𝐞𝐰𝐬', 'breaking-news'],
    ['Apple™', 'appletm'],
  ])('%j → %j', (topic, slug) => expect(topicSlug(topic)).toBe(slug));
});

describe('collectTopics', () => {
  it('lists the topics of stories with a page, by slug, each with its stories ranked', () => {
    const topics = collectTopics(fixtureStories());
    expect(topics.map((t) => t.slug)).toEqual([...topics.map((t) => t.slug)].sort());
    for (const t of topics) {
      expect(t.stories.length).toBeGreaterThan(0);
      for (const s of t.stories) expect(s.coverage.sourceCount).toBeGreaterThanOrEqual(2);
      const scores = t.stories.map((s) => s.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    }
  });

  it('merges topics whose slugs collide and names them', () => {
    const [base] = fixtureStories().filter((s) => s.coverage.sourceCount >= 2);
    const a = { ...base!, id: 'a1', topics: ['U.S. politics'] };
    const b = { ...base!, id: 'b2', topics: ['u.s. Politics', 'world'] };
    const topics = collectTopics([a, b]);
    expect(topics.map((t) => [t.slug, t.stories.map((s) => s.id)])).toEqual([
      ['u-s-politics', ['a1', 'b2']],
      ['world', ['b2']],
    ]);
    expect(topicName('world')).toBe('World');
    expect(topicName('trump, donald j')).toBe('Trump, Donald J');
    expect(topicName('united states international relations')).toBe('United States International Relations');
    expect(topicName('u.s. news and the world')).toBe('U.S. News and the World');
    expect(topicName('18-year-old')).toBe('18-year-old');
  });

  it('names a topic by the spelling most of its stories give, not by the top-ranked story', () => {
    const [base] = fixtureStories().filter((s) => s.coverage.sourceCount >= 2);
    // The top-ranked story (highest score) spells it the Guardian's way; two others write the acronym.
    const top = { ...base!, id: 'g1', score: 100, topics: ['nato'] };
    const rest = [{ ...base!, id: 'r1', score: 1, topics: ['NATO'] }, { ...base!, id: 'r2', score: 2, topics: ['NATO', 'nato'] }];
    const [nato] = collectTopics([top, ...rest]);
    expect(nato).toMatchObject({ slug: 'nato', name: 'NATO' });
    expect(nato!.stories.map((s) => s.id)).toEqual(['g1', 'r2', 'r1']);
    // A tie goes to the first in code-point order (capitals first), whichever story ranks first.
    expect(collectTopics([top, rest[0]!])[0]!.name).toBe('NATO');
    expect(collectTopics([{ ...top, topics: ['u.s. politics'] }, { ...rest[0]!, topics: ['U.S. Politics'] }])[0]!.name).toBe('U.S. Politics');
  });
});

describe('topicsOf: topics with a page', () => {
  it('keeps topics of at least TOPIC_PAGE_MIN_STORIES (3) stories with a page; chips of the others have no page', () => {
    expect(TOPIC_PAGE_MIN_STORIES).toBe(3);
    const [base] = fixtureStories().filter((s) => s.coverage.sourceCount >= 2);
    const lone = fixtureStories().find((s) => s.coverage.sourceCount < 2)!;
    const story = (id: string, topics: string[]) => ({ ...base!, id, topics });
    const stories = [
      story('a1', ['politics', 'weather']),
      story('b2', ['Politics', 'weather']),
      story('c3', ['politics', 'zysk']),
      { ...lone, id: 'd4', topics: ['weather'] }, // no page: does not count
    ];
    expect(collectTopics(stories).map((t) => [t.slug, t.stories.length])).toEqual([
      ['politics', 3],
      ['weather', 2],
      ['zysk', 1],
    ]);
    expect(topicsOf(stories).map((t) => [t.slug, t.stories.map((s) => s.id).sort()])).toEqual([['politics', ['a1', 'b2', 'c3']]]);
    expect([...topicPageSlugs(stories)]).toEqual(['politics']);
    expect(topicsWithPage(collectTopics(stories), 2).map((t) => t.slug)).toEqual(['politics', 'weather']);
  });
});
