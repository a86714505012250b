import { describe, expect, it } from 'vitest';
import { OPML_MAX_DEPTH, parseKiteFeeds, parseOpml } from '../../../src/core/registry/import-feeds';
import { countryCode, parseAllSidesCsv, parseKiteMediaData, parseMbfcJson } from '../../../src/core/registry/import-ratings';

describe('parseOpml', () => {
  it('reads every outline with an xmlUrl; nested folders give the topic, htmlUrl the outlet\'s site', () => {
    const opml = `<?xml version="1.0"?>
<opml version="2.0"><head><title>subs</title></head><body>
  <outline text="World">
    <outline text="Example News" type="rss" xmlUrl="https://news.example.com/rss.xml" htmlUrl="https://news.example.com/"/>
    <outline text="Tech &amp; Science"><outline title="Gadgets" xmlUrl="https://gadgets.example.org/feed"/></outline>
  </outline>
  <outline text="Loose" xmlUrl="https://loose.example.net/atom"/>
  <outline text="A bookmark" type="link" url="https://bookmark.example/"/>
</body></opml>`;
    expect(parseOpml(opml)).toEqual({
      feeds: [
        { url: 'https://news.example.com/rss.xml', name: 'Example News', homepage: 'https://news.example.com/', topic: 'world', language: null },
        { url: 'https://gadgets.example.org/feed', name: 'Gadgets', homepage: null, topic: 'tech & science', language: null },
        { url: 'https://loose.example.net/atom', name: 'Loose', homepage: null, topic: null, language: null },
      ],
      // An outline that is neither a feed nor a folder is said (8 outlines had given "7 records" without a word).
      errors: ['outline "A bookmark" has no xmlUrl: not a feed, skipped'],
    });
  });
  it('reads folders nested up to OPML_MAX_DEPTH, and names a deeper file as too deep (a trial\'s 20,000 levels had been "no <opml><body>")', () => {
    const nested = (folders: number) =>
      '<opml version="2.0"><body>' + '<outline text="F">'.repeat(folders) + '<outline text="X" xmlUrl="https://x.example/rss"/>' + '</outline>'.repeat(folders) + '</body></opml>';
    // by fast-xml-parser's count of open elements, 99 folders are read and 100 refused
    expect(parseOpml(nested(OPML_MAX_DEPTH - 1))).toEqual({ feeds: [{ url: 'https://x.example/rss', name: 'X', homepage: null, topic: 'f', language: null }], errors: [] });
    const tooDeep = ['not read: its elements are nested more than 100 levels deep (folders inside folders); no feed reader exports that'];
    expect(parseOpml(nested(OPML_MAX_DEPTH))).toEqual({ feeds: [], errors: tooDeep });
    expect(parseOpml(nested(20_000))).toEqual({ feeds: [], errors: tooDeep });
  });

  it('names a document that is not OPML', () => {
    expect(parseOpml('<rss/>')).toEqual({ feeds: [], errors: ['not an OPML document (no <opml><body>)'] });
  });

  it('refuses a DOCTYPE that declares entities, saying so (an operator trial\'s file had been "not an OPML document (no <opml><body>)")', () => {
    const body = '<opml version="2.0"><body><outline text="&a;" type="rss" xmlUrl="https://x.example/rss"/></body></opml>';
    expect(parseOpml(`<?xml version="1.0"?>\n<!DOCTYPE opml [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>\n${body}`)).toEqual({
      feeds: [],
      errors: ['not read: its DOCTYPE declares an external (SYSTEM/PUBLIC) entity; external entities are never resolved (OPML needs no DOCTYPE; remove it)'],
    });
    expect(parseOpml(`<!DOCTYPE opml [<!ENTITY a "AAAA">]>${body}`).errors[0]).toMatch(/^not read: its DOCTYPE declares internal entities/);
    // A hostile pass's: a ']' in a quoted default or a comment before the declaration had ended the search, and the
    // entity was expanded into the registry ("topic": "evil").
    for (const before of ['<!ATTLIST outline note CDATA "]">', '<!-- ] -->']) {
      expect(parseOpml(`<!DOCTYPE opml [${before}<!ENTITY a "EVIL">]>${body}`)).toEqual({ feeds: [], errors: [expect.stringMatching(/^not read: its DOCTYPE declares internal entities/)] });
    }
  });

  it('names text that is not XML in one line, with its line and column, without the XML library\'s internals', () => {
    // had been: not an OPML document: readTagExp returned undefined at position 8. Context: "garbage <not xml"
    expect(parseOpml('garbage <not xml')).toEqual({ feeds: [], errors: ["not an OPML document (not XML: char 'g' is not expected at line 1, column 1)"] });
    expect(parseOpml('<?xml version="1.0"?>\n<opml version="2.0">\n<head><title>Subs</title></head>\n<bdy></body></opml>')).toEqual({
      feeds: [],
      errors: ["not an OPML document (not XML: Expected closing tag 'bdy' (opened in line 4, col 1) instead of closing tag 'body' at line 4, column 6)"],
    });
    expect(parseOpml('<opml><body><outline')).toEqual({ feeds: [], errors: ['not an OPML document (not XML: it ends inside <opml> <body> <outline>)'] });
    expect(parseOpml(' \n')).toEqual({ feeds: [], errors: ['not an OPML document (the file is empty)'] });
    for (const text of ['garbage <not xml', '{"feeds": []}', 'hello', '<opml><body><outline']) {
      const [error, ...rest] = parseOpml(text).errors;
      expect(rest).toEqual([]);
      expect(error).toMatch(/^not an OPML document \(/);
      expect(error).not.toMatch(/readTagExp|Context:|position \d/);
    }
  });
});

describe('parseKiteFeeds', () => {
  it('reads categories as topics and keeps repeats for the merge to name', () => {
    const r = parseKiteFeeds(JSON.stringify({ World: { source_language: 'en', feeds: ['https://a.example/rss', 'https://b.example/rss'] }, Tech: { feeds: ['https://a.example/rss'] }, Bad: {} }));
    expect(r.feeds).toEqual([
      { url: 'https://a.example/rss', topic: 'world', language: 'en' },
      { url: 'https://b.example/rss', topic: 'world', language: 'en' },
      { url: 'https://a.example/rss', topic: 'tech', language: null },
    ]);
    expect(r.errors).toEqual(['category "Bad": no feeds array']);
  });
});

describe('parseAllSidesCsv', () => {
  const csv = [
    'news_source,news_link,bias_rating,community_feedback',
    'Example News,https://www.news.example.com/,Lean Left,1/2',
    'Some Columnist,https://www.news.example.com/person/x,Right,1/2',
    'Example News (Opinion),https://www.news.example.com/opinion/,Left,1/2',
    'Bothsides,https://bothsides.example/,Mixed,1/2',
    'Twitter Person,https://twitter.com/someone,Left,1/2',
    'Nobody,,Center,1/2',
  ].join('\n');
  it('maps AllSides labels to the 5-point scale, Mixed to a flag, and skips authors and sections', () => {
    const r = parseAllSidesCsv(csv, '2023-11-15');
    expect(r.records).toEqual([
      { domain: 'news.example.com', name: 'Example News', bias: { value: 'lean-left', rater: 'AllSides', url: null, asOf: '2023-11-15' }, flags: [] },
      { domain: 'bothsides.example', name: 'Bothsides', bias: null, flags: [{ value: 'mixed-bias', rater: 'AllSides', url: null, asOf: '2023-11-15' }] },
    ]);
    expect(Object.values(r.skipped).reduce((a, b) => a + b, 0)).toBe(4);
  });
});

describe('parseMbfcJson', () => {
  it('reads spelling variants of a label and counts one it does not know under skipped (a factuality label had been dropped silently)', () => {
    const rows = [
      { domain: 'a.example', bias: 'Left Center', reporting: 'very high' },
      { domain: 'b.example', bias: 'right-center', reporting: 'Very High' },
      { domain: 'c.example', bias: 'LEAST_BIASED', reporting: ' Mostly Factual ' },
      { domain: 'd.example', bias: 'left', reporting: 'pretty good' },
      { domain: 'e.example', bias: 'sideways', reporting: 'superb' },
    ];
    const r = parseMbfcJson(JSON.stringify(rows), '2026-08-19');
    expect(r.records.map((x) => [x.domain, x.bias?.value ?? null, x.factuality?.value ?? null])).toEqual([
      ['a.example', 'lean-left', 'very-high'],
      ['b.example', 'lean-right', 'very-high'],
      ['c.example', 'center', 'mostly-factual'],
      ['d.example', 'left', null],
    ]);
    expect(r.skipped).toEqual({ 'unknown factuality label "pretty-good"': 1, 'unknown bias label "sideways"': 1, 'unknown factuality label "superb"': 1, 'no usable rating': 1 });
  });
  it('maps MBFC categories that are not a position to flags, never to a side', () => {
    const rows = [
      { domain: 'lc.example', name: 'LC', url: 'https://mediabiasfactcheck.com/lc/', bias: 'left-center', reporting: 'high' },
      { domain: 'fn.example', name: 'FN', url: 'https://mediabiasfactcheck.com/fn/', bias: 'fake-news', reporting: 'very-low' },
      { domain: 'sat.example', name: 'S', url: 'https://mediabiasfactcheck.com/s/', bias: 'satire' },
      { domain: 'ps.example', name: 'PS', url: 'https://mediabiasfactcheck.com/ps/', bias: 'pro-science', reporting: 'very-high' },
      { domain: 'cp.example', name: 'CP', url: 'https://mediabiasfactcheck.com/cp/', bias: 'conspiracy-pseudoscience', reporting: 'low' },
      { domain: 'big.example/section', name: 'Section', bias: 'center', reporting: 'high' },
    ];
    const r = parseMbfcJson(JSON.stringify(rows), '2026-08-19');
    const by = new Map(r.records.map((x) => [x.domain, x]));
    expect(by.get('lc.example')!.bias!.value).toBe('lean-left');
    expect(by.get('lc.example')!.factuality!.value).toBe('high');
    for (const [d, flag] of [['fn.example', 'fake-news'], ['sat.example', 'satire'], ['ps.example', 'pro-science'], ['cp.example', 'conspiracy-pseudoscience']] as const) {
      expect(by.get(d)!.bias).toBeNull();
      expect(by.get(d)!.flags!.map((f) => f.value)).toEqual([flag]);
      expect(by.get(d)!.flags![0]!.rater).toBe('Media Bias/Fact Check');
    }
    expect(by.has('big.example/section')).toBe(false);
  });
});

describe('parseKiteMediaData', () => {
  it('maps typologies to ownership categories (public broadcasters apart) and country names to codes', () => {
    const r = parseKiteMediaData(
      JSON.stringify([
        { country: 'United Kingdom', organization: 'Pub', domains: ['pub.example', 'pub.example.org'], owner: 'The Pub Corporation. Founded long ago.', typology: 'Public Broadcaster' },
        { country: '', organization: 'Nobody', domains: [], owner: '', typology: 'Private Media' },
      ]),
    );
    expect(r.records).toHaveLength(2);
    expect(r.records[0]!.ownership).toEqual({ owner: 'The Pub Corporation.', category: 'public-broadcaster', sourceUrl: null, attribution: 'Kite media_data.json (kagisearch/kite-public, MIT)' });
    expect(r.records[0]!.country).toBe('GB');
    expect(countryCode('United States')).toBe('US');
    expect(countryCode('Atlantis')).toBeNull();
  });
});
