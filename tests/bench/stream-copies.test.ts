import { describe, expect, it } from 'vitest';
import { canonicalUrl } from '../../src/core/feed/canonical-url';
import { addDays, capEntries, copyLink, feedsAt, hashFraction, jsonFeedOf, keepEntry, shiftIso, simulatedDay, sourceIdOf, type StreamDay } from '../../bench/year/stream-copies';

/** A week of two feeds; day i has entries published at 10:00 and 23:30 that day, one without a link, one repeated. */
function week(): StreamDay[] {
  return Array.from({ length: 7 }, (_, i) => {
    const day = addDays('2023-11-13', i);
    return {
      day,
      feeds: [
        {
          file: 'a_entries.json',
          url: 'https://www.a.example/rss',
          entries: [
            { source: 'https://www.a.example/rss', title: `A ${i} morning`, description: '<p>x</p>', link: `https://a.example/${i}/m?id=1#top`, date_published: `${day}T10:00:00+00:00`, language: 'en-US' },
            { source: 'https://www.a.example/rss', title: `A ${i} night`, description: null, link: `https://a.example/${i}/n`, date_published: `${day}T23:30:00+01:00`, language: 'en-US' },
            { source: 'https://www.a.example/rss', title: 'no link', description: null, link: null, date_published: `${day}T11:00:00Z`, language: null },
          ],
        },
        {
          file: 'b_entries.json',
          url: 'https://b.example/feed',
          entries: [{ source: 'https://b.example/feed', title: `B ${i}`, description: null, link: `https://b.example/${i}`, date_published: null, language: null }],
        },
      ],
    };
  });
}

describe('time shift', () => {
  it.each([
    ['2023-11-13T22:11:27+00:00', 0, '2023-11-13T22:11:27Z'],
    ['2023-11-13T22:11:27+00:00', 7 * 86_400_000, '2023-11-20T22:11:27Z'],
    ['2023-11-13T23:30:00+01:00', 364 * 86_400_000, '2024-11-11T22:30:00Z'],
    ['2023-11-13T10:00:00.750Z', 0, '2023-11-13T10:00:00Z'],
    ['not a date', 0, null],
    [null, 0, null],
  ])('shiftIso(%s, %d) = %s', (iso, ms, want) => {
    expect(shiftIso(iso, ms)).toBe(want);
  });

  it('day d is copy ⌊d/7⌋ of base day d mod 7, shifted by whole weeks, its clock at the day end', () => {
    const w = week();
    const d10 = simulatedDay(w, 10);
    expect(d10.day).toBe('2023-11-23');
    expect(d10.end).toBe('2023-11-23T23:59:59Z');
    expect(d10.feeds[0]!.entries.map((e) => [e.title, e.date_published])).toEqual([
      ['A 3 morning', '2023-11-23T10:00:00Z'],
      ['A 3 night', '2023-11-23T22:30:00Z'],
    ]);
    expect(simulatedDay(w, 364).day).toBe('2024-11-11');
    expect(simulatedDay(w, 0).feeds[0]!.entries[0]!.date_published).toBe('2023-11-13T10:00:00Z');
  });
});

describe('layers', () => {
  it('lays base day (d + 3L) mod 7 over day d, shifted onto it, with its own links, feeds merged by file', () => {
    const d10 = simulatedDay(week(), 10, { layers: 2 });
    expect(d10.day).toBe('2023-11-23');
    expect(d10.feeds.map((f) => f.file)).toEqual(['a_entries.json', 'b_entries.json']);
    expect(d10.feeds[0]!.entries.map((e) => [e.title, e.link, e.date_published])).toEqual([
      ['A 3 morning', 'https://a.example/3/m?id=1&pxcopy=1#top', '2023-11-23T10:00:00Z'],
      ['A 3 night', 'https://a.example/3/n?pxcopy=1', '2023-11-23T22:30:00Z'],
      ['A 6 morning', 'https://a.example/6/m?id=1&pxcopy=1L1#top', '2023-11-23T10:00:00Z'],
      ['A 6 night', 'https://a.example/6/n?pxcopy=1L1', '2023-11-23T22:30:00Z'],
    ]);
    // Copy 0's second layer is tagged too, so no link of a layer repeats a link of the real stream.
    expect(simulatedDay(week(), 0, { layers: 2 }).feeds[1]!.entries.map((e) => e.link)).toEqual(['https://b.example/0', 'https://b.example/3?pxcopy=0L1']);
  });
});

