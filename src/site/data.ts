/**
 * The build's view of the content: sources (the content collection) and stories loaded once, XML-illegal characters
 * removed from every text, and the run's clock. Pages import from here instead of reading content themselves.
 *
 * Stories are read here from their files (storiesDir(): active stories, or one archive month), validated with
 * StorySchema, rather than through an Astro content collection: Astro inlines a collection's whole data store into
 * the server bundle it compiles, which for a month of 6,000 stories (15 MB of data) took the build to a 2.4 GB peak.
 */
import { getCollection } from 'astro:content';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Source } from '../core/schema/source';
import { StorySchema, type Story } from '../core/schema/story';
import { parseStoryFile } from '../core/story/serialize-story';
import { contentDir, onlyIds, partitionMonth, storiesDir } from '../site-config';
import { readArchiveIndex } from './archive';
import { withRankScores, type RankedStory } from './stories';
import { readRunNow, resolveNow } from './run-clock';
import { deepStripControl } from './text';

export interface SiteData {
  sources: Source[];
  sourcesById: Map<string, Source>;
  stories: RankedStory[];
  storiesById: Map<string, RankedStory>;
  /** The run's clock (UTC ISO-8601). */
  now: string;
}

let cached: Promise<SiteData> | undefined;

/**
 * The story files of this build (storiesDir(), limited to onlyIds() when set), validated; file order by name. A file
 * that is not a valid story (cut off, edited by hand) is left out with a warning naming it (`warn`, stderr by
 * default), and the rest of the site is built: a hostile trial's one truncated archived story had stopped the whole
 * build. (An ingest rewrites a damaged active story from its articles; an archived one is its own only record.)
 */
export async function loadStories(dir = storiesDir(), only = onlyIds(), warn = (m: string) => console.warn(m)): Promise<Story[]> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.md') && (!only || only.has(f.slice(0, -3)))).sort();
  const stories: Story[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    let problem: string;
    try {
      const parsed = StorySchema.safeParse(parseStoryFile(await readFile(file, 'utf8')));
      if (parsed.success) {
        stories.push(parsed.data);
        continue;
      }
      problem = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(the file)'}: ${i.message}`).join('; ');
    } catch (error) {
      problem = (error as Error).message.split('\n')[0]!;
    }
    warn(`${file}: not a valid story, left out of the site (${problem}); restore it from git or a backup`);
  }
  return stories;
}

async function load(): Promise<SiteData> {
  const sources = (await getCollection('sources'))
    .map((e) => deepStripControl(e.data))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const stories = (await loadStories())
    .map((s) => deepStripControl(s))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // A frozen archive month is dated by its own content (the latest lastUpdated in its index), not by the run that
  // happened to build it, so its pages are the same whichever run rebuilds them.
  const month = partitionMonth();
  const now = month
    ? resolveNow(undefined, readArchiveIndex(contentDir(), month).map((e) => e.lastUpdated))
    : resolveNow(
        readRunNow(contentDir()),
        stories.map((s) => s.lastUpdated),
      );
  const ranked = withRankScores(stories, now);
  return { sources, sourcesById: new Map(sources.map((s) => [s.id, s])), stories: ranked, storiesById: new Map(ranked.map((s) => [s.id, s])), now };
}

export function siteData(): Promise<SiteData> {
  cached ??= load();
  return cached;
}
