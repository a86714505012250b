/**
 * A topic keeps its feeds once it has had them (src/site/topic-feeds.ts): the ingest records the topics with feeds in
 * state/topic-feeds.json, and the build gives every recorded topic its rss.xml and feed.json, though an editor's
 * takedown or merge has taken it below TOPIC_PAGE_MIN_STORIES stories (its feeds had become 404s).
 */
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ArchiveEntry } from '../../src/core/schema/archive';
import { RegistrySchema } from '../../src/core/schema/source';
import type { SiteData } from '../../src/site/data';
import { feedFor } from '../../src/site/feeds';
import { jsonFeedString } from '../../src/site/rss';
import { withRankScores } from '../../src/site/stories';
import { archiveAfterRun, nextTopicFeeds, parseTopicFeeds, readTopicFeeds, TOPIC_FEEDS_STATE, topicFeedsJson } from '../../src/site/topic-feeds';
import { feedTopics } from '../../src/site/topics';
import { readStoriesIn, registrySource, runFolder, tempDir, treeDigest } from '../helpers';
import { fixtureStories } from './load-fixture';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('the record (pure)', () => {
  it('parses slug → name, skipping malformed entries; null for what is not an array', () => {
    expect(parseTopicFeeds([{ slug: 'elections', name: 'Elections' }, { slug: '', name: 'X' }, { slug: 3, name: 'Y' }, null, { slug: 'u-s', name: 'U.S.' }])).toEqual({
      topics: new Map([
        ['elections', 'Elections'],
        ['u-s', 'U.S.'],
      ]),
      skipped: 3,
    });
    expect(parseTopicFeeds({ elections: 'Elections' })).toBeNull();
  });

  it('keeps only slugs that topicSlug makes, and cleans names (a hand-edited record cannot write outside topic/)', () => {
    const entries = [
      { slug: '..', name: 'dotdot' }, // had built dist/topic/../rss.xml: the site's own feed, emptied
      { slug: '../../../tmp/escaped', name: 'Escape' }, // had stopped every build ("Missing parameter: slug")
      { slug: '.', name: 'dot' },
      { slug: 'Elections', name: 'Elections' },
      { slug: '%2e%2e', name: 'encoded' },
      { slug: 'politika', name: '' },
      { slug: 'политика', name: 'Политика' },
      { slug: 'covid-19', name: '\u202Egnp.exe Covid' },
    ];
    expect(parseTopicFeeds(entries)).toEqual({ topics: new Map([['политика', 'Политика'], ['covid-19', 'gnp.exe Covid']]), skipped: 6 });
  });

  it('is written in slug order (code points), so equal records are equal bytes', () => {
    const record = new Map([
      ['politik', 'Politik'],
      ['политика', 'Политика'],
      ['elections', 'Elections'],
      ['1984', '1984'],
    ]);
    expect(topicFeedsJson(record)).toEqual([
      { slug: '1984', name: '1984' },
      { slug: 'elections', name: 'Elections' },
      { slug: 'politik', name: 'Politik' },
      { slug: 'политика', name: 'Политика' },
    ]);
    expect(parseTopicFeeds(topicFeedsJson(record))).toEqual({ topics: record, skipped: 0 });
  });

  it('feedTopics keeps every recorded topic (under its recorded name when no story has it) beside those that reach the bar', () => {
    const [base] = fixtureStories().filter((s) => s.coverage.sourceCount >= 2);
    const stories = ['a1', 'b2', 'c3'].map((id) => ({ ...base!, id, topics: ['politics'] }));
    const archived = new Map([['weather', { name: 'Weather', count: 1 }]]);
    expect([...feedTopics(stories, archived)]).toEqual([['politics', 'Politics']]);
    const recorded = new Map([
      ['weather', 'Old Weather'],
      ['elections', 'Elections'],
    ]);
    expect([...feedTopics(stories, archived, recorded)]).toEqual([
      ['elections', 'Elections'],
      ['politics', 'Politics'],
      ['weather', 'Weather'],
    ]);
    // Below the bar with no record: no feeds (the rule of TOPIC_PAGE_MIN_STORIES is unchanged).
    expect([...feedTopics(stories.slice(0, 2), archived)]).toEqual([]);
  });

  it('nextTopicFeeds adds the topics that reached the bar (live and archived together) and drops none', () => {
    const [base] = fixtureStories().filter((s) => s.coverage.sourceCount >= 2);
    const live = [{ ...base!, id: 'a1', topics: ['courts'] }];
    const entry = (id: string, topics: string[]): ArchiveEntry => ({
      id, slug: id, title: id, firstSeen: '2026-01-02T00:00:00Z', lastUpdated: '2026-01-03T00:00:00Z', sourceCount: 2, articleCount: 2,
      bias: { left: 1, center: 1, right: 0, unrated: 0 }, blindspot: null, topics, sourceIds: ['a', 'b'],
    });
    const months = [[entry('x1', ['Courts']), entry('x2', ['rare'])], [entry('y1', ['courts'])]];
    expect([...nextTopicFeeds(live, '2026-02-18T00:00:00Z', months, new Map([['gone', 'Gone']]))]).toEqual([
      ['courts', 'Courts'],
      ['gone', 'Gone'],
    ]);
  });
});