describe('id uniqueness', () => {
  it.each([
    ['https://a.example/x', 0, 'https://a.example/x'],
    ['https://a.example/x', 1, 'https://a.example/x?pxcopy=1'],
    ['https://a.example/x?id=3', 52, 'https://a.example/x?id=3&pxcopy=52'],
    ['https://a.example/x?id=3#top', 2, 'https://a.example/x?id=3&pxcopy=2#top'],
  ])('copyLink(%s, %d) = %s', (link, k, want) => {
    expect(copyLink(link, k)).toBe(want);
  });

  it('a year of copies gives every entry its own canonical URL, kept through canonicalisation, titles unchanged', () => {
    const w = week();
    const urls = new Set<string>();
    let entries = 0;
    for (let d = 0; d < 365; d++) {
      for (const f of simulatedDay(w, d).feeds) {
        for (const e of f.entries) {
          entries++;
          urls.add(canonicalUrl(e.link!)!);
        }
      }
    }
    expect(entries).toBe(365 * 3); // the entry without a link is dropped
    expect(urls.size).toBe(entries);
    expect(simulatedDay(w, 15).feeds[1]!.entries[0]!.title).toBe('B 1');
  });
});

describe('deterministic subsampling', () => {
  it('hashFraction is FNV-1a 32-bit over [0, 1)', () => {
    expect(hashFraction('')).toBe(0x811c9dc5 / 2 ** 32);
    expect(hashFraction('a')).toBe(0xe40c292c / 2 ** 32);
  });

  it('keeps about the scale fraction, the same set on every run, a different set per copy', () => {
    const links = Array.from({ length: 10_000 }, (_, i) => `https://a.example/story/${i}`);
    const kept0 = links.filter((l) => keepEntry(l, 0, 0.5));
    const kept1 = links.filter((l) => keepEntry(l, 1, 0.5));
    expect(kept0.length).toBeGreaterThan(4_800);
    expect(kept0.length).toBeLessThan(5_200);
    expect(links.filter((l) => keepEntry(l, 0, 0.5))).toEqual(kept0);
    expect(kept1).not.toEqual(kept0);
    expect(links.every((l) => keepEntry(l, 3, 1))).toBe(true);
  });

  it('capEntries keeps the lowest hashes, in their order; a keep predicate sees the original link', () => {
    const entries = Array.from({ length: 6 }, (_, i) => ({ link: `https://a.example/${i}` }));
    const two = capEntries(entries, 0, 2);
    expect(two).toHaveLength(2);
    expect(two).toEqual(capEntries(entries, 0, 2));
    expect(entries.filter((e) => two.includes(e))).toEqual(two);
    expect(capEntries(entries, 0, 10)).toEqual(entries);
    const day = simulatedDay(week(), 8, { keep: (link) => link === 'https://a.example/1/n' });
    expect(day.feeds.map((f) => f.entries.map((e) => e.link))).toEqual([['https://a.example/1/n?pxcopy=1'], []]);
  });

  it('a simulated day is byte-identical across runs', () => {
    const a = simulatedDay(week(), 23, { scale: 0.5, feedCap: 1 }).feeds.map(jsonFeedOf);
    const b = simulatedDay(week(), 23, { scale: 0.5, feedCap: 1 }).feeds.map(jsonFeedOf);
    expect(a).toEqual(b);
  });
});

describe('hourly fetch and feed text', () => {
  it('feedsAt lists the past 24 h up to the hour, newest first, capped, without undated entries', () => {
    const w = week();
    const at = '2023-11-14T00:59:59Z';
    const feeds = feedsAt([simulatedDay(w, 0), simulatedDay(w, 1)], at, 1);
    expect(feeds.map((f) => [f.file, f.entries.map((e) => e.title)])).toEqual([
      ['a_entries.json', ['A 0 night']],
      ['b_entries.json', []],
    ]);
    expect(feedsAt([simulatedDay(w, 0)], at, 50)[0]!.entries.map((e) => e.title)).toEqual(['A 0 night', 'A 0 morning']);
  });

  it('jsonFeedOf writes a JSON Feed 1.1 with the links as ids', () => {
    const f = simulatedDay(week(), 7).feeds[0]!;
    const doc = JSON.parse(jsonFeedOf(f)) as { version: string; home_page_url: string; items: Array<{ id: string; url: string; title: string; date_published: string }> };
    expect(doc.version).toBe('https://jsonfeed.org/version/1.1');
    expect(doc.home_page_url).toBe('https://www.a.example/');
    expect(doc.items[0]).toEqual({ id: 'https://a.example/0/m?id=1&pxcopy=1#top', url: 'https://a.example/0/m?id=1&pxcopy=1#top', title: 'A 0 morning', content_html: '<p>x</p>', date_published: '2023-11-20T10:00:00Z' });
  });

  it.each([
    ['https://www.bbc.co.uk/news/rss.xml', 'bbc-co-uk'],
    ['http://feeds.abcnews.com/abcnews/topstories', 'feeds-abcnews-com'],
    ['not a url', 'unknown'],
  ])('sourceIdOf(%s) = %s', (url, id) => {
    expect(sourceIdOf(url)).toBe(id);
  });
});
