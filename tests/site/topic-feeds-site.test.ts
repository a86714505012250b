/**
 * The built site gives a recorded topic its feeds (src/site/topic-feeds.ts): the hand-made fixture content plus a
 * record (state/topic-feeds.json) naming "elections", a topic no story has any more (an editor's takedown or merge
 * took its last stories away), built by `parallax build --no-ingest`: /topic/elections/rss.xml and feed.json are
 * there, empty, and link home (the topic has no page); no page is built for it. A record entry under a slug its name
 * no longer has ("politic" for "Politics", as "odz" was for "Łódź" before the slug rule folded ł) carries that
 * topic's stories.
 */
import { cp, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers';
import { buildSite } from '../e2e/site-kit';

let dist: string;

beforeAll(async () => {
  const work = await tempDir('parallax-topic-feeds-site-');
  dist = path.join(work, 'dist');
  const content = path.join(work, 'content');
  await cp(path.join(ROOT, 'tests', 'fixtures', 'site-content'), content, { recursive: true });
  // "politic": a slug recorded under an older slug rule for a topic whose name has another slug now.
  await writeFile(path.join(content, 'state', 'topic-feeds.json'), `${JSON.stringify([{ slug: 'elections', name: 'Elections' }, { slug: 'politic', name: 'Politics' }], null, 2)}\n`);
  await buildSite(work, ['--no-ingest', '--content', content], { PARALLAX_SITE: 'https://example.github.io', PARALLAX_BASE: '/parallax/' });
}, 300_000);

describe('a recorded topic in the built site', () => {
  it('has an empty RSS feed and JSON Feed that link home, and no topic page', async () => {
    const xml = await readFile(path.join(dist, 'topic', 'elections', 'rss.xml'), 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const channel = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml).rss.channel;
    expect([channel.title, channel.link, channel.item]).toEqual(['Parallax: Elections', 'https://example.github.io/parallax/', undefined]);
    expect(channel['atom:link'].href).toBe('https://example.github.io/parallax/topic/elections/rss.xml');
    const json = JSON.parse(await readFile(path.join(dist, 'topic', 'elections', 'feed.json'), 'utf8'));
    expect([json.title, json.home_page_url, json.feed_url, json.items]).toEqual(['Parallax: Elections', 'https://example.github.io/parallax/', 'https://example.github.io/parallax/topic/elections/feed.json', []]);
    expect(existsSync(path.join(dist, 'topic', 'elections', 'index.html'))).toBe(false);
  });

  it('under a slug its name no longer has, carries the stories of the slug the name has now', async () => {
    const parse = (xml: string) => new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml).rss.channel;
    // The fixture's one story about politics (k3v9q2m7), as /topic/politics/ would list it.
    const old = parse(await readFile(path.join(dist, 'topic', 'politic', 'rss.xml'), 'utf8'));
    expect(old.title).toBe('Parallax: Politics');
    expect([old.item.guid['#text'], old.item.title]).toEqual(['k3v9q2m7', 'Re: Budget talks: what "changed" #2 & the <script> behind the deal']);
    expect(old['atom:link'].href).toBe('https://example.github.io/parallax/topic/politic/rss.xml');
  });
});
