import { describe, expect, it } from 'vitest';
import { stopWordsFor } from '../../../src/core/story/stop-words';
import { primaryLanguage, termOf, tokenize } from '../../../src/core/story/tokenize';

describe('primaryLanguage', () => {
  it('takes the primary subtag of a BCP 47 tag, lower-cased', () => {
    expect(['en-GB', 'PL', 'pt_BR', ' de ', 'zh-Hant-TW'].map(primaryLanguage)).toEqual(['en', 'pl', 'pt', 'de', 'zh']);
  });
  it('gives null (unknown) for a missing or empty tag', () => {
    expect([null, undefined, '', '  '].map(primaryLanguage)).toEqual([null, null, null, null]);
  });
});

describe('stop words and stemming by language', () => {
  it('stops a word only in the language it is a function word of', () => {
    expect(termOf('die', 'en')).toBe('die');
    expect(termOf('die', 'de')).toBeNull();
    expect(termOf('MIT', 'en')).toBe('mit');
    expect(termOf('mit', 'de')).toBeNull();
    expect(termOf('na', 'pl')).toBeNull();
    expect(termOf('の', 'ja')).toBeNull();
    expect(termOf('東京', 'ja')).toBe('東京');
  });
  it('applies the English Porter stemmer to English and unknown-language text only', () => {
    expect(termOf('tapering', 'en')).toBe('taper');
    expect(termOf('tapering')).toBe('taper');
    expect(termOf('Sejmie', 'pl')).toBe('sejmie');
    expect(termOf('Sejmie', 'en')).toBe('sejmi');
  });
  it('keeps the multilingual list for text of unknown language or of a language without a list', () => {
    expect(termOf('die')).toBeNull();
    expect(termOf('says')).toBeNull();
    expect(stopWordsFor('xx')).toBe(stopWordsFor(null));
    expect(stopWordsFor('en').has('says')).toBe(true);
    expect(stopWordsFor('en').has('die')).toBe(false);
    expect(stopWordsFor('pl').size).toBeGreaterThan(200);
  });
  it('tokenizes with the language given', () => {
    expect(tokenize('Die Polizei will MIT warnen', 'de').map((t) => t.term)).toEqual(['polizei', 'warnen']);
    expect(tokenize('Students die at MIT', 'en').map((t) => t.term)).toEqual(['student', 'die', 'mit']);
  });
});
