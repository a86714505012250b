/**
 * Arabic-script and Cyrillic spellings of one word brought to one form for matching, before stop words and stemming
 * (tokenize.ts's foldWord, and the stop-word lists in stop-words.ts, so both are folded alike). The rules are the
 * search engines' standard normalisation, not a dictionary:
 *
 * - Arabic, after Lucene's ArabicNormalizer (org.apache.lucene.analysis.ar; the ArabicAnalyzer's normalisation step):
 *   the harakat (tanwin, fatha, damma, kasra, shadda, sukun, U+064B–U+0652) and tatweel (U+0640, the stretching
 *   character) removed; alef with madda or hamza above or below (آ أ إ) written as bare alef ا; alef maksura ى as yeh
 *   ي; teh marbuta ة as heh ه. Beyond Lucene, the rest of the Arabic block's combining marks (U+0653–U+065F: maddah,
 *   hamza above and below, subscript alef, …) and superscript (dagger) alef U+0670 are removed too: like the harakat
 *   they are optional vowel and reading marks (Unicode general category Mn) of fully vocalised text, so "هٰذا" meets
 *   "هذا". The text is composed first (NFC, UAX #15), so alef + combining hamza is أ (then ا), and waw or yeh with a
 *   combining hamza is ؤ or ئ, letters that Lucene too keeps.
 * - Persian and Urdu, after Lucene's PersianNormalizer (org.apache.lucene.analysis.fa), only the letters that are one
 *   letter typed on two keyboards: Farsi yeh ی (U+06CC) as Arabic yeh ي, keheh ک (U+06A9) as kaf ك, and heh with
 *   yeh above ۀ (U+06C0, the Persian ezafe) as heh ه, as "هٔ" (heh + hamza above) becomes once its mark is removed.
 *   Persian outlets mix ي/ی and ك/ک by keyboard, so without this one name in two outlets shared no term. Applied to
 *   all Arabic-script text, whatever its language tag, since an Arabic word holds neither letter. Not taken:
 *   PersianNormalizer's yeh barree ے → ي and heh goal ہ → ه, which are letters of their own in Urdu (ے and ی tell
 *   "کے" from "کی", "لڑکے" boys from "لڑکی" girl) and do not occur in Persian or Arabic words to be matched.
 * - Russian, after the Snowball Russian stemmer (snowballstem.org/algorithms/russian: "There is a 33rd letter, ё,
 *   but it is rarely used, and we assume it is mapped into е"; its russian.sbl has since done so itself, first thing
 *   in `stem`): ё (or е with a combining diaeresis) written е, so "ёлка" meets "елка" and "Горбачёв" "Горбачев"; the
 *   `stopword` package's Russian list is written without ё ("еще", "ее"), so "ещё" is now stopped. Applied to all
 *   Cyrillic text, whatever its language tag (which may be missing): Ukrainian, Bulgarian, Serbian and Macedonian have
 *   no ё; Belarusian always writes it, so its words fold alike; the cost is a rare pair of distinct words such as
 *   Mongolian "ёс" (custom) / "ес" (nine).
 *
 * Latin letters are folded by fold-latin.ts (after the stop-word test, as the Latin lists carry diacritics); Greek by
 * tokenize.ts's foldGreek. Slugs (ids.ts) are ASCII and do not use this file.
 */

/** A character of the Arabic block (U+0600–U+06FF): letters, marks, tatweel. */
const ARABIC = /[\u0600-\u06ff]/u;
/** Tatweel (U+0640), the Arabic block's combining marks U+064B–U+065F and superscript alef (U+0670). */
const ARABIC_MARKS = /[\u0640\u064b-\u065f\u0670]/gu;
/** Letter variants written as one letter (see the top of this file). */
const ARABIC_LETTERS: Readonly<Record<string, string>> = {
  '\u0622': '\u0627', // آ alef with madda above → ا
  '\u0623': '\u0627', // أ alef with hamza above → ا
  '\u0625': '\u0627', // إ alef with hamza below → ا
  '\u0649': '\u064a', // ى alef maksura → ي
  '\u0629': '\u0647', // ة teh marbuta → ه
  '\u06cc': '\u064a', // ی Farsi yeh → ي
  '\u06a9': '\u0643', // ک keheh → ك
  '\u06c0': '\u0647', // ۀ heh with yeh above → ه
};
const ARABIC_LETTERS_RE = new RegExp(`[${Object.keys(ARABIC_LETTERS).join('')}]`, 'gu');
/** Cyrillic ё, precomposed or е + combining diaeresis (U+0308). */
const YO = /\u0451|\u0435\u0308/gu;
const YO_TEST = /\u0451|\u0435\u0308/u;

/**
 * `lower` (lower-case text) with Arabic-script and Cyrillic letter variants folded as described at the top of this
 * file: "أَعْلَنَ" → "اعلن", "مدرسة" → "مدرسه", "ی" → "ي", "ёлка" → "елка". Text without an Arabic-block character or a
 * ё is returned as it is. Never throws.
 */
export function foldScripts(lower: string): string {
  let out = lower;
  if (ARABIC.test(out)) {
    out = out
      .normalize('NFC')
      .replace(ARABIC_LETTERS_RE, (c) => ARABIC_LETTERS[c]!)
      .replace(ARABIC_MARKS, '');
  }
  if (YO_TEST.test(out)) out = out.replace(YO, '\u0435');
  return out;
}
