/**
 * TF-IDF document vectors for story clustering and summarising.
 *
 * Weighting: sublinear term frequency 1 + ln(tf) times smoothed inverse document frequency ln((1 + N) / (1 + df)) + 1
 * (Manning, Raghavan & Schütze, "Introduction to Information Retrieval", ch. 6.4; scikit-learn's smooth_idf), then
 * L2-normalised, so the dot product of two vectors is their cosine similarity.
 * Title terms count `titleWeight` times. Terms that name things (people, places, organisations) mark the same event
 * more than common words, so they are multiplied by `entityBoost`. A term is a name when, across the whole batch, it
 * is written with a capital inside sentence-case text (not as a sentence's first word) at least as often as in lower
 * case: a corpus-level truecasing signal that works even though most headlines are in Title Case. Month and weekday
 * names are capitalised by rule, not as names, and never count as names (calendarTerms, tokenize.ts).
 */
import { calendarTerms, NO_SPACE_SCRIPT, primaryLanguage, termOf, words } from './tokenize';

/** Sparse vector: term ids ascending, with their weights. */
export interface SparseVector {
  ids: Int32Array;
  weights: Float64Array;
}

export interface VectorizeOptions {
  /** How many times a title term counts against a body term. */
  titleWeight: number;
  /** Only the first this many tokens of the body count (some feeds carry full article text). */
  maxBodyTokens: number;
  /** Weight multiplier for name-like terms. */
  entityBoost: number;
}

export interface TextDoc {
  title: string;
  text: string | null;
  /** The source (outlet or feed) the document came from, for its feed template (see vectorizeBatch); optional. */
  source?: string | null;
  /** BCP 47 language tag of the text (the source's), for its stop words and stemming (tokenize.ts); null or
   * absent: unknown. */
  language?: string | null;
  /** When it was published (ms since the epoch), for the template-title rule's series test; optional. */
  time?: number;
}

/** Feed-template rule of vectorizeBatch: a term in at least `share` of one source's documents, when the batch holds
 * at least `minDocs` of them, is that source's template and left out of its vectors. */
export interface FeedTemplateOptions {
  feedTemplateShare: number;
  feedTemplateMinDocs: number;
}

/** Weighted term counts of one document, and its evidence for which terms are names. */
export interface TermCounts {
  counts: Map<string, number>;
  /** term → [capitalised inside sentence-case text, lower-case] occurrences. */
  casing: Map<string, [number, number]>;
}

/** Term dictionary, IDF and name-like terms of one batch of documents. */
export interface TermModel {
  termIds: Map<string, number>;
  terms: string[];
  idf: Float64Array;
  /** 1 for name-like terms, else 0. */
  entity: Uint8Array;
  docCount: number;
  /** Document frequency per term id. */
  df: Int32Array;
}

/** A headline in Title Case tells nothing about which of its words are names. */
function isTitleCase(ws: string[]): boolean {
  let long = 0;
  let capped = 0;
  for (const w of ws) {
    if (w.length <= 3 || !/^\p{L}/u.test(w)) continue;
    long++;
    if (w[0] !== w[0]!.toLowerCase()) capped++;
  }
  return long >= 3 && capped / long > 0.6;
}

const SENTENCE_BREAK = /(?<=[.!?:;])\s+|\n+/u;

/**
 * Adds one text's terms to `counts` (each counting `weight`), at most `maxTokens` of them, and its casing evidence
 * (capitalised inside a sentence-case sentence, not as its first word; or lower case) to `casing`, in one pass.
 */
function addText(text: string, language: string | null, weight: number, maxTokens: number, counts: Map<string, number>, casing: Map<string, [number, number]>): void {
  let taken = 0;
  for (const sentence of text.split(SENTENCE_BREAK)) {
    const ws = words(sentence);
    const titleCase = isTitleCase(ws);
    for (let i = 0; i < ws.length; i++) {
      const w = ws[i]!;
      const term = termOf(w, language);
      if (term === null) continue;
      counts.set(term, (counts.get(term) ?? 0) + weight);
      const cased = w[0] !== w[0]!.toLowerCase();
      if (!cased || (i > 0 && !titleCase)) {
        const e = casing.get(term);
        if (e) e[cased ? 0 : 1]++;
        else casing.set(term, cased ? [1, 0] : [0, 1]);
      }
      if (++taken >= maxTokens) return;
    }
  }
}

/** Weighted term counts of one document (before IDF) and its casing evidence. */
export function termCounts(doc: TextDoc, options: VectorizeOptions): TermCounts {
  const counts = new Map<string, number>();
  const casing = new Map<string, [number, number]>();
  const language = primaryLanguage(doc.language);
  addText(doc.title, language, options.titleWeight, Infinity, counts, casing);
  if (doc.text) addText(doc.text, language, 1, options.maxBodyTokens, counts, casing);
  return { counts, casing };
}

