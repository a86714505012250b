/**
 * src/site/language.ts: the direction of a language (its script's, from CLDR likely subtags), when outlet text gets
 * `lang` / `dir` (WCAG SC 3.1.2), outlet names in non-Latin letters, and a story headline's language.
 */
import { describe, expect, it } from 'vitest';
import { canonicalLanguage, commonLanguage, headlineLanguage, languageDirection, mainLanguage, outletNameAttrs, sameLanguage, sharedLanguage, SITE_LANGUAGE, textAttrs } from '../../src/site/language';
import { SOURCES_BY_ID as byId, storyArticle as art } from './language-fixture';

describe('languageDirection', () => {
  it.each([
    // The brief's right-to-left languages, and tags whose script decides (CLDR likely subtags).
    ['ar', 'rtl'], ['ar-EG', 'rtl'], ['he', 'rtl'], ['iw', 'rtl'], ['fa', 'rtl'], ['ur', 'rtl'], ['ps', 'rtl'], ['yi', 'rtl'],
    ['ckb', 'rtl'], ['dv', 'rtl'], ['sd', 'rtl'], ['ug', 'rtl'], ['syr', 'rtl'], ['nqo', 'rtl'],
    // Node 20's textInfo says "ltr" for these (no CLDR locale data): the script says rtl.
    ['az-Arab', 'rtl'], ['ms-Arab', 'rtl'],
    // A right-to-left language written in another script, and left-to-right ones.
    ['ar-Latn', 'ltr'], ['sd-Deva', 'ltr'], ['ug-Cyrl', 'ltr'], ['en', 'ltr'], ['en-GB', 'ltr'], ['fr', 'ltr'], ['de', 'ltr'],
    ['ru', 'ltr'], ['el', 'ltr'], ['ja', 'ltr'], ['zh-Hant', 'ltr'],
  ] as const)('%s → %s', (tag, dir) => {
    expect(languageDirection(tag)).toBe(dir);
  });

  it('is undefined for a missing, malformed or unknown tag', () => {
    expect(languageDirection(undefined)).toBeUndefined();
    expect(languageDirection('')).toBeUndefined();
    expect(languageDirection('english')).toBeUndefined(); // 7 letters: not a language subtag
    expect(languageDirection('en_US!')).toBeUndefined();
    expect(languageDirection('xx')).toBeUndefined(); // well-formed, but no script is known for it
  });
});

describe('canonicalLanguage and sameLanguage', () => {
  it('canonicalises tags and refuses malformed ones', () => {
    expect(canonicalLanguage('EN-gb')).toBe('en-GB');
    expect(canonicalLanguage(' iw ')).toBe('he');
    expect(canonicalLanguage('english')).toBeUndefined();
    expect(canonicalLanguage(null)).toBeUndefined();
  });

  it('counts a regional variant in the same script as the same language, not another script', () => {
    expect(sameLanguage('en-GB', 'en')).toBe(true);
    expect(sameLanguage('en', 'en-Latn-US')).toBe(true);
    expect(sameLanguage('sr-Latn', 'sr')).toBe(false); // sr is written in Cyrillic
    expect(sameLanguage('zh-Hant', 'zh')).toBe(false);
    expect(sameLanguage('de', 'en')).toBe(false);
    expect(sameLanguage('english', 'english')).toBe(false);
  });
});

describe('textAttrs', () => {
  it.each([
    ['en', {}],
    ['en-GB', {}],
    ['ar', { lang: 'ar', dir: 'rtl' }],
    ['fa-IR', { lang: 'fa-IR', dir: 'rtl' }],
    ['he', { lang: 'he', dir: 'rtl' }],
    ['ru', { lang: 'ru', dir: 'auto' }],
    ['ja', { lang: 'ja', dir: 'auto' }],
    ['el', { lang: 'el', dir: 'auto' }],
    ['de', { lang: 'de', dir: 'auto' }],
    [undefined, { dir: 'auto' }],
    ['not a tag', { dir: 'auto' }],
  ] as const)('%s on an English page → %j', (language, attrs) => {
    expect(textAttrs(language)).toEqual(attrs);
  });

  it('compares with the page language it is given', () => {
    expect(SITE_LANGUAGE).toBe('en');
    expect(textAttrs('fr', undefined, 'fr')).toEqual({});
    expect(textAttrs('en', undefined, 'fr')).toEqual({ lang: 'en', dir: 'auto' });
  });

  it('isolates text of unknown language only when it holds right-to-left letters (else auto would resolve to ltr)', () => {
    expect(textAttrs(undefined, 'Storm closes rail lines')).toEqual({});
    expect(textAttrs(undefined, '原油価格が上昇')).toEqual({});
    expect(textAttrs(undefined, 'OPEC: ارتفاع أسعار النفط')).toEqual({ dir: 'auto' });
    expect(textAttrs(undefined, 'שלום')).toEqual({ dir: 'auto' });
    expect(textAttrs(undefined, 'Storm', 'ar')).toEqual({ dir: 'auto' }); // on a right-to-left page
    // A known language is marked whatever the text.
    expect(textAttrs('de', 'Sturm')).toEqual({ lang: 'de', dir: 'auto' });
  });
});

