/**
 * Content collections read from the content directory (PARALLAX_CONTENT_DIR, see src/site-config.ts):
 * - sources: <dir>/state/sources.json, an array of SourceSchema entries (id = the source slug);
 * - stories: <dir>/stories/*.md, front matter = StorySchema (id = the story's opaque id, not its cosmetic slug).
 */
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SourceSchema } from './core/schema/source';
import { StorySchema } from './core/schema/story';
import { contentDir } from './site-config';

const dir = contentDir();

const sources = defineCollection({
  loader: file(pathToFileURL(path.join(dir, 'state', 'sources.json')).href),
  schema: SourceSchema,
});

const stories = defineCollection({
  loader: glob({
    base: pathToFileURL(path.join(dir, 'stories')).href,
    pattern: '*.md',
    // glob() would use the front matter's `slug` as the entry id; the opaque `id` is the address.
    generateId: ({ entry, data }) => (typeof data.id === 'string' ? data.id : entry.replace(/\.md$/, '')),
  }),
  schema: StorySchema,
});

export const collections = { sources, stories };
