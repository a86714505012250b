/**
 * A Polish instance, built: its name (PARALLAX_SITE_NAME) in the header, every <title>, og:site_name, the JSON-LD
 * publisher and the feeds' titles, escaped for each; its times shown in its zone (PARALLAX_TIME_ZONE=Europe/Warsaw)
 * while datetime attributes, JSON-LD and feed dates stay UTC; its top-level feeds in Polish (every headline is);
 * the same bytes whatever the host's TZ; and an archived month rebuilt when the zone changes, not left in the old
 * one. The hand-made fixture content with every source tagged "pl" and one archive month (archive-content.ts).
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir, treeDigest } from '../helpers';
import { buildSite } from '../e2e/site-kit';
import { makeArchiveContent } from './archive-content';

const NAME = 'Wiadomości & <Echo> "Dnia"';
const NAME_HTML = 'Wiadomości &amp; &lt;Echo&gt; &quot;Dnia&quot;';
const SETTINGS = { PARALLAX_SITE: 'https://wiadomosci.example', PARALLAX_SITE_NAME: NAME, PARALLAX_TIME_ZONE: 'Europe/Warsaw' };
const MONTH = '2026-01';

let work: string;
let content: string;
let archived: string[];
type Built = { dist: string; report: { site: { partitions: Array<{ month: string; action: string; reason?: string }> } } };
let first: Built;

/** `parallax build --no-ingest --json` of the content into `<work>/<name>/dist`, keeping months in `<work>/<frozen>`. */
const build = async (name: string, env: Record<string, string>, frozen = 'frozen'): Promise<Built> => {
  const out = path.join(work, name);
  const stdout = await buildSite(out, ['--no-ingest', '--json', '--content', content, '--frozen-dir', path.join(work, frozen), '--jobs', '1'], env);
  return { dist: path.join(out, 'dist'), report: JSON.parse(stdout) as Built['report'] };
};
const digest = (dist: string): Promise<Record<string, string>> => treeDigest(dist);

beforeAll(async () => {
  work = await tempDir('parallax-identity-site-');
  content = path.join(work, 'content');
  const byMonth = await makeArchiveContent(content, { template: path.join(ROOT, 'tests', 'fixtures', 'site-content'), months: [MONTH], perMonth: 4 });
  archived = byMonth[MONTH]!;
  const registry = path.join(content, 'state', 'sources.json');
  const sources = JSON.parse(await readFile(registry, 'utf8')) as Array<{ language: string }>;
  await writeFile(registry, `${JSON.stringify(sources.map((s) => ({ ...s, language: 'pl' })), null, 2)}\n`);
  first = await build('warsaw', { ...SETTINGS, TZ: 'America/Los_Angeles' });
}, 300_000);

const read = (f: string, dist = first.dist): Promise<string> => readFile(path.join(dist, f), 'utf8');
/** The archived stories' pages in `dist` ('' for a story without one: a single source). */
const archivedPages = (dist: string): Promise<string[]> => Promise.all(archived.map((id) => read(`story/${id}/index.html`, dist).catch(() => '')));

