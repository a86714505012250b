/**
 * Content collections read from the content directory (PARALLAX_CONTENT_DIR, see src/site-config.ts):
 * - sources: <dir>/state/sources.json, an array of SourceSchema entries (id = the source slug);
 * - stories: the story files of this build, front matter = StorySchema (id = the story's opaque id, not its cosmetic
 *   slug): <dir>/stories/*.md (active stories) for the hourly live build, <dir>/archive/<month>/*.md when the build
 *   renders one frozen archive month (PARALLAX_PARTITION), limited to PARALLAX_ONLY_IDS when set.
 *
 * The stories loader reads front matter only: pages render from the data, never from the Markdown body, so it skips
 * the Markdown rendering that Astro's glob() loader does for every entry (time and memory on large months).
 */
import { defineCollection } from 'astro:content';
import { file } from 'astro/loaders';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SourceSchema } from './core/schema/source';
import { StorySchema } from './core/schema/story';
import { parseStoryFile } from './core/story/serialize-story';
import { contentDir, onlyIds, storiesDir } from './site-config';

const dir = contentDir();

const sources = defineCollection({
  loader: file(pathToFileURL(path.join(dir, 'state', 'sources.json')).href),
  schema: SourceSchema,
});

const stories = defineCollection({
  loader: {
    name: 'parallax-stories',
    load: async ({ store, parseData, generateDigest }) => {
      const from = storiesDir();
      const only = onlyIds();
      const names = (await readdir(from).catch(() => [] as string[]))
        .filter((f) => f.endsWith('.md') && (!only || only.has(f.slice(0, -3))))
        .sort();
      store.clear();
      for (const name of names) {
        const text = await readFile(path.join(from, name), 'utf8');
        const raw = parseStoryFile(text);
        const id = typeof raw.id === 'string' ? raw.id : name.slice(0, -3);
        const data = await parseData({ id, data: raw, filePath: path.join(from, name) });
        store.set({ id, data, digest: generateDigest(text) });
      }
    },
  },
  schema: StorySchema,
});

export const collections = { sources, stories };
