import { describe, expect, it } from 'vitest';
import { feedHealthBySource, feedStatus, parseFeedHealth } from '../../src/site/feed-health';

describe('parseFeedHealth', () => {
  it('reads the pipeline entries and groups them by source', () => {
    const rows = parseFeedHealth(
      JSON.stringify([
        { name: 'a.xml', sourceId: 'a', format: 'rss', items: 3, articles: 2, duplicates: 1, errors: [] },
        { name: 'b.xml', sourceId: 'a', format: 'atom', items: 0, articles: 0, duplicates: 0, errors: [{ code: 'E_XML', message: 'bad' }, 'timeout'] },
        { sourceId: 'no-name' },
        null,
      ]),
    );
    expect(rows).toHaveLength(2);
    expect(rows[1]!.errors).toEqual(['E_XML: bad', 'timeout']);
    expect(feedHealthBySource(rows).get('a')!.map((r) => r.name)).toEqual(['a.xml', 'b.xml']);
  });

  it('keeps a feed that was read with a caveat apart from a failed one (a repaired charset had shown as a red error)', () => {
    const [row] = parseFeedHealth(
      JSON.stringify([
        { name: 'z.xml', sourceId: 'z', format: 'rss', items: 2, articles: 2, duplicates: 0, errors: [{ kind: 'encoding_repaired', message: 'the feed names no charset' }, { kind: 'item_invalid', message: 'item 3 has no link' }] },
      ]),
    );
    expect(row!.errors).toEqual([]);
    expect(row!.warnings).toEqual(['the feed names no charset', 'item 3 has no link']);
    const [failed] = parseFeedHealth(JSON.stringify([{ name: 'f.xml', sourceId: 'f', errors: [{ kind: 'missing_file', message: 'not in the feeds folder' }] }]));
    expect(failed!.errors).toEqual(['not in the feeds folder']);
    expect(failed!.warnings).toEqual([]);
  });

  it.each([undefined, '', '{', '42', '{"x":1}'])('never throws on %j', (text) => {
    expect(parseFeedHealth(text)).toEqual([]);
  });

  it('reads whether a feed is stale and its newest item (the bundled WSJ feed: read fine, newest item a year old)', () => {
    // The demo's state/feeds.json entry for the WSJ feed, as the pipeline writes it.
    const [wsj, fresh] = parseFeedHealth(
      JSON.stringify([
        { name: 'wsj-world-STALE-2025-01.rss.xml', sourceId: 'wsj', format: 'rss', items: 20, articles: 0, duplicates: 0, errors: [], status: 'ok', newestItem: '2025-01-27T19:23:00Z', lastNewArticle: null, stale: true },
        { name: 'a.xml', sourceId: 'a', format: 'rss', items: 3, articles: 2, duplicates: 0, errors: [], newestItem: 'not a date', stale: 'yes' },
      ]),
    );
    expect([wsj!.stale, wsj!.newestItem, wsj!.lastNewArticle]).toEqual([true, '2025-01-27T19:23:00Z', null]);
    expect([fresh!.stale, fresh!.newestItem]).toEqual([false, null]);
  });
});

describe('feedStatus', () => {
  const fine = { errors: [], stale: false, newestItem: '2026-02-17T15:20:02Z', lastNewArticle: '2026-02-18T03:12:00Z' };
  it.each([
    ['a fresh feed', fine, { kind: 'ok', text: 'OK' }],
    // It had shown a green "OK".
    ['a stale feed, by its newest item', { ...fine, stale: true, newestItem: '2025-01-27T19:23:00Z' }, { kind: 'stale', text: 'Stale: newest item 27 Jan 2025' }],
    ['a stale feed without dates, by its last new article', { ...fine, stale: true, newestItem: null, lastNewArticle: '2026-02-01T10:00:00Z' }, { kind: 'stale', text: 'Stale: no new article since 1 Feb 2026' }],
    ['a stale feed with no date at all', { ...fine, stale: true, newestItem: null, lastNewArticle: null }, { kind: 'stale', text: 'Stale: no new item for over 7 days' }],
    ['a failed feed (failures come first)', { ...fine, stale: true, errors: ['timeout: no response', 'b', 'c', 'd'] }, { kind: 'failed', text: '4 errors: timeout: no response; b; c' }],
    ['one failure', { ...fine, errors: ['http_404: Not Found'] }, { kind: 'failed', text: '1 error: http_404: Not Found' }],
  ] as const)('%s', (_name, feed, expected) => {
    expect(feedStatus({ ...feed, errors: [...feed.errors] })).toEqual(expected);
  });
});
