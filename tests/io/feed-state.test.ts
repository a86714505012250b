/** Per-feed state over runs (src/core/state/feed-state.ts) and the health report (src/cli/health.ts). */
import { describe, expect, it } from 'vitest';
import { feedWarnings, healthRows, nextFeedState, observeFeed, sameFeeds, type FeedObservation, type FeedState } from '../../src/core/state/feed-state';
import type { FeedInput } from '../../src/core/pipeline-types';
import { formatHealth } from '../../src/cli/health';

const obs = (o: Partial<FeedObservation> = {}): FeedObservation => ({
  name: 'f', sourceId: 's', url: 'https://x.example/rss', format: 'rss', items: 10, articles: 10, duplicates: 0, newArticles: 2,
  errors: [], notModified: false, newestItem: '2026-02-17T10:00:00Z', etag: '"e1"', lastModified: null, ...o,
});
const fail = obs({ errors: [{ kind: 'timeout', message: 'no response headers within 10000 ms' }], items: 0, articles: 0, newArticles: 0, newestItem: null, etag: null });

describe('nextFeedState', () => {
  const t1 = '2026-02-18T00:00:00Z';
  const t2 = '2026-02-18T01:00:00Z';
  const t3 = '2026-02-18T02:00:00Z';
  it('counts consecutive failures, keeps the last success and the validators, resets on success', () => {
    const a = nextFeedState(undefined, obs(), t1);
    expect(a).toMatchObject({ status: 'ok', lastSuccess: t1, consecutiveFailures: 0, etag: '"e1"', stale: false, items: 10 });
    const b = nextFeedState(a, fail, t2);
    expect(b).toMatchObject({ status: 'failed', lastSuccess: t1, consecutiveFailures: 1, etag: '"e1"', items: 10, lastError: { at: t2, kind: 'timeout' } });
    const c = nextFeedState(b, fail, t3);
    expect(c.consecutiveFailures).toBe(2);
    const d = nextFeedState(c, obs({ etag: '"e2"' }), '2026-02-18T03:00:00Z');
    expect(d).toMatchObject({ status: 'ok', consecutiveFailures: 0, etag: '"e2"', lastError: { at: t3 } });
  });
  it('a cut-off document (xml_truncated) whose items before the cut were read is ok with a warning, its items counted', () => {
    const cut = nextFeedState(undefined, obs({ items: 3, errors: [{ kind: 'xml_truncated', message: 'the document ends inside 2 open element(s)' }] }), '2026-02-18T00:00:00Z');
    expect({ status: cut.status, items: cut.items, lastSuccess: cut.lastSuccess, consecutiveFailures: cut.consecutiveFailures }).toEqual({ status: 'ok', items: 3, lastSuccess: '2026-02-18T00:00:00Z', consecutiveFailures: 0 });
  });

  it('a 304 is a success that keeps the last body figures and validators', () => {
    const a = nextFeedState(undefined, obs(), t1);
    const b = nextFeedState(a, obs({ notModified: true, items: 0, articles: 0, newArticles: 0, newestItem: null, etag: null, format: null }), t2);
    expect(b).toMatchObject({ status: 'not_modified', lastSuccess: t2, items: 10, newestItem: '2026-02-17T10:00:00Z', etag: '"e1"', format: 'rss' });
  });
  it('re-running a run at the same clock does not count twice', () => {
    const a = nextFeedState(undefined, obs(), t1);
    const b = nextFeedState(a, fail, t2);
    expect(nextFeedState(b, fail, t2)).toEqual(b);
    expect(nextFeedState(nextFeedState(b, obs(), t2), fail, t2).consecutiveFailures).toBe(1);
  });
  it('is stale when neither its newest item nor its last new article is newer than 7 days', () => {
    expect(nextFeedState(undefined, obs({ newestItem: '2025-01-27T19:23:00Z', newArticles: 0 }), t1).stale).toBe(true);
    // New articles this run (undated or misdated items first seen now): not stale, whatever the newest date says.
    expect(nextFeedState(undefined, obs({ newestItem: '1970-02-18T01:00:00Z', newArticles: 4 }), t1).stale).toBe(false);
    const undated = nextFeedState(undefined, obs({ newestItem: null }), t1);
    expect(undated.stale).toBe(false);
    expect(nextFeedState(undated, obs({ newestItem: null, newArticles: 0 }), '2026-02-26T00:00:00Z').stale).toBe(true);
  });
});

