/** The retention policy (src/core/retention.ts): windows, what is kept and pruned, what is archived, tombstones. */
import { describe, expect, it } from 'vitest';
import { RETENTION_WINDOW_HOURS, CLUSTER_WINDOW_HOURS } from '../../src/core/config';
import { inWindow, isExpiredItem, isStoryActive, nextTombstones, retentionPlan, retentionWindow, updateArchiveIndex } from '../../src/core/retention';
import type { Article } from '../../src/core/schema/article';
import type { ArchiveEntry } from '../../src/core/schema/archive';
import type { Story } from '../../src/core/schema/story';

const NOW = Date.parse('2026-03-10T12:00:00Z');
const W = retentionWindow(NOW);

const article = (id: string, published: string | null, firstSeen = '2026-03-10T12:00:00Z'): Article => ({
  id,
  sourceId: 's',
  url: `https://s.example/${id}`,
  title: id,
  summary: null,
  published,
  firstSeen,
  author: null,
  image: null,
  language: 'en',
  categories: [],
});

describe('retention window', () => {
  it('is the clustering window, with the future skew allowance', () => {
    expect(RETENTION_WINDOW_HOURS).toBe(CLUSTER_WINDOW_HOURS);
    expect(new Date(W.startMs).toISOString()).toBe('2026-03-03T12:00:00.000Z');
    expect(new Date(W.endMs).toISOString()).toBe('2026-03-11T12:00:00.000Z');
  });

  it.each([
    ['published inside', '2026-03-09T00:00:00Z', '2026-03-10T12:00:00Z', true, false],
    ['published at the start, inclusive', '2026-03-03T12:00:00Z', '2026-03-10T12:00:00Z', true, false],
    ['published a second before the start', '2026-03-03T11:59:59Z', '2026-03-10T12:00:00Z', false, true],
    ['undated, first seen now', null, '2026-03-10T12:00:00Z', true, false],
    ['undated, first seen 8 days ago', null, '2026-03-02T12:00:00Z', false, true],
    ['published after first seen: first seen counts', '2026-03-12T00:00:00Z', '2026-03-01T00:00:00Z', false, true],
  ])('%s', (_label, published, firstSeen, inside, expired) => {
    const a = article('a', published, firstSeen);
    expect(inWindow(a, W)).toBe(inside);
    expect(isExpiredItem(a, W)).toBe(expired);
  });

  it('calls a story active while one of its articles is inside the window', () => {
    const old = { ...article('old', '2026-02-01T00:00:00Z'), similarity: 1 };
    const fresh = { ...article('new', '2026-03-10T00:00:00Z'), similarity: 1 };
    expect(isStoryActive({ articles: [old, fresh] }, W)).toBe(true);
    expect(isStoryActive({ articles: [old] }, W)).toBe(false);
  });
});

describe('retentionPlan', () => {
  // s1 active: an old article (kept with its story) and a fresh one; s2 left the window (archived, its article
  // pruned); "lone-old": in no story, outside the window (pruned); "lone-new": in the window (kept).
  const arts = new Map(
    [
      article('a-old', '2026-02-20T00:00:00Z'),
      article('a-new', '2026-03-09T00:00:00Z'),
      article('b-old', '2026-02-25T00:00:00Z'),
      article('lone-old', '2026-01-01T00:00:00Z'),
      article('lone-new', '2026-03-10T00:00:00Z'),
    ].map((a) => [a.id, a]),
  );
  const s1 = { id: 's1', articles: [{ id: 'a-old' }, { id: 'a-new' }] } as unknown as Story;
  const plan = retentionPlan({
    articles: arts,
    stories: [s1],
    index: { 'a-old': 's1', 'a-new': 's1', 'b-old': 's2', 'archived:s9': 's9', gone: 's3' },
    previouslyActive: ['s2', 's1', 's4', 's2'],
    removed: ['s4'],
    window: W,
  });

  it('keeps the active stories\u2019 articles (old ones too) and the window\u2019s, sorted by id', () => {
    expect(plan.keep.map((a) => a.id)).toEqual(['a-new', 'a-old', 'lone-new']);
    expect(plan.pruned).toEqual(['b-old', 'lone-old']);
  });

  it('compacts the index to the kept articles (no pruned, unknown or pseudo entries)', () => {
    expect(plan.index).toEqual({ 'a-new': 's1', 'a-old': 's1' });
    expect(Object.keys(plan.index)).toEqual(['a-new', 'a-old']);
  });

  it('archives the stories that were active and are not now, unless merged away or taken down', () => {
    expect(plan.archive).toEqual(['s2']);
  });
});

describe('nextTombstones', () => {
  it('remembers pruned undated ids, refreshes those seen again, forgets after UNDATED_TOMBSTONE_DAYS', () => {
    const next = nextTombstones({ old: '2026-02-01', seen: '2026-02-01', edge: '2026-02-08', keep: '2026-03-01' }, ['new'], ['seen'], '2026-03-10', 30);
    expect(next).toEqual({ edge: '2026-02-08', keep: '2026-03-01', new: '2026-03-10', seen: '2026-03-10' });
    expect(Object.keys(next)).toEqual(['edge', 'keep', 'new', 'seen']);
  });
});

describe('updateArchiveIndex', () => {
  const entry = (id: string, lastUpdated: string): ArchiveEntry => ({
    id,
    slug: id,
    title: id,
    firstSeen: lastUpdated,
    lastUpdated,
    sourceCount: 1,
    articleCount: 1,
    bias: { left: 0, center: 0, right: 0, unrated: 1 },
    blindspot: null,
    topics: [],
    sourceIds: ['s'],
  });
  it('removes, replaces and adds entries; newest first, ties by id', () => {
    const story = {
      id: 'b',
      slug: 'b-new',
      title: 'B new',
      firstSeen: '2026-03-01T00:00:00Z',
      lastUpdated: '2026-03-02T00:00:00Z',
      articles: [{ sourceId: 'x' }, { sourceId: 'a' }, { sourceId: 'x' }],
      coverage: { sourceCount: 2, articleCount: 3, bias: { left: 1, center: 0, right: 0, unrated: 1, disputed: 0 } },
      blindspot: null,
      topics: ['t'],
    } as unknown as Story;
    const out = updateArchiveIndex([entry('a', '2026-03-02T00:00:00Z'), entry('b', '2026-03-05T00:00:00Z'), entry('c', '2026-03-03T00:00:00Z')], [story], ['c']);
    expect(out.map((e) => e.id)).toEqual(['a', 'b']);
    expect(out[1]).toMatchObject({ slug: 'b-new', sourceIds: ['a', 'x'], articleCount: 3, bias: { left: 1, center: 0, right: 0, unrated: 1 } });
  });
});
