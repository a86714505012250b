/**
 * Extractive multi-document summary: 3 to 5 sentences quoted from the story's own articles, chosen by centrality
 * (cosine to the story centroid) with Maximal Marginal Relevance against redundancy (Carbonell & Goldstein, SIGIR
 * 1998), taking from at least two sources when the story has them. Nothing is generated, so nothing is invented.
 */
import {
  SUMMARY_MAX_BULLETS,
  SUMMARY_MAX_SENTENCE_CHARS,
  SUMMARY_MIN_BULLETS,
  SUMMARY_MMR_LAMBDA,
} from '../config';
import type { SummaryBullet } from '../schema/story';
import { dot, termCounts, toVector, type SparseVector, type TermModel, type VectorizeOptions } from './vectorize';

/** Shortest sentence worth quoting (characters): shorter ones are usually fragments or bylines. */
const MIN_SENTENCE_CHARS = 40;
/** Two sentences more similar than this say the same thing; only one is kept. */
const DUPLICATE_SIMILARITY = 0.8;
/** Sentences read from each article's lead: the lead carries the news; later sentences drift (and full-text feeds are long). */
const MAX_SENTENCES_PER_ARTICLE = 6;

export interface SummaryArticle {
  id: string;
  sourceId: string;
  title: string;
  summary: string | null;
}

let sentenceSegmenter: Intl.Segmenter | undefined;

/** Sentences of a plain text (ECMA-402 Intl.Segmenter, sentence granularity), trimmed. */
export function sentences(text: string): string[] {
  sentenceSegmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  const out: string[] = [];
  for (const s of sentenceSegmenter.segment(text)) {
    const t = s.segment.trim();
    if (t) out.push(t);
  }
  return out;
}

interface Candidate {
  text: string;
  articleId: string;
  sourceId: string;
  vector: SparseVector;
  relevance: number;
}

/**
 * Summary bullets for a story. `articles` oldest first; `centre` is the story centroid under `model`.
 * Sentences are whole (never cut), between MIN_SENTENCE_CHARS and SUMMARY_MAX_SENTENCE_CHARS characters and end in
 * . ! ? or a closing quote. When the leads hold fewer than SUMMARY_MIN_BULLETS such sentences, other articles'
 * titles fill in (still quoted from the story's own articles). Returns at most SUMMARY_MAX_BULLETS bullets.
 */
export function summarize(
  articles: SummaryArticle[],
  centre: SparseVector,
  model: TermModel,
  options: VectorizeOptions,
  headline: string,
): SummaryBullet[] {
  const candidates: Candidate[] = [];
  const seenText = new Set<string>();
  for (const a of articles) {
    if (!a.summary) continue;
    for (const s of sentences(a.summary).slice(0, MAX_SENTENCES_PER_ARTICLE)) {
      if (s.length < MIN_SENTENCE_CHARS || s.length > SUMMARY_MAX_SENTENCE_CHARS) continue;
      if (!/[.!?]["'”’)]?$/u.test(s) || seenText.has(s)) continue;
      seenText.add(s);
      const vector = toVector(termCounts({ title: '', text: s }, options).counts, model, options.entityBoost);
      candidates.push({ text: s, articleId: a.id, sourceId: a.sourceId, vector, relevance: dot(vector, centre) });
    }
  }
  const chosen: Candidate[] = [];
  const sourcesInStory = new Set(articles.map((a) => a.sourceId)).size;
  while (chosen.length < SUMMARY_MAX_BULLETS) {
    const needOtherSource = chosen.length === 1 && sourcesInStory > 1;
    let best: Candidate | undefined;
    let bestScore = -Infinity;
    for (const c of candidates) {
      if (chosen.includes(c)) continue;
      if (needOtherSource && c.sourceId === chosen[0]!.sourceId && candidates.some((o) => o.sourceId !== chosen[0]!.sourceId && !chosen.includes(o))) continue;
      const redundancy = chosen.reduce((m, s) => Math.max(m, dot(c.vector, s.vector)), 0);
      if (redundancy > DUPLICATE_SIMILARITY) continue;
      const score = SUMMARY_MMR_LAMBDA * c.relevance - (1 - SUMMARY_MMR_LAMBDA) * redundancy;
      if (score > bestScore) {
        best = c;
        bestScore = score;
      }
    }
    if (!best || best.relevance <= 0) break;
    chosen.push(best);
  }
  const bullets: SummaryBullet[] = chosen.map((c) => ({ text: c.text, articleId: c.articleId }));
  const usedTitles = new Set([headline.toLowerCase()]);
  for (const a of articles) {
    if (bullets.length >= SUMMARY_MIN_BULLETS) break;
    const t = a.title.trim();
    if (!t || usedTitles.has(t.toLowerCase())) continue;
    usedTitles.add(t.toLowerCase());
    bullets.push({ text: t, articleId: a.id });
  }
  return bullets;
}
