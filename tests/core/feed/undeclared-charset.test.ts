import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeFeed, declaredLanguage, describeGuess, legacyCharsetFor } from '../../../src/core/feed/decode-feed.js';
import { parseFeed } from '../../../src/core/feed/parse-feed.js';
import { isFeedFailure } from '../../../src/core/state/feed-state.js';

// A feed with no BOM, no HTTP charset and no encoding in its prolog is UTF-8 (XML 1.0 §4.3.3, Appendix F). When its
// bytes are not, the charset is a guess: the legacy charset of its language (HTML Standard §13.2.3.2), else
// windows-1252; the guess is reported as an 'encoding_repaired' warning (it had been silent: errors []).

const TITLE_RU = 'Вулкан на Исландии';

/** An RSS feed with no encoding declaration, its channel naming `language` (none when null). */
const rss = (title: string, language: string | null) =>
  `<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Alpha</title><link>http://alpha.test/</link>${language === null ? '' : `<language>${language}</language>`}` +
  `<item><title>${title}</title><link>http://alpha.test/a</link></item></channel></rss>`;

const GUESS = (rest: string) => ({
  kind: 'encoding_repaired',
  message: `the feed names no charset and its text is not UTF-8 (XML's default); it was read as ${rest}: a guess, the feed should declare its charset`,
  position: null,
});

describe('an undeclared feed that is not UTF-8', () => {
  it('with no language anywhere: read as windows-1252 and warned (had been mojibake with errors: [])', () => {
    const r = parseFeed(iconv.encode(rss(TITLE_RU, null), 'windows-1251'));
    expect(r.items[0]!.title).toBe('Âóëêàí íà Èñëàíäèè'); // the guess is wrong here, and now says so
    expect(r.errors).toEqual([GUESS("windows-1252, the web's legacy default")]);
    expect(isFeedFailure(r.errors)).toBe(false);
    // chardet (asked when no language names a charset) finds too little Cyrillic in one title to be confident:
    // its best guess scores under CHARDET_MIN_CONFIDENCE, so the default stands
    const d = decodeFeed(iconv.encode(rss(TITLE_RU, null), 'windows-1251'));
    expect(d).toMatchObject({ encoding: 'windows-1252', guessedFrom: null, detected: null });
    expect(describeGuess(d)).toBe("windows-1252, the web's legacy default");
  });

  it('naming its language (RSS <language>ru</language>): read as windows-1251, the guess named', () => {
    const bytes = iconv.encode(rss(TITLE_RU, 'ru'), 'windows-1251');
    const r = parseFeed(bytes);
    expect(r.items[0]!.title).toBe(TITLE_RU);
    expect(r.feed.language).toBe('ru');
    expect(r.errors).toEqual([GUESS('windows-1251, the legacy charset for the language the feed names ("ru")')]);
    expect(decodeFeed(bytes)).toMatchObject({ encoding: 'windows-1251', source: 'fallback', guessedFrom: { language: 'ru', from: 'feed' } });
    expect(describeGuess(decodeFeed(bytes))).toBe('windows-1251, the legacy charset for the language the feed names ("ru")');
  });

  it('with the source\'s language as a hint (ParseOptions.language) when the feed names none', () => {
    const r = parseFeed(iconv.encode(rss(TITLE_RU, null), 'windows-1251'), { language: 'ru' });
    expect(r.items[0]!.title).toBe(TITLE_RU);
    expect(r.errors).toEqual([GUESS('windows-1251, the legacy charset for the source\'s language ("ru")')]);
  });

  it('the language the feed names decides over the hint; a Western one keeps windows-1252', () => {
    const r = parseFeed(iconv.encode(rss('Últimas Notícias', 'pt-br'), 'windows-1252'), { language: 'ru' });
    expect(r.items[0]!.title).toBe('Últimas Notícias');
    // pt-br has no legacy charset of its own, so chardet decides (ISO-8859-1, read as windows-1252 as WHATWG does).
    expect(r.errors).toEqual([{ ...GUESS(''), message: expect.stringMatching(/it was read as windows-1252 \(detected by chardet as ISO-8859-1, confidence \d+\): a guess/) }]);
  });

  it.each([
    ['uk', 'windows-1251', 'Виверження вулкана в Ісландії'],
    ['bg', 'windows-1251', 'Изригване на вулкан в Исландия'],
    ['pl-PL', 'iso-8859-2', 'Zażółć gęślą jaźń'],
    ['cs', 'windows-1250', 'Žluťoučký kůň úpěl'],
    ['el', 'iso-8859-7', 'Ηφαίστειο στην Ισλανδία'],
    ['tr', 'windows-1254', 'İzlanda’da yanardağ patladı'],
    ['he', 'windows-1255', 'הר געש באיסלנד'],
    ['ja', 'shift_jis', 'アイスランドで火山噴火'],
    ['zh-TW', 'big5', '冰島火山爆發'],
    ['zh-CN', 'gbk', '冰岛火山爆发'],
  ])('<language>%s</language>: read as %s', (language, charset, title) => {
    const r = parseFeed(iconv.encode(rss(title, language), charset));
    expect(r.items[0]!.title).toBe(title);
    expect(r.errors.map((e) => e.message)).toEqual([expect.stringContaining(`read as ${charset}, the legacy charset for the language the feed names ("${language}")`)]);
  });

  it('takes the charset chardet detects when it writes the language\'s script (a Polish feed in windows-1250, not the table\'s iso-8859-2)', () => {
    // The new-user trial's feed: read as iso-8859-2, "Świąteczne zakupy: ceny w sklepach rosną" had lost its Ś and ą.
    const items = ['Świąteczne zakupy: ceny w sklepach rosną', 'Wiadomości z kraju i ze świata', 'Źródło: rząd przyjął budżet na przyszły rok'];
    const feed = `<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Wiadomości</title><link>http://alpha.test/</link><language>pl</language>` +
      items.map((t, i) => `<item><title>${t}</title><link>http://alpha.test/${i}</link><description>${t}. Więcej informacji wkrótce.</description></item>`).join('') + '</channel></rss>';
    const r = parseFeed(iconv.encode(feed, 'windows-1250'));
    expect(r.items.map((i) => i.title)).toEqual(items);
    expect(r.errors.map((e) => e.message)).toEqual([expect.stringMatching(/read as windows-1250 \(detected by chardet, confidence \d+\)/)]);
    // The same words in iso-8859-2 stay iso-8859-2.
    expect(parseFeed(iconv.encode(feed, 'iso-8859-2')).items.map((i) => i.title)).toEqual(items);
  });

  it('Atom xml:lang and JSON Feed "language" name the language too', () => {
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ru-RU"><title>A</title><entry><title>${TITLE_RU}</title><link href="http://alpha.test/a"/></entry></feed>`;
    expect(parseFeed(iconv.encode(atom, 'windows-1251')).items[0]!.title).toBe(TITLE_RU);
    const json = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'J', language: 'ru', items: [{ id: '1', url: 'http://alpha.test/a', title: TITLE_RU }] });
    expect(parseFeed(iconv.encode(json, 'windows-1251')).items[0]!.title).toBe(TITLE_RU);
  });

  it('nothing changes for valid UTF-8, or for a declared charset (no guess, no warning)', () => {
    expect(parseFeed(Buffer.from(rss(TITLE_RU, 'ru'), 'utf8')).errors).toEqual([]);
    const declared = iconv.encode(rss(TITLE_RU, null).replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="windows-1251"?>'), 'windows-1251');
    const r = parseFeed(declared);
    expect(r.items[0]!.title).toBe(TITLE_RU);
    expect(r.errors).toEqual([]);
    expect(decodeFeed(declared)).toMatchObject({ source: 'prolog', encoding: 'windows-1251' });
  });
});

