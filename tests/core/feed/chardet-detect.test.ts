import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { CHARDET_MIN_CONFIDENCE, CHARDET_SAMPLE_BYTES, decodeFeed, describeGuess, detectCharset, textForDetection } from '../../../src/core/feed/decode-feed.js';
import { parseFeed } from '../../../src/core/feed/parse-feed.js';

// An undeclared feed (no BOM, no HTTP charset, no prolog encoding) whose bytes are not UTF-8 and that names no
// language (nor does the caller): its charset is what chardet detects, when chardet is confident enough
// (CHARDET_MIN_CONFIDENCE) and iconv-lite decodes it; else windows-1252, as before.

/** An RSS feed with no encoding declaration and no language: a channel and one item per [title, description]. */
const rss = (items: ReadonlyArray<readonly [string, string]>) =>
  `<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Alpha</title><link>http://alpha.test/</link><description>News</description>\n` +
  items.map(([t, d], i) => `<item><title>${t}</title><link>http://alpha.test/${i}</link><description><![CDATA[<p>${d}</p>]]></description></item>\n`).join('') +
  '</channel></rss>';

const JA: ReadonlyArray<readonly [string, string]> = [
  ['アイスランドで火山噴火、住民に避難指示', '南西部の半島で火山が噴火し、近くの町の住民に避難指示が出された。'],
  ['東京株式市場、日経平均が反落', '円高が進んだことを受けて、輸出関連の銘柄を中心に売り注文が広がった。'],
  ['大雪で新幹線に遅れ、週末も警戒を', '気象庁は日本海側を中心に大雪への警戒を呼びかけている。'],
];
const RU: ReadonlyArray<readonly [string, string]> = [
  ['Извержение вулкана в Исландии: жителей эвакуируют', 'На юго-западе страны началось извержение, жителей ближайшего города просят покинуть дома.'],
  ['Центральный банк сохранил ключевую ставку', 'Регулятор объяснил решение тем, что инфляция в стране пока остаётся высокой.'],
  ['В Москве ожидается сильный снегопад', 'Синоптики советуют водителям не выезжать на дороги без необходимости.'],
];
const ZH_HANS: ReadonlyArray<readonly [string, string]> = [
  ['冰岛火山再次喷发，附近居民紧急撤离', '冰岛西南部半岛的火山再次喷发，当局要求附近小镇的居民立即撤离。'],
  ['央行宣布下调存款准备金率', '央行表示，此举旨在保持银行体系流动性合理充裕，支持实体经济发展。'],
  ['北方多地迎来强降雪天气', '气象部门提醒公众注意出行安全，尽量减少不必要的外出。'],
];
const ZH_HANT: ReadonlyArray<readonly [string, string]> = [
  ['冰島火山再次噴發，附近居民緊急撤離', '冰島西南部半島的火山再次噴發，當局要求附近小鎮的居民立即撤離。'],
  ['央行宣布維持利率不變', '央行表示，目前的物價情勢仍需觀察，將持續關注國際經濟的發展。'],
  ['寒流來襲，北部山區可能下雪', '氣象局提醒民眾注意保暖，前往山區的遊客應留意道路狀況。'],
];
const KO: ReadonlyArray<readonly [string, string]> = [
  ['아이슬란드 화산 폭발, 주민 긴급 대피', '아이슬란드 남서부 반도에서 화산이 폭발해 인근 마을 주민들에게 대피 명령이 내려졌다.'],
  ['한국은행, 기준금리 동결', '한국은행은 물가 상승률이 여전히 높은 수준이라며 기준금리를 동결했다.'],
];
const FR: ReadonlyArray<readonly [string, string]> = [
  ['Éruption volcanique en Islande : les habitants évacués', 'Le volcan est entré en éruption près de Grindavík, où les autorités ont ordonné l’évacuation.'],
  ['La Banque centrale européenne maintient ses taux', 'Selon la présidente, l’inflation reste « trop élevée » pour envisager une baisse dès cet été.'],
  ['Grève à la SNCF : trafic très perturbé jeudi', 'Près d’un train sur deux sera supprimé ; les usagers sont invités à différer leurs déplacements.'],
];
const DE: ReadonlyArray<readonly [string, string]> = [
  ['Vulkanausbruch auf Island: Grindavík wird geräumt', 'Die Behörden haben die Bewohner aufgefordert, ihre Häuser sofort zu verlassen – Straßen sind gesperrt.'],
  ['Europäische Zentralbank lässt Leitzins unverändert', 'Die Inflation sei zwar gesunken, aber noch nicht dort, wo man sie gern hätte, sagte die Präsidentin.'],
  ['Glätte und Schnee: Zugverkehr im Süden gestört', 'Auf mehreren Strecken in Bayern fallen Züge aus; Fahrgäste müssen mit Verspätungen rechnen.'],
];

