/** Outlets in Arabic, Japanese, English and French, and story articles of theirs, for the language-of-parts tests. */
import type { Source } from '../../src/core/schema/source';
import { StoryArticleSchema, type StoryArticle } from '../../src/core/schema/story';

/** A registry entry with only what the site reads for language: unrated, no feeds. */
export const source = (id: string, name: string, language: string): Source =>
  ({ id, name, language, homepage: `https://${id}.example/`, feeds: [], country: null, bias: [], factuality: [], ownership: null, discovered: false }) as unknown as Source;

export const SOURCES: Source[] = [
  source('aljazeera', 'الجزيرة', 'ar'),
  source('asahi', '朝日新聞', 'ja'),
  source('ledger', 'Ledger', 'en'),
  source('post', 'Northern Post', 'en-GB'),
  source('monde', 'Le Monde', 'fr'),
];
export const SOURCES_BY_ID: Map<string, Source> = new Map(SOURCES.map((s) => [s.id, s]));

/** A story article of `sourceId` (published = first seen = `published`). */
export const storyArticle = (id: string, sourceId: string, title: string, excerpt: string | null = null, published = '2026-02-18T00:00:00Z'): StoryArticle =>
  StoryArticleSchema.parse({ id, sourceId, url: `https://${sourceId}.example/${id}`, title, excerpt, published, firstSeen: published, similarity: 0.5 });