describe('archiveAfterRun', () => {
  it("reads every month's index, the run's writes over it, its deletes left out, oldest month first", async () => {
    const dir = await tempDir();
    const entry = (id: string, lastUpdated: string): ArchiveEntry => ({
      id, slug: id, title: id, firstSeen: lastUpdated, lastUpdated, sourceCount: 2, articleCount: 2,
      bias: { left: 1, center: 1, right: 0, unrated: 0 }, blindspot: null, topics: ['t'], sourceIds: ['a', 'b'],
    });
    for (const [month, id] of [['2026-01', 'j1'], ['2026-02', 'f1'], ['2026-03', 'm1']] as const) {
      await mkdir(path.join(dir, 'archive', month), { recursive: true });
      await writeFile(path.join(dir, 'archive', month, 'index.json'), JSON.stringify([entry(id, `${month}-02T00:00:00Z`)]));
    }
    const after = archiveAfterRun(dir, {
      indexes: { [path.join('archive', '2026-02', 'index.json')]: [entry('f2', '2026-02-05T00:00:00Z')], [path.join('archive', '2026-04', 'index.json')]: [entry('a1', '2026-04-01T00:00:00Z')] },
      deletes: [path.join('archive', '2026-03', 'index.json')],
    });
    expect(after.map((m) => m.map((e) => e.id))).toEqual([['j1'], ['f2'], ['a1']]);
    expect(archiveAfterRun(await tempDir(), { indexes: {}, deletes: [] })).toEqual([]);
  });
});

describe('readTopicFeeds', () => {
  it('is empty for content without a record, refuses a damaged one (a kept state file), and skips bad entries', async () => {
    const dir = await tempDir();
    expect(readTopicFeeds(dir)).toEqual(new Map());
    await mkdir(path.join(dir, 'state'));
    // Cut off: read as empty, it had taken the pages and feeds of topics below the bar away (a hostile pass's).
    await writeFile(path.join(dir, TOPIC_FEEDS_STATE), '[{"slug": "elections", "na');
    expect(() => readTopicFeeds(dir)).toThrow(`${TOPIC_FEEDS_STATE} is not JSON at line 1, column 24 (a string that is never closed`);
    expect(() => readTopicFeeds(dir)).toThrow('Restore it (from git or a backup), or delete it (topics with too few stories would lose their pages and feeds); nothing was written');
    await writeFile(path.join(dir, TOPIC_FEEDS_STATE), '{"elections": "Elections"}');
    expect(() => readTopicFeeds(dir)).toThrow(`${TOPIC_FEEDS_STATE} is not a JSON array of { slug, name }: it keeps`);
    // An entry that is not { slug, name } with a topic slug: skipped, the run's rewrite would forget it for good.
    await writeFile(path.join(dir, TOPIC_FEEDS_STATE), JSON.stringify([{ slug: '..', name: 'dotdot' }, { slug: 'elections', name: 'Elections' }]));
    expect(() => readTopicFeeds(dir)).toThrow(`${TOPIC_FEEDS_STATE} has 1 entry that is not { slug, name } with a topic slug (lower-case, no "/", "." or ".."): it keeps`);
    await writeFile(path.join(dir, TOPIC_FEEDS_STATE), JSON.stringify([{ slug: 'Dhaka', name: 'Dhaka' }, {}]));
    expect(() => readTopicFeeds(dir)).toThrow(`${TOPIC_FEEDS_STATE} has 2 entries that are not`);
    // A byte order mark is passed over.
    await writeFile(path.join(dir, TOPIC_FEEDS_STATE), `\uFEFF${JSON.stringify([{ slug: 'elections', name: 'Elections' }])}`);
    expect(readTopicFeeds(dir)).toEqual(new Map([['elections', 'Elections']]));
  });
});