describe('legacyCharsetFor (HTML Standard §13.2.3.2) and declaredLanguage', () => {
  it.each([
    ['ru', 'windows-1251'], ['ru-RU', 'windows-1251'], ['sr', 'windows-1251'], ['be', 'windows-1251'], ['mk', 'windows-1251'],
    ['hu', 'iso-8859-2'], ['sk', 'windows-1250'], ['hr', 'windows-1250'], ['lt', 'windows-1257'], ['ar', 'windows-1256'],
    ['th', 'windows-874'], ['vi', 'windows-1258'], ['ko', 'euc-kr'], ['zh-Hant', 'big5'], ['zh-HK', 'big5'], ['zh', 'gbk'],
    ['en', null], ['pt-BR', null], ['fr', null], ['english', null], ['', null],
  ])('%j → %s', (language, charset) => {
    expect(legacyCharsetFor(language)).toBe(charset);
  });

  it('reads <language>, <dc:language>, xml:lang and "language" from the bytes', () => {
    const ascii = (s: string) => Buffer.from(s, 'latin1');
    expect(declaredLanguage(ascii('<rss><channel><language> uk-UA </language>'))).toBe('uk-UA');
    expect(declaredLanguage(ascii('<rdf:RDF><channel><dc:language>bg</dc:language>'))).toBe('bg');
    expect(declaredLanguage(ascii('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="el">'))).toBe('el');
    expect(declaredLanguage(ascii('{"version": "https://jsonfeed.org/version/1", "language" : "tr"}'))).toBe('tr');
    expect(declaredLanguage(ascii('<rss><channel><language></language>'))).toBeNull();
    expect(declaredLanguage(ascii('<rss><channel><title>language</title>'))).toBeNull();
  });
});
