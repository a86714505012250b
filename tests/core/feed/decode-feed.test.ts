import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { charsetFromContentType, decodeFeed, encodingFromProlog } from '../../../src/core/feed/decode-feed.js';
import { parseFeed } from '../../../src/core/feed/parse-feed.js';
import { isFeedFailure } from '../../../src/core/state/feed-state.js';

const TITLE = 'Prix réduits à l’été — “ok” €';

function rss(title: string, encoding?: string): string {
  const decl = encoding ? `<?xml version="1.0" encoding="${encoding}"?>` : '<?xml version="1.0"?>';
  return `${decl}\n<rss version="2.0"><channel><title>T</title><item><title>${title}</title><link>https://a.example/1</link></item></channel></rss>`;
}

const firstTitle = (bytes: Uint8Array, contentType?: string) => parseFeed(bytes, { contentType }).items[0]?.title;

describe('decodeFeed: labels and sources of evidence', () => {
  it.each(['ISO-8859-1', 'iso-8859-1', 'latin1', 'l1', 'windows-1252', 'cp1252', 'US-ASCII', 'ascii', 'iso_8859-1'])(
    'prolog %s decodes as windows-1252 (WHATWG), so 0x92 is U+2019 and 0x80 is €',
    (label) => {
      const bytes = iconv.encode(rss(TITLE, label), 'windows-1252');
      const d = decodeFeed(bytes);
      expect(d.encoding).toBe('windows-1252');
      expect(d.source).toBe('prolog');
      expect(firstTitle(bytes)).toBe(TITLE);
    },
  );

  it('HTTP charset wins over the prolog (RFC 7303 §3)', () => {
    const bytes = iconv.encode(rss(TITLE, 'utf-8'), 'windows-1252');
    expect(decodeFeed(bytes, 'application/rss+xml; charset=ISO-8859-1').source).toBe('http');
    expect(firstTitle(bytes, 'application/rss+xml; charset="iso-8859-1"')).toBe(TITLE);
  });

  it('BOM wins over HTTP charset and prolog', () => {
    const body = Buffer.from(rss(TITLE, 'iso-8859-1'), 'utf8');
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]);
    const d = decodeFeed(bytes, 'text/xml; charset=iso-8859-1');
    expect(d).toMatchObject({ encoding: 'utf-8', source: 'bom' });
    expect(d.text.charCodeAt(0)).toBe(0x3c);
    expect(firstTitle(bytes, 'text/xml; charset=iso-8859-1')).toBe(TITLE);
  });

  it.each([
    ['utf-16le', [0xff, 0xfe]],
    ['utf-16be', [0xfe, 0xff]],
  ] as const)('UTF-16 with BOM (%s)', (enc, bom) => {
    const bytes = Buffer.concat([Buffer.from(bom), iconv.encode(rss(TITLE, 'utf-16'), enc)]);
    expect(decodeFeed(bytes)).toMatchObject({ encoding: enc, source: 'bom' });
    expect(firstTitle(bytes)).toBe(TITLE);
  });

  it.each(['utf-16le', 'utf-16be'] as const)('UTF-16 without BOM is sniffed from "<?" (%s)', (enc) => {
    const bytes = iconv.encode(rss(TITLE, 'utf-16'), enc);
    expect(decodeFeed(bytes).encoding).toBe(enc);
    expect(firstTitle(bytes)).toBe(TITLE);
  });

  it.each(['utf-32le', 'utf-32be'] as const)('UTF-32 without BOM is sniffed (%s)', (enc) => {
    const bytes = iconv.encode(rss(TITLE, 'utf-32'), enc);
    expect(firstTitle(bytes)).toBe(TITLE);
  });

  it('a prolog that says utf-16 on ASCII-compatible bytes is a lie: decoded as UTF-8', () => {
    const bytes = Buffer.from(rss(TITLE, 'utf-16'), 'utf8');
    expect(decodeFeed(bytes).encoding).toBe('utf-8');
    expect(firstTitle(bytes)).toBe(TITLE);
    expect(firstTitle(bytes, 'application/xml; charset=UTF-16')).toBe(TITLE);
  });

  it('other legacy encodings via iconv-lite (windows-1251, koi8-r, iso-8859-2, shift_jis, gb2312, big5, euc-kr)', () => {
    const samples: Array<[string, string]> = [
      ['windows-1251', 'Новости дня'],
      ['koi8-r', 'Новости дня'],
      ['iso-8859-2', 'Zażółć gęślą jaźń'],
      ['shift_jis', '日本語のニュース'],
      ['gb2312', '中文新闻'],
      ['big5', '中文新聞'],
      ['euc-kr', '한국어 뉴스'],
    ];
    for (const [enc, text] of samples) {
      expect(firstTitle(iconv.encode(rss(text, enc), enc))).toBe(text);
    }
  });

  it('an unknown label falls through to UTF-8', () => {
    const bytes = Buffer.from(rss(TITLE, 'x-no-such-charset'), 'utf8');
    expect(decodeFeed(bytes).encoding).toBe('utf-8');
    expect(firstTitle(bytes)).toBe(TITLE);
  });

  it('undeclared bytes: UTF-8 when valid, windows-1252 when not (legacy web default)', () => {
    expect(firstTitle(Buffer.from(rss(TITLE), 'utf8'))).toBe(TITLE);
    const latin = iconv.encode(rss(TITLE), 'windows-1252');
    expect(decodeFeed(latin)).toMatchObject({ encoding: 'windows-1252', source: 'fallback' });
    expect(firstTitle(latin)).toBe(TITLE);
  });

  it('undeclared, mostly UTF-8 with one byte pasted from a Latin-1 source: UTF-8 (XML default), the stray byte repaired', () => {
    const bytes = Buffer.concat([Buffer.from(rss(`${TITLE} caf`).split('</title><link>')[0]!, 'utf8'), Buffer.from([0xe9]), Buffer.from('</title><link>https://a.example/1</link></item></channel></rss>')]);
    expect(decodeFeed(bytes)).toMatchObject({ encoding: 'utf-8', source: 'default', repairedBytes: 1, mislabelled: null });
    expect(firstTitle(bytes)).toBe(`${TITLE} café`);
    // Before: read whole as windows-1252, "réduits" had become "rÃ©duits".
    expect(firstTitle(bytes)).not.toContain('Ã');
    const parsed = parseFeed(bytes);
    expect(parsed.errors).toEqual([{ kind: 'encoding_repaired', message: 'the feed names no charset (UTF-8, as XML defaults) and its text is mostly UTF-8, but 1 byte(s) are not; they were read as windows-1252', position: null }]);
    expect(isFeedFailure(parsed.errors)).toBe(false);
  });

  it('declared UTF-8 on text that is not UTF-8 reads it by the next evidence and says so (encoding_repaired)', () => {
    // The whole feed written in windows-1252 behind a UTF-8 label, in the prolog or the HTTP header: the label is
    // overruled and the charset guessed (chardet, the language).
    const latin = iconv.encode(rss(TITLE, 'utf-8'), 'windows-1252');
    expect(decodeFeed(latin)).toMatchObject({ encoding: 'windows-1252', source: 'fallback', repairedBytes: 0, mislabelled: 'utf-8' });
    expect(firstTitle(latin)).toBe(TITLE);
    expect(firstTitle(iconv.encode(rss(TITLE), 'windows-1252'), 'text/xml; charset=utf-8')).toBe(TITLE);
    const r = parseFeed(latin);
    expect(r.errors).toEqual([{ kind: 'encoding_repaired', message: 'the feed says utf-8 but its text is not UTF-8; it was read as windows-1252 (detected by chardet, confidence 27): a guess, the feed should declare its charset', position: null }]);
    expect(isFeedFailure(r.errors)).toBe(false);
    // An operator trial's: ISO-8859-2 behind a UTF-8 prolog, in a feed that names its language; windows-1251 behind a
    // server's `charset=utf-8`, with its own prolog saying so (they had been read as windows-1252: "Ïðåçèäåíò").
    const polish = iconv.encode(rss('Żółć gęślą jaźń: Sejm przyjął ustawę', 'utf-8').replace('<channel>', '<channel><language>pl</language>'), 'iso-8859-2');
    expect(decodeFeed(polish)).toMatchObject({ encoding: 'iso-8859-2', source: 'fallback', mislabelled: 'utf-8', guessedFrom: { language: 'pl', from: 'feed' } });
    expect(firstTitle(polish)).toBe('Żółć gęślą jaźń: Sejm przyjął ustawę');
    const russian = iconv.encode(rss('Президент подписал закон о бюджете', 'windows-1251'), 'windows-1251');
    expect(decodeFeed(russian, 'application/rss+xml; charset=utf-8')).toMatchObject({ encoding: 'windows-1251', source: 'prolog', mislabelled: 'utf-8' });
    expect(firstTitle(russian, 'application/rss+xml; charset=utf-8')).toBe('Президент подписал закон о бюджете');
    expect(parseFeed(russian, { contentType: 'application/rss+xml; charset=utf-8' }).errors).toEqual([
      { kind: 'encoding_repaired', message: 'the feed says utf-8 but its text is not UTF-8; it was read as windows-1251, as its XML prolog declares', position: null },
    ]);
    // A hostile pass's: a UTF-8 feed of English with one item pasted from a windows-1252 source (its curly quotes and
    // dashes, 15 stray bytes here; 35 in the pass's) keeps the label: its own quotes are UTF-8 sequences. It had been read whole as
    // windows-1252 ("Trumpâ€™s") under a first, looser test.
    const english = Array.from({ length: 12 }, (_, i) => `<item><title>Trump’s ‘Board of Peace’ — day ${i}</title><link>https://a.example/${i}</link></item>`).join('');
    const pasted = iconv.encode('<item><title>“Pasted” – a legacy item’s “quotes” — “and” – “dashes” — “here”</title><link>https://a.example/p</link></item>', 'windows-1252');
    const pastedInto = Buffer.concat([Buffer.from(`<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>T</title>${english}`), pasted, Buffer.from('</channel></rss>')]);
    expect(decodeFeed(pastedInto)).toMatchObject({ encoding: 'utf-8', source: 'prolog', mislabelled: null, repairedBytes: 15 });
    expect(firstTitle(pastedInto)).toBe('Trump’s ‘Board of Peace’ — day 0');
    // Under UTF8_LABEL_OVERRULE_MIN_STRAYS stray bytes, the label stands too ("Café" of a UTF-8 feed, one "é" pasted).
    const few = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>T</title><item><title>Caf'), Buffer.from([0xe9]), Buffer.from(' opens</title><link>https://a.example/1</link></item></channel></rss>')]);
    expect(decodeFeed(few)).toMatchObject({ encoding: 'utf-8', repairedBytes: 1, mislabelled: null });
    expect(firstTitle(few)).toBe('Café opens');
    // One item pasted from a Latin-1 source into a UTF-8 feed: the UTF-8 stays, the stray bytes are read as Latin-1.
    const mixed = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>T</title><item><title>L’été ', 'utf8'), Buffer.from([0xe0, 0x20, 0x50, 0x61, 0x72, 0x69, 0x73]), Buffer.from('</title><link>https://a.example/1</link></item></channel></rss>', 'utf8')]);
    expect(firstTitle(mixed)).toBe('L’été à Paris');
    // A UTF-8 BOM with a stray byte; a truncated sequence at the very end; valid UTF-8 is left alone.
    expect(decodeFeed(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<a>caf'), Buffer.from([0xe9]), Buffer.from('</a>')]))).toMatchObject({ text: '<a>café</a>', source: 'bom', repairedBytes: 1 });
    expect(decodeFeed(Buffer.concat([Buffer.from('<?xml version="1.0" encoding="utf-8"?><a>x</a>'), Buffer.from([0xe2, 0x80])]))).toMatchObject({ text: '<?xml version="1.0" encoding="utf-8"?><a>x</a>â€', repairedBytes: 2, mislabelled: null });
    expect(decodeFeed(Buffer.from(rss(TITLE, 'utf-8'), 'utf8'))).toMatchObject({ text: rss(TITLE, 'utf-8'), repairedBytes: 0 });
  });

  it.each([
    ['overlong "/" (C0 AF)', [0xc0, 0xaf], 'À¯'],
    ['a surrogate (ED A0 80)', [0xed, 0xa0, 0x80], 'í\u00a0€'],
    ['above U+10FFFF (F4 90 80 80; 0x90 is unassigned in windows-1252)', [0xf4, 0x90, 0x80, 0x80], 'ô\ufffd€€'],
  ])('reads ill-formed UTF-8 (%s) byte by byte as windows-1252 (Unicode §3.9, Table 3-7)', (_, stray, expected) => {
    const bytes = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="utf-8"?><a>'), Buffer.from(stray), Buffer.from('</a>')]);
    expect(decodeFeed(bytes).text).toBe(`<?xml version="1.0" encoding="utf-8"?><a>${expected}</a>`);
  });
});

