import { describe, expect, it } from 'vitest';
import { DEFAULT_CLUSTER_CONFIG } from '../../../src/core/config';
import { buildTermModel, termCounts, toVector, vectorizeBatch } from '../../../src/core/story/vectorize';

const docs = [
  { title: 'Navalny Was Poisoned With Dart Frog Toxin, European Governments Say', text: 'Britain, France and Germany said Alexei Navalny was killed with epibatidine. The Kremlin denied it: "absurd", it said.\nMore follows.' },
  { title: 'Kremlin rejects claim it poisoned Navalny', text: 'The Kremlin on Tuesday rejected the European finding that Navalny died of epibatidine poisoning in an Arctic prison.' },
  { title: 'U.S. and Iran agree guiding principles in Geneva', text: null },
  { title: '東京で地震 (Tokyo earthquake)', text: 'Ein Erdbeben der Stärke 5 erschütterte Tokio am Dienstag. ' + 'word '.repeat(200) },
  { title: 'The', text: '' },
  // Edge cases of the character scanner: curly and straight apostrophes, inner dots and hyphens, marks (Devanagari),
  // accents, an emoji (surrogate pair) and no-break spaces, sentence ends at "..." / "?!" / ":" and CRLF, a word
  // ending in an inner punctuation mark at the end of the text.
  { title: 'O’Neill’s U.S. visit: Covid-19 talks… “Historic”', text: 'Café owners in Zürich said: prices rose.\r\nहिन्दी समाचार पढ़ें. Then what?!\u00a0Nothing... Really; Mr. Smith-\n\nJones met 3.5m people in 2023 😀 Sunday e-mail-' },
  { title: 'Tesla東京 opens. Sony-東 Deal Signed', text: 'Toyota said: Prius新型 sales rose. ไทย news. Then Honda.' },
  { title: 'Why It Matters: The Big Story Of The Day', text: 'Officials In Paris Said Nothing.  Police arrested 2 men.\tSee Page 3.' },
];

describe('vectorizeBatch', () => {
  it.each([
    ['default options', DEFAULT_CLUSTER_CONFIG],
    ['short leads, no boost', { ...DEFAULT_CLUSTER_CONFIG, maxBodyTokens: 5, entityBoost: 1 }],
    ['one lead token', { ...DEFAULT_CLUSTER_CONFIG, maxBodyTokens: 1 }],
  ])('gives the same model and vectors as termCounts + buildTermModel + toVector (%s)', (_, options) => {
    const counted = docs.map((d) => termCounts(d, options));
    const model = buildTermModel(counted);
    const batch = vectorizeBatch(docs, options);
    expect(batch.model.terms).toEqual(model.terms);
    expect([...batch.model.df]).toEqual([...model.df]);
    expect([...batch.model.entity]).toEqual([...model.entity]);
    expect([...batch.model.idf]).toEqual([...model.idf]);
    counted.forEach((c, i) => {
      const v = toVector(c.counts, model, options.entityBoost);
      expect([...batch.vectors[i]!.ids]).toEqual([...v.ids]);
      expect([...batch.vectors[i]!.weights]).toEqual([...v.weights]);
    });
    expect(batch.vectors[4]!.ids.length).toBe(0);
    expect(['oneil', 'covid-19', 'histor', 'café'].every((t) => batch.model.termIds.has(t))).toBe(true);
    // Name-like terms: "Kremlin" is capitalised inside sentence-case text; "poisoned" is not.
    expect(batch.model.entity[batch.model.termIds.get('kremlin')!]).toBe(1);
    expect(batch.model.entity[batch.model.termIds.get('poison')!]).toBe(0);
  });
});
