/**
 * A registry with no source: `ingest` and `build` stop with a message saying so and how to add sources (exit 1),
 * and leave the content and the built site as they were (they had written empty content and published an empty
 * site over the last one, exit 0). Run as a user would, on captured feeds (no network).
 */
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, SNAPSHOT_FEEDS, tempDir, treeDigest } from '../helpers';

const FEED = '404media.rss.xml';
const NOW = '2026-02-18T03:12:00Z';

const cli = runCli;

const noRegistrySources = (registry: string): string =>
  `parallax: no sources in the registry ${registry}: nothing to read, the content was left as it was. ` +
  `To fix: add outlets with \`parallax sources import --registry ${registry} --opml FEEDS.opml\` (or --kite FEEDS.json), or by hand (README: "Sources and ratings")\n`;

describe('an empty source registry', () => {
  let work: string;
  let content: string;
  let registry: string;
  let emptyFeeds: string;
  let dist: string;
  let before: { content: Record<string, string>; dist: Record<string, string> };

  beforeAll(async () => {
    work = await tempDir('parallax-no-sources-');
    content = path.join(work, 'content');
    registry = path.join(content, 'sources.json');
    emptyFeeds = path.join(work, 'empty-feeds');
    dist = path.join(work, 'dist');
    const feeds = path.join(work, 'feeds');
    await mkdir(feeds);
    await mkdir(emptyFeeds);
    await mkdir(content);
    await mkdir(dist);
    await writeFile(path.join(dist, 'index.html'), '<p>the last published site</p>\n');
    // A previous run with one source, then the registry emptied.
    await copyFile(path.join(SNAPSHOT_FEEDS, FEED), path.join(feeds, FEED));
    const bundled = JSON.parse(await readFile(path.join(ROOT, 'fixtures', 'snapshot-2026-02-18', 'sources.json'), 'utf8')) as Array<{ feeds: Array<{ file: string | null }> }>;
    await writeFile(registry, `${JSON.stringify(bundled.filter((s) => s.feeds.some((f) => f.file === FEED)), null, 2)}\n`);
    const first = await cli(['ingest', '--feeds', feeds, '--content', content, '--now', NOW]);
    expect(first.code).toBe(0);
    await writeFile(registry, '[]\n');
    before = { content: await treeDigest(content), dist: await treeDigest(dist) };
  }, 60_000);

  it.each([
    ['ingest --feeds (an empty folder)', () => ['ingest', '--feeds', emptyFeeds, '--content', content, '--now', NOW]],
    ['ingest --live (no request made)', () => ['ingest', '--live', '--content', content, '--now', NOW]],
    ['build (its ingest)', () => ['build', '--feeds', emptyFeeds, '--content', content, '--now', NOW]],
  ])('%s stops, exit 1, changing nothing', async (_case, args) => {
    const { code, out, err } = await cli(args(), { PARALLAX_OUT_DIR: dist });
    expect(err).toBe(noRegistrySources(registry));
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(await treeDigest(content)).toEqual(before.content);
    expect(await treeDigest(dist)).toEqual(before.dist);
  });

  it('build --no-ingest of content whose resolved sources are empty stops before the site build, exit 1', async () => {
    const empty = path.join(work, 'empty-content');
    await mkdir(path.join(empty, 'state'), { recursive: true });
    await writeFile(path.join(empty, 'state', 'sources.json'), '[]\n');
    const { code, out, err } = await cli(['build', '--no-ingest', '--content', empty], { PARALLAX_OUT_DIR: dist });
    expect(err).toBe(
      `parallax: no sources in ${empty} (state/sources.json is empty): nothing to publish, the site was not built. ` +
        'To fix: add outlets with `parallax sources import --registry REGISTRY.json --opml FEEDS.opml` (or --kite FEEDS.json), or by hand (README: "Sources and ratings"), then run `parallax ingest`\n',
    );
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(await treeDigest(dist)).toEqual(before.dist);
    expect((await readdir(work)).sort()).toEqual(['content', 'dist', 'empty-content', 'empty-feeds', 'feeds']); // no staging or frozen dir
  });

  it('names a registry whose every source is taken down, rather than calling it empty', async () => {
    const dir = path.join(await tempDir('parallax-no-sources-'), 'content');
    await mkdir(dir);
    const own = path.join(dir, 'sources.json');
    await writeFile(own, JSON.stringify([{ id: 'a', name: 'A', homepage: 'https://a.example/', feeds: [{ url: 'https://a.example/rss', file: null, topic: null }], country: null, language: 'en', bias: [], factuality: [], ownership: null, discovered: false }]));
    await writeFile(path.join(dir, 'overrides.json'), JSON.stringify({ version: 1, takedowns: [{ kind: 'source', sourceId: 'a', reason: 'licence withdrawn' }] }));
    const { code, err } = await cli(['ingest', '--live', '--content', dir, '--now', NOW]);
    expect(err).toBe(
      `parallax: every source of the registry ${own} is taken down (overrides.json): nothing to read, the content was left as it was. ` +
        `To fix: add outlets with \`parallax sources import --registry ${own} --opml FEEDS.opml\` (or --kite FEEDS.json), or by hand (README: "Sources and ratings")\n`,
    );
    expect(code).toBe(1);
    expect((await readdir(dir)).sort()).toEqual(['overrides.json', 'sources.json']);
  });

  it('still reads a folder of feeds no registry names: each becomes an unrated source (README)', async () => {
    const fresh = path.join(await tempDir('parallax-no-sources-'), 'content');
    const { code, out } = await cli(['ingest', '--feeds', path.join(work, 'feeds'), '--content', fresh, '--registry', registry, '--now', NOW]);
    expect(code).toBe(0);
    expect(out).toContain('Feeds read        1 (0 failed)');
    const sources = JSON.parse(await readFile(path.join(fresh, 'state', 'sources.json'), 'utf8')) as Array<{ id: string; bias: unknown[] }>;
    expect(sources.map((s) => [s.id, s.bias.length])).toEqual([['404media-co', 0]]);
  });
});