const titles = (items: ReadonlyArray<readonly [string, string]>) => items.map(([t]) => t);

describe('an undeclared, non-UTF-8 feed with no language: the charset chardet detects', () => {
  it.each([
    ['Japanese', 'shift_jis', JA, 'Shift_JIS'],
    ['Japanese', 'euc-jp', JA, 'EUC-JP'],
    ['Russian', 'windows-1251', RU, 'windows-1251'],
    ['Russian', 'koi8-r', RU, 'KOI8-R'],
    ['Simplified Chinese', 'gbk', ZH_HANS, 'GB18030'],
    ['Traditional Chinese', 'big5', ZH_HANT, 'Big5'],
    ['Korean', 'euc-kr', KO, 'EUC-KR'],
  ])('%s in %s: titles read right (had been windows-1252 mojibake)', (_, charset, items, name) => {
    const bytes = iconv.encode(rss(items), charset);
    const r = parseFeed(bytes);
    expect(r.items.map((i) => i.title)).toEqual(titles(items));
    const d = decodeFeed(bytes);
    expect(d).toMatchObject({ source: 'fallback', guessedFrom: null, detected: { charset: name } });
    expect(d.detected!.confidence).toBeGreaterThanOrEqual(CHARDET_MIN_CONFIDENCE);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ kind: 'encoding_repaired' });
  });

  it.each([
    ['French', 'windows-1252', FR],
    ['German', 'windows-1252', DE],
    ['French (no “ ” – … ’, so no byte 0x80–0x9F)', 'iso-8859-1', FR.map(([t, d]) => [t, d.replace(/’/g, "'").replace(/[«»]/g, '"')] as const)],
    ['German (no – ’)', 'iso-8859-1', DE.map(([t, d]) => [t, d.replace(/–/g, '-')] as const)],
  ])('%s in %s: still windows-1252 (chardet names ISO-8859-1, which WHATWG reads as windows-1252)', (_, charset, items) => {
    const bytes = iconv.encode(rss(items), charset);
    expect(parseFeed(bytes).items.map((i) => i.title)).toEqual(titles(items));
    const d = decodeFeed(bytes);
    expect(d.encoding).toBe('windows-1252');
    expect(d.text).toBe(rss(items));
  });

  it('a language the feed names, or the source\'s, is stronger evidence than chardet (chardet only picks between charsets of its script)', () => {
    // Russian text in a feed that says <language>ja</language>: read as the language's charset, wrong as that is.
    const named = iconv.encode(rss(RU).replace('<description>News', '<language>ja</language><description>News'), 'windows-1251');
    expect(decodeFeed(named)).toMatchObject({ encoding: 'shift_jis', guessedFrom: { language: 'ja', from: 'feed' } });
    expect(decodeFeed(named).detected).toBeUndefined();
    const hinted = iconv.encode(rss(RU), 'windows-1251');
    expect(decodeFeed(hinted, undefined, 'uk')).toMatchObject({ encoding: 'windows-1251', guessedFrom: { language: 'uk', from: 'hint' } });
  });

  it('a Western language (no legacy charset of its own) still lets chardet decide', () => {
    const bytes = iconv.encode(rss(JA), 'shift_jis');
    expect(decodeFeed(bytes, undefined, 'en')).toMatchObject({ encoding: 'shift_jis', guessedFrom: { language: 'en', from: 'hint' }, detected: { charset: 'Shift_JIS' } });
  });

  it('too little text for the double-byte recognisers (six Chinese characters): chardet\'s best is ISO-8859-1, read as windows-1252', () => {
    const bytes = iconv.encode(rss([['冰岛火山爆发', '']]), 'gbk');
    expect(detectCharset(bytes)).toMatchObject({ charset: 'ISO-8859-1', encoding: 'windows-1252' });
    const d = decodeFeed(bytes);
    expect(d).toMatchObject({ encoding: 'windows-1252', detected: { charset: 'ISO-8859-1' } });
    expect(describeGuess(d)).toMatch(/^windows-1252 \(detected by chardet as ISO-8859-1, confidence \d+\)$/);
  });

  it('describeGuess words the warning: chardet\'s name and its confidence', () => {
    const d = decodeFeed(iconv.encode(rss(JA), 'shift_jis'));
    expect(describeGuess(d)).toBe('Shift_JIS (detected by chardet, confidence 100)');
    expect(describeGuess(decodeFeed(iconv.encode(rss(RU), 'koi8-r')))).toMatch(/^KOI8-R \(detected by chardet, confidence \d+\)$/);
  });

  it('the parse warning names the detected charset and its confidence (it had said "the web\'s legacy default")', () => {
    const r = parseFeed(iconv.encode(rss(JA), 'shift_jis'));
    expect(r.items[0]!.title).toBe(JA[0]![0]);
    expect(r.errors).toEqual([
      { kind: 'encoding_repaired', message: "the feed names no charset and its text is not UTF-8 (XML's default); it was read as Shift_JIS (detected by chardet, confidence 100): a guess, the feed should declare its charset", position: null },
    ]);
  });

  it('never on a declared charset or valid UTF-8 (no detected field)', () => {
    expect(decodeFeed(Buffer.from(rss(JA), 'utf8'))).toMatchObject({ source: 'default', encoding: 'utf-8' });
    expect(decodeFeed(Buffer.from(rss(JA), 'utf8')).detected).toBeUndefined();
    const declared = iconv.encode(rss(RU).replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="koi8-r"?>'), 'koi8-r');
    expect(decodeFeed(declared)).toMatchObject({ source: 'prolog', encoding: 'koi8-r' });
    expect(decodeFeed(declared).detected).toBeUndefined();
    expect(decodeFeed(iconv.encode(rss(RU), 'koi8-r'), 'application/rss+xml; charset=koi8-r')).toMatchObject({ source: 'http', encoding: 'koi8-r' });
  });

  it('reads at most CHARDET_SAMPLE_BYTES: text after that does not change the guess', () => {
    const head = rss(JA).replace('</channel></rss>', '');
    const pad = `<item><title>x</title><link>http://alpha.test/x</link><description>${'a'.repeat(1000)}</description></item>\n`.repeat(Math.ceil(CHARDET_SAMPLE_BYTES / 1000));
    const tail = rss(RU).slice(rss(RU).indexOf('<item>'));
    const bytes = Buffer.concat([iconv.encode(head + pad, 'shift_jis'), iconv.encode(tail, 'windows-1251')]);
    expect(detectCharset(bytes)).toMatchObject({ charset: 'Shift_JIS' });
  });
});