// Three events, each reported by both outlets, every item filed under "Elections": the topic has three listed stories.
const NOW = new Date('2026-03-02T12:00:00Z');
const EVENTS = [
  {
    key: 'reform',
    a: ['Parliament passes election reform bill after marathon overnight debate', 'Lawmakers approved the election reform bill after a marathon overnight debate on ballot deadlines.'],
    b: ['Election reform bill clears parliament after marathon overnight debate', 'The election reform bill cleared parliament after a marathon overnight debate over ballot deadlines.'],
  },
  {
    key: 'rally',
    a: ['Governor Okafor launches reelection campaign at Springfield stadium rally', 'Governor Okafor launched her reelection campaign at a Springfield stadium rally on Sunday.'],
    b: ['Okafor kicks off reelection campaign with Springfield stadium rally', 'Governor Okafor kicked off her reelection campaign with a stadium rally in Springfield.'],
  },
  {
    key: 'maps',
    a: ['Supreme court hears challenge to congressional district voting maps', 'Justices heard arguments in the challenge to the congressional district voting maps drawn last year.'],
    b: ['Justices weigh challenge to congressional district voting maps', 'The supreme court weighed the challenge to congressional district voting maps in oral arguments.'],
  },
] as const;

function item(site: string, key: string, [title, text]: readonly [string, string], hour: number): string {
  const url = `https://${site}/2026/03/02/${key}`;
  return `<item><title>${title}</title><link>${url}</link><guid>${url}</guid><pubDate>Mon, 02 Mar 2026 0${hour}:00:00 GMT</pubDate><category>Elections</category><description>${text}</description></item>`;
}

function feed(site: string, items: string[]): string {
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>${site}</title><link>https://${site}/</link>${items.join('')}</channel></rss>`;
}

/** A content directory after one ingest of the three events; the registry and the feed folder beside it. */
async function ingested(): Promise<{ content: string; feeds: string; registry: string }> {
  const root = await tempDir('parallax-topic-feeds-');
  const feeds = path.join(root, 'feeds');
  await mkdir(feeds);
  await writeFile(path.join(feeds, 'a.xml'), feed('a-news.example', EVENTS.map((e, i) => item('a-news.example', e.key, e.a, i + 1))));
  await writeFile(path.join(feeds, 'b.xml'), feed('b-post.example', EVENTS.map((e, i) => item('b-post.example', e.key, e.b, i + 2))));
  const registry = path.join(root, 'sources.json');
  await writeFile(registry, JSON.stringify([registrySource('a-news', 'a-news.example', [{ file: 'a.xml' }]), registrySource('b-post', 'b-post.example', [{ file: 'b.xml' }])]));
  const content = path.join(root, 'content');
  await runFolder(feeds, content, NOW, registry);
  return { content, feeds, registry };
}

/** The build's view of a content directory (src/site/data.ts without Astro): sources, stories ranked at the run's clock. */
async function siteDataOf(content: string): Promise<SiteData> {
  const sources = RegistrySchema.parse(JSON.parse(await readFile(path.join(content, 'state', 'sources.json'), 'utf8')));
  const now = JSON.parse(await readFile(path.join(content, 'state', 'run.json'), 'utf8')).now as string;
  const stories = withRankScores(await readStoriesIn(content), now);
  return { sources, sourcesById: new Map(sources.map((s) => [s.id, s])), stories, storiesById: new Map(stories.map((s) => [s.id, s])), now };
}

