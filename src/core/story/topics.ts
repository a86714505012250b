/**
 * Topics of a story: its feed categories plus its key terms. Categories are the feeds' own labels (lower-cased,
 * index-style names turned: "Trump, Donald J" → "donald trump"; not internal tags or section names such as "News"),
 * shared by at least two of the story's articles (or the only article's); key terms are the heaviest terms of the
 * story centroid that its titles use (in at least two titles when it has several articles), names, or words the
 * story holds most of the use of, two names written together as one ("rhode island", "sri lanka", "ocasio-cortez"),
 * a given name beside a surname taken left out ("josé" of "josé jerí"), in their most common spelling. Limits:
 * TOPICS_MAX_CATEGORIES, TOPICS_MAX_TERMS. Pure.
 */
import { TOPICS_MAX_CATEGORIES, TOPICS_MAX_TERMS } from '../config';
import { wordsOf } from '../word-overlap';
import { primaryLanguage, tokenize, words } from './tokenize';
import { isNumberTerm, type SparseVector, type TermModel } from './vectorize';

/** Publishers' internal tags that leak into feeds ("internal-open-access-from-nl", "homepage_regional_europe"): not
 * topics. */
const INTERNAL_TAG = /^(?:internal|_|tag:|sys[-_:])|^[a-z]+[-_]internal\b|\||^[a-z0-9]+(?:_[a-z0-9]+)+$/u;

/**
 * Feed categories that name a section of the outlet's site or a format, not what a story is about: a "News" topic
 * page had gathered eight unrelated stories (a new-user trial). Lower-case, as categories are compared.
 */
const SECTION_LABELS = new Set([
  'news', 'world', 'world news', 'international', 'international news', 'top stories', 'top news', 'latest',
  'latest news', 'breaking news', 'headlines', 'home', 'homepage', 'front page', 'general', 'uncategorized',
  'uncategorised', 'news desk', 'audio embed', 'video', 'videos', 'rss',
]);

/**
 * An index-style person tag, surname first with a middle initial (the New York Times' "Trump, Donald J", "Putin,
 * Vladimir V", "Biden, Joseph R Jr"), lower-cased: written as the name is ("donald trump"). The initial is required, so
 * that a category such as "economy, business and finance" or "politics, government" is left as it is.
 */