describe('textForDetection (ICU input filter)', () => {
  const t = (s: string) => Buffer.from(textForDetection(Buffer.from(s, 'latin1'))).toString('latin1');
  it('drops tags, comments and CDATA markers, keeps text', () => {
    expect(t('<!-- c --><rss a="\xe9"><title><![CDATA[\xe9t\xe9]]></title><x/>caf\xe9</rss>')).toBe('   \xe9t\xe9  caf\xe9 ');
  });
  it('the bytes as they are when no byte ≥ 0x80 is left outside markup', () => {
    expect(t('<rss a="\xe9">abc</rss>')).toBe('<rss a="\xe9">abc</rss>');
  });
});

const dir = join(dirname(fileURLToPath(import.meta.url)), '../../../../shared/data/feed-edge-cases/feedparser-py-synthetic/chardet');

// Universal Feed Parser's own test cases (feedparser-py-synthetic/chardet, see ../shared/.../SOURCES.md): feeds with
// no encoding information, each expecting the charset its file is named after.
describe.skipIf(!existsSync(dir))('../shared feedparser chardet cases', () => {
  it.each([
    ['big5.xml', 'big5', '我希望??很容易?其翻?成中文，并有助于改??件。 感?您??本文。'],
    ['eucjp.xml', 'euc-jp', 'ゲーム三昧な正月'],
    ['euckr.xml', 'euc-kr', 'EUC-KR 에서 TypeKey 한글닉네임 표시하기'],
    ['gb2312.xml', 'gb18030', '不归移民漫画系列：专业工作'],
    ['koi8r.xml', 'koi8-r', 'Как пережить новогоднюю ночь'],
    ['shiftjis.xml', 'shift_jis', 'DrecomRSSに記事投稿が反映されない…'],
  ])('%s: read as %s', (file, encoding, title) => {
    const bytes = readFileSync(join(dir, file));
    expect(decodeFeed(bytes)).toMatchObject({ encoding, source: 'fallback' });
    const r = parseFeed(bytes);
    expect(r.items[0]?.title ?? r.feed.title).toBe(title);
  });

  it('windows1255.xml: Hebrew, detected as ISO-8859-8 (chardet names windows-1255 only with bytes 0x80–0x9F)', () => {
    const r = parseFeed(readFileSync(join(dir, 'windows1255.xml')));
    expect(decodeFeed(readFileSync(join(dir, 'windows1255.xml')))).toMatchObject({ encoding: 'iso-8859-8' });
    expect(r.items[0]!.summary).toMatch(/^האם תדפיס נייר של אתר אינטרנט שמוצג על מסך משתמש הוא העתק נאמן למקור/);
  });

  it('tis620.xml: Thai scores under the threshold (windows-874, 11): still windows-1252', () => {
    expect(decodeFeed(readFileSync(join(dir, 'tis620.xml')))).toMatchObject({ encoding: 'windows-1252', detected: null });
  });
});