/** The topic's feeds as the build gives them (PARALLAX_CONTENT_DIR = `content`), or undefined for a 404. */
async function electionFeeds(content: string): Promise<{ rss: string[] | undefined; json: { title: string; items: Array<{ id: string }> } | undefined }> {
  vi.stubEnv('PARALLAX_CONTENT_DIR', content);
  const data = await siteDataOf(content);
  const site = new URL('https://example.github.io');
  const rss = feedFor(data, site, 'topic', 'elections', false);
  const json = feedFor(data, site, 'topic', 'elections', true);
  return { rss: rss?.items.map((i) => i.guid), json: json && JSON.parse(jsonFeedString(json.channel, json.items)) };
}

const readRecord = async (content: string): Promise<unknown> => JSON.parse(await readFile(path.join(content, TOPIC_FEEDS_STATE), 'utf8'));

describe('a topic keeps its feeds through the ingest and the build', () => {
  it.each(['takedown', 'merge'] as const)('three stories give "elections" feeds; after a %s leaves it two, the feeds are still there', async (edit) => {
    const { content, feeds, registry } = await ingested();
    const first = await siteDataOf(content);
    const listed = first.stories.filter((s) => s.coverage.sourceCount >= 2 && s.topics.includes('elections'));
    expect(listed.map((s) => s.articles.length)).toEqual([2, 2, 2]);
    expect(await readRecord(content)).toEqual([{ slug: 'elections', name: 'Elections' }]);
    const before = await electionFeeds(content);
    expect(before.rss?.sort()).toEqual(listed.map((s) => s.id).sort());
    expect(before.json?.title).toBe('Parallax: Elections');

    // The maps story loses a side (an article taken down) or joins the reform story (an editor's merge).
    const maps = listed.find((s) => s.articles.some((a) => a.url.endsWith('/maps')))!;
    const reform = listed.find((s) => s.articles.some((a) => a.url.endsWith('/reform')))!;
    const overrides =
      edit === 'takedown'
        ? { version: 1, takedowns: [{ kind: 'article', url: 'https://b-post.example/2026/03/02/maps', reason: 'withdrawn by the outlet' }] }
        : { version: 1, stories: { merge: [{ storyIds: [reform.id, maps.id], reason: 'one event' }] } };
    await writeFile(path.join(content, 'overrides.json'), JSON.stringify(overrides));
    const { logs } = await runFolder(feeds, content, new Date('2026-03-02T13:00:00Z'), registry);
    expect(logs.filter((l) => l.includes('topic-feeds'))).toEqual([]);
    const second = await siteDataOf(content);
    const left = second.stories.filter((s) => s.coverage.sourceCount >= 2 && s.topics.includes('elections'));
    expect(left).toHaveLength(2); // below TOPIC_PAGE_MIN_STORIES: no topic page, and without the record no feeds
    expect([...feedTopics(second.stories, new Map())].map(([slug]) => slug)).not.toContain('elections');
    expect(await readRecord(content)).toEqual([{ slug: 'elections', name: 'Elections' }]);

    // A fresh build of that content (a copy: each build is its own process, and the build reads the record once).
    const built = path.join(await tempDir('parallax-topic-feeds-'), 'content');
    await cp(content, built, { recursive: true });
    const after = await electionFeeds(built);
    expect(after.rss?.sort()).toEqual(left.map((s) => s.id).sort());
    expect(after.json?.title).toBe('Parallax: Elections');
    expect(after.json?.items.map((i) => i.id).sort()).toEqual(left.map((s) => s.id).sort());

    // A re-run with the same clock leaves the tree, the record included, byte-identical.
    const digest = await treeDigest(content);
    await runFolder(feeds, content, new Date('2026-03-02T13:00:00Z'), registry);
    expect(await treeDigest(content)).toEqual(digest);
  });
});