describe('outletNameAttrs', () => {
  it('marks a name written in non-Latin letters with its source language, never a Latin one', () => {
    expect(outletNameAttrs({ name: 'الجزيرة', language: 'ar' })).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(outletNameAttrs({ name: 'Коммерсантъ', language: 'ru' })).toEqual({ lang: 'ru', dir: 'auto' });
    expect(outletNameAttrs({ name: '朝日新聞', language: 'ja' })).toEqual({ lang: 'ja', dir: 'auto' });
    expect(outletNameAttrs({ name: 'Le Monde', language: 'fr' })).toEqual({});
    expect(outletNameAttrs({ name: 'Süddeutsche Zeitung', language: 'de' })).toEqual({});
    expect(outletNameAttrs(undefined)).toEqual({});
  });

  it('isolates a non-Latin name even when its source is registered in the page language', () => {
    expect(outletNameAttrs({ name: 'Ἑλληνικά News', language: 'en' })).toEqual({ dir: 'auto' });
  });
});

describe('headlineLanguage', () => {
  const articles = [art('a1', 'ledger', 'Oil prices rise after the OPEC meeting'), art('a2', 'aljazeera', 'ارتفاع أسعار النفط بعد اجتماع أوبك - الجزيرة'), art('a3', 'asahi', '原油価格が上昇')];

  it('is the language of the article whose title is the headline', () => {
    expect(headlineLanguage({ title: 'Oil prices rise after the OPEC meeting', articles }, byId)).toBe('en');
    expect(headlineLanguage({ title: '原油価格が上昇', articles }, byId)).toBe('ja');
  });

  it('finds the article behind a cleaned headline (outlet suffix cut, shouting lower-cased)', () => {
    expect(headlineLanguage({ title: 'ارتفاع أسعار النفط بعد اجتماع أوبك', articles }, byId)).toBe('ar');
    const shouted = [art('b1', 'ledger', 'Port strike'), art('b2', 'aljazeera', 'BREAKING: OIL PRICES RISE!!!')];
    expect(headlineLanguage({ title: 'Oil prices rise!', articles: shouted }, byId)).toBe('ar');
  });

  it('falls back to the language all sources share, else undefined', () => {
    expect(headlineLanguage({ title: 'Something else', articles: [art('c1', 'ledger', 'x'), art('c2', 'post', 'y')] }, byId)).toBe('en');
    expect(headlineLanguage({ title: 'Something else', articles }, byId)).toBeUndefined();
  });

  it('is not known for a pinned headline no article wrote, even where every source shares a language (an operator trial\'s English pin on a Polish story)', () => {
    const both = [art('c1', 'ledger', 'x'), art('c2', 'post', 'y')];
    expect(headlineLanguage({ title: 'Something else', titlePinned: true, articles: both }, byId)).toBeUndefined();
    // a pin that is an article's own title keeps that article's language
    expect(headlineLanguage({ title: '原油価格が上昇', titlePinned: true, articles }, byId)).toBe('ja');
  });

  it('commonLanguage needs every source known and one language', () => {
    expect(commonLanguage(['ledger', 'post'], byId)).toBe('en');
    expect(commonLanguage(['aljazeera'], byId)).toBe('ar');
    expect(commonLanguage(['aljazeera', 'missing'], byId)).toBeUndefined();
    expect(commonLanguage([], byId)).toBeUndefined();
  });
});

describe('sharedLanguage', () => {
  it.each([
    [['pl', 'pl'], 'pl'],
    [['en-GB', 'en-gb'], 'en-GB'],
    // One language in several regions: the language alone, with its script only when it is not the usual one.
    [['pl', 'pl-PL'], 'pl'],
    [['en', 'en-GB'], 'en'],
    [['sr-Latn', 'sr-Latn-RS'], 'sr-Latn'],
    [['zh-TW', 'zh-Hant'], 'zh-Hant'],
    [['pt-BR', 'pt-PT'], 'pt'],
    // Not one language, or not known.
    [['sr', 'sr-Latn'], undefined],
    [['pl', 'en'], undefined],
    [['pl', undefined], undefined],
    [['pl', 'bad tag'], undefined],
    [[], undefined],
  ] as const)('%j → %j', (tags, shared) => {
    expect(sharedLanguage(tags)).toBe(shared);
  });
});

describe('mainLanguage', () => {
  const of = (...tags: string[]) => tags.map((language) => ({ language }));
  it.each([
    [of('pl', 'pl-PL', 'en'), 'pl'],
    [of('en', 'en-GB', 'de'), 'en'],
    [of('de', 'pl', 'pl'), 'pl'],
    [of('pl-PL', 'pl-PL', 'en'), 'pl-PL'],
    // A tie is no main language; malformed tags do not count.
    [of('pl', 'en'), undefined],
    [of('pl', 'bad tag', 'english'), 'pl'],
    [of(), undefined],
  ])('%j → %j', (sources, main) => {
    expect(mainLanguage(sources)).toBe(main);
    expect(mainLanguage([...sources].reverse())).toBe(main);
  });
});
