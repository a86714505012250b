/**
 * The language of labelled articles that do not give one (`parallax eval`'s JSONL makes `language` optional, and the
 * held-out sets it is run on may have none). Stop words and stemming follow an article's language (tokenize.ts), and
 * without it every article is read as English-like text: on the 7-day stream without its `language` field (a quarter
 * Polish) the BCubed F1 fell from 0.712 to 0.703.
 *
 * Language identification is not Parallax's own: it is ELD (Efficient Language Detector, npm `eld`, Apache-2.0), an
 * n-gram detector of 60 languages returning ISO 639-1 codes, the "medium" database (2 MB, loaded on first use, about
 * 1 s). Articles are guessed per source (a feed is written in one language, and 25 articles' text together give a
 * far surer answer than one headline: on the 7-day stream, guessed per source it matched the registry's language on
 * 21,598 of 21,602 articles, one source's article too short to guess; per article on 20,718, 871 too short); an
 * article without a source is guessed alone. A guess ELD does not call reliable is no guess (unknown, as before).
 */
import type { LabelledDoc } from './labelled-docs';

/** A detector: ISO 639-1 code of `text`'s language, or null when it cannot tell. */
export type DetectLanguage = (text: string) => string | null;

/** How many of a source's articles, and how much of each (characters of title + text), are read for its guess. */
export const GUESS_SAMPLE_ARTICLES = 25;
export const GUESS_SAMPLE_CHARS = 300;
/** Less text than this (characters) is not guessed: one short headline is too little (ELD called "tl" and "fr" reliable
 * for one-headline English publishers of the UCI set). */
export const GUESS_MIN_CHARS = 100;

/** ELD's medium database as a DetectLanguage (a reliable result's code, else null). Loads it on first call (~1 s). */
export async function loadLanguageDetector(): Promise<DetectLanguage> {
  const { eld } = await import('eld/medium');
  return (text) => {
    const result = eld.detect(text);
    return result.language && result.isReliable() ? result.language : null;
  };
}

/**
 * `rows` with a `language` guessed by `detect` for each row that has none (undefined or null; rows that give one are
 * kept as they are): the rows of one `source` share the guess for the first GUESS_SAMPLE_ARTICLES of them (each
 * title + text cut to GUESS_SAMPLE_CHARS, one per line), a row without a source is guessed alone. `guessed` counts the
 * rows given each language (null: no reliable guess; they stay unknown). Pure apart from `detect`; never throws.
 */
export function guessMissingLanguages(rows: readonly LabelledDoc[], detect: DetectLanguage): { rows: LabelledDoc[]; guessed: Map<string | null, number> } {
  const groups = new Map<string, LabelledDoc[]>();
  rows.forEach((r, i) => {
    if (r.language) return;
    const key = r.source ? `source\u0000${r.source}` : `row\u0000${i}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push(r);
  });
  const languageOf = new Map<LabelledDoc, string | null>();
  const guessed = new Map<string | null, number>();
  for (const group of groups.values()) {
    const sample = group.slice(0, GUESS_SAMPLE_ARTICLES).map((r) => `${r.title}. ${r.text ?? ''}`.slice(0, GUESS_SAMPLE_CHARS));
    const text = sample.join('\n');
    const language = text.length >= GUESS_MIN_CHARS ? detect(text) : null;
    for (const r of group) languageOf.set(r, language);
    guessed.set(language, (guessed.get(language) ?? 0) + group.length);
  }
  return { rows: rows.map((r) => (languageOf.has(r) ? { ...r, language: languageOf.get(r)! } : r)), guessed };
}
