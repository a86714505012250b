/**
 * The build's view of the content: collections loaded once, XML-illegal characters removed from every text, and
 * the run's clock. Pages import from here instead of calling getCollection() themselves.
 */
import { getCollection } from 'astro:content';
import type { Source } from '../core/schema/source';
import type { Story } from '../core/schema/story';
import { contentDir } from '../site-config';
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
  const now = resolveNow(
    readRunNow(contentDir()),
    stories.map((s) => s.lastUpdated),
  );
  return { sources, sourcesById: new Map(sources.map((s) => [s.id, s])), stories, storiesById: new Map(stories.map((s) => [s.id, s])), now };
}

export function siteData(): Promise<SiteData> {
  cached ??= load();
  return cached;
}