/** Builds the term dictionary, IDF and name-like terms over a batch; term ids follow code-point order (deterministic). */
export function buildTermModel(perDoc: TermCounts[]): TermModel {
  const dfMap = new Map<string, number>();
  const casing = new Map<string, [number, number]>();
  for (const doc of perDoc) {
    for (const term of doc.counts.keys()) dfMap.set(term, (dfMap.get(term) ?? 0) + 1);
    for (const [term, [caps, lower]] of doc.casing) {
      const e = casing.get(term) ?? [0, 0];
      e[0] += caps;
      e[1] += lower;
      casing.set(term, e);
    }
  }
  const terms = [...dfMap.keys()].sort();
  const calendar = calendarTerms();
  const termIds = new Map<string, number>();
  const idf = new Float64Array(terms.length);
  const df = new Int32Array(terms.length);
  const entity = new Uint8Array(terms.length);
  const n = perDoc.length;
  terms.forEach((term, i) => {
    termIds.set(term, i);
    df[i] = dfMap.get(term)!;
    idf[i] = Math.log((1 + n) / (1 + df[i]!)) + 1;
    const [caps, lower] = casing.get(term) ?? [0, 0];
    entity[i] = caps > 0 && caps >= lower && !calendar.has(term) ? 1 : 0;
  });
  return { termIds, terms, idf, entity, docCount: n, df };
}

/**
 * Whether a term is a number ("2023", "3.5"), with a unit or ordinal of up to three letters ("10m", "5bn", "1st").
 * A document whose terms are all numbers says nothing about an event (dates, scores, counts, amounts): it gets an
 * empty vector, so it joins nothing and nothing joins it. Hostile trials' items titled "2023 0 1", then "£10m $5bn"
 * and "1st 2nd 3rd", from several outlets had made one story each by their numbers alone.
 */
export function isNumberTerm(term: string): boolean {
  return NUMBER_TERM.test(term);
}
const NUMBER_TERM = /^\p{N}[\p{N}.,'’]*\p{L}{0,3}$/u;

/**
 * L2-normalised TF-IDF vector of one document's counts under `model`; terms unknown to the model are ignored, and a
 * document of numbers only has an empty vector (isNumberTerm).
 */
export function toVector(counts: Map<string, number>, model: TermModel, entityBoost: number): SparseVector {
  const pairs: Array<[number, number]> = [];
  let words = 0;
  for (const [term, tf] of counts) {
    const id = model.termIds.get(term);
    if (id === undefined) continue;
    let w = (1 + Math.log(tf)) * model.idf[id]!;
    if (model.entity[id]) w *= entityBoost;
    pairs.push([id, w]);
    if (!isNumberTerm(term)) words++;
  }
  if (words === 0) pairs.length = 0;
  pairs.sort((a, b) => a[0] - b[0]);
  let norm = 0;
  for (const [, w] of pairs) norm += w * w;
  norm = Math.sqrt(norm) || 1;
  return {
    ids: Int32Array.from(pairs, (p) => p[0]),
    weights: Float64Array.from(pairs, (p) => p[1] / norm),
  };
}

/** Dot product of two sparse vectors (their cosine when both are L2-normalised). */
export function dot(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i]!;
    const y = b.ids[j]!;
    if (x === y) sum += a.weights[i++]! * b.weights[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return sum;
}

/** L2-normalised mean of `vectors` (the cluster centroid). */
export function centroid(vectors: SparseVector[]): SparseVector {
  const acc = new Map<number, number>();
  for (const v of vectors) for (let i = 0; i < v.ids.length; i++) acc.set(v.ids[i]!, (acc.get(v.ids[i]!) ?? 0) + v.weights[i]!);
  const ids = [...acc.keys()].sort((a, b) => a - b);
  let norm = 0;
  for (const id of ids) norm += acc.get(id)! ** 2;
  norm = Math.sqrt(norm) || 1;
  return { ids: Int32Array.from(ids), weights: Float64Array.from(ids, (id) => acc.get(id)! / norm) };
}

/** The `k` terms contributing most to the cosine of `a` and `b`, largest first (explains why two texts match). */
export function topSharedTerms(a: SparseVector, b: SparseVector, model: TermModel, k: number): string[] {
  const shared: Array<[string, number]> = [];
  let i = 0;
  let j = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i]!;
    const y = b.ids[j]!;
    if (x === y) shared.push([model.terms[x]!, a.weights[i++]! * b.weights[j++]!]);
    else if (x < y) i++;
    else j++;
  }
  shared.sort((p, q) => q[1] - p[1] || (p[0] < q[0] ? -1 : 1));
  return shared.slice(0, k).map((p) => p[0]);
}

/** Document vectors of one batch and the batch's term model. */
export interface BatchVectors {
  model: TermModel;
  /** One vector per input document, in input order. */
  vectors: SparseVector[];
}

/** Growable Int32 array (typed storage, amortised doubling). */
class IntList {
  data = new Int32Array(1024);
  length = 0;
  push(x: number): void {
    if (this.length === this.data.length) this.grow();
    this.data[this.length++] = x;
  }
  grow(): void {
    const next = new Int32Array(this.data.length * 2);
    next.set(this.data);
    this.data = next;
  }
}

