/**
 * The built site gives a recorded topic its feeds (src/site/topic-feeds.ts): the hand-made fixture content plus a
 * record (state/topic-feeds.json) naming "elections", a topic no story has any more (an editor's takedown or merge
 * took its last stories away), built by `parallax build --no-ingest`: /topic/elections/rss.xml and feed.json are
 * there, empty, and link to its page, which stays (saying it has no live story) so that a bookmark keeps working as
 * the feed does (a reader trial's /topic/bangladesh/ had gone while its feeds stayed). A record entry under a slug its
 * name no longer has ("politic" for "Politics", as "odz" was for "Łódź" before the slug rule folded ł) carries that
 * topic's stories. A recorded topic whose stories are all archived says so and links the archive.
 */
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { archiveEntryOf } from '../../src/core/schema/archive';
import { serializeStory } from '../../src/core/story/serialize-story';
import { readStoriesIn, ROOT, tempDir } from '../helpers';
import { buildSite } from '../e2e/site-kit';
import { archivedStory } from './archive-content';

let dist: string;
let archivedId: string;

beforeAll(async () => {
  const work = await tempDir('parallax-topic-feeds-site-');
  dist = path.join(work, 'dist');
  const content = path.join(work, 'content');
  await cp(path.join(ROOT, 'tests', 'fixtures', 'site-content'), content, { recursive: true });
  // "Referendums": a recorded topic whose one story is archived (too few for a month page of the topic).
  const template = (await readStoriesIn(content)).find((s) => s.coverage.sourceCount >= 2)!;
  const archived = { ...archivedStory(template, '2025-12', 1), topics: ['Referendums'] };
  archivedId = archived.id;
  await mkdir(path.join(content, 'archive', '2025-12'), { recursive: true });
  await writeFile(path.join(content, 'archive', '2025-12', `${archived.id}.md`), serializeStory(archived));
  await writeFile(path.join(content, 'archive', '2025-12', 'index.json'), `${JSON.stringify([archiveEntryOf(archived)], null, 1)}\n`);
  // "politic": a slug recorded under an older slug rule for a topic whose name has another slug now.
  const record = [{ slug: 'elections', name: 'Elections' }, { slug: 'politic', name: 'Politics' }, { slug: 'referendums', name: 'Referendums' }];
  await writeFile(path.join(content, 'state', 'topic-feeds.json'), `${JSON.stringify(record, null, 2)}\n`);
  await buildSite(work, ['--no-ingest', '--content', content], { PARALLAX_SITE: 'https://example.github.io', PARALLAX_BASE: '/parallax/' });
}, 300_000);

describe('a recorded topic in the built site', () => {
  it('has an empty RSS feed and JSON Feed that link to its page, which says it has no live story', async () => {
    const xml = await readFile(path.join(dist, 'topic', 'elections', 'rss.xml'), 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const channel = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml).rss.channel;
    expect([channel.title, channel.link, channel.item]).toEqual(['Parallax: Elections', 'https://example.github.io/parallax/topic/elections/', undefined]);
    expect(channel['atom:link'].href).toBe('https://example.github.io/parallax/topic/elections/rss.xml');
    const json = JSON.parse(await readFile(path.join(dist, 'topic', 'elections', 'feed.json'), 'utf8'));
    expect([json.title, json.home_page_url, json.feed_url, json.items]).toEqual(['Parallax: Elections', 'https://example.github.io/parallax/topic/elections/', 'https://example.github.io/parallax/topic/elections/feed.json', []]);
    const page = await readFile(path.join(dist, 'topic', 'elections', 'index.html'), 'utf8');
    expect(page).toContain('<h1>Elections</h1>');
    // No archived story either: the archive is not named (a second hostile pass's page had pointed to it).
    expect(page).toContain('No live story about this topic now.</p>');
    expect(page).toContain('href="/parallax/topic/elections/rss.xml"');
    // Not listed on the topics index, which lists the topics with enough live stories.
    expect(await readFile(path.join(dist, 'topics', 'index.html'), 'utf8')).not.toContain('/topic/elections/');
  });

  it('with archived stories only, says so and links the archive', async () => {
    const page = await readFile(path.join(dist, 'topic', 'referendums', 'index.html'), 'utf8');
    expect(page).toContain('<h1>Referendums</h1>');
    expect(page).toContain('No live story about this topic now; earlier ones are in <a href="/parallax/archive/">the archive</a>.</p>');
    // The story is listed in its month's archive page, where that link leads.
    expect(await readFile(path.join(dist, 'archive', '2025-12', 'index.html'), 'utf8')).toContain(`/parallax/story/${archivedId}/`);
  });

  it('under a slug its name no longer has, carries the stories of the slug the name has now', async () => {
    const parse = (xml: string) => new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml).rss.channel;
    // The fixture's one story about politics (k3v9q2m7), as /topic/politics/ would list it.
    const old = parse(await readFile(path.join(dist, 'topic', 'politic', 'rss.xml'), 'utf8'));
    expect(old.title).toBe('Parallax: Politics');
    expect([old.item.guid['#text'], old.item.title]).toEqual(['k3v9q2m7', 'Re: Budget talks: what "changed" #2 & the <script> behind the deal']);
    expect(old['atom:link'].href).toBe('https://example.github.io/parallax/topic/politic/rss.xml');
    expect(old.link).toBe('https://example.github.io/parallax/topic/politic/');
    const page = await readFile(path.join(dist, 'topic', 'politic', 'index.html'), 'utf8');
    expect(page).toContain('/parallax/story/k3v9q2m7/');
    // Its feed links are its own, which are built (a hostile pass's /topic/odz/ had linked /topic/lodz/rss.xml).
    expect(page).toContain('href="/parallax/topic/politic/rss.xml"');
    expect(page).toContain('href="/parallax/topic/politic/feed.json"');
    expect(page).not.toContain('/topic/politics/rss.xml');
  });
});