describe('decodeFeed: UTF-8 bytes behind a single-byte label', () => {
  const fixtures = new URL('../../fixtures/', import.meta.url);
  const KLIMA = 'Klimagesetz – Bürger für Änderungen';
  const said = (label: string) => ({ kind: 'encoding_repaired', message: `the feed says ${label} but its text is UTF-8; it was read as UTF-8`, position: null });

  it('the new-user trial feed (tests/fixtures/charset): prolog ISO-8859-1, bytes UTF-8', () => {
    const want = JSON.parse(readFileSync(new URL('charset/utf8-in-iso-8859-1-prolog.expected.json', fixtures), 'utf8'));
    const bytes = readFileSync(new URL(`charset/${want.input}`, fixtures));
    expect(decodeFeed(bytes)).toMatchObject({ encoding: want.encoding, source: 'prolog', repairedBytes: 0, mislabelled: want.mislabelled });
    const r = parseFeed(bytes);
    expect(r.feed.title).toBe(want.feed_title);
    expect(r.items[0]).toMatchObject({ title: want.title, summary: want.summary, published: want.published });
    expect(r.errors).toEqual(want.errors);
    expect(isFeedFailure(r.errors)).toBe(false);
  });

  it.each(['ISO-8859-1', 'latin1', 'windows-1252', 'cp1252', 'US-ASCII', 'iso-8859-15', 'iso-8859-2'])(
    'label %s in the prolog or the HTTP header: read as UTF-8, warned (encoding_repaired)',
    (label) => {
      const bytes = Buffer.from(rss(KLIMA, label), 'utf8');
      expect(decodeFeed(bytes)).toMatchObject({ encoding: 'utf-8', source: 'prolog', mislabelled: label.toLowerCase() });
      expect(parseFeed(bytes).errors).toEqual([said(label.toLowerCase())]);
      expect(firstTitle(bytes)).toBe(KLIMA);
      const undeclared = Buffer.from(rss(KLIMA), 'utf8');
      const ct = `application/rss+xml; charset=${label}`;
      expect(decodeFeed(undeclared, ct)).toMatchObject({ encoding: 'utf-8', source: 'http', mislabelled: label.toLowerCase() });
      expect(firstTitle(undeclared, ct)).toBe(KLIMA);
    },
  );

  it('one © (C2 A9) behind ISO-8859-1, as in the Daily Mail feed kept by node-feedparser (mediacontent-dupes.xml)', () => {
    const bytes = Buffer.from(rss('© Bettmann/CORBIS', 'ISO-8859-1'), 'utf8');
    expect(firstTitle(bytes)).toBe('© Bettmann/CORBIS'); // not "Â© Bettmann/CORBIS"
    expect(parseFeed(bytes).errors).toEqual([said('iso-8859-1')]);
  });

  it("a server's default charset=ISO-8859-1 over a UTF-8 prolog on UTF-8 bytes: UTF-8, the header named", () => {
    const bytes = Buffer.from(rss(KLIMA, 'utf-8'), 'utf8');
    const r = parseFeed(bytes, { contentType: 'text/xml; charset=ISO-8859-1' });
    expect(r.items[0]!.title).toBe(KLIMA);
    expect(r.errors).toEqual([said('iso-8859-1')]);
  });

  it.each([
    ['windows-1251', 'Новости дня: «Выборы»'],
    ['koi8-r', 'Новости дня'],
    ['iso-8859-7', 'Ειδήσεις της ημέρας'],
  ])('the same for a non-Latin single-byte label (%s)', (label, text) => {
    const bytes = Buffer.from(rss(text, label), 'utf8');
    expect(decodeFeed(bytes)).toMatchObject({ encoding: 'utf-8', mislabelled: label });
    expect(firstTitle(bytes)).toBe(text);
    // and the genuine single-byte feed still reads as declared
    const genuine = iconv.encode(rss(text, label), label);
    expect(decodeFeed(genuine)).toMatchObject({ encoding: label, mislabelled: null, repairedBytes: 0 });
    expect(firstTitle(genuine)).toBe(text);
  });

  it('a genuine Latin-1 feed is unchanged: B01 (0xE9, 0xE0, 0x92 alone), and 0xFC alone for ü', () => {
    const b01 = readFileSync(new URL('cases/B01.xml', fixtures));
    expect(decodeFeed(b01)).toMatchObject({ encoding: 'windows-1252', source: 'prolog', repairedBytes: 0, mislabelled: null });
    const r = parseFeed(b01);
    expect(r.errors).toEqual([]);
    expect(r.items[0]!.title).toBe('Prix réduits à l’été : la mairie précise');
    const latin = iconv.encode(rss(KLIMA, 'ISO-8859-1'), 'windows-1252');
    expect(latin.includes(0xfc)).toBe(true);
    expect(decodeFeed(latin)).toMatchObject({ encoding: 'windows-1252', mislabelled: null });
    expect(parseFeed(latin).errors).toEqual([]);
    expect(firstTitle(latin)).toBe(KLIMA);
    expect(firstTitle(iconv.encode(rss(KLIMA), 'windows-1252'), 'text/xml; charset=latin1')).toBe(KLIMA);
  });

  it('Latin-1 text whose bytes happen to hold one UTF-8-shaped pair among lone high bytes stays Latin-1', () => {
    // "Â«" is C2 AB, well-formed UTF-8 for «; "été" gives two lone bytes (E9 74 E9): 1 sequence < 2 strays
    const text = 'Â« été';
    const bytes = iconv.encode(rss(text, 'iso-8859-1'), 'windows-1252');
    expect(decodeFeed(bytes)).toMatchObject({ encoding: 'windows-1252', mislabelled: null });
    expect(firstTitle(bytes)).toBe(text);
  });

  it('ASCII-only bytes keep their label and give no warning', () => {
    const bytes = Buffer.from(rss('Plain &#252; title', 'iso-8859-1'), 'utf8');
    expect(decodeFeed(bytes)).toMatchObject({ encoding: 'windows-1252', mislabelled: null });
    expect(parseFeed(bytes).errors).toEqual([]);
    expect(firstTitle(bytes)).toBe('Plain ü title');
  });

  it('mostly UTF-8 with a byte pasted from a Latin-1 source: UTF-8, the stray byte read as windows-1252, both named', () => {
    const bytes = Buffer.concat([Buffer.from(rss(`${KLIMA} – caf`, 'iso-8859-1').split('</title><link>')[0]!, 'utf8'), Buffer.from([0xe9]), Buffer.from('</title><link>https://a.example/1</link></item></channel></rss>')]);
    expect(decodeFeed(bytes)).toMatchObject({ encoding: 'utf-8', repairedBytes: 1, mislabelled: 'iso-8859-1' });
    expect(firstTitle(bytes)).toBe(`${KLIMA} – café`);
    expect(parseFeed(bytes).errors).toEqual([{ kind: 'encoding_repaired', message: 'the feed says iso-8859-1 but its text is UTF-8; it was read as UTF-8, and 1 byte(s) are not; they were read as windows-1252', position: null }]);
  });

  it('a double-byte label is not second-guessed (shift_jis text stays shift_jis)', () => {
    const bytes = iconv.encode(rss('日本語のニュース', 'shift_jis'), 'shift_jis');
    expect(decodeFeed(bytes)).toMatchObject({ encoding: 'shift_jis', mislabelled: null });
  });
});

describe('charsetFromContentType / encodingFromProlog', () => {
  it.each([
    ['application/rss+xml; charset=UTF-8', 'utf-8'],
    ['text/xml;charset="ISO-8859-1"', 'iso-8859-1'],
    ['text/xml; foo=bar; Charset=windows-1251', 'windows-1251'],
    ['application/xml', null],
    [undefined, null],
  ])('%s -> %s', (ct, want) => {
    expect(charsetFromContentType(ct)).toBe(want);
  });

  it('reads single- and double-quoted labels, ignores a late prolog', () => {
    expect(encodingFromProlog(Buffer.from(`<?xml version='1.0' encoding='Shift_JIS'?><a/>`))).toBe('shift_jis');
    expect(encodingFromProlog(Buffer.from(`<?xml version="1.0"?><a/>`))).toBeNull();
    expect(encodingFromProlog(Buffer.from(' '.repeat(100) + `<?xml version="1.0" encoding="latin1"?>`))).toBeNull();
  });
});
