/**
 * `--feeds DIR` with feeds the registry does not know, built from the shared bug-report cases
 * (tests/fixtures/cases, copied from ../shared/cases/feeds): each becomes an unrated source named after its site's
 * domain, hostile or broken feeds give named errors while the others go on, and text survives to the story files.
 */
import { copyFile, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SourceSchema } from '../../src/core/schema/source';
import type { IngestReport } from '../../src/pipeline';
import { readStoriesIn, ROOT, runFolder, tempDir } from '../helpers';

const CASES = path.join(ROOT, 'tests', 'fixtures', 'cases');
const USED = ['B01', 'B03', 'B05', 'B07', 'B11', 'B20', 'B22', 'B24'];

let report: IngestReport;
let logs: string[];
let content: string;

beforeAll(async () => {
  const feeds = await tempDir('parallax-feeds-');
  for (const id of USED) await copyFile(path.join(CASES, `${id}.xml`), path.join(feeds, `${id}.xml`));
  await writeFile(path.join(feeds, 'garbage.xml'), '\u0000\u0001 this is not a feed <<<');
  content = await tempDir();
  ({ report, logs } = await runFolder(feeds, content, new Date('2026-08-01T00:00:00Z')));
});

const expected = (id: string) => readFile(path.join(CASES, `${id}.expected.json`), 'utf8').then((t) => JSON.parse(t));

describe('a folder of unknown feeds', () => {
  it('names each feed a source after its site domain, unrated', async () => {
    const sources = JSON.parse(await readFile(path.join(content, 'state', 'sources.json'), 'utf8')).map((s: unknown) => SourceSchema.parse(s));
    const b01 = sources.find((s: { id: string }) => s.id === 'quotidien-example-fr');
    expect(b01).toMatchObject({ name: 'quotidien.example.fr', homepage: 'https://quotidien.example.fr/', bias: [], discovered: true, language: 'en' });
    expect(b01.feeds[0].file).toBe('B01.xml');
    // Said in the run's log, as a feed joined to a registered site is (a new source had been made without a word).
    expect(logs).toContain('info: B01.xml: not named in the registry, and its site quotidien.example.fr is no registered source\'s, so it is the new, unrated source quotidien-example-fr');
  });

  it('reports hostile and broken feeds by name and kind, and reads the rest', () => {
    const kinds = Object.fromEntries(report.feeds.map((f) => [f.name, f.errors.map((e) => e.kind)]));
    expect(kinds['B20.xml']).toEqual(['entity_expansion_rejected']);
    expect(kinds['B22.xml']).toEqual(['external_entity_rejected']);
    expect(kinds['garbage.xml']!.length).toBe(1);
    expect(report.feedsFailed).toBe(3);
    expect(logs.some((l) => l.startsWith(`error: B22.xml (source ${report.feeds.find((f) => f.name === 'B22.xml')!.sourceId}): external_entity_rejected`))).toBe(true);
    // Six readable items: B11 (undated: first seen now) and B24 are in the window; the four older ones are read and
    // counted as expired, never stored (src/core/retention.ts).
    expect(report.articlesTotal).toBe(2);
    expect(report.expired).toBe(4);
    const expiredBy = Object.fromEntries(report.feeds.map((f) => [f.name, f.expired]));
    expect(expiredBy).toMatchObject({ 'B01.xml': 1, 'B03.xml': 1, 'B05.xml': 1, 'B07.xml': 1, 'B11.xml': 0, 'B24.xml': 0 });
  });

  it('makes no source of a file that names no site and has no item, broken or empty (they had become sources named after the file, with pages)', async () => {
    const sources = JSON.parse(await readFile(path.join(content, 'state', 'sources.json'), 'utf8')) as Array<{ id: string; name: string }>;
    expect(sources.map((s) => s.name).filter((n) => /\.xml$/.test(n))).toEqual([]);
    expect(sources.map((s) => s.id)).not.toContain('garbage');
    expect(logs).toContain('info: garbage.xml: not named in the registry, and it names no site (no channel link or item links): no source is made for it');
    // Still reported, as itself.
    expect(report.feeds.find((f) => f.name === 'garbage.xml')).toMatchObject({ sourceId: 'garbage', errors: [expect.objectContaining({ kind: expect.any(String) })] });
  });

  it('does not charge such a file to a registered source of the same name (a hostile pass\'s empty npr.xml had been an error of source npr)', async () => {
    const feeds = await tempDir('parallax-feeds-');
    await writeFile(path.join(feeds, 'npr.xml'), '');
    const { report: r } = await runFolder(feeds, await tempDir(), new Date('2026-08-01T00:00:00Z'));
    const npr = r.feeds.find((f) => f.name === 'npr.xml')!;
    expect(npr.errors.map((e) => e.kind)).toEqual(['not_a_feed']);
    expect(npr.sourceId).toMatch(/^npr-[a-z0-9]+$/);
  });

  it.each(['B01', 'B03', 'B05', 'B07', 'B11', 'B24'])('stores %s as an article with its exact title, summary and date', async (id) => {
    const want = await expected(id);
    // Read at a clock a day after the item's own date, so it is inside the retention window and stored.
    const feeds = await tempDir('parallax-feeds-');
    await copyFile(path.join(CASES, `${id}.xml`), path.join(feeds, `${id}.xml`));
    const content = await tempDir();
    await runFolder(feeds, content, want.published ? new Date(Date.parse(want.published) + 86_400_000) : new Date('2026-08-01T00:00:00Z'));
    const shards = (await readdir(path.join(content, 'articles'), { recursive: true })).filter((f) => f.endsWith('.json'));
    const rows = (await Promise.all(shards.map(async (f) => JSON.parse(await readFile(path.join(content, 'articles', f), 'utf8'))))).flat();
    const article = rows.find((a: { url: string }) => a.url === want.link);
    expect(article).toMatchObject({ title: want.title, summary: want.summary, published: want.published });
    if (want.published === null) expect(article.firstSeen).toBe('2026-08-01T00:00:00Z');
  });

  it('writes the B24 story (inside the window) with its title intact in the front matter', async () => {
    const want = await expected('B24');
    const stories = await readStoriesIn(content);
    const story = stories.find((s) => s.articles[0]!.url === want.link)!;
    expect(story.title).toBe(want.frontmatter_roundtrip.title);
  });
});