/** Growable Float64 array (typed storage, amortised doubling). */
class FloatList {
  data = new Float64Array(1024);
  length = 0;
  push(x: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = x;
  }
}

// Character classes of UTF-16 code units for the batch scanner (bit flags), from the same Unicode properties as
// tokenize.ts's WORD regex and this file's SENTENCE_BREAK, so the scanner finds exactly their words and sentences.
/** \p{L} or \p{N}: starts or continues a word. */
const C_START = 1;
/** \p{L}, \p{N} or \p{M}: continues a word. */
const C_CONT = 2;
/** ' ’ . - : kept inside a word when a letter or digit follows. */
const C_INNER = 4;
/** \s (whitespace): a sentence ends at whitespace after one of . ! ? : ; */
const C_SPACE = 8;
/** . ! ? : ; */
const C_STOP = 16;
/** Surrogate halves and scripts written without spaces (tokenize.ts's NO_SPACE_SCRIPT): a sentence holding one is
 * read by `words` (regex or Intl.Segmenter) instead. */
const C_SLOW = 32;
let charClassTable: Uint8Array | undefined;

/** The class flags of every BMP code unit (64 KiB, built once on first use in a few milliseconds). */
function charClasses(): Uint8Array {
  if (charClassTable) return charClassTable;
  const t = new Uint8Array(65536);
  // Every BMP code unit in order, surrogates replaced by a space (they are flagged C_SLOW below).
  const codes = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) codes[c] = c >= 0xd800 && c <= 0xdfff ? 0x20 : c;
  let all = '';
  for (let c = 0; c < 65536; c += 4096) all += String.fromCharCode(...codes.subarray(c, c + 4096));
  const mark = (re: RegExp, flag: number): void => {
    for (const m of all.matchAll(re)) t[m.index!]! |= flag;
  };
  mark(/[\p{L}\p{N}]/gu, C_START | C_CONT);
  mark(/\p{M}/gu, C_CONT);
  mark(/['’.]/gu, C_INNER);
  mark(/\s/gu, C_SPACE);
  mark(/[.!?:;]/gu, C_STOP);
  // Characters of scripts without spaces are letters, but only C_SLOW here: the scanner's words stop before them.
  for (const m of all.matchAll(new RegExp(NO_SPACE_SCRIPT.source, 'gu'))) t[m.index!] = C_SLOW;
  for (let c = 0xd800; c <= 0xdfff; c++) t[c] = C_SLOW;
  charClassTable = t;
  return t;
}

/**
 * Raw words seen in a batch → their info (see vectorizeBatch), keyed by the word's UTF-16 code units in the text
 * itself: open addressing over FNV-1a hashes, so a word seen before is found without cutting it out of the text as
 * a string (most words of a batch are repeats). Each slot holds its entry inline (hash, length, info, offset of its
 * code units), so a probe touches one slot and the word's code units, not several parallel arrays.
 */
class WordTable {
  /** Four Int32 per slot: hash, length (0: empty slot), info, offset in `chars`. Capacity a power of two, at most
   * half full. */
  private slots = new Int32Array(4 << 16);
  private count = 0;
  /** Code units of every entry, back to back. */
  private chars = new Uint16Array(1 << 16);
  private used = 0;

  /** The info of `text[start, end)` (FNV-1a hash `hash`), or -1 when it is not in the table. */
  get(text: string, start: number, end: number, hash: number): number {
    const slots = this.slots;
    const mask = (slots.length >> 2) - 1;
    const len = end - start;
    for (let s = hash & mask; ; s = (s + 1) & mask) {
      const at = s << 2;
      const slotLen = slots[at + 1]!;
      if (slotLen === 0) return -1;
      if (slots[at] !== hash || slotLen !== len) continue;
      const from = slots[at + 3]!;
      let k = 0;
      while (k < len && this.chars[from + k] === text.charCodeAt(start + k)) k++;
      if (k === len) return slots[at + 2]!;
    }
  }

  /** Adds `text[start, end)` (not in the table yet) with its info. */
  set(text: string, start: number, end: number, hash: number, info: number): void {
    const len = end - start;
    if (this.used + len > this.chars.length) {
      const next = new Uint16Array(Math.max(this.chars.length * 2, this.used + len));
      next.set(this.chars);
      this.chars = next;
    }
    for (let k = 0; k < len; k++) this.chars[this.used + k] = text.charCodeAt(start + k);
    if (2 * (this.count + 1) > this.slots.length >> 2) {
      const old = this.slots;
      this.slots = new Int32Array(old.length * 2);
      for (let at = 0; at < old.length; at += 4) if (old[at + 1] !== 0) this.place(old[at]!, old[at + 1]!, old[at + 2]!, old[at + 3]!);
    }
    this.place(hash, len, info, this.used);
    this.count++;
    this.used += len;
  }

  private place(hash: number, len: number, info: number, from: number): void {
    const mask = (this.slots.length >> 2) - 1;
    let s = hash & mask;
    while (this.slots[(s << 2) + 1] !== 0) s = (s + 1) & mask;
    const at = s << 2;
    this.slots[at] = hash;
    this.slots[at + 1] = len;
    this.slots[at + 2] = info;
    this.slots[at + 3] = from;
  }
}

/** FNV-1a 32-bit offset basis and prime (Fowler, Noll, Vo). */
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/**
 * The same vectors and model as `termCounts` + `buildTermModel` + `toVector` over `docs` (less each source's feed
 * template terms in its own vectors, when the documents name their source and the feed-template options are set:
 * feedTemplateEntries; the model and IDF still count them), in one pass with interned
 * terms: each distinct raw word is looked up once per batch and language (its term id and casing flags cached), counts and casing
 * evidence live in typed arrays, and only the final dictionary is sorted (term ids in code-point order, as
 * buildTermModel). The batch clustering path (cluster.ts) uses it.
 * Text is read by one character scan (class table above) that finds the sentences and words of `words` and
 * SENTENCE_BREAK and looks each word up in a WordTable by its code units, without allocating it; only a sentence
 * holding surrogates or a script without spaces goes through `words` (regex or Intl.Segmenter).
 * Every document's vector is a view into two batch-wide typed arrays (ids, weights).
 */
export function vectorizeBatch(docs: readonly TextDoc[], options: VectorizeOptions & Partial<FeedTemplateOptions>): BatchVectors {
  const cls = charClasses();
  // Raw word → (local term id + 1) * 4 + flags (1: starts with a capital; 2: a "long" word for isTitleCase); term id
  // + 1 is 0 for stop words, which still count in the Title Case test.
  // A word's term depends on the text's language (its stop words and stemming), so each language has its own tables.
  let table = new WordTable();
  /** The same, for words of sentences read by `words` (keyed by the word as a string). */
  let wordInfo = new Map<string, number>();
  let language: string | null = null;
  const lexicons = new Map<string | null, { table: WordTable; wordInfo: Map<string, number> }>([[null, { table, wordInfo }]]);
  const localOf = new Map<string, number>();
  const localTerms: string[] = [];
  const df = new IntList();
  const caps = new IntList();
  const lower = new IntList();
  const seenIn = new IntList();
  let tf = new Float64Array(1024);
  const touched = new IntList();
  // All documents' (local term id, weighted tf) pairs back to back; document d's are [docStart[d], docStart[d + 1]).
  const allLocal = new IntList();
  const allTf = new FloatList();
  const docStart = new Int32Array(docs.length + 1);
  /** How many of document d's entries (the first ones) are its title's terms. */
  const titleLen = new Int32Array(docs.length);
  let docIndex = 0;
  const infoOf = (w: string): number => {
    const term = termOf(w, language);
    let id = -1;
    if (term !== null) {
      const known = localOf.get(term);
      if (known !== undefined) id = known;
      else {
        id = localTerms.length;
        localOf.set(term, id);
        localTerms.push(term);
        df.push(0);
        caps.push(0);
        lower.push(0);
        seenIn.push(-1);
        if (tf.length < localTerms.length) {
          const next = new Float64Array(tf.length * 2);
          next.set(tf);
          tf = next;
        }
      }
    }
    const cased = w[0] !== w[0]!.toLowerCase() ? 1 : 0;
    const long = w.length > 3 && /^\p{L}/u.test(w) ? 2 : 0;
    return (id + 1) * 4 + cased + long;
  };
  const infos = new IntList();
  /** Counts the terms of one sentence (its word infos in `infos`) into the document, up to `maxTokens` of them, with
   * casing evidence; returns how many it took. */
  const addSentence = (weight: number, maxTokens: number): number => {
    let long = 0;
    let capped = 0;
    const info = infos.data;
    for (let i = 0; i < infos.length; i++) {
      if (info[i]! & 2) {
        long++;
        if (info[i]! & 1) capped++;
      }
    }
    const titleCase = long >= 3 && capped / long > 0.6;
    let taken = 0;
    for (let i = 0; i < infos.length; i++) {
      const e = info[i]!;
      const id = (e >> 2) - 1;
      if (id < 0) continue;
      if (seenIn.data[id] !== docIndex) {
        seenIn.data[id] = docIndex;
        tf[id] = 0;
        touched.push(id);
      }
      tf[id]! += weight;
      const cased = e & 1;
      if (!cased) lower.data[id]!++;
      else if (i > 0 && !titleCase) caps.data[id]!++;
      if (++taken >= maxTokens) break;
    }
    return taken;
  };
  /**
   * Adds one text's terms (each counting `weight`), at most `maxTokens` of them, sentence by sentence (the same pieces
   * as text.split(SENTENCE_BREAK): a break is whitespace after . ! ? : ; or a run of newlines), so a long body is read
   * only as far as its first maxTokens terms. One scan finds both the words and the breaks; a sentence holding a
   * C_SLOW character is read again by `words`.
   */
  const addText = (text: string, weight: number, maxTokens: number): void => {
    const n = text.length;
    let taken = 0;
    let from = 0;
    let i = 0;
    for (;;) {
      infos.length = 0;
      let slow = false;
      let end = n;
      let next = n;
      while (i < n) {
        const c = text.charCodeAt(i);
        const k = cls[c]!;
        if (k & C_START && !slow) {
          // As tokenize.ts's WORD: a letter or digit, then letters, digits, marks, or ' ’ . - before a letter or
          // digit (C_SLOW characters are neither, so a word stops before one and the loop sees it).
          const start = i;
          let h = Math.imul(FNV_OFFSET ^ c, FNV_PRIME);
          for (i++; i < n; i++) {
            const d = text.charCodeAt(i);
            const kd = cls[d]!;
            if (!(kd & C_CONT) && !(kd & C_INNER && i + 1 < n && cls[text.charCodeAt(i + 1)]! & C_START)) break;
            h = Math.imul(h ^ d, FNV_PRIME);
          }
          let e = table.get(text, start, i, h);
          if (e < 0) {
            e = infoOf(text.slice(start, i));
            table.set(text, start, i, h, e);
          }
          infos.push(e);
          continue;
        }
        if (k & C_SPACE) {
          if (i > 0 && cls[text.charCodeAt(i - 1)]! & C_STOP) {
            end = i;
            for (next = i + 1; next < n && cls[text.charCodeAt(next)]! & C_SPACE; ) next++;
            break;
          }
          if (c === 10) {
            end = i;
            for (next = i + 1; next < n && text.charCodeAt(next) === 10; ) next++;
            break;
          }
        } else if (k & C_SLOW) slow = true;
        i++;
      }
      if (slow) {
        infos.length = 0;
        for (const w of words(text.slice(from, end))) {
          let e = wordInfo.get(w);
          if (e === undefined) wordInfo.set(w, (e = infoOf(w)));
          infos.push(e);
        }
      }
      taken += addSentence(weight, maxTokens - taken);
      if ((taken > 0 && taken >= maxTokens) || next >= n) return;
      from = i = next;
    }
  };
  /** A document's language tag → its primary subtag, parsed once per distinct tag. */
  const primaryOf = new Map<string | null | undefined, string | null>();
  for (const doc of docs) {
    touched.length = 0;
    let docLanguage = primaryOf.get(doc.language);
    if (docLanguage === undefined) primaryOf.set(doc.language, (docLanguage = primaryLanguage(doc.language)));
    if (docLanguage !== language) {
      language = docLanguage;
      let lexicon = lexicons.get(language);
      if (!lexicon) lexicons.set(language, (lexicon = { table: new WordTable(), wordInfo: new Map() }));
      ({ table, wordInfo } = lexicon);
    }
    addText(doc.title, options.titleWeight, Infinity);
    titleLen[docIndex] = touched.length;
    if (doc.text) addText(doc.text, 1, options.maxBodyTokens);
    for (let k = 0; k < touched.length; k++) {
      const id = touched.data[k]!;
      allLocal.push(id);
      allTf.push(tf[id]!);
      df.data[id]!++;
    }
    docStart[++docIndex] = allLocal.length;
  }

  // Dictionary in code-point order, as buildTermModel.
  // The default sort compares UTF-16 code units, as `<` does (and buildTermModel's sort()).
  const terms = localTerms.filter((_, i) => df.data[i]! > 0).sort();
  const order = terms.map((t) => localOf.get(t)!);
  const m = order.length;
  const rank = new Int32Array(localTerms.length);
  order.forEach((local, i) => (rank[local] = i));
  const n = docs.length;
  const termIds = new Map<string, number>();
  const calendar = calendarTerms();
  const idf = new Float64Array(m);
  const dfSorted = new Int32Array(m);
  const entity = new Uint8Array(m);
  for (let i = 0; i < m; i++) {
    const local = order[i]!;
    termIds.set(terms[i]!, i);
    dfSorted[i] = df.data[local]!;
    idf[i] = Math.log((1 + n) / (1 + dfSorted[i]!)) + 1;
    const c = caps.data[local]!;
    entity[i] = c > 0 && c >= lower.data[local]! && !calendar.has(terms[i]!) ? 1 : 0;
  }
  const model: TermModel = { termIds, terms, idf, entity, docCount: n, df: dfSorted };

  const total = allLocal.length;
  const template = leadPrefixEntries(
    docs,
    docStart,
    allLocal.data,
    titleLen,
    titleTemplateEntries(docs, docStart, allLocal.data, allTf.data, options.titleWeight, titleLen, feedTemplateEntries(docs, docStart, allLocal.data, localTerms.length, options)),
  );
  const allIds = new Int32Array(total);
  const allWeights = new Float64Array(total);
  const local = allLocal.data;
  const counts = allTf.data;
  const vectors: SparseVector[] = new Array(n);
  const numberTerm = Uint8Array.from(terms, (t) => (isNumberTerm(t) ? 1 : 0));
  for (let d = 0; d < n; d++) {
    const from = docStart[d]!;
    let to = from;
    let words = 0;
    // Insertion sort by global id (documents have tens of terms), leaving out the source's template terms.
    for (let k = from; k < docStart[d + 1]!; k++) {
      if (template?.[k]) continue;
      const id = rank[local[k]!]!;
      if (!numberTerm[id]) words++;
      let w = (1 + Math.log(counts[k]!)) * idf[id]!;
      if (entity[id]) w *= options.entityBoost;
      let p = to++;
      while (p > from && allIds[p - 1]! > id) {
        allIds[p] = allIds[p - 1]!;
        allWeights[p] = allWeights[p - 1]!;
        p--;
      }
      allIds[p] = id;
      allWeights[p] = w;
    }
    if (words === 0) to = from; // numbers only (isNumberTerm)
    let norm = 0;
    for (let k = from; k < to; k++) norm += allWeights[k]! * allWeights[k]!;
    norm = Math.sqrt(norm) || 1;
    for (let k = from; k < to; k++) allWeights[k]! /= norm;
    vectors[d] = { ids: allIds.subarray(from, to), weights: allWeights.subarray(from, to) };
  }
  return { model, vectors };
}

/** A title of at most this many terms can be a template title (titleTemplateEntries). */
export const TITLE_TEMPLATE_MAX_TERMS = 3;
/** ... when at least this many documents with lead text carry it. */
export const TITLE_TEMPLATE_MIN_DOCS = 3;
/** ... and their leads' words overlap less than this on average (Jaccard, over the lead's terms not in the title). */
export const TITLE_TEMPLATE_MAX_LEAD_OVERLAP = 0.1;
/** ... and at most this share of those leads repeats a word of the title. */
export const TITLE_TEMPLATE_MAX_ECHO = 0.25;
/** How many of a title's documents (the earliest) are compared (pairs: n(n-1)/2). */
const TITLE_TEMPLATE_SAMPLE = 40;
/** A short title one source gives two documents at least this far apart (ms) is a series' name. */
export const TITLE_SERIES_MIN_GAP_MS = 20 * 3_600_000;

/**
 * Adds to `marks` (or returns new marks for) the title entries of the documents whose title is a template title: a
 * title of one to TITLE_TEMPLATE_MAX_TERMS terms (as a set) carried by at least TITLE_TEMPLATE_MIN_DOCS documents
 * with lead text whose leads share on average under TITLE_TEMPLATE_MAX_LEAD_OVERLAP of their words, and at most
 * TITLE_TEMPLATE_MAX_ECHO of which repeat a word of the title (one event's leads name what its headline names: four
 * outlets' "Pope Francis dies" over leads worded apart, two of them saying "died", were parted into four stories by
 * the rule without this test, a hostile trial found; a briefing's lead does not say "briefing"): "Morning
 * briefing", "Business & Finance", "A closer look", one outlet's or many, over reports of unrelated events. Left in,
 * the title's words (weighted as titles) joined a hostile trial's six outlets' briefings on ten events into one
 * six-source story, and the feed-template rule, which reads one source at a time, does not see a title that each
 * outlet uses once a day. On the 7-day stream the titles this takes are section and series names ("Business &
 * Finance", "Wide World", "Morning risk", "A closer look", a city's daily weather); the identical headlines that
 * outlets give one event are longer (5+ terms; three outlets' "Sam Altman fired as CEO of OpenAI" have leads
 * overlapping 0.05 on average), so the length bound keeps them. Documents of such a title without a lead lose its
 * words too. Without leads to compare, a short title is a template title when one source gives it to two documents
 * at least TITLE_SERIES_MIN_GAP_MS apart (a series' name, as the daily "Morning briefing"; the trial's thirty outlets'
 * briefings without leads had made two stories of 30 and 6 sources): an outlet does not give one headline to two
 * reports a day apart, but a series its name every day. `titleLen[d]`: how many of document d's entries (the first)
 * are title terms; the rest are the terms its lead adds. O(entries) plus the pairs of the sampled documents.
 */
function titleTemplateEntries(
  docs: readonly TextDoc[],
  docStart: Int32Array,
  local: Int32Array,
  tf: Float64Array,
  titleWeight: number,
  titleLen: Int32Array,
  marks: Uint8Array | null,
): Uint8Array | null {
  const byTitle = new Map<string, number[]>();
  for (let d = 0; d < titleLen.length; d++) {
    const t = titleLen[d]!;
    if (t === 0 || t > TITLE_TEMPLATE_MAX_TERMS) continue;
    const key = Array.from(local.subarray(docStart[d]!, docStart[d]! + t)).sort((x, y) => x - y).join(',');
    const list = byTitle.get(key);
    if (list) list.push(d);
    else byTitle.set(key, [d]);
  }
  const mark = (members: readonly number[]): void => {
    marks ??= new Uint8Array(docStart[titleLen.length]!);
    for (const d of members) marks.fill(1, docStart[d]!, docStart[d]! + titleLen[d]!);
  };
  for (const members of byTitle.values()) {
    if (members.length < 2) continue;
    if (isSeriesTitle(docs, members)) {
      mark(members);
      continue;
    }
    if (members.length < TITLE_TEMPLATE_MIN_DOCS) continue;
    const leads: Array<Set<number>> = [];
    let echoes = 0;
    for (const d of members) {
      if (docStart[d + 1]! - docStart[d]! === titleLen[d]) continue;
      leads.push(new Set(local.subarray(docStart[d]! + titleLen[d]!, docStart[d + 1]!)));
      // A title term counted more than its title weight occurs in the lead too (titles of up to three terms).
      for (let k = docStart[d]!; k < docStart[d]! + titleLen[d]!; k++) {
        if (tf[k]! > titleWeight) {
          echoes++;
          break;
        }
      }
      if (leads.length === TITLE_TEMPLATE_SAMPLE) break;
    }
    if (leads.length < TITLE_TEMPLATE_MIN_DOCS || echoes > TITLE_TEMPLATE_MAX_ECHO * leads.length) continue;
    if (meanJaccard(leads) >= TITLE_TEMPLATE_MAX_LEAD_OVERLAP) continue;
    mark(members);
  }
  return marks;
}

/** A lead's first terms (those it adds to its title's, in order), from this many up to LEAD_PREFIX_MAX_TERMS, can be
 * its source's credit line (leadPrefixEntries). One is not enough: a source begins many unrelated leads with "Former". */
export const LEAD_PREFIX_MIN_TERMS = 2;
export const LEAD_PREFIX_MAX_TERMS = 6;
/** ... when at least this many of the source's documents begin their leads with them. */
export const LEAD_PREFIX_MIN_DOCS = 3;

/**
 * Adds to `marks` (or returns new marks for) the lead entries of the terms a source begins many unrelated leads with:
 * a credit line or dateline ("[Capital FM] Nairobi --", "Illustration by Alex Castro / The Verge", "Also in this
 * newsletter"), not what the report says. A document's lead entries are the terms its lead adds to its title's, in
 * the order the lead first uses them (stop words are not terms); the longest run of LEAD_PREFIX_MIN_TERMS to
 * LEAD_PREFIX_MAX_TERMS of them that at least LEAD_PREFIX_MIN_DOCS documents of one source begin with is a credit
 * line when their titles share under TITLE_TEMPLATE_MAX_LEAD_OVERLAP of their terms on average (Jaccard; unrelated
 * reports), so do the rest of their leads, and at most TITLE_TEMPLATE_MAX_ECHO of the titles has one of its terms (a source's several reports on one
 * man begin "President Joe Biden said" and name him in their titles: those terms stay). In the bundled demo,
 * AllAfrica's items of one partner, each led by "[Capital FM] Nairobi --", had made one six-article story of an
 * airport strike, a tobacco bill, State House spending and a golf tournament. Reads only the entries (no text).
 */
function leadPrefixEntries(docs: readonly TextDoc[], docStart: Int32Array, local: Int32Array, titleLen: Int32Array, marks: Uint8Array | null): Uint8Array | null {
  const bySource = new Map<string, number[]>();
  docs.forEach((doc, d) => {
    if (!doc.source || docStart[d + 1]! - docStart[d]! - titleLen[d]! < LEAD_PREFIX_MIN_TERMS) return;
    const list = bySource.get(doc.source);
    if (list) list.push(d);
    else bySource.set(doc.source, [d]);
  });
  const leadAt = (d: number): number => docStart[d]! + titleLen[d]!;
  const leadLen = (d: number): number => Math.min(LEAD_PREFIX_MAX_TERMS, docStart[d + 1]! - docStart[d]! - titleLen[d]!);
  /** How many first lead entries documents x and y share (up to LEAD_PREFIX_MAX_TERMS). */
  const shared = (x: number, y: number): number => {
    const n = Math.min(leadLen(x), leadLen(y));
    let k = 0;
    while (k < n && local[leadAt(x) + k] === local[leadAt(y) + k]) k++;
    return k;
  };
  const titleOf = (d: number): Int32Array => local.subarray(docStart[d]!, leadAt(d));
  /** Whether documents `group` are unrelated reports under the credit line of `d`'s first `n` lead entries. */
  const isCreditLine = (group: readonly number[], d: number, n: number): boolean => {
    // One report repeated (its title's entries each time) is not unrelated reports: the common case, answered first.
    const first = titleOf(group[0]!);
    if (group.every((x) => sameEntries(titleOf(x), first))) return false;
    const prefix = local.subarray(leadAt(d), leadAt(d) + n);
    let echoes = 0;
    for (const x of group) if (titleOf(x).some((t) => prefix.includes(t)) && ++echoes > TITLE_TEMPLATE_MAX_ECHO * group.length) return false;
    const sample = group.slice(0, TITLE_TEMPLATE_SAMPLE);
    // Unrelated reports: their titles share little, and so does what their leads say after the credit line (one
    // outlet's reports of one event that all begin "Iceland's Meteorological Office said the Reykjanes eruption…",
    // under titles worded apart, go on about the eruption: a hostile trial's).
    return (
      meanJaccard(sample.map((x) => new Set(titleOf(x)))) < TITLE_TEMPLATE_MAX_LEAD_OVERLAP &&
      meanJaccard(sample.map((x) => new Set(local.subarray(leadAt(x) + n, docStart[x + 1]!)))) < TITLE_TEMPLATE_MAX_LEAD_OVERLAP
    );
  };
  for (const members of bySource.values()) {
    if (members.length < LEAD_PREFIX_MIN_DOCS) continue;
    // Sorted by their first lead entries, the documents that share their first n are one run, for every n.
    const sorted = [...members].sort((x, y) => {
      const k = shared(x, y);
      if (k < leadLen(x) && k < leadLen(y)) return local[leadAt(x) + k]! - local[leadAt(y) + k]!;
      return leadLen(x) - leadLen(y) || x - y;
    });
    const done = new Uint8Array(sorted.length);
    // Runs that were not credit lines at n + 1 terms, as start × (length + 1) + end: the same run at n terms is not
    // either.
    let refused = new Set<number>();
    for (let n = LEAD_PREFIX_MAX_TERMS; n >= LEAD_PREFIX_MIN_TERMS; n--) {
      const refusedNow = new Set<number>();
      for (let i = 0; i < sorted.length; ) {
        if (leadLen(sorted[i]!) < n) {
          i++;
          continue;
        }
        let j = i + 1;
        while (j < sorted.length && shared(sorted[i]!, sorted[j]!) >= n) j++;
        const run = i * (sorted.length + 1) + j;
        const group = j - i >= LEAD_PREFIX_MIN_DOCS && !refused.has(run) ? sorted.slice(i, j).filter((_, k) => !done[i + k]) : [];
        if (group.length >= LEAD_PREFIX_MIN_DOCS) {
          if (!isCreditLine(group, sorted[i]!, n)) refusedNow.add(run);
          else {
            for (let k = i; k < j; k++) done[k] = 1;
            marks ??= new Uint8Array(docStart[docs.length]!);
            for (const d of group) marks.fill(1, leadAt(d), leadAt(d) + n);
          }
        }
        i = j;
      }
      refused = refusedNow;
    }
  }
  return marks;
}

/** The mean Jaccard similarity of every pair of `sets` (two or more). */
function meanJaccard(sets: ReadonlyArray<ReadonlySet<number>>): number {
  let sum = 0;
  for (let i = 0; i < sets.length; i++) {
    for (let j = i + 1; j < sets.length; j++) {
      let both = 0;
      for (const t of sets[i]!) if (sets[j]!.has(t)) both++;
      sum += both / (sets[i]!.size + sets[j]!.size - both || 1);
    }
  }
  return sum / ((sets.length * (sets.length - 1)) / 2);
}

/** Whether two runs of entries are the same terms in the same order. */
function sameEntries(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

/** Whether one source gives two of `members` (document indexes) times at least TITLE_SERIES_MIN_GAP_MS apart. */
function isSeriesTitle(docs: readonly TextDoc[], members: readonly number[]): boolean {
  const span = new Map<string, [number, number]>();
  for (const d of members) {
    const { source, time } = docs[d]!;
    if (!source || time === undefined) continue;
    const seen = span.get(source);
    if (!seen) span.set(source, [time, time]);
    else {
      seen[0] = Math.min(seen[0], time);
      seen[1] = Math.max(seen[1], time);
      if (seen[1] - seen[0] >= TITLE_SERIES_MIN_GAP_MS) return true;
    }
  }
  return false;
}

/**
 * Marks the entries (positions in the batch's back-to-back (document, term) list; document d's are
 * [docStart[d], docStart[d + 1])) whose term is its source's feed template: in at least `feedTemplateShare` of that
 * source's documents, when the batch holds at least `feedTemplateMinDocs` of them. Such words come from the feed, not
 * the event: Hacker News' "Article URL … Comments URL … Points", Reddit's "submitted by … [link] [comments]", a
 * " - CNET" after every title. Left in, they make every item of the feed alike, and its items one story. Returns
 * null when no source qualifies (or the rule is off: options unset). O(entries).
 */
function feedTemplateEntries(
  docs: readonly TextDoc[],
  docStart: Int32Array,
  local: Int32Array,
  termCount: number,
  options: Partial<FeedTemplateOptions>,
): Uint8Array | null {
  const share = options.feedTemplateShare;
  const minDocs = options.feedTemplateMinDocs;
  if (share === undefined || minDocs === undefined || share > 1) return null;
  const bySource = new Map<string, number[]>();
  docs.forEach((doc, d) => {
    if (!doc.source) return;
    const list = bySource.get(doc.source);
    if (list) list.push(d);
    else bySource.set(doc.source, [d]);
  });
  let marks: Uint8Array | null = null;
  const count = new Int32Array(termCount);
  for (const members of bySource.values()) {
    if (members.length < minDocs) continue;
    for (const d of members) for (let k = docStart[d]!; k < docStart[d + 1]!; k++) count[local[k]!]!++;
    const least = share * members.length;
    for (const d of members) {
      for (let k = docStart[d]!; k < docStart[d + 1]!; k++) {
        if (count[local[k]!]! < least) continue;
        marks ??= new Uint8Array(docStart[docs.length]!);
        marks[k] = 1;
      }
    }
    for (const d of members) for (let k = docStart[d]!; k < docStart[d + 1]!; k++) count[local[k]!] = 0;
  }
  return marks;
}
