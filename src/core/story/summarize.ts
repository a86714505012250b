/**
 * Extractive multi-document summary: 3 to 5 sentences quoted from the story's own articles, chosen by centrality
 * (cosine to the story centroid) with Maximal Marginal Relevance against redundancy (Carbonell & Goldstein, SIGIR
 * 1998), taking from at least two sources when the story has them. Nothing is generated, so nothing is invented.
 */
import stringWidth from 'string-width';
import {
  SUMMARY_MAX_BULLETS,
  summaryBulletsPerSource,
  SUMMARY_MAX_SENTENCE_COLUMNS,
  SUMMARY_MIN_BULLETS,
  SUMMARY_MMR_LAMBDA,
  WIRE_AGENCIES,
} from '../config';
import { escapeRegExp } from '../escape-regexp';
import type { ArticleKind } from '../schema/article';
import type { SummaryBullet } from '../schema/story';
import { primaryLanguage } from './tokenize';
import { dot, termCounts, toVector, type SparseVector, type TermModel, type VectorizeOptions } from './vectorize';

/** Shortest sentence worth quoting (display columns, see `columns`): shorter ones are usually fragments or bylines. */
const MIN_SENTENCE_COLUMNS = 40;
/**
 * How a sentence ends: a sentence terminal (Unicode's Sentence_Terminal property, UAX #29: . ! ? and the full-width
 * 。！？, Arabic ؟, the Devanagari danda …), then at most one closing quote or bracket (” ’ " ' ) 」 』). An ellipsis
 * is no terminal: feeds end cut-off teasers with it, written as one character (…) or as dots ("Yoon Suk Yeol and...",
 * an operator trial's bullet).
 */
