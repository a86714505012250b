/**
 * The build's view of the content: collections loaded once, XML-illegal characters removed from every text, and
 * the run's clock. Pages import from here instead of calling getCollection() themselves.
 */
import { getCollection } from 'astro:content';
import type { Source } from '../core/schema/source';
import type { Story } from '../core/schema/story';
import { contentDir, partitionMonth } from '../site-config';
import { readArchiveIndex } from './archive';
import { readRunNow, resolveNow } from './run-clock';
import { deepStripControl } from './text';

export interface SiteData {
  sources: Source[];
  sourcesById: Map<string, Source>;
  stories: Story[];
  storiesById: Map<string, Story>;
  /** The run's clock (UTC ISO-8601). */
  now: string;
}

let cached: Promise<SiteData> | undefined;

async function load(): Promise<SiteData> {
  const sources = (await getCollection('sources'))
    .map((e) => deepStripControl(e.data))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const stories = (await getCollection('stories'))
    .map((e) => deepStripControl(e.data))
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
  return { sources, sourcesById: new Map(sources.map((s) => [s.id, s])), stories, storiesById: new Map(stories.map((s) => [s.id, s])), now };
}

export function siteData(): Promise<SiteData> {
  cached ??= load();
  return cached;
}