describe('feedWarnings', () => {
  const input = (fetch: Partial<NonNullable<FeedInput['fetch']>> = {}, o: Partial<FeedInput> = {}): FeedInput => ({
    name: 'https://x.example/rss', sourceId: 's', url: 'https://x.example/rss', contentType: null, bytes: new Uint8Array(1), error: null,
    fetch: { status: 'ok', httpStatus: 200, attempts: 1, redirects: 0, ms: 1, etag: null, lastModified: null, ...fetch }, ...o,
  });
  const item = {};
  const had = nextFeedState(undefined, obs({ items: 12 }), '2026-02-18T00:00:00Z');
  const none = { items: [], errors: [] };

  it('names a permanent move with the new URL, credentials hidden; says nothing without movedTo', () => {
    expect(feedWarnings(input({ redirects: 2, movedTo: 'https://new.example/feed.xml' }), { items: [item], errors: [] }, had)).toEqual([
      { kind: 'moved_permanently', message: "moved permanently to https://new.example/feed.xml; update the registry's feed URL" },
    ]);
    expect(feedWarnings(input({ redirects: 1, movedTo: 'https://u:S3cret@new.example/feed.xml' }), { items: [item], errors: [] }, had)[0]!.message).toBe(
      "moved permanently to https://***@new.example/feed.xml; update the registry's feed URL",
    );
    expect(feedWarnings(input({ redirects: 1 }), { items: [item], errors: [] }, had)).toEqual([]);
  });

  it('names a feed that had items and returns none, with the count; not a new feed, a failed one, nor items that were all invalid', () => {
    expect(feedWarnings(input(), none, had)).toEqual([{ kind: 'no_items', message: 'returned no items; it had 12 in its last fetch with items' }]);
    expect(feedWarnings(input(), none, undefined)).toEqual([]);
    expect(feedWarnings(input(), none, nextFeedState(undefined, obs({ items: 0 }), '2026-02-18T00:00:00Z'))).toEqual([]);
    expect(feedWarnings(input(), { items: [], errors: [{ kind: 'not_a_feed', message: 'HTML' }] }, had)).toEqual([]);
    expect(feedWarnings(input({ status: 'failed' }, { bytes: null, error: { kind: 'timeout', message: 't' } }), none, had)).toEqual([]);
    expect(feedWarnings(input(), { items: [], errors: [{ kind: 'item_invalid', message: 'no link' }] }, had)).toEqual([]);
  });

  it('keeps the count while the feed stays empty (itemsBefore), through a 304, and forgets it when items come back', () => {
    const empty = nextFeedState(had, obs({ items: 0, articles: 0, newArticles: 0, errors: feedWarnings(input(), none, had) }), '2026-02-18T01:00:00Z');
    expect(empty).toMatchObject({ status: 'ok', items: 0, itemsBefore: 12 });
    expect(feedWarnings(input(), none, empty)[0]!.message).toBe('returned no items; it had 12 in its last fetch with items');
    expect(feedWarnings(input({ status: 'not_modified', httpStatus: 304 }, { bytes: null }), none, empty)[0]!.message).toBe('returned no items; it had 12 in its last fetch with items');
    expect(feedWarnings(input({ status: 'not_modified', httpStatus: 304 }, { bytes: null }), none, had)).toEqual([]);
    const notModified = nextFeedState(empty, obs({ notModified: true, items: 0 }), '2026-02-18T02:00:00Z');
    expect(notModified.itemsBefore).toBe(12);
    const back = nextFeedState(notModified, obs({ items: 3 }), '2026-02-18T03:00:00Z');
    expect(back.items).toBe(3);
    expect(back).not.toHaveProperty('itemsBefore');
  });
});

describe('health report', () => {
  it('lists failing feeds first, then stale ones', () => {
    const ok = nextFeedState(undefined, obs({ name: 'a', url: 'https://a.example/' }), '2026-02-18T00:00:00Z');
    const stale = nextFeedState(undefined, obs({ name: 'b', url: 'https://b.example/', newestItem: '2025-01-01T00:00:00Z', newArticles: 0 }), '2026-02-18T00:00:00Z');
    const failing = nextFeedState(undefined, { ...fail, name: 'c', url: 'https://c.example/' }, '2026-02-18T00:00:00Z');
    const rows: FeedState[] = healthRows([ok, stale, failing]);
    expect(rows.map((r) => r.url)).toEqual(['https://c.example/', 'https://b.example/', 'https://a.example/']);
    const text = formatHealth(rows);
    expect(text.split('\n')[0]).toBe('Feeds 3: 2 ok, 0 not modified, 1 failing, 1 stale (no new item for 7+ days)');
    expect(text).toMatch(/FAILED +1 +— .*timeout: no response headers/);
    expect(text).toMatch(/\nstale +0 /);
    // --problems: the summary still counts every feed; the table holds the failing and stale ones.
    const problems = formatHealth(rows, { problemsOnly: true }).split('\n');
    expect(problems[0]).toBe('Feeds 3: 2 ok, 0 not modified, 1 failing, 1 stale (no new item for 7+ days)');
    expect(problems.slice(3).map((l) => l.split(/ +/)[0])).toEqual(['FAILED', 'stale']);
  });

  it('says so when there is nothing to list (an empty table header had read as "no feeds")', () => {
    const ok = nextFeedState(undefined, obs({ name: 'a', url: 'https://a.example/' }), '2026-02-18T00:00:00Z');
    expect(formatHealth(healthRows([ok]), { problemsOnly: true })).toBe('Feeds 1: 1 ok, 0 not modified, 0 failing, 0 stale (no new item for 7+ days)\nNo failing or stale feed.');
    expect(formatHealth([])).toBe('Feeds 0: 0 ok, 0 not modified, 0 failing, 0 stale (no new item for 7+ days)\nNo feed has been read yet: run `parallax ingest` first.');
  });

  it('marks a last error cut to fit the table with "…" (it had been cut mid-word, silently)', () => {
    const long = { ...fail, name: 'd', url: 'https://d.example/', errors: [{ kind: 'http_status', message: 'HTTP 503 Service Unavailable from the origin server behind the content delivery network' }] };
    const text = formatHealth([nextFeedState(undefined, long, '2026-02-18T00:00:00Z')]);
    const cell = text.split('\n').at(-1)!.split('  ').at(-1)!;
    expect(cell).toBe('2026-02-18 00:00 http_503: HTTP 503 Service Unavailable from the origin server…');
    // A long feed URL keeps its end, which tells two feeds of one host apart (it had been cut at its end).
    const url = 'http://127.0.0.1:18731/a-really-long-path-segment-name/with-more-segments/and-the-feed-name-alpha.xml';
    const row = formatHealth([nextFeedState(undefined, { ...long, url }, '2026-02-18T00:00:00Z')]).split('\n').at(-1)!;
    expect(row).toContain('s: http://127.0.0.1:18731/a-…more-segments/and-the-feed-name-alpha.xml  ');
  });
});

