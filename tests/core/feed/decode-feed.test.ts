import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { charsetFromContentType, decodeFeed, encodingFromProlog } from '../../../src/core/feed/decode-feed.js';
import { parseFeed } from '../../../src/core/feed/parse-feed.js';

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

  it('declared UTF-8 with invalid bytes decodes with U+FFFD replacement, never throws', () => {
    const bytes = Buffer.concat([Buffer.from(rss('A', 'utf-8').replace('<title>A', '<title>A\u0001'), 'utf8')]);
    bytes[bytes.indexOf(0x01)] = 0xff;
    expect(firstTitle(bytes)).toBe('A\ufffd');
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
