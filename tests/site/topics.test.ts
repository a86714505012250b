import { describe, expect, it } from 'vitest';
import { collectTopics, topicName, topicSlug } from '../../src/site/topics';
import { fixtureStories } from './load-fixture';

describe('topicSlug', () => {
  it.each([
    ['politics', 'politics'],
    ['U.S. Politics', 'u-s-politics'],
    ['Économie & Société', 'economie-societe'],
    ['  --  ', 'topic'],
    ['日本', 'topic'],
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
  });
});