describe('observeFeed', () => {
  const input = { name: 'f', sourceId: 's', url: 'https://x.example/rss', bytes: null, error: null } as unknown as FeedInput;
  const report = { name: 'f', sourceId: 's', format: 'rss' as const, items: 3, articles: 3, duplicates: 0, newArticles: 3, errors: [] };
  const newest = (dates: Array<string | null>): string | null => observeFeed(input, dates.map((published) => ({ published })), { ...report }, '2023-11-14T23:00:00Z').newestItem;
  it('takes an item date after the run clock as the clock, as the stored article does (an operator trial’s 23:32 of a 23:00 run)', () => {
    expect(newest(['2023-11-14T20:00:00Z', '2023-11-14T23:32:00Z'])).toBe('2023-11-14T23:00:00Z');
    expect(newest(['2023-11-14T20:00:00+00:00', 'not a date', null])).toBe('2023-11-14T20:00:00Z');
    // More than MAX_FUTURE_SKEW_HOURS ahead: a mis-set date, not counted.
    expect(newest(['2023-11-14T20:00:00Z', '2023-11-16T00:00:00Z'])).toBe('2023-11-14T20:00:00Z');
    expect(newest([])).toBeNull();
  });
});

describe('sameFeeds', () => {
  const feed = (sourceId: string, url: string, finalUrl?: string): FeedInput => ({
    name: url, sourceId, url, contentType: null, bytes: null, error: null,
    fetch: { status: 'ok', httpStatus: 200, attempts: 1, redirects: finalUrl ? 1 : 0, finalUrl: finalUrl ?? url, ms: 1, etag: null, lastModified: null },
  });
  const named = (inputs: FeedInput[]): Array<[string, string]> => [...sameFeeds(inputs)].map(([a, b]) => [a.sourceId!, b.sourceId!]);

  it('names the feed redirected to another source’s, not that source’s own move by a slash or to https, whichever comes first', () => {
    const copycat = feed('copycat', 'https://copy.test/feed', 'https://npr.test/rss/');
    const npr = feed('npr', 'http://npr.test/rss', 'https://npr.test/rss/');
    expect(named([copycat, npr])).toEqual([['copycat', 'npr']]);
    expect(named([npr, copycat])).toEqual([['copycat', 'npr']]);
  });

  it('compares one feed however it is written: www, trailing slash, tracking parameters, parameter order', () => {
    expect(named([feed('a', 'https://a.test/x', 'https://q.test/feed?b=2&a=1&utm_source=x'), feed('q', 'https://www.q.test/feed/?a=1&b=2')])).toEqual([['a', 'q']]);
  });

  it('names none when both moved away (the first is taken for the owner), one source lists a feed twice, or the feeds differ', () => {
    expect(named([feed('a', 'https://a.test/x', 'https://z.test/f'), feed('b', 'https://b.test/y', 'https://z.test/f')])).toEqual([['b', 'a']]);
    expect(named([feed('a', 'https://a.test/x', 'https://a.test/f'), feed('a', 'https://a.test/f')])).toEqual([]);
    expect(named([feed('a', 'https://a.test/x', 'https://z.test/f?id=1'), feed('b', 'https://z.test/f?id=2')])).toEqual([]);
  });
});
