/**
 * Content collections read from the content directory (PARALLAX_CONTENT_DIR, see src/site-config.ts):
 * - sources: <dir>/state/sources.json, an array of SourceSchema entries (id = the source slug).
 *
 * Stories are not a collection: src/site/data.ts reads the story files of the build (<dir>/stories/*.md for the
 * hourly live build, <dir>/archive/<month>/*.md for a frozen archive month) and validates them with StorySchema.
 * Astro compiles a collection's whole data store into its server bundle, which does not scale to a month of stories.
 */
import { defineCollection } from 'astro:content';
import { file } from 'astro/loaders';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SourceSchema } from './core/schema/source';
import { contentDir } from './site-config';

const sources = defineCollection({
  loader: file(pathToFileURL(path.join(contentDir(), 'state', 'sources.json')).href),
  schema: SourceSchema,
});

export const collections = { sources };
