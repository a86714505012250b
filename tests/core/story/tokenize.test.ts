import { describe, expect, it } from 'vitest';
import { stopWordsFor } from '../../../src/core/story/stop-words';
import { foldDiacritics } from '../../../src/core/fold-latin';
import { foldScripts } from '../../../src/core/fold-script';
import { polishLightStem, primaryLanguage, termOf, tokenize } from '../../../src/core/story/tokenize';
import { vectorizeBatch } from '../../../src/core/story/vectorize';

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
    expect(termOf('tapering', 'de')).toBe('tapering');
    expect(termOf('Sejmie', 'en')).toBe('sejmi');
  });
  it('cuts Polish inflectional endings when five letters remain, so inflected names meet their English form', () => {
    expect(['Cameron', 'Camerona', 'Cameronem', 'Cameronowi'].map((w) => termOf(w, 'pl'))).toEqual(['cameron', 'cameron', 'cameron', 'cameron']);
    expect(termOf('Cameron', 'en')).toBe('cameron');
    expect(['Grindaviku', 'Grindavík'].map((w) => termOf(w, 'pl'))).toEqual(['grindavik', 'grindavik']);
    // orędzie / orędziu (address): diacritics folded, then the ending
    expect(['orędzie', 'orędziu'].map((w) => termOf(w, 'pl'))).toEqual(['oredz', 'oredz']);
    // Short stems stay whole: "Sejmu" would leave four letters, "Dudy" three.
    expect(['Sejmu', 'Dudy', 'Duda'].map((w) => termOf(w, 'pl'))).toEqual(['sejmu', 'dudy', 'duda']);
    expect(polishLightStem('prezydenta')).toBe('prezydent');
    expect(polishLightStem('ministrowie')).toBe('ministr');
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

describe('elision', () => {
  it('cuts an elided French, Italian or Catalan article from the word (the apostrophe had been dropped: "listra")', () => {
    expect(termOf("l'Istra", 'fr')).toBe('istra');
    expect(termOf('l’AFP', 'fr')).toBe('afp');
    expect(termOf("jusqu'au", 'fr')).toBe(null); // "au" is a French stop word
    expect(termOf("dell'Unione", 'it')).toBe('unione');
    expect(termOf("d'Espanya", 'ca')).toBe('espanya');
    // Other languages keep the apostrophe rule they had: English "don't" is a stop word, a possessive drops.
    expect(termOf("Biden's", 'en')).toBe('biden');
    expect(termOf("l'Istra", 'de')).toBe('listra');
  });
});

describe('Greek folding', () => {
  it('drops accents and writes final sigma as σ, so Greek stop words are stopped and spellings meet', () => {
    // The stopword package's Greek list has no accents and no ς: "της", "από", "μετά", "είναι" had been terms.
    expect(['της', 'από', 'μετά', 'είναι'].map((w) => termOf(w, 'el'))).toEqual([null, null, null, null]);
    expect(termOf('ΜΗΤΣΟΤΑΚΗΣ', 'el')).toBe('μητσοτακησ');
    expect(termOf('Μητσοτάκης', 'el')).toBe('μητσοτακησ');
    expect(termOf('Βελμόρας', 'el')).toBe('βελμορασ');
  });
});

describe('Arabic-script and Cyrillic folding (fold-script.ts)', () => {
  const terms = (text: string, language: string | null): string[] => tokenize(text, language).map((t) => t.term);

  // Fully vowel-marked headline ↔ the same headline as outlets print it. Before the fold they shared no term.
  const HEADLINES: Array<[string, string, string]> = [
    ['harakat, alef with hamza, teh marbuta', 'أَعْلَنَتِ الحُكُومَةُ المِصْرِيَّةُ خُطَّةً جَدِيدَةً لِلطَّاقَةِ', 'أعلنت الحكومة المصرية خطة جديدة للطاقة'],
    ['tanwin, hamza below', 'إِيرَانُ تُطْلِقُ صَارُوخاً جَدِيداً', 'ايران تطلق صاروخا جديدا'],
    ['tatweel', 'مـــصـــر تـفـتـتـح الـمـتـحـف الـكـبـيـر', 'مصر تفتتح المتحف الكبير'],
    ['superscript alef, alef maksura', 'هٰذا المستشفى', 'هذا المستشفي'],
  ];
  it.each(HEADLINES)('gives a marked Arabic headline the terms of the unmarked one (%s)', (_, marked, plain) => {
    for (const language of ['ar', null]) expect(terms(marked, language)).toEqual(terms(plain, language));
  });

  it('gives the folded letters themselves', () => {
    // Arabic stop words ("عن", "في" …) are of no interest here; the unknown-language list keeps every Arabic word.
    expect(terms('أَعْلَنَتِ الحُكُومَةُ المِصْرِيَّةُ خُطَّةً', null)).toEqual(['اعلنت', 'الحكومه', 'المصريه', 'خطه']);
    expect(foldScripts('آ أ إ ى ة ـ')).toBe('ا ا ا ي ه ');
    // Waw and yeh with hamza are letters of their own (Lucene keeps them); combining hamza composes to them first.
    expect(foldScripts('مُؤْتَمَر')).toBe('مؤتمر');
    expect(foldScripts('مو\u0654تمر')).toBe('مؤتمر');
    expect(foldScripts('ا\u0654علن')).toBe('اعلن');
    expect(foldScripts('hello world')).toBe('hello world');
  });

  it('stops vowelled Arabic stop words, as the list is folded alike', () => {
    expect([termOf('فِي', 'ar'), termOf('في', 'ar'), termOf('عَلَى', 'ar'), termOf('على', 'ar')]).toEqual([null, null, null, null]);
    expect(stopWordsFor('ar').has('امين')).toBe(true); // listed as "آمينَ"
  });

  it('meets Persian yeh and keheh typed on an Arabic keyboard, and keeps Urdu yeh barree apart', () => {
    expect(terms('ایران و کشورهای همسایه', 'fa')).toEqual(terms('ايران و كشورهاي همسايه', 'fa'));
    expect(termOf('خانۀ', 'fa')).toBe(termOf('خانهٔ', 'fa'));
    expect(termOf('خانۀ', 'fa')).toBe('خانه');
    expect(termOf('لڑکے', 'ur')).toBe('لڑكے');
    expect(termOf('لڑکی', 'ur')).toBe('لڑكي');
  });

  it('writes Russian ё as е (Snowball), precomposed or combining, upper or lower case', () => {
    expect(termOf('ёлка', 'ru')).toBe('елка');
    expect(termOf('Ёлка', 'ru')).toBe(termOf('елка', 'ru'));
    expect(termOf('е\u0308лка', null)).toBe('елка');
    expect(terms('Горбачёв встретился с Рейганом', 'ru')).toEqual(terms('Горбачев встретился с Рейганом', 'ru'));
    // The stopword package's Russian list is written without ё: "ещё" and "её" had been terms.
    expect([termOf('ещё', 'ru'), termOf('её', 'ru'), termOf('еще', 'ru')]).toEqual([null, null, null]);
    // Ukrainian ї (і + diaeresis) is a letter of its own and is not touched.
    expect(termOf('Київ', 'uk')).toBe('київ');
  });

  it('folds in the batch vectors too, so the marked and unmarked reports share every term', () => {
    const [, marked, plain] = HEADLINES[0]!;
    const { vectors } = vectorizeBatch([{ title: marked, text: null, language: 'ar' }, { title: plain, text: null, language: 'ar' }], { titleWeight: 2, maxBodyTokens: 20, entityBoost: 1.5 });
    expect(vectors[0]!.ids.length).toBeGreaterThan(0);
    expect([...vectors[0]!.ids]).toEqual([...vectors[1]!.ids]);
  });
});

describe('diacritic folding', () => {
  it('matches Latin spellings with and without diacritics, precomposed or combining', () => {
    expect(termOf('Grindavík', 'en')).toBe(termOf('Grindavik', 'en'));
    expect(termOf('Grindavi\u0301k', 'en')).toBe('grindavik');
    expect(termOf('Hołownia', 'pl')).toBe('holown'); // folded, then its ending cut (polishLightStem)
    expect(termOf('Sánchez', 'es')).toBe('sanchez');
    expect(foldDiacritics('straße')).toBe('strasse');
    expect(foldDiacritics('çağlar')).toBe('caglar');
  });
  it('checks stop words before folding, and keeps the marks of other scripts', () => {
    expect(termOf('się', 'pl')).toBeNull();
    expect(termOf('sie', 'pl')).toBe('sie');
    expect(foldDiacritics('नमस्ते')).toBe('नमस्ते');
    expect(foldDiacritics('йод')).toBe('йод');
  });
  it('folds in the batch vectors too, so two reports spelt differently share the term', () => {
    const { vectors, model } = vectorizeBatch(
      [{ title: 'Grindavík evacuated', text: null }, { title: 'Grindavik evacuated', text: null }],
      { titleWeight: 2, maxBodyTokens: 20, entityBoost: 1.5 },
    );
    expect(model.terms).toContain('grindavik');
    expect(model.terms.filter((t) => t.startsWith('grindav'))).toHaveLength(1);
    expect([...vectors[0]!.ids]).toEqual([...vectors[1]!.ids]);
  });
});

describe('hyphens', () => {
  it('split a hyphenated word into its parts, as a UAX #29 word boundary does, so each part matches alone', () => {
    expect(tokenize('Xi-Biden summit', 'en').map((t) => t.term)).toEqual(['xi', 'biden', 'summit']);
    expect(tokenize('Israel-Hamas war: Covid-19', 'en').map((t) => t.term)).toEqual(['israel', 'hama', 'war', 'covid', '19']);
    // Inner dots and apostrophes still join: "E.ON" and "O'Neill" stay one word each.
    expect(tokenize("E.ON O'Neill", 'en').map((t) => t.term)).toEqual(['eon', 'oneil']);
  });
});