const ENDS_AS_SENTENCE = /(?<!\.)\p{Sentence_Terminal}[\p{Pe}\p{Pf}"']?$/u;
/**
 * What a feed's template or a photo credit leaves in a lead, never a sentence to quote: a placeholder in braces (The
 * Hill's "{beacon}") or a copyright sign (an operator trial's bullets).
 */
const TEMPLATE_LEFTOVER = /\{[\p{L}\p{N}_ -]{1,40}\}|©/u;
/** Two sentences more similar than this say the same thing; only one is kept. */
const DUPLICATE_SIMILARITY = 0.8;
/**
 * Two sentences that give one figure (figures) and are at least this similar state one fact in other words: outlets'
 * leads paraphrase each other below DUPLICATE_SIMILARITY ("More than 80 film industry figures … slamming the Berlin Film
 * Festival's silence" and "More than 80 current and former participants in Germany's Berlinale…", cosine 0.32; a
 * reader trial's story showed three such bullets), while a figure they share marks the same fact. Chosen on the
 * bundled demo: each of the nine pairs of sentences and titles its summaries compare that share a figure states one
 * fact, at cosines 0.30–0.73 ("…who died on Tuesday aged 84" and "Jesse Jackson dies at age 84", 0.30).
 */
const SAME_FIGURE_SIMILARITY = 0.2;
/**
 * Two leads (each its article's first sentence) at least this similar tell one piece of news: a lead is where each
 * outlet puts its main news, so in one story two half-alike leads say it twice in their own words ("Peru's Congress
 * voted on Tuesday to remove interim President José Jerí…" and "Congress voted to impeach interim President Jose
 * Jeri…", 0.59; a reader trial's Peru story had four such bullets). Chosen on the bundled demo: of its stories' pairs
 * of quoted leads at 0.5 or more, all but one restate each other (the one: a minister to attend a swearing-in, beside
 * the swearing-in, 0.52); below 0.5 most pairs tell different news (a suspect named, then found dead, 0.41).
 */
const LEAD_DUPLICATE_SIMILARITY = 0.5;
/** Sentences read from each article's lead: the lead carries the news; later sentences drift (and full-text feeds are long). */
const MAX_SENTENCES_PER_ARTICLE = 6;

export interface SummaryArticle {
  id: string;
  sourceId: string;
  title: string;
  summary: string | null;
  /** BCP 47 tag of the article's language (its stop words and stemming, as the clustering read it); absent or
   * null: unknown. */
  language?: string | null;
  /** "opinion" or "analysis" when its feed carries that; absent: news. */
  kind?: ArticleKind;
  /** True when its source writes "PLACE: " datelines (colonDatelineSources): its lead's is left out. */
  colonDateline?: boolean;
}

let sentenceSegmenter: Intl.Segmenter | undefined;

/**
 * Length of a text in display columns (string-width: UAX #11 East Asian Width, a CJK character is two columns), so
 * that the sentence limits mean about as much text in Japanese or Chinese as in English: a 30-character Japanese
 * sentence carries what some 60 Latin characters do.
 */
export const columns = (text: string): number => stringWidth(text);

/**
 * A text ending in an abbreviation, after which a sentence goes on: CLDR's English sentence-break suppressions
 * (common/segments/en.xml: titles, initialisms written with dots, months, company forms), which ICU applies only
 * with the "ss" locale key, and V8's Intl.Segmenter does not ("U.S. President" had ended a bullet at "U.S.").
 */
const ENDS_IN_ABBREVIATION =
  /(?:^|[\s(“"‘'])(?:(?:\p{Lu}\.){2,}|(?:Mr|Mrs|Ms|Dr|Prof|St|Mt|Ft|Jr|Sr|Gen|Gov|Sen|Rep|Lt|Col|Sgt|Capt|Cmdr|Adm|Maj|Rev|Hon|Pres|Inc|Corp|Ltd|Co|vs|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.)$/u;

/**
 * The double quotation marks of `text` as [straight, curly]: how many straight quotes (") it has (an odd number leaves
 * one open), and how deep its curly ones go (+1 per opening “ „ «, −1 per closing ” »; “ closes instead of opening
 * when `low`, the text using „ as German does: „so“).
 */
function quoteCounts(text: string, low: boolean): [number, number] {
  let straight = 0;
  let curly = 0;
  for (const ch of text) {
    if (ch === '"') straight++;
    else if (ch === '„' || ch === '«' || (ch === '“' && !low)) curly++;
    else if (ch === '”' || ch === '»' || ch === '“') curly--;
  }
  return [straight, curly];
}

/**
 * Whether `text` leaves a double quotation open: its curly marks (“ ” „ « ») do not pair up, and its straight ones (")
 * are too few to close the ones left, or one is left over (a straight mark may close a curly one: '“Board of Peace."').
 * A bullet is a verbatim quote (checkBullets), so one that opens a quotation it does not close cannot be mended; it
 * is not quoted ('"I saw no evidence during my presidency that extraterrestrials have made contact with us.', a reader
 * trial's, from a lead whose quote marks do not pair up, so `sentences` broke inside the quotation).
 */
export function leavesQuoteOpen(text: string): boolean {
  // an inch mark after a number (a 65" TV) quotes nothing
  const [straight, curly] = quoteCounts(text.replace(/(?<=\d)"/gu, ''), text.includes('„'));
  const left = straight - Math.abs(curly);
  return left < 0 || left % 2 === 1;
}

/**
 * Sentences of a plain text (ECMA-402 Intl.Segmenter, sentence granularity), trimmed; a break after an abbreviation
 * (ENDS_IN_ABBREVIATION) is not taken, so "… with U.S. President Trump." stays one sentence (where an abbreviation
 * does end a sentence, two sentences stay together: a longer bullet, never a cut one), nor one inside a quotation
 * (a reader trial's bullet had opened a quote it never closed: '"I saw no evidence during my presidency that
 * extraterrestrials have made contact with us.'), when the text's quotations all close: marks that do not pair up
 * (“…", an inch mark, 6'2") leave the breaks as they are (they had held the rest of a lead together, too long to quote).
 */
export function sentences(text: string): string[] {
  sentenceSegmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  const low = text.includes('„');
  const [allStraight, allCurly] = quoteCounts(text, low);
  const quotesPair = allStraight % 2 === 0 && allCurly === 0;
  const out: string[] = [];
  let pending = '';
  let straight = 0;
  let curly = 0;
  for (const s of sentenceSegmenter.segment(text)) {
    pending += s.segment;
    if (quotesPair) {
      const [ds, dc] = quoteCounts(s.segment, low);
      straight += ds;
      curly += dc;
    }
    const t = pending.trim();
    if (!t || ENDS_IN_ABBREVIATION.test(t) || straight % 2 === 1 || curly > 0) continue;
    out.push(t);
    pending = '';
    straight = 0;
    curly = 0;
  }
  if (pending.trim()) out.push(pending.trim());
  return out;
}

/** Dateline credits of news agencies, "(AP) —": the wire agencies' (WIRE_AGENCIES) and other national agencies'. */
const AGENCY_CREDITS = [...WIRE_AGENCIES.flatMap((a) => a.credits), 'dpa', 'UPI', 'PTI', 'IANS', 'ANI', 'Xinhua', 'PAP', 'ANSA', 'EFE', 'Kyodo', 'Yonhap', 'Bernama', 'APP', 'Bloomberg', 'CNN'];
/** Words that end a label in capitals before a lead ("EXCLUSIVE: ", "DAILY MAIL COMMENT: ", "FIRST ON FOX: "). */
const LEAD_LABELS = ['EXCLUSIVE', 'BREAKING', 'WATCH', 'WARNING', 'UPDATE', 'UPDATED', 'ANALYSIS', 'OPINION', 'COMMENT', 'EDITORIAL', 'LIVE', 'LIVEBLOG', 'REVEALED', 'PICTURED', 'INTRODUCTION', 'TAKEAWAYS', 'SHORT', 'FOX'];

/**
 * What a lead may open with before its first sentence, when what follows starts as a sentence does (a capital, a
 * digit or a quote): a partner's credit in brackets ("[Capital FM] ", AllAfrica's, with the place it gives:
 * "[IPS] Kathmandu, Nepal -- "), then a dateline with an agency's credit ("WASHINGTON (AP) — ", "LONDON, Feb 17
 * (Reuters) - "), a place in capitals and a dash ("KARACHI – ", "MEXICO CITY — "; one word of five letters or more,
 * so not "NASA – " or "FBI -- ", which say who), or a label in capitals
 * ("EXCLUSIVE: ", "DAILY MAIL COMMENT: ", LEAD_LABELS). Not a name or acronym and a colon ("NATO: Russia must…",
 * "DAVID JONES: As I…"), which says who speaks: "RIYADH: " stays too, as nothing tells it from them. Read from the 7-day
 * stream's leads, and narrowed after a hostile trial ("Donald Trump -- who faces…", "[The president] has…").
 */
const LEAD_OPENER = new RegExp(
  [
    "^(?:\\[[^\\]\\n]{1,40}\\]\\s*(?:\\p{Lu}[\\p{L}'’]+(?: \\p{Lu}[\\p{L}'’]+){0,2}(?:, [\\p{L} ]{1,20})?\\s+--\\s+)?)?",
    '(?:',
    `\\p{Lu}[\\p{L}.'’-]*(?: \\p{Lu}[\\p{L}.'’-]*){0,3}(?:, ?[\\p{L}\\d.' ]{1,30})?\\s*\\((?:${AGENCY_CREDITS.map(escapeRegExp).join('|')})\\)\\s*[-–—:]+\\s+`,
    "|\\p{Lu}{5,}\\s*[-–—]+\\s+|\\p{Lu}{3,}(?: \\p{Lu}{3,}){1,2}\\s*[-–—]+\\s+",
    `|(?:\\p{Lu}{2,} ){0,3}(?:${LEAD_LABELS.join('|')}):\\s+`,
    ')?',
  ].join(''),
  'u',
);

/** A place in capitals and a colon before a lead's first sentence ("KHARTOUM: A drone attack…", Dawn's and Arab
 * News' datelines), when the source writes its datelines so (colonDatelineSources). */
const COLON_DATELINE = /^(\p{Lu}[\p{Lu}.'’-]+(?: \p{Lu}[\p{Lu}.'’-]+){0,2}):\s+(?=[\p{Lu}\p{N}"“‘'«„])/u;
/** A source writes colon datelines when at least this many of its leads open with one (COLON_DATELINE), with at least
 * this many different places. */
const COLON_DATELINE_MIN_LEADS = 3;
/** …and at least this share of those openers are one word: a place ("RIYADH", "LONDON"), where a columnist's name is
 * two ("QUENTIN LETTS: ", "JANE FRYER: ", the Daily Mail's on the 7-day stream). */
const COLON_DATELINE_ONE_WORD_SHARE = 0.75;

/**
 * The sources that write a place in capitals and a colon before their leads: at least COLON_DATELINE_MIN_LEADS of
 * their leads (`articles`: the stored ones) open with one, with as many different places, COLON_DATELINE_ONE_WORD_SHARE of
 * them one word (labels such as "EXCLUSIVE: " not counted: LEAD_LABELS). One lead's "UNICEF: " or "TRUMP: " says
 * who speaks, and nothing in it tells it from "RIYADH: "; a source's habit does (the 7-day stream: Arab News' 179
 * leads with 62 places, "RIYADH", "LONDON", "DUBAI"; a reader trial's demo: Dawn's 7 of 7 places). Pure.
 */
export function colonDatelineSources(articles: ReadonlyArray<{ sourceId: string; summary: string | null }>): Set<string> {
  const openers = new Map<string, string[]>();
  for (const a of articles) {
    const m = COLON_DATELINE.exec(a.summary?.trimStart() ?? '');
    if (!m || m[1]!.split(' ').some((w) => LEAD_LABELS.includes(w))) continue;
    (openers.get(a.sourceId) ?? openers.set(a.sourceId, []).get(a.sourceId)!).push(m[1]!);
  }
  const out = new Set<string>();
  for (const [sourceId, list] of openers) {
    const oneWord = list.filter((w) => !w.includes(' ')).length;
    if (list.length >= COLON_DATELINE_MIN_LEADS && new Set(list).size >= COLON_DATELINE_MIN_LEADS && oneWord >= COLON_DATELINE_ONE_WORD_SHARE * list.length) out.add(sourceId);
  }
  return out;
}

/** `text` without the credit, dateline or label it opens with (LEAD_OPENER; with `colonDateline`, its source's
 * "KHARTOUM: " too: colonDatelineSources), or as it is. */
export function withoutLeadOpener(text: string, colonDateline = false): string {
  const dateline = colonDateline ? COLON_DATELINE.exec(text) : null;
  if (dateline && dateline[0].length < text.length) return text.slice(dateline[0].length);
  const m = LEAD_OPENER.exec(text);
  if (!m || m[0].length === 0 || m[0].length >= text.length) return text;
  const rest = text.slice(m[0].length);
  return /^[\p{Lu}\p{N}"“‘'«„]/u.test(rest) ? rest : text;
}

/**
 * A sentence that leans on the one before it: it opens with a personal pronoun ("He's since clarified…"), a
 * conjunction ("But it's unlikely…"), a demonstrative standing for what was said ("That includes 20 national
 * leaders…", "This is a photo gallery…"; not "This year was the hottest…": a demonstrative with a noun is as often a
 * time, a second hostile pass's) or a teaser's "Here are five takeaways…", "Here is a look…". Quoted alone it names
 * no one and answers nothing (reader trials' bullets). Not "So-called…", "Still photographs…", "Also known as…" (only
 * "Still," and "Also," lean) nor "His Majesty…". English words, read in English articles and those of no known
 * language (Danish "Her" is "here").
 */
const DANGLING_OPENER =
  /^(?:(?:He|She|It|They|His|Her|Its|Their|Him|Them)(?:['’]\p{L}+)?\b(?! (?:Majesty|Royal|Highness|Holiness|Excellency)\b)|(?:But|And|Or|So|Yet|However)[\s,]|(?:Still|Also),|(?:That|This|These|Those)\s+(?:is|was|are|were|has|have|had|include|includes|included|means|meant|comes|came|will|would|could|can|may|might)\b|Here(?:['’]s| is| are)\b)/u;

/**
 * Nouns that stand for an actor (an organisation, a place that acts, a person, a group of them), the subject of
 * DEFINITE_ACTOR: what a reader needs named. Figures, events and things ("toll", "vote", "rate", "market", "trailer")
 * are not: "The death toll has risen to 45" says its news under its headline. Nor offices ("The minister resigned
 * on Tuesday…") and governments, countries and cities ("The government wants prosecutors to…"), which the headline
 * names too.
 */
const ACTOR_NOUNS = `party parties company companies firm firms group groups site platform museum creator athlete athletes
leader leaders man woman men women boy girl couple pair duo star singer actor actress player players team club agency
network band brand retailer carmaker startup outlet newspaper broadcaster app union bank school university hospital
family billionaire campaign regime militants rebels board organisation organization suspect suspects victim victims
gunman attacker teenager child driver pilot`;

/**
 * A definite subject that stands for an actor named before: at most two words before an actor noun (ACTOR_NOUNS), and
 * its verb, an auxiliary, "said", "says", "told", "tells" or a verb in -ed ("The party is dedicated to…", "The company
 * said he…", "The social media site was…", "The group argued…"). Which party is said by the sentence before it or by
 * the article's own headline, and under another story's headline and bullets it reads as theirs (a reader trial's
 * "The party is dedicated to running the country under Islamic law", of an Islamist party, after a bullet on the
 * BNP's win). Not a figure or an event ("The death toll has risen to 45…", "The vote was 52 to 48…": a hostile
 * pass's), nor one a comma names ("The diplomat, Bill White, met…"), nor a verb in -s, which a compound noun's plural
 * looks like ("The school holidays begin…", "The company headquarters…": a second hostile pass's).
 */
const DEFINITE_ACTOR = new RegExp(
  `^The (?:\\p{Ll}[\\p{Ll}-]* ){0,2}(?:${ACTOR_NOUNS.split(/\s+/).join('|')}) (?:also |now |then |still )?(?:is|was|are|were|has|have|had|will|would|could|can|may|might|must|should|said|says|told|tells|\\p{Ll}+ed)\\b`,
  'u',
);

/** A question ("How much of their success is because…?", "Can Bangladesh’s old guard build a new democracy?"), in any
 * script's question mark, a closing quotation mark after it: it asks what a summary should tell. */
const ASKS = /[?？؟][\p{Pe}\p{Pf}"']?$/u;

/**
 * An article's lead when it is a standfirst: one line without a sentence terminal ("Despite hosting a global summit,
 * it is a bystander in the race to develop frontier models", The Economist's style), whole (no closing ellipsis, which
 * marks a cut-off teaser) and within the sentence limits; else null. Quoted only to give a story its second source.
 */
function standfirst(a: SummaryArticle): string | null {
  const text = withoutLeadOpener(a.summary?.trim() ?? '', a.colonDateline);
  if (!text || sentences(text).length !== 1 || /(?:…|\.\.\.)$/u.test(text) || ASKS.test(text) || TEMPLATE_LEFTOVER.test(text) || dangles(text, a) || leavesQuoteOpen(text)) return null;
  const width = columns(text);
  return width >= MIN_SENTENCE_COLUMNS && width <= SUMMARY_MAX_SENTENCE_COLUMNS ? text : null;
}

/**
 * A person's pronoun after an opening phrase that names no one ("A year later, he was lying in a hospital bed…", "A
 * year later, his company had collapsed…", "On Tuesday, he said…"): the phrase has no capital after its first letter
 * but a weekday's or a month's, so whom the pronoun means was said before. Not "… after meeting Jeffrey Epstein,
 * he…", nor "it", as often nobody's ("Since 2019, it has been illegal…": a second hostile pass's).
 */
const INTRO_PRONOUN = /^([^,“"]{3,80}), (?:he|she|they|his|her|their)\b/u;

/** English month names and their abbreviations (DAY_OF_MONTH). */
const MONTH = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';

/** Capitalised words of an opening phrase that name no one: calendar words ("On Tuesday, he said…"). */
const CALENDAR_WORD = /\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\b/gu;

/** The outlet speaking as itself ("Pelicot talked to us about…", "This week, we discuss…", "We debunk another graphic…"):
 * "we" or "us" outside quotation marks (unquoted). Not "US", nor "our", which is as often everyone's ("our planet",
 * "the problems of our time": a hostile pass's), nor French "l’ours", nor a domain's ".us" ("PowerOutage.us"). */
const FIRST_PERSON_PLURAL = /(?<![\p{L}\p{N}'’./@-])(?:[Ww]e|us)(?![\p{L}\p{N}'’])/u;

/**
 * A writer speaking as itself in the first person singular, as bloggers do ("Ski Jumping Pairs is my favorite Winter
 * Olympics event", "I took a couple of days off…", "When I visited the camp…": a reader trial's bullet of a
 * six-source story): "my", "me" or "myself", or "I" before a lower-case word or an apostrophe ("I think", "I’ve"), in
 * `own` (the sentence outside its quotations). Not "mine" (as often a coal or a sea mine), nor a Roman numeral: "I"
 * after a capitalised word other than an opener or a weekday's or month's name (CALENDAR_WORD; "Charles I was…", "World War I") or
 * after a word that counts ("phase I trial", "schedule I", "type I diabetes", "annex I": two hostile passes').
 */
function speaksAsI(own: string): boolean {
  if (/(?<![\p{L}\p{N}'’-])(?:my|me|myself)(?![\p{L}\p{N}'’-])/u.test(own)) return true;
  for (const m of own.matchAll(/(?<![\p{L}\p{N}])I(?= \p{Ll}|['’]\p{Ll})/gu)) {
    // The word before it, unless a punctuation mark or a quotation ends there ("Star Trek: “…” I’m glad…").
    const before = /(\S*\p{L})\s$/u.exec(own.slice(0, m.index))?.[1] ?? '';
    if (NUMBERED.test(before) || (/^\p{Lu}/u.test(before) && !OPENERS.has(before) && before.replace(CALENDAR_WORD, '') !== '')) continue;
    return true;
  }
  return false;
}

/** Words a Roman numeral follows ("phase I", "schedule I", "grade I listed", "type I"): speaksAsI. */
const NUMBERED = /^(?:phase|schedule|type|grade|class|category|stage|part|level|tier|title|article|chapter|volume|act|book|division|league|war|annex|appendix)$/iu;

/** Capitalised words that open a clause before "I" as a pronoun ("When I visited…", "As I reported…"): speaksAsI. */
const OPENERS = new Set(['When', 'As', 'If', 'After', 'Before', 'Since', 'While', 'Then', 'So', 'But', 'And', 'Now', 'Today', 'Yesterday', 'Here', 'There', 'Where', 'Because', 'Although', 'Though', 'Once', 'Until', 'Unless', 'Why', 'What', 'How', 'Still', 'Also', 'Again', 'Maybe', 'Perhaps', 'Yes', 'No', 'Honestly', 'Frankly', 'Sometimes', 'Last', 'This', 'That']);

/**
 * Whether `own` (a sentence outside its quotations) adds to what its article said before it: "also" in its own
 * voice ("The official Saudi Press Agency also said on X that…", "Oman, Qatar and the UAE also made similar
 * announcements", "The timeline of evidence was also discussed, the court said": a reader trial's bullets, which read
 * under another bullet as if they went on from it; "Police said that the suspect also had a gun"). Not where it
 * adds within the sentence: after "and", "but", "or" ("…arrested two men and also seized 3 kilograms…"), after
 * what it adds to ("As well as Germany, France also…", "Besides the fine, …"), in a clause of its own (", adding that
 * two soldiers were also wounded", "…, who had also been removed"), in an aside (", also published in Nature,"), nor
 * a name ("also known as", "also called"), nor "also-ran" (two hostile passes').
 */
function addsTo(own: string): boolean {
  for (const m of own.matchAll(/\balso\b(?![-‐‑])/giu)) {
    const before = own.slice(0, m.index);
    const after = own.slice(m.index + m[0].length);
    if (/^\s+(?:known|called|named|dubbed|referred|spelled|spelt)\b/iu.test(after)) continue;
    if (/\b(?:and|but|or)\s+$/iu.test(before)) continue;
    if (/,\s*$/u.test(before) && /^\s+\p{Ll}+(?:ed|en)\b[^,]*,/u.test(after)) continue;
    if (/\b(?:who|whom|whose|which|adding|as)\b/iu.test(before.slice(before.lastIndexOf(',') + 1))) continue;
    if (/\b(?:as well as|besides|in addition to|along with|like|unlike)\b/iu.test(before)) continue;
    return true;
  }
  return false;
}

/**
 * `text` without its quotations, what its writer says in its own voice: double quotes (“…”, "…", «…», „…“; one left
 * open runs to the end) and single ones opened after a space or at the start and closed before a non-letter (‘We won’t
 * back down,’ the British way: an apostrophe inside a word, "won’t", "l’ours", "Britain’s", neither opens nor closes).
 */
const unquoted = (text: string): string =>
  text
    .replace(/“[^”]*(?:”|$)|"[^"]*(?:"|$)|«[^»]*(?:»|$)|„[^“”]*(?:[“”]|$)/gu, ' ')
    .replace(/(^|[\s(\[—–:-])(?:‘(?:[^‘’]|’(?=\p{L}))*(?:’(?!\p{L})|$)|'(?:[^']|'(?=\p{L}))*(?:'(?!\p{L})|$))/gu, '$1 ');

/**
 * A sentence that opens with a quotation whose speaker is then only a pronoun ("“We won,” he said.", "“…,” she
 * warned", "“In a statement issued by the Supreme Court, it said …” it said in a post on X": a reader trial's
 * bullet): who speaks was named before it, so under another bullet it reads as that one's speaker's words. Not a
 * quotation after words that name the speaker ("The ministry dismissed the report as “baseless,” it said": a hostile
 * pass's), nor "it turns out" or "it seems". An adverb or an auxiliary may come between ("he later said", "he had
 * said", "he went on to tell", "she shot back": a second hostile pass's).
 */
const PRONOUN_SPEAKER = /^[“"‘'«„][^]*?[”"’'»“]\s*,?\s+(?:he|she|it|they)\s+(?!turns out|seems|appears)(?:(?:later|then|also|reportedly|once|had|has|have|went on to)\s+)?(?:said|says|told|tells|tell|wrote|writes|shot back|\p{Ll}{2,}ed|\p{Ll}{2,}s)\b/u;

/**
 * True when `sentence` of article `a` leans on what is around it and says little quoted alone: it opens on the
 * sentence before it or the article's headline (DANGLING_OPENER, DEFINITE_ACTOR, INTRO_PRONOUN), quotes a speaker it
 * names only by a pronoun (PRONOUN_SPEAKER) or not at all (all quotation), adds to what was said
 * before it (addsTo), or it is the outlet speaking to its readers or as itself (FIRST_PERSON_PLURAL, speaksAsI). English articles and those of no known language.
 */
function dangles(sentence: string, a: SummaryArticle): boolean {
  if (!readsAsEnglish(a.language)) return false;
  const own = unquoted(sentence);
  if (DANGLING_OPENER.test(sentence) || DEFINITE_ACTOR.test(sentence) || PRONOUN_SPEAKER.test(sentence) || FIRST_PERSON_PLURAL.test(own) || speaksAsI(own) || addsTo(own)) return true;
  // All quotation, no speaker at all ("“We are reminded that food is an expression of love…”": a hostile pass's).
  if (!/\p{L}/u.test(own)) return true;
  const intro = INTRO_PRONOUN.exec(sentence)?.[1];
  return intro !== undefined && !/\p{Lu}/u.test(intro.slice(1).replace(CALENDAR_WORD, ''));
}

/**
 * The figures a sentence gives: numbers of two or more digits ("80", "1.502" of "$1.502bn", "21" of "21-year-old",
 * "20 000" written with spaces, read as "20,000"), not what names, dates or times: a year (1900–2099 written alone),
 * a day of the month ("February 17", "17 Feb.", "March 10-12"), an ordinal ("12th", "40th"), a time ("17:00",
 * "9.30pm"), digits joined to a code or a range ("FY26", "G20", "COVID-19", "F-35", "9/11", "2025-26", "10-12"), an
 * index's ("S&P 500"). A model's number after its name ("Boeing 737") still counts: a Title Case headline capitalises
 * the word before every number (a second hostile pass's "Earthquake Kills 120 in Nepal"). A headline and a digest's
 * title share their date. A one-digit number is too common to mark a fact.
 */
export function figures(sentence: string): Set<string> {
  const out = new Set<string>();
  const text = sentence.replace(DAY_OF_MONTH, ' ').replace(SPACED_THOUSANDS, '$1,');
  for (const [n] of text.matchAll(FIGURE)) {
    if (n.replace(/\D/gu, '').length < 2 || /^(?:19|20)\d\d$/u.test(n)) continue;
    out.add(n);
  }
  return out;
}

/**
 * A number as figures reads it: digits with their separators, not after a letter, a digit or a separator, nor after
 * a joiner that follows a letter or a digit ("COVID-19", "9/11", "2025-26"), nor after an index's name ("S&P 500"),
 * nor a time's colon; not before an ordinal's ending, a time's colon, "am" or "pm", or a joiner and a digit ("10-12").
 */
const FIGURE = /(?<![\p{L}\p{Nd}.,:])(?<![\p{L}\p{Nd}][-‐‑–/])(?<!&\p{L}+\s)\p{Nd}+(?:[.,]\p{Nd}+)*(?!\p{Nd}|[.,:]\p{Nd}|[-‐‑–/]\p{Nd}|(?:st|nd|rd|th)\b|\s?(?:am|pm|a\.m\.|p\.m\.)(?!\p{L}))/gu;

/** A thousands group written after a space or a narrow space ("20 000", "1 200 000"): one number, its groups joined
 * by commas as most English writes them (figures; "1 904" is not the year 1904). */
const SPACED_THOUSANDS = /(?<![\p{Nd}.,])(\p{Nd}{1,3})[ \u00a0\u202f](?=\p{Nd}{3}(?!\p{Nd}))/gu;

/** A day of the month beside its month's English name or abbreviation, or a range of days ("March 10-12"): a date,
 * not a figure (figures). */
const DAY_OF_MONTH = new RegExp(`\\b(?:${MONTH})\\.? \\d{1,2}(?:[-–]\\d{1,2})?\\b|\\b\\d{1,2}(?:st|nd|rd|th)?(?:[-–]\\d{1,2}(?:st|nd|rd|th)?)? (?:of )?(?:${MONTH})\\b`, 'giu');

/** A sentence or title as the summary compares it: its vector and its figures. */
interface Said {
  vector: SparseVector;
  figures: Set<string>;
}

/** Whether two sentences state one fact: they share a figure and are SAME_FIGURE_SIMILARITY alike. */
function sameFigure(a: Said, b: Said): boolean {
  return [...a.figures].some((f) => b.figures.has(f)) && dot(a.vector, b.vector) >= SAME_FIGURE_SIMILARITY;
}

/** Whether two candidates are leads that tell one piece of news (LEAD_DUPLICATE_SIMILARITY). */
const sameNews = (a: Candidate, b: Candidate): boolean => a.lead && b.lead && dot(a.vector, b.vector) >= LEAD_DUPLICATE_SIMILARITY;

/** A courtesy title and a surname (secondReferences): the surname (group 1) after any lowercase particles ("Ms von der
 * Leyen", "Mr bin Salman", "Mr de Gaulle"), not followed by another capitalised word (a full name), nor by "vs"/"v"
 * and a word that is no courtesy title, which make the title of a work ("Mr Bates vs The Post Office"; "Mr Trump vs
 * Mr Biden" is two references). A possessive is still one ("Mr Musk's Tesla"): "Mrs Brown's Boys" is not told from
 * it. */
const SECOND_REFERENCE = /(?<![\p{L}\p{N}])(?:Mr|Mrs|Ms|Mx)\.?\s+(?:(?:von|van|der|den|de|del|della|di|da|du|dos|das|le|la|bin|ibn|ben|ter|ten|zu)\s+)*((?:al-|el-)?\p{Lu}[\p{L}-]+)(?![\p{L}-]|\s+\p{Lu}|\s+vs?\.?\s+(?!(?:Mr|Mrs|Ms|Mx)\b))/gu;

/**
 * The names an English sentence refers to by a courtesy title and a surname alone ("Mr Newsom", "Ms. Swift's", "Mrs
 * May", "Mr al-Sharaa", "Ms von der Leyen"; SECOND_REFERENCE) outside its quotations and not written elsewhere in it:
 * in the style of news writing (the BBC's, the New York Times', ABC Australia's) such a reference is a second one,
 * after the full name, so alone it names someone the reader has not met (a reader trial's "…with Mr Newsom
 * responding: …" under a story about a congressman). Only Mr, Mrs, Ms and Mx: "Dr" and "Prof" are as often part of a name, a brand or an address ("Dr Oz",
 * "Dr Pepper", "Ocean Dr.", "Prof. Dr. Christian Drosten"), "Miss" of a title ("Miss Universe"), and one quoted
 * speaks to someone ("“Thank you, Mr President”": a hostile pass's). A title before two or more capitalised words
 * ("Mr Keir Starmer") is a full name.
 */
export function secondReferences(sentence: string): string[] {
  const own = unquoted(sentence);
  const out: string[] = [];
  for (const m of own.matchAll(SECOND_REFERENCE)) {
    const surname = m[1]!.replace(/^(?:al|el)-/u, '');
    if (!namesIn(own.slice(0, m.index) + ' ' + own.slice(m.index + m[0].length), surname)) out.push(surname);
  }
  return out;
}

/** Whether the English rules read an article of this language: English, or a language not known. */
const readsAsEnglish = (language: string | null | undefined): boolean => (primaryLanguage(language) ?? 'en') === 'en';

/** secondReferences of a sentence of an article in `language`; none outside English (readsAsEnglish). */
const referencesOf = (sentence: string, language: string | null | undefined): string[] => (readsAsEnglish(language) ? secondReferences(sentence) : []);

/** Whether `text` writes `name` as a word of its own. */
const namesIn = (text: string, name: string): boolean => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, 'u').test(text);

interface Candidate extends Said {
  /** The first sentence of its article's lead. */
  lead: boolean;
  text: string;
  articleId: string;
  sourceId: string;
  relevance: number;
  /** secondReferences of its text: quoted only after the headline or a bullet names them. */
  refersTo: string[];
}

/**
 * Summary bullets for a story. `articles` oldest first; `centre` is the story centroid under `model`.
 * Sentences are whole (never cut), between MIN_SENTENCE_COLUMNS and SUMMARY_MAX_SENTENCE_COLUMNS display columns
 * (`columns`) and end as a sentence does (ENDS_AS_SENTENCE). Of two that say one thing, one is quoted: cosine above
 * DUPLICATE_SIMILARITY, one figure (SAME_FIGURE_SIMILARITY), or two leads half alike (LEAD_DUPLICATE_SIMILARITY).
 * One that refers to someone as "Mr Newsom" (secondReferences) comes only after the headline or a bullet names them.
 * When the leads hold fewer than SUMMARY_MIN_BULLETS such sentences, other articles'
 * titles fill in (still quoted from the story's own articles), except one of an article whose lead is quoted, and
 * one that restates the headline or a bullet (cosine above DUPLICATE_SIMILARITY, the same figure in other words:
 * SAME_FIGURE_SIMILARITY, half alike: LEAD_DUPLICATE_SIMILARITY, or no term they lack) unless
 * nothing else is left, so a story may have fewer,
 * but never none while it has a title other than the headline. Opinion and analysis articles (`kind`) are quoted
 * only when the story has no news article. A sentence that leaves a quotation open is not quoted (leavesQuoteOpen).
 * Returns at most SUMMARY_MAX_BULLETS bullets.
 */
export function summarize(
  articles: SummaryArticle[],
  centre: SparseVector,
  model: TermModel,
  options: VectorizeOptions,
  headline: string,
): SummaryBullet[] {
  const vectorOf = (text: string, language: string | null | undefined): SparseVector =>
    toVector(termCounts({ title: '', text, language: language ?? null }, options).counts, model, options.entityBoost);
  const candidates: Candidate[] = [];
  const seenText = new Set<string>();
  // A column's sentences argue; the summary quotes reports, when the story has any.
  const quotable = articles.some((a) => !a.kind) ? articles.filter((a) => !a.kind) : articles;
  for (const a of quotable) {
    if (!a.summary) continue;
    for (const [k, whole] of sentences(a.summary).slice(0, MAX_SENTENCES_PER_ARTICLE).entries()) {
      const s = k === 0 ? withoutLeadOpener(whole, a.colonDateline) : whole;
      const width = columns(s);
      if (width < MIN_SENTENCE_COLUMNS || width > SUMMARY_MAX_SENTENCE_COLUMNS) continue;
      if (!ENDS_AS_SENTENCE.test(s) || ASKS.test(s) || TEMPLATE_LEFTOVER.test(s) || seenText.has(s) || dangles(s, a) || leavesQuoteOpen(s)) continue;
      seenText.add(s);
      const vector = vectorOf(s, a.language);
      candidates.push({ lead: k === 0, text: s, figures: figures(s), articleId: a.id, sourceId: a.sourceId, vector, relevance: dot(vector, centre), refersTo: referencesOf(s, a.language) });
    }
  }
  const chosen: Candidate[] = [];
  // A second reference ("Mr Newsom") is quoted only after the headline or a bullet has named whom it means.
  const introduced = (refersTo: readonly string[], before: ReadonlyArray<{ text: string }>): boolean =>
    refersTo.every((name) => namesIn(headline, name) || before.some((b) => namesIn(b.text, name)));
  const sourcesInStory = new Set(quotable.map((a) => a.sourceId)).size;
  const perSourceCap = summaryBulletsPerSource(sourcesInStory);
  // The best next bullet (maximal marginal relevance), from a source under its cap (summaryBulletsPerSource) when one
  // has a candidate left, else from any.
  const next = (capped: boolean): Candidate | undefined => {
    const needOtherSource = chosen.length === 1 && sourcesInStory > 1;
    let best: Candidate | undefined;
    let bestScore = -Infinity;
    for (const c of candidates) {
      if (chosen.includes(c) || !introduced(c.refersTo, chosen)) continue;
      if (capped && chosen.filter((x) => x.sourceId === c.sourceId).length >= perSourceCap) continue;
      if (needOtherSource && c.sourceId === chosen[0]!.sourceId && candidates.some((o) => o.sourceId !== chosen[0]!.sourceId && !chosen.includes(o))) continue;
      const redundancy = chosen.reduce((m, s) => Math.max(m, dot(c.vector, s.vector)), 0);
      if (redundancy > DUPLICATE_SIMILARITY || chosen.some((s) => sameFigure(c, s) || sameNews(c, s))) continue;
      const score = SUMMARY_MMR_LAMBDA * c.relevance - (1 - SUMMARY_MMR_LAMBDA) * redundancy;
      if (score > bestScore) {
        best = c;
        bestScore = score;
      }
    }
    return best && best.relevance > 0 ? best : undefined;
  };
  while (chosen.length < SUMMARY_MAX_BULLETS) {
    const best = next(true) ?? next(false);
    if (!best) break;
    chosen.push(best);
  }
  const bullets: Array<SummaryBullet & { sourceId: string }> = chosen.map((c) => ({ text: c.text, articleId: c.articleId, sourceId: c.sourceId }));
  // Titles fill in when the leads hold too few sentences, other sources' first; not one that says what the headline
  // or a bullet says in other words (a trial's filler title restated the first bullet).
  const usedTitles = new Set([headline.toLowerCase(), ...bullets.map((b) => b.text.toLowerCase())]);
  const headlineLanguage = (quotable.find((a) => a.title.trim() === headline.trim()) ?? quotable[0])?.language;
  const saying = (text: string, language: string | null | undefined): Said => ({ vector: vectorOf(text, language), figures: figures(text) });
  const said: Said[] = [saying(headline, headlineLanguage), ...chosen];
  const within = (v: SparseVector, s: SparseVector): boolean => {
    const ids = new Set(s.ids);
    return v.ids.length > 0 && v.ids.every((id) => ids.has(id));
  };
  // Too alike (DUPLICATE_SIMILARITY), the same figure in other words, or no word that the headline or a bullet has
  // not said already.
  const restates = (x: Said): boolean => said.some((s) => dot(x.vector, s.vector) > DUPLICATE_SIMILARITY || sameFigure(x, s) || within(x.vector, s.vector));
  const titled = quotable
    .map((a, i) => ({ a, i }))
    .filter(({ a }) => a.title.trim().length > 0)
    .sort((x, y) => Number(bullets.some((b) => b.sourceId === x.a.sourceId)) - Number(bullets.some((b) => b.sourceId === y.a.sourceId)) || x.i - y.i);
  let restating: (SummaryBullet & { sourceId: string }) | undefined;
  // Not the title of an article whose lead is quoted: a headline says its own lead again in other words (a reader
  // trial's NDTV lead on Macron's G7 invitation, then NDTV's headline of it).
  const quoted = new Set(bullets.map((b) => b.articleId));
  for (const { a } of titled) {
    if (bullets.length >= SUMMARY_MIN_BULLETS) break;
    const t = a.title.trim();
    if (usedTitles.has(t.toLowerCase()) || quoted.has(a.id)) continue;
    usedTitles.add(t.toLowerCase());
    const v = saying(t, a.language);
    // A title that asks ("Can Bangladesh's old guard build a new democracy?") only when nothing else is left; nor one
    // half alike to the headline, a bullet or a title taken: a title tells its article's news as a lead does
    // (LEAD_DUPLICATE_SIMILARITY; a reader trial's "Nine arrested in France over death of far-right student" and
    // "France arrests nine in right-wing activist's death" under "France arrests nine over killing of…").
    if (restates(v) || said.some((s) => dot(v.vector, s.vector) >= LEAD_DUPLICATE_SIMILARITY) || ASKS.test(t)) {
      restating ??= { text: t, articleId: a.id, sourceId: a.sourceId };
      continue;
    }
    said.push(v);
    bullets.push({ text: t, articleId: a.id, sourceId: a.sourceId });
  }
  // Never none while a title is left: one that restates the headline beats an empty summary (a trial's story of
  // three titles, "Live: " and "– live updates" around one headline, had none).
  if (bullets.length === 0 && restating) bullets.push(restating);
  // At least two sources when the story has them: the best sentence of another source comes in, else its
  // standfirst, else its title; none that says what a bullet already says (a trial's second source was the same wire
  // sentence, "U.S." for "US", quoted twice).
  if (sourcesInStory > 1 && new Set(bullets.map((b) => b.sourceId)).size < 2) {
    const only = bullets[0]?.sourceId;
    const others = quotable.filter((a) => a.sourceId !== only);
    const saysMore = (text: string, language: string | null | undefined): boolean => !restates(saying(text, language));
    // A full summary gives its last bullet's place: a second reference must be named by the bullets that stay.
    const staying = bullets.length >= SUMMARY_MAX_BULLETS ? bullets.slice(0, -1) : bullets;
    const quote = (a: SummaryArticle, text: string | null): SummaryBullet & { sourceId: string } | null =>
      text !== null && saysMore(text, a.language) && introduced(referencesOf(text, a.language), staying) ? { text, articleId: a.id, sourceId: a.sourceId } : null;
    const other =
      candidates.filter((c) => c.sourceId !== only && !restates(c) && introduced(c.refersTo, staying)).sort((x, y) => y.relevance - x.relevance)[0] ??
      others.map((a) => quote(a, standfirst(a))).find((b) => b !== null) ??
      others.map((a) => quote(a, a.title.trim() && !usedTitles.has(a.title.trim().toLowerCase()) && !ASKS.test(a.title.trim()) ? a.title.trim() : null)).find((b) => b !== null);
    if (other) {
      const bullet = { text: other.text, articleId: other.articleId, sourceId: other.sourceId };
      if (bullets.length >= SUMMARY_MAX_BULLETS) bullets[bullets.length - 1] = bullet;
      else bullets.push(bullet);
    }
  }
  return bullets.map(({ text, articleId }) => ({ text, articleId }));
}

/** What a summariser is given: the story's own articles (oldest first), its centroid and term model, its headline. */
export interface SummaryInput {
  articles: SummaryArticle[];
  centre: SparseVector;
  model: TermModel;
  options: VectorizeOptions;
  headline: string;
}

/**
 * A summariser: the default is extractive and local (`extractiveSummarizer`); another (an LLM, a service) can be
 * plugged in through summarizeWith, whose guard keeps only bullets that quote the story's own articles.
 */
export interface Summarizer {
  name: string;
  summarize(input: SummaryInput): SummaryBullet[] | Promise<SummaryBullet[]>;
}

/** The default summariser: summarize() above. Needs no network and invents nothing. */
export const extractiveSummarizer: Summarizer = {
  name: 'extractive-mmr',
  summarize: (i) => summarize(i.articles, i.centre, i.model, i.options, i.headline),
};

/**
 * Bullets a reader can trust: each names an article of the story and quotes it (its text appears verbatim in that
 * article's title or text), is at most SUMMARY_MAX_SENTENCE_COLUMNS display columns long (`columns`), and is not a repeat; at most
 * SUMMARY_MAX_BULLETS. Anything else is dropped.
 */
export function checkBullets(bullets: SummaryBullet[], articles: SummaryArticle[]): SummaryBullet[] {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const seen = new Set<string>();
  return bullets
    .filter((b) => {
      const a = byId.get(b.articleId);
      const text = b.text.trim();
      if (!a || !text || columns(text) > SUMMARY_MAX_SENTENCE_COLUMNS || seen.has(text)) return false;
      seen.add(text);
      return a.title.includes(text) || (a.summary ?? '').includes(text);
    })
    .slice(0, SUMMARY_MAX_BULLETS);
}

/**
 * Runs `summarizer` and keeps only the bullets checkBullets accepts; when none survive (or it throws), falls back to
 * the extractive default.
 */
export async function summarizeWith(summarizer: Summarizer, input: SummaryInput): Promise<SummaryBullet[]> {
  try {
    const kept = checkBullets(await summarizer.summarize(input), input.articles);
    if (kept.length) return kept;
  } catch {
    /* fall back */
  }
  return checkBullets(extractiveSummarizer.summarize(input) as SummaryBullet[], input.articles);
}