const INDEXED_NAME = /^([\p{L}'’-]+(?: [\p{L}'’-]+)?), (\p{L}[\p{L}'’-]+) \p{L}\.?(?: (jr|sr|ii|iii)\.?)?$/u;

/**
 * An index-style person tag without a middle initial ("Ocasio-Cortez, Alexandria", "Newsom, Gavin"), lower-cased. It
 * has the shape of a category such as "politics, government", so it is written as a name only where the story's
 * articles write that name (a reader trial's chips "ocasio-cortez, alexandria", "newsom, gavin").
 */
const PLAIN_INDEXED_NAME = /^([\p{L}'’-]+), (\p{L}[\p{L}'’-]+)$/u;

/** A catalogue's kind qualifier after a subject tag: "Fans (persons)" (a new-user trial's chip). */
const KIND_QUALIFIER = /\s*\((?:persons?|people|organi[sz]ations?|compan(?:y|ies)|groups?|places?|events?)\)$/u;

/**
 * A feed category read as an index-style person tag (trimmed, lower-cased, a catalogue's kind qualifier dropped:
 * KIND_QUALIFIER): its surname and the name as written, given name first, its suffix kept ("Trump, Donald J Jr" →
 * "donald trump jr": a trial's son had shared his father's topic); `plain` when it has no middle initial
 * (PLAIN_INDEXED_NAME, the shape of "politics, government" too). Null for any other category.
 */
function indexedName(category: string): { surname: string; name: string; plain: boolean } | null {
  const c = category.trim().toLowerCase().replace(KIND_QUALIFIER, '');
  const m = INDEXED_NAME.exec(c);
  if (m) return { surname: m[1]!, name: `${m[2]} ${m[1]}${m[3] ? ` ${m[3]}` : ''}`, plain: false };
  const p = PLAIN_INDEXED_NAME.exec(c);
  return p ? { surname: p[1]!, name: `${p[2]} ${p[1]}`, plain: true } : null;
}

/** A feed category as a topic: trimmed, lower-cased, a catalogue's kind qualifier dropped (KIND_QUALIFIER), an
 * index-style name turned (indexedName); one without a middle initial only when `written` (the story's words, as
 * storyWords writes them) holds the name. */
function categoryTopic(category: string, written?: string): string {
  const n = indexedName(category);
  if (n && (!n.plain || written?.includes(` ${wordsOf(n.name).join(' ')} `))) return n.name;
  return category.trim().toLowerCase().replace(KIND_QUALIFIER, '');
}

/** The story's titles and leads as wordsOf splits them (lower-case words, "o'brien" → "o brien"), one space between
 * words and around the whole, " | " between articles and between each title's `titleCopies` copies: what a name is
 * looked up in. */
function storyWords(articles: readonly TopicArticle[], titleCopies = 1): string {
  const parts = articles.flatMap((a) => [...Array<string>(titleCopies - 1).fill(a.title), `${a.title} ${a.summary ?? ''}`]);
  return ` ${parts.map((p) => wordsOf(p).join(' ')).join(' | ')} `;
}

/** A surname as indexedSurnames keys it and storyTopics looks it up: a curly apostrophe written straight ("O’Brien"
 * tagged, "O'Brien" in titles). */
function surnameKey(surname: string): string {
  return surname.replace(/’/gu, "'");
}

/**
 * Surname → the full names of the people the window's feeds tag index-style (INDEXED_NAME: "Trump, Donald J" and
 * "Trump, Donald J Jr" give "trump" → ["donald trump", "donald trump jr"]), in code-point order. storyTopics writes a
 * story's key term that is such a surname as the full name its own articles write, so that a story whose titles say
 * "Trump" and one tagged "Trump, Donald J" share one topic page and feed (a reader trial found "Trump" and "Donald
 * Trump" topics, each with half the stories). `articles`: the window's articles (their categories).
 */
export function indexedSurnames(articles: Iterable<Pick<TopicArticle, 'categories'>>): Map<string, string[]> {
  const names = new Map<string, Set<string>>();
  for (const a of articles) {
    for (const c of a.categories) {
      const n = indexedName(c);
      if (!n) continue;
      const key = surnameKey(n.surname);
      names.set(key, (names.get(key) ?? new Set()).add(n.name));
    }
  }
  return new Map([...names].map(([surname, full]) => [surname, [...full].sort()]));
}

/**
 * Which of `names` (full names of one surname, indexedSurnames) the story's own articles write most often, in their
 * titles or texts ("Donald Trump", "Donald J. Trump"; a name with a suffix only with it, "Donald Trump Jr."), or
 * undefined when they write none: a surname alone does not say who (a trial's country story "Jordan recalls its
 * ambassador" had become "michael jordan" from one tag elsewhere in the window, a Jackson, Mississippi story "jesse
 * jackson").
 */
function writtenName(names: readonly string[], articles: readonly TopicArticle[]): string | undefined {
  // a title's use counts twice: "Frederick Vreeland, Diplomat and Spy…, Dies at 98" over "A son of … Diana Vreeland"
  const text = storyWords(articles, 2);
  const suffixes = names.map((n) => /\b(?:jr|sr|ii|iii)$/.exec(n)?.[0]).filter(Boolean);
  let best: string | undefined;
  let bestCount = 0;
  for (const name of names) {
    // the name as wordsOf splits the text ("o'brien" → "o brien", "ocasio-cortez" → "ocasio cortez")
    const parts = wordsOf(name);
    const suffix = /^(?:jr|sr|ii|iii)$/.test(parts.at(-1)!) ? parts.pop()! : null;
    const [given, ...rest] = parts;
    // the given name, a middle initial or not, the rest; a name without a suffix not followed by one the window has
    const unsuffixed = suffixes.length ? `(?! (?:${suffixes.join('|')}) )` : '';
    const re = new RegExp(` ${given}(?: \\p{L})? ${rest.join(' ')}${suffix ? ` ${suffix}` : ''}(?= )${suffix ? '' : unsuffixed}`, 'gu');
    const count = text.match(re)?.length ?? 0;
    if (count > bestCount) [best, bestCount] = [name, count];
  }
  return best;
}

export interface TopicArticle {
  title: string;
  /** The article's lead text, if any (read for full names: writtenName). */
  summary?: string | null;
  categories: string[];
  /** BCP 47 tag of the article's language (its stop words and stemming, as the clustering read it); absent or
   * null: unknown. */
  language?: string | null;
}

/** Feed categories of the story, most common first, lower-cased; ties: those with more of their words in the
 * story's titles first (a one-article obituary tagged "Vreeland, Frederick" and "Vreeland, Diana", his mother, is
 * headed "Frederick Vreeland…"), then code-point order. */
export function categoryTopics(articles: TopicArticle[], max = TOPICS_MAX_CATEGORIES): string[] {
  const counts = new Map<string, number>();
  const written = storyWords(articles);
  for (const a of articles) for (const c of new Set(a.categories.map((x) => categoryTopic(x, written)).filter((x) => x && !INTERNAL_TAG.test(x) && !SECTION_LABELS.has(x)))) counts.set(c, (counts.get(c) ?? 0) + 1);
  const min = articles.length > 1 ? 2 : 1;
  const titleWords = new Set(articles.flatMap((a) => wordsOf(a.title)));
  const inTitles = (c: string): number => {
    const w = wordsOf(c);
    return w.filter((x) => titleWords.has(x)).length / (w.length || 1);
  };
  return [...counts]
    .filter(([, n]) => n >= min)
    .sort((x, y) => y[1] - x[1] || inTitles(y[0]) - inTitles(x[0]) || (x[0] < y[0] ? -1 : 1))
    .slice(0, max)
    .map(([c]) => c);
}

/**
 * A word that is not a name is a key term only when at least this share of the window's articles that use it are the
 * story's own (its titles' count over the term's document frequency): "avalanche" in the avalanche story, not
 * "identified", "charges" or "kills", which many stories' articles use (a trial's story chips read "Erupts",
 * "Suspect", "Identified").
 */
export const TOPIC_TERM_MIN_SHARE = 0.5;
/** Two names are one key term when each of them stands next to the other in at least this share of the titles using
 * it: "Rhode Island", "Taylor Swift"; not "Bangladesh PM", as the story's other titles write "Bangladesh" alone. */
const PAIR_MIN_SHARE = 0.8;

/**
 * English title words that say how much or how old, not what a story is about: numbers written as words (as
 * isNumberTerm leaves out those written in digits) and the obituary's "aged" (a reader trial's chips "Nine", "Aged");
 * and the offices written before a name ("Prime Minister Keir Starmer", "President Lula", "PM Modi"), capitalised there
 * but not names: a reader trial's chip "prime", and "prime minister keir starmer" had been one name.
 */
const NOT_TOPICS: ReadonlySet<string> = new Set([
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen',
  'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty', 'forty', 'fifty', 'sixty',
  'seventy', 'eighty', 'ninety', 'hundred', 'hundreds', 'thousand', 'thousands', 'million', 'millions', 'billion',
  'billions', 'dozen', 'dozens', 'aged',
  'minister', 'pm', 'president', 'vice', 'deputy', 'secretary', 'senator', 'sen', 'rep', 'governor', 'gov', 'chancellor',
  'mayor', 'attorney', 'spokesperson', 'spokesman', 'spokeswoman', 'mr', 'mrs', 'ms', 'dr',
]);

/** Offices of two words whose words are names elsewhere ("Prime Day", "Premier League", "General Motors", "Foreign
 * Office"): not topics only as these pairs. */
const OFFICE_PAIRS: ReadonlySet<string> = new Set(['prime minister', 'attorney general', 'secretary general', 'surgeon general', 'foreign minister', 'foreign secretary', 'home secretary', 'defence secretary', 'defense secretary']);

/** Whether title word `w`, between `previous` and `next`, is one of NOT_TOPICS or a word of OFFICE_PAIRS there (a
 * hostile trial's topics "league" of "Premier League", "gov", "vice", "attorney general pam bondi"). */
const notTopic = (w: string, previous: string | undefined, next: string | undefined): boolean => {
  const lw = w.toLowerCase();
  return NOT_TOPICS.has(lw) || OFFICE_PAIRS.has(`${previous?.toLowerCase()} ${lw}`) || OFFICE_PAIRS.has(`${lw} ${next?.toLowerCase()}`);
};

/**
 * Key terms of the story (see the module comment), lower-case surface words, heaviest first. Names (name-like terms
 * of the model, TermModel.entity) always qualify; other words only when the story holds TOPIC_TERM_MIN_SHARE of their
 * use. Two names written next to each other in as many titles as a term needs are one key term ("rhode island",
 * "taylor swift"), not two.
 */
export function keyTerms(articles: TopicArticle[], centre: SparseVector, model: TermModel, max = TOPICS_MAX_TERMS): string[] {
  // term → surface spelling counts, and in how many titles the term appears; name pairs likewise
  const surfaces = new Map<string, Map<string, number>>();
  const titles = new Map<string, number>();
  const isName = (term: string | undefined): boolean => term !== undefined && model.entity[model.termIds.get(term) ?? -1] === 1;
  for (const a of articles) {
    const inTitle = new Set<string>();
    const language = primaryLanguage(a.language);
    let previous: { term: string; surface: string; word: string } | null = null;
    const titleWords = words(a.title);
    for (const [i, w] of titleWords.entries()) {
      const tok = tokenize(w, language)[0];
      if (!tok || isNumberTerm(tok.term) || notTopic(w, titleWords[i - 1], titleWords[i + 1])) {
        previous = null;
        continue;
      }
      const surface = w.toLowerCase().replace(/['’]s$/u, '');
      count(surfaces, tok.term, surface);
      inTitle.add(tok.term);
      const joiner = !previous ? null : a.title.includes(`${previous.word} ${w}`) ? ' ' : a.title.includes(`${previous.word}-${w}`) ? '-' : null;
      if (previous && joiner && isName(previous.term) && isName(tok.term) && !/['’]s$/u.test(previous.word)) {
        const pair = `${previous.term} ${tok.term}`;
        count(surfaces, pair, `${previous.surface}${joiner}${surface}`);
        inTitle.add(pair);
      }
      previous = { term: tok.term, surface, word: w };
    }
    for (const t of inTitle) titles.set(t, (titles.get(t) ?? 0) + 1);
  }
  const min = articles.length > 1 ? 2 : 1;
  const weighted: Array<[string, number]> = [];
  for (let i = 0; i < centre.ids.length; i++) {
    const term = model.terms[centre.ids[i]!]!;
    const used = titles.get(term) ?? 0;
    if (used >= min && (model.entity[centre.ids[i]!] === 1 || used >= TOPIC_TERM_MIN_SHARE * model.df[centre.ids[i]!]!)) weighted.push([term, centre.weights[i]!]);
  }
  weighted.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
  const out: string[] = [];
  const done = new Set<string>();
  // words the story's titles or leads write in lower case somewhere (lower-cased): not names
  const lowerCase = new Set(articles.flatMap((a) => words(`${a.title} ${a.summary ?? ''}`)).filter((w) => w === w.toLowerCase()));
  const surfaceOf = (term: string): string => mostCommon(surfaces.get(term)!);
  const keyNames = new Set(weighted.map(([t]) => t).filter((t) => isName(t) || !lowerCase.has(surfaceOf(t))));
  const text = wordUses(articles.map((a) => `${a.title} ${a.summary ?? ''}`));
  const leads = wordUses(articles.map((a) => a.summary ?? ''));
  // a particle before a name, only where a lead capitalises the two inside a sentence: Title Case headlines capitalise
  // every word, and a sentence its first ("The GOP goal…", "When Gmail was…", kottke's titles and leads alike)
  const particleOf = (w: string, first: string): boolean => NAME_PARTICLES.has(w) && (leads.midCapitalPairs.get(`${w} ${first}`) ?? 0) > 0;
  const nameOf = new Map([...keyNames].map((name) => [surfaceOf(name), name]));
  for (const [term] of weighted) {
    if (out.length >= max) break;
    if (done.has(term)) continue;
    // the name pair this name starts or ends that most titles write, if enough do (a hyphenated one only where its
    // words are rarely apart in the titles and leads: "Ocasio-Cortez", not "Russia-Ukraine")
    const isPair = ([k, n]: [string, number]): boolean => {
      const parts = k.split(' ');
      if (parts.length !== 2 || !parts.includes(term) || n < min) return false;
      if (!parts.every((t) => !done.has(t) && n >= PAIR_MIN_SHARE * titles.get(t)!)) return false;
      const written = mostCommon(surfaces.get(k)!);
      return !written.includes('-') || hyphenatedName(written, text);
    };
    const pair = [...titles].filter(isPair).sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0]?.[0];
    // Names the story writes together though titles do not pair them as names: "Sri Lanka", "Michelle Zauner" are one
    // (each beside the other in most of its uses, twice at least: one Title Case headline's "Corporate Manners" or
    // "Knocking China" is not a name); a name beside another in most of its uses, but not the other way, is part of it:
    // the given name "José" of "José Jerí", who is "jerí" in most titles (a reader trial's chips "josé", "alexei");
    // not "Ukraine" beside "russia".
    const surface = surfaceOf(term);
    if (!pair && keyNames.has(term)) {
      const partners = [...(text.neighbours.get(surface) ?? [])]
        .map((w) => nameOf.get(w))
        .filter((name): name is string => name !== undefined && name !== term && keyNames.has(name) && partOfName(surface, surfaceOf(name), text));
      const mutual = partners.find((name) => !done.has(name) && partOfName(surfaceOf(name), surface, text) && writtenPair(surface, surfaceOf(name), text)[1] >= 2);
      if (mutual !== undefined) {
        done.add(term).add(mutual);
        out.push(longerName(writtenPair(surface, surfaceOf(mutual), text)[0], text, leads, done, true, () => false));
        continue;
      }
      if (isName(term) && partners.some(isName)) {
        keyNames.delete(term);
        continue;
      }
    }
    const key = pair ?? term;
    for (const t of key.split(' ')) done.add(t);
    out.push(longerName(mostCommon(surfaces.get(key)!), text, leads, done, pair !== undefined, particleOf));
  }
  return [...new Set(out)];
}

/**
 * Words that begin a place's or a person's name and are no term of their own (stop words in their language, or too
 * short): "New York", "San Francisco", "Los Angeles", "El Salvador", "Le Pen", "Al Jazeera", "Van Gogh". Not "The"
 * ("The GOP") nor any other word a Title Case headline capitalises.
 */
const NAME_PARTICLES: ReadonlySet<string> = new Set(['new', 'san', 'santa', 'los', 'las', 'el', 'la', 'le', 'les', 'al', 'van', 'von', 'st', 'bin', 'ibn', 'abu']);

/**
 * A key term (`name`, lower-case, as written) with the words the story writes next to it wherever it writes it (both
 * capitalised, at least twice, in at least PAIR_MIN_SHARE of the uses of the word it extends, and so inside a
 * sentence of a lead at least once, `leads`: a Title Case headline capitalises every word, "Elon Musk Says"): after
 * a name of two words or more (`several`), up to two words ("kim jong" → "kim jong un", "elana meyers" → "elana
 * meyers taylor", "donald trump" → "donald trump jr" in a story of the son; not "keir starmer" → "keir starmer said");
 * before any, the first half of a hyphenated given name ("jean-luc mélenchon"), or one of NAME_PARTICLES where a lead
 * capitalises it there inside a sentence (`particle`), not only a Title Case headline or a sentence's start, so "york"
 * is "new york" (an operator trial's topic "York"). Each word taken joins `done`.
 */
function longerName(name: string, text: WordUses, leads: WordUses, done: Set<string>, several: boolean, particle: (word: string, first: string) => boolean): string {
  // written beside it, both capitalised, twice at least and in PAIR_MIN_SHARE of the uses of the word it extends
  const partOf = (word: string, uses: number, key: string): boolean => {
    const together = text.capitalPairs.get(key) ?? 0;
    return together >= 2 && together >= PAIR_MIN_SHARE * uses && !name.split(/[ -]/u).includes(word);
  };
  let out = name;
  const first = out.split(/[ -]/u)[0]!;
  const uses = text.words.get(first) ?? 0;
  // a hyphenated given name's first half ("jean" of "Jean-Luc Mélenchon", which had read "luc mélenchon"), else a particle
  const joined = [...(text.neighbours.get(first) ?? [])].find((w) => partOf(w, uses, `${w}-${first}`));
  const before = joined ?? [...(text.neighbours.get(first) ?? [])].find((w) => particle(w, first) && partOf(w, uses, `${w} ${first}`));
  if (before !== undefined) out = `${before}${joined !== undefined ? '-' : ' '}${out}`;
  for (let k = 0; several && k < 2; k++) {
    const last = out.split(/[ -]/u).at(-1)!;
    const next = [...(text.neighbours.get(last) ?? [])].find(
      (w) => partOf(w, text.words.get(last) ?? 0, `${last} ${w}`) && (leads.midCapitalPairs.get(`${last} ${w}`) ?? 0) > 0 && !out.split(/[ -]/u).includes(w),
    );
    if (next === undefined) break;
    out = `${out} ${next}`;
    done.add(next);
  }
  return out;
}

/** How often a story's text uses each word and each two words written next to each other (wordUses). */
interface WordUses {
  words: Map<string, number>;
  /** "a b" (as `pairs`) → how many of its uses write both words with a capital first letter. */
  capitalPairs: Map<string, number>;
  /** "a b" → how many of its uses write both with a capital inside a sentence, where only a name's words have one
   * ("The New York attorney general"; not a sentence's first word: "The GOP goal…", "When Gmail was…"). */
  midCapitalPairs: Map<string, number>;
  /** "a b" and "a-b" (a written before b, with one space or a hyphen between) → count. */
  pairs: Map<string, number>;
  /** Each word → the words written next to it so (before or after), in first-seen order. */
  neighbours: Map<string, Set<string>>;
}

/** The words (lower-case; letters and digits, apostrophes inside: "o’brien"; a possessive's "’s" dropped) of `texts`
 * and their neighbours. */
function wordUses(texts: readonly string[]): WordUses {
  const uses: WordUses = { words: new Map(), capitalPairs: new Map(), midCapitalPairs: new Map(), pairs: new Map(), neighbours: new Map() };
  const add = (m: Map<string, number>, k: string): void => void m.set(k, (m.get(k) ?? 0) + 1);
  const near = (a: string, b: string): void => void (uses.neighbours.get(a) ?? uses.neighbours.set(a, new Set()).get(a)!).add(b);
  for (const text of texts) {
    let previous: { word: string; end: number; possessive: boolean; capital: boolean; opens: boolean } | null = null;
    for (const m of text.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu)) {
      const word = m[0].toLowerCase().replace(/['’]s$/u, ''); // as keyTerms' surfaces: "Lanka’s" is "lanka"
      add(uses.words, word);
      const capital = /^\p{Lu}/u.test(m[0]);
      const gap: string | null = previous ? text.slice(previous.end, m.index) : null;
      // a sentence's first word: the text's first, or one after a sentence's end (read from the gap alone: the
      // text before it, sliced for every word, was quadratic in a full-text lead)
      const opens: boolean = gap === null || /[.!?:…]/u.test(gap);
      // a possessive ends a name: "Greenland's Olympic siblings"
      if (previous && !previous.possessive && (gap === ' ' || gap === '-')) {
        add(uses.pairs, `${previous.word}${gap}${word}`);
        if (previous.capital && capital) add(uses.capitalPairs, `${previous.word}${gap}${word}`);
        if (previous.capital && capital && !previous.opens) add(uses.midCapitalPairs, `${previous.word}${gap}${word}`);
        near(previous.word, word);
        near(word, previous.word);
      }
      previous = { word, end: m.index + m[0].length, possessive: word !== m[0].toLowerCase(), capital, opens };
    }
  }
  return uses;
}

/**
 * Whether a hyphenated pair of names ("ocasio-cortez", lower-case) is one name in the story's text: each of its words
 * stands apart from the other in under 1 − PAIR_MIN_SHARE of its uses. "Russia-Ukraine talks" over leads that name
 * Russia and Ukraine apart are two.
 */
function hyphenatedName(pair: string, text: WordUses): boolean {
  const together = text.pairs.get(pair) ?? 0;
  return together > 0 && pair.split('-').every((w) => together >= PAIR_MIN_SHARE * (text.words.get(w) ?? 0));
}

/** Whether `word` is written next to `name` (before or after it, with a space or a hyphen) in at least PAIR_MIN_SHARE of
 * its uses in the story's text. */
function partOfName(word: string, name: string, text: WordUses): boolean {
  const together = writtenPairs(word, name).reduce((n, w) => n + (text.pairs.get(w) ?? 0), 0);
  return together > 0 && together >= PAIR_MIN_SHARE * (text.words.get(word) ?? 0);
}

/** Two names as the story's text most often writes them together (in either order, with a space or a hyphen:
 * "sri lanka"), and how often. */
function writtenPair(a: string, b: string, text: WordUses): [string, number] {
  return writtenPairs(a, b).map((w): [string, number] => [w, text.pairs.get(w) ?? 0]).sort((x, y) => y[1] - x[1])[0]!;
}

const writtenPairs = (a: string, b: string): string[] => [`${a} ${b}`, `${b} ${a}`, `${a}-${b}`, `${b}-${a}`];

function count(m: Map<string, Map<string, number>>, key: string, surface: string): void {
  const s = m.get(key) ?? new Map<string, number>();
  s.set(surface, (s.get(surface) ?? 0) + 1);
  m.set(key, s);
}

function mostCommon(counts: ReadonlyMap<string, number>): string {
  return [...counts].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0]![0];
}

/**
 * Topics of a story: categories, then key terms that are not already a category or a word of one; a key term that is
 * the surname of a person the window's feeds tag (`surnames`, indexedSurnames) is written as that person's full name
 * when the story's articles write it (writtenName). A key term that is a word of another topic goes (a given name
 * beside the full name a surname became: "elbridge" beside "elbridge colby").
 */
export function storyTopics(articles: TopicArticle[], centre: SparseVector, model: TermModel, surnames: ReadonlyMap<string, readonly string[]> = new Map()): string[] {
  const out = categoryTopics(articles);
  const wordsOfTopic = (t: string): string[] => t.split(/[^\p{L}\p{N}]+/u);
  const inCategories = new Set(out.flatMap(wordsOfTopic));
  const terms: string[] = [];
  for (const term of keyTerms(articles, centre, model)) {
    if (out.includes(term) || inCategories.has(term)) continue;
    const names = surnames.get(surnameKey(term));
    const t = (names && writtenName(names, articles)) ?? term;
    if (!out.includes(t) && !terms.includes(t)) terms.push(t);
  }
  const inTerms = new Set(terms.filter((t) => wordsOfTopic(t).length > 1).flatMap(wordsOfTopic));
  const upper = acronyms(articles.flatMap((a) => [a.title, a.summary ?? '']));
  const cased = (t: string): string => t.replace(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu, (w) => (upper.has(w) ? w.toUpperCase() : w));
  return [...new Set([...out, ...terms.filter((t) => wordsOfTopic(t).length > 1 || !inTerms.has(t))].map(cased))];
}

/**
 * The words (lower-case) that `texts` write in capitals, two letters at least, in at least half their uses: "uk",
 * "ai", "atp", so a topic shows "UK", not "Uk" (an operator trial's topic pages; a topic's display name capitalises
 * only each word's first letter, topicName in src/site/topics.ts). A shouted text, most of its letters capitals, is
 * not read ("SENATE PASSES STOPGAP FUNDING BILL": a hostile trial's topics "BILL", "FUNDING").
 */
function acronyms(texts: readonly string[]): Set<string> {
  const uses = new Map<string, number>();
  const caps = new Map<string, number>();
  for (const text of texts) {
    const letters = text.match(/\p{L}/gu)?.length ?? 0;
    if (letters === 0 || (text.match(/\p{Lu}/gu)?.length ?? 0) > letters / 2) continue;
    for (const m of text.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu)) {
      const bare = m[0].replace(/['’]s$/u, '');
      const word = bare.toLowerCase();
      uses.set(word, (uses.get(word) ?? 0) + 1);
      if (/^\p{Lu}{2,}$/u.test(bare)) caps.set(word, (caps.get(word) ?? 0) + 1);
    }
  }
  return new Set([...caps].filter(([w, n]) => n * 2 >= uses.get(w)!).map(([w]) => w));
}
