/** Guessing the language of labelled articles that give none (guess-language.ts), with a stand-in detector and with ELD. */
import { describe, expect, it } from 'vitest';
import { GUESS_SAMPLE_ARTICLES, guessMissingLanguages, loadLanguageDetector } from '../../../src/core/story/guess-language';
import type { LabelledDoc } from '../../../src/core/story/labelled-docs';

const POLISH = [
  'Sensacyjny powrót Davida Camerona. Został szefem MSZ w rządzie Rishiego Sunaka',
  'Wielka Brytania: Szefowa MSW odwołana, bo skrytykowała policję za marsze propalestyńskie',
  'Stan wyjątkowy na Islandii. Mieszkańcy Grindaviku ewakuowani z powodu zagrożenia erupcją wulkanu',
];
const ENGLISH = [
  'Former UK prime minister David Cameron returns to government as foreign secretary',
  'Iceland declares a state of emergency as earthquakes raise fears of a volcanic eruption near Grindavik',
  'UK prime minister fires interior minister who accused police of favouring pro-Palestinian protesters',
];

const doc = (id: string, title: string, extra: Partial<LabelledDoc> = {}): LabelledDoc => ({ id, title, label: null, ...extra });

describe('guessMissingLanguages', () => {
  it('guesses once per source from its first articles together, and leaves given languages alone', () => {
    const calls: string[] = [];
    const detect = (text: string): string | null => (calls.push(text), text.includes('powrót') ? 'pl' : 'en');
    const rows = [
      ...Array.from({ length: 30 }, (_, i) => doc(`p${i}`, `${POLISH[i % 3]} ${i}`, { source: 'rmf24' })),
      doc('e1', ENGLISH[0]!, { source: 'bbc', text: ENGLISH[1] }),
      doc('e2', ENGLISH[1]!, { source: 'bbc', language: 'de' }),
    ];
    const { rows: out, guessed } = guessMissingLanguages(rows, detect);
    expect(calls).toHaveLength(2);
    // The source's sample: its first 25 articles, one per line.
    expect(calls[0]!.split('\n')).toHaveLength(GUESS_SAMPLE_ARTICLES);
    expect(out.slice(0, 30).every((r) => r.language === 'pl')).toBe(true);
    expect(out[30]!.language).toBe('en');
    expect(out[31]).toBe(rows[31]); // given: untouched
    expect([...guessed]).toEqual([['pl', 30], ['en', 1]]);
    expect(rows[0]!.language).toBeUndefined(); // the input is not changed
  });

  it('guesses an article without a source alone, and leaves less than 100 characters (one short headline) unknown', () => {
    const seen: string[] = [];
    const detect = (text: string): string | null => (seen.push(text), 'pl');
    const { rows, guessed } = guessMissingLanguages([doc('a', POLISH[0]!, { text: 'Były premier wraca do polityki.' }), doc('b', POLISH[1]!, { text: POLISH[2] }), doc('c', POLISH[2]!.slice(0, 60))], detect);
    expect(seen).toEqual([`${POLISH[0]}. Były premier wraca do polityki.`, `${POLISH[1]}. ${POLISH[2]}`.slice(0, 300)]);
    expect(rows.map((r) => r.language)).toEqual(['pl', 'pl', null]);
    expect([...guessed]).toEqual([['pl', 2], [null, 1]]);
  });
});

describe('loadLanguageDetector (ELD)', () => {
  it('tells Polish from English in real headlines, and gives null for what it cannot tell', async () => {
    const detect = await loadLanguageDetector();
    expect(detect(POLISH.join('\n'))).toBe('pl');
    expect(detect(ENGLISH.join('\n'))).toBe('en');
    expect(detect('12345 67890')).toBeNull();
  });
});