describe('a Polish instance named and zoned by its settings', () => {
  it('shows its name in the header, the titles, og:site_name and the JSON-LD publisher, escaped; the footer credits Parallax', async () => {
    const home = await read('index.html');
    expect(home).toContain(`<title>${NAME_HTML}</title>`);
    expect(home).toMatch(new RegExp(`<a class="brand" href="/">.*</svg> ${NAME_HTML} </a>`));
    expect(home).toContain('<meta property="og:site_name" content="Wiadomości &#38; <Echo> &#34;Dnia&#34;">');
    expect(home).toContain('title="Wiadomości &#38; <Echo> &#34;Dnia&#34;: top stories"');
    expect(home).toContain(`<p>${NAME_HTML} is built with <a href="/methodology/">Parallax</a>, open-source and self-hostable.`);
    expect(home).not.toMatch(/Parallax: |· Parallax|content="Parallax"/);
    const story = await read('story/k3v9q2m7/index.html');
    expect(story).toContain(`&lt;script&gt; behind the deal · ${NAME_HTML}</title>`);
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/.exec(story)![1]!) as { publisher: unknown; datePublished: string };
    expect(ld.publisher).toEqual({ '@type': 'Organization', name: NAME });
    expect(ld.datePublished).toMatch(/Z$/);
    expect(await read('sources/index.html')).toContain(`<meta name="description" content="Every outlet Wiadomości &#38; <Echo> &#34;Dnia&#34; follows`);
  });

  it('titles its feeds with its name and declares them Polish, every headline being in a Polish source', async () => {
    const rss = await read('rss.xml');
    expect(rss).toContain('<title>Wiadomości &amp; &lt;Echo&gt; &quot;Dnia&quot;: top stories</title>');
    expect(rss).toContain('<language>pl</language>');
    const json = JSON.parse(await read('feed.json')) as { title: string; language: string; items: Array<{ language?: string; date_modified: string }> };
    expect([json.title, json.language]).toEqual([`${NAME}: top stories`, 'pl']);
    expect(json.items.every((i) => i.language === undefined && i.date_modified.endsWith('Z'))).toBe(true);
    expect(JSON.parse(await read('blindspot/feed.json')).language).toBe('pl');
    expect(JSON.parse(await read('source/civic-ledger/feed.json')).title).toBe(`${NAME}: Civic Ledger`);
  });

  it('shows times in Warsaw time with the zone named; datetime attributes stay UTC', async () => {
    const home = await read('index.html');
    // The run's clock, 2026-02-18T02:10:00Z, is 03:10 in Warsaw (UTC+1 in February).
    expect(home).toContain('Updated <time datetime="2026-02-18T02:10:00Z">18 Feb 2026, 03:10 GMT+1</time>.');
    expect(home).not.toContain(' UTC<');
    const story = await read('story/20260217/index.html');
    expect(story).toContain('<time datetime="2026-02-16T22:00:00Z">16 Feb 2026, 23:00 GMT+1</time>');
    expect(story).toContain('<th scope="col">From</th>');
    // The archived (frozen) month's pages too: its list, and each archived story with a page.
    const archiveList = await read(`archive/${MONTH}/index.html`);
    expect(archiveList).toContain(`· ${NAME_HTML}</title>`);
    const frozen = (await archivedPages(first.dist)).filter(Boolean);
    expect(frozen.length).toBeGreaterThan(0);
    for (const html of frozen) expect(html).toMatch(/GMT\+1<\/time>/);
    for (const html of [archiveList, ...frozen]) expect(html).not.toContain(' UTC');
  });

  it('builds the same bytes whatever the host time zone (TZ)', async () => {
    const tokyo = await build('tokyo', { ...SETTINGS, TZ: 'Asia/Tokyo' }, 'frozen-tokyo');
    expect(await digest(tokyo.dist)).toEqual(await digest(first.dist));
  }, 300_000);

  it('rebuilds an archived month when the zone changes, its pages then in the new zone', async () => {
    expect(first.report.site.partitions).toMatchObject([{ month: MONTH, action: 'full', reason: 'new' }]);
    const { dist, report } = await build('new-york', { ...SETTINGS, PARALLAX_TIME_ZONE: 'America/New_York' });
    expect(report.site.partitions).toMatchObject([{ month: MONTH, action: 'full', reason: 'template' }]);
    const list = await read(`archive/${MONTH}/index.html`, dist);
    const pages = (await archivedPages(dist)).filter(Boolean);
    expect(pages.length).toBeGreaterThan(0);
    for (const html of pages) {
      expect(html).toMatch(/ EST<\/time>/);
      expect(html).not.toMatch(/GMT\+1<\/time>/);
    }
    expect(list).toContain(NAME_HTML);
  }, 300_000);
});
