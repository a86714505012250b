/** `parallax sources check|import`, run as a user would (the package's bin), on small hand-made files. */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/ingest-options';
import { help, helpFor } from '../../src/cli/sources';
import { ROOT, runCli } from '../helpers';

const cli = (...args: string[]) => runCli(['sources', ...args]);

const source = (id: string, url: string) => ({
  id,
  name: id,
  homepage: `https://${id}.example/`,
  feeds: [{ url, file: null, topic: null, kind: 'news' }],
  country: null,
  language: 'en',
  bias: [],
  factuality: [],
  ownership: null,
  discovered: false,
  flags: [],
});

describe('parallax sources', () => {
  it('check passes the bundled registry', async () => {
    const { code, out } = await cli('check');
    expect(code).toBe(0);
    expect(out).toMatch(/27 sources, 28 feeds, 0 aggregators, 0 disputed; 0 errors/);
  });

  it('check names the file and line of each error and exits 1', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'parallax-sources-'));
    const file = path.join(dir, 'sources.json');
    await writeFile(file, `${JSON.stringify([source('a', 'https://a.example/rss'), source('b', 'https://a.example/rss')], null, 2)}\n`);
    const { code, out } = await cli('check', '--registry', file);
    expect(code).toBe(1);
    expect(out).toContain(`${file}:28: error duplicate_feed_url: b: feed https://a.example/rss is already listed at line 8`);
  });

  it('check prints a JSON syntax error as FILE:LINE:COLUMN, and reads a file saved with a byte-order mark', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'parallax-sources-'));
    const file = path.join(dir, 'sources.json');
    const json = `${JSON.stringify([source('a', 'https://a.example/rss')], null, 2)}\n`;
    await writeFile(file, json.replace('"flags": []', '"flags": [],'));
    const bad = await cli('check', '--registry', file);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain(`${file}:20:16: error invalid_json: not valid JSON: a comma before "}": JSON allows no trailing comma, at \`"flags": [],\``);
    await writeFile(file, `\uFEFF${json}`);
    const bom = await cli('check', '--registry', file);
    expect(bom.code).toBe(0);
    expect(bom.out).toContain('1 sources, 1 feeds, 0 aggregators, 0 disputed; 0 errors, 0 warnings');
  });

  it('import merges an OPML file and a rating table without clobbering, and reports', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'parallax-sources-'));
    const registry = path.join(dir, 'sources.json');
    const hand = { ...source('a', 'https://a.example/rss'), bias: [{ value: 'center', rater: 'AllSides', url: 'https://www.allsides.com/a', asOf: '2023-11-15' }] };
    await writeFile(registry, `${JSON.stringify([hand], null, 2)}\n`);
    const opml = path.join(dir, 'subs.opml');
    await writeFile(opml, '<opml version="2.0"><body><outline text="News"><outline text="A again" xmlUrl="http://a.example/rss/"/><outline text="B" xmlUrl="https://b.example/feed"/><outline text="GN" xmlUrl="https://news.google.com/rss?hl=en"/></outline></body></opml>');
    const csv = path.join(dir, 'allsides_2024-01-01.csv');
    await writeFile(csv, 'news_source,news_link,bias_rating\nA,https://a.example/,Left\nB,https://b.example/,Lean Right\n');
    const { code, out } = await cli('import', '--opml', opml, '--allsides', csv, '--registry', registry);
    expect(code).toBe(0);
    expect(out).toContain('feeds: 3 read, 2 added, 1 duplicates (0 exact, 1 after URL normalisation)');
    expect(out).toContain('duplicate: http://a.example/rss/ = https://a.example/rss (a)');
    expect(out).toContain('aggregators flagged (kept out of coverage counts): news.google.com (1 feeds)');
    expect(out).toContain('kept a bias (AllSides): center (import says left)');
    const merged = JSON.parse(await readFile(registry, 'utf8')) as Array<{ id: string; bias: Array<{ value: string; asOf: string }>; flags: Array<{ value: string }> }>;
    expect(merged.map((s) => s.id)).toEqual(['a', 'b-example', 'news-google-com']);
    expect(merged[0]!.bias.map((b) => b.value)).toEqual(['center']);
    expect(merged[1]!.bias).toEqual([{ value: 'lean-right', rater: 'AllSides', url: null, asOf: '2024-01-01' }]);
    expect(merged[2]!.flags.map((f) => f.value)).toEqual(['aggregator']);
    // A second run changes nothing.
    const before = await readFile(registry, 'utf8');
    await cli('import', '--opml', opml, '--allsides', csv, '--registry', registry);
    expect(await readFile(registry, 'utf8')).toBe(before);
  });

  it('import fails, writing nothing, when an input cannot be read as what it is said to be', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'parallax-sources-'));
    const registry = path.join(dir, 'sources.json');
    await writeFile(registry, `${JSON.stringify([source('a', 'https://a.example/rss')], null, 2)}\n`);
    const before = await readFile(registry, 'utf8');
    const notOpml = path.join(dir, 'subs.opml');
    await writeFile(notOpml, 'this is not xml');
    const { code, out, err } = await cli('import', '--opml', notOpml, '--registry', registry);
    expect(code).toBe(1);
    // One line, once (the error had also been printed in the report on stdout).
    expect(err).toBe(`parallax: --opml ${notOpml}: not an OPML document (not XML: char 't' is not expected at line 1, column 1); nothing written\n`);
    expect(out).not.toContain('not an OPML document');
    expect(out).toContain('nothing written');
    expect(await readFile(registry, 'utf8')).toBe(before);
  });

  it('import refuses an --as-of that is not a real day, and check refuses one in the registry', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'parallax-sources-'));
    const registry = path.join(dir, 'sources.json');
    await writeFile(registry, `${JSON.stringify([source('a', 'https://a.example/rss')], null, 2)}\n`);
    const csv = path.join(dir, 'allsides.csv');
    await writeFile(csv, 'news_source,news_link,bias_rating\nA,https://a.example/,Left\n');
    for (const bad of ['2023-13-45', '2023-02-29', '15/11/2023']) {
      const { code, err } = await cli('import', '--allsides', csv, '--registry', registry, '--as-of', bad);
      expect(code).toBe(2);
      expect(err).toContain(`--as-of must be a date, YYYY-MM-DD (got "${bad}")`);
    }
    // A day after today had been written as the ratings' date, from --as-of or from the file's name.
    const later = await cli('import', '--allsides', csv, '--registry', registry, '--as-of', '2099-01-01');
    expect(later.code).toBe(2);
    expect(later.err).toMatch(/--as-of 2099-01-01 is after today \(\d{4}-\d{2}-\d{2}\): ratings are dated when they were made/);
    const named = path.join(dir, 'allsides-2099-05-01.csv');
    await writeFile(named, 'news_source,news_link,bias_rating\nA,https://a.example/,Left\n');
    const fromName = await cli('import', '--allsides', named, '--registry', registry);
    expect(fromName.code).toBe(2);
    expect(fromName.err).toContain(`${named}: the date in its name, 2099-05-01 is after today`);
    const rated = { ...source('a', 'https://a.example/rss'), bias: [{ value: 'left', rater: 'AllSides', url: null, asOf: '2023-13-45' }] };
    await writeFile(registry, `${JSON.stringify([rated], null, 2)}\n`);
    const { code } = await cli('check', '--registry', registry);
    expect(code).toBe(1);
  }, 120_000); // six commands: over 30 s on a loaded 2-core machine

  it('check refuses a --limit that is not a whole number (it printed no issues)', async () => {
    const { code, err } = await cli('check', '--limit', 'abc');
    expect(code).toBe(2);
    expect(err).toContain('--limit must be a whole number (got "abc")');
  });

  // Each had been Node's raw ENOENT or EISDIR (exit 1; a directory as --out left a temp file beside it).
  it.each([
    ['--out in a folder that does not exist', (d: string) => ['--opml', `${d}/subs.opml`, '--out', `${d}/nope/sources.json`], (d: string) => `--out: folder ${d}/nope does not exist`],
    ['--out naming a directory', (d: string) => ['--opml', `${d}/subs.opml`, '--out', `${d}/dir`], (d: string) => `--out: ${d}/dir is a directory, not a file`],
    ['--out under a file', (d: string) => ['--opml', `${d}/subs.opml`, '--out', `${d}/subs.opml/sources.json`], (d: string) => `--out: ${d}/subs.opml is not a folder`],
    ['--opml naming a directory', (d: string) => ['--opml', `${d}/dir`], (d: string) => `--opml: ${d}/dir is a directory, not a file`],
    ['--opml naming no file', (d: string) => ['--opml', `${d}/missing.opml`], (d: string) => `--opml: no file at ${d}/missing.opml`],
    ['--kite naming a directory', (d: string) => ['--opml', `${d}/subs.opml`, '--kite', `${d}/dir`], (d: string) => `--kite: ${d}/dir is a directory, not a file`],
    ['--registry in a folder that does not exist', (d: string) => ['--opml', `${d}/subs.opml`, '--registry', `${d}/nope/missing.json`], (d: string) => `--registry: folder ${d}/nope does not exist`],
  ])('import names %s in one line, exits 2 and writes nothing', async (_case, args, message) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'parallax-sources-'));
    const registry = path.join(dir, 'sources.json');
    await writeFile(registry, `${JSON.stringify([source('a', 'https://a.example/rss')], null, 2)}\n`);
    await writeFile(path.join(dir, 'subs.opml'), '<opml version="2.0"><body><outline text="B" xmlUrl="https://b.example/feed"/></body></opml>');
    await mkdir(path.join(dir, 'dir'));
    const before = await readFile(registry, 'utf8');
    const { code, out, err } = await cli('import', '--registry', registry, ...args(dir));
    expect(err).toBe(`parallax: ${message(dir)}\n`);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(await readFile(registry, 'utf8')).toBe(before);
    expect((await readdir(dir)).sort()).toEqual(['dir', 'sources.json', 'subs.opml']);
    expect(await readdir(path.join(dir, 'dir'))).toEqual([]);
  });

  it('check names a --registry that is a directory or not there (raw EISDIR / ENOENT before)', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'parallax-sources-'));
    expect(await cli('check', '--registry', dir)).toEqual({ code: 2, out: '', err: `parallax: --registry: ${dir} is a directory, not a file\n` });
    expect(await cli('check', '--registry', `${dir}/none.json`)).toEqual({
      code: 2,
      out: '',
      err: `parallax: --registry: no file at ${dir}/none.json; start one with \`parallax sources import --registry ${dir}/none.json --opml FEEDS.opml\` (or --kite FEEDS.json)\n`,
    });
  });

  it('import into a --registry that is not there starts a new one (it had to be written by hand as [])', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'parallax-sources-'));
    const opml = path.join(dir, 'subs.opml');
    await writeFile(opml, '<opml version="2.0"><body><outline text="B" xmlUrl="https://b.example/feed" htmlUrl="https://b.example/"/></body></opml>');
    const registry = path.join(dir, 'new.json');
    const dry = await cli('import', '--opml', opml, '--registry', registry, '--dry-run');
    expect(dry.err).toBe(`parallax: --registry: no file at ${registry}: starting a new, empty registry (dry run: not written)\n`);
    expect(dry.code).toBe(0);
    expect(existsSync(registry)).toBe(false);
    const { code, out, err } = await cli('import', '--opml', opml, '--registry', registry);
    expect(err).toBe(`parallax: --registry: no file at ${registry}: starting a new, empty registry there\n`);
    expect(code).toBe(0);
    expect(out).toContain(`written ${registry}`);
    expect((JSON.parse(await readFile(registry, 'utf8')) as Array<{ id: string; homepage: string }>).map((s) => [s.id, s.homepage])).toEqual([['b-example', 'https://b.example/']]);
    expect((await cli('check', '--registry', registry)).code).toBe(0);
  });

  it('names an MBFC latest.json that is not JSON (had been JSON.parse\'s message alone)', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'parallax-sources-'));
    const registry = path.join(dir, 'sources.json');
    await writeFile(registry, `${JSON.stringify([source('a', 'https://a.example/rss')], null, 2)}\n`);
    await writeFile(path.join(dir, 'latest.json'), 'not json\n');
    await writeFile(path.join(dir, 'mbfc.json'), JSON.stringify([{ domain: 'a.example', bias: 'left', reporting: 'high' }]));
    const { code, out, err } = await cli('import', '--mbfc', path.join(dir, 'mbfc.json'), '--registry', registry);
    expect(err).toBe(`parallax: ${dir}/latest.json: not valid JSON (Unexpected token 'o', "not json " is not valid JSON); it dates the MBFC ratings: fix it, or pass --as-of YYYY-MM-DD\n`);
    expect(code).toBe(1);
    expect(out).toBe('');
  });

  it('an unknown subcommand is a usage error naming the subcommands (exit 2)', async () => {
    expect(await cli('add')).toEqual({ code: 2, out: '', err: 'parallax: sources: unknown subcommand "add": the subcommands are check and import (parallax sources --help)\n' });
    expect(() => helpFor(['add', '--help'])).toThrow(new UsageError('sources: unknown subcommand "add": the subcommands are check and import (parallax sources --help)'));
    expect(helpFor(['import', '--help'])).toBe(help);
    expect(helpFor(['--help'])).toBe(help);
  });

  it('import --opml makes one source per outlet site (htmlUrl) and names a second title of one site', async () => {
    // The trial's OPML: two Medium blogs had become one source "medium-com", feedburner outlets had the feed proxy as
    // their homepage.
    const dir = await mkdtemp(path.join(tmpdir(), 'parallax-sources-'));
    const registry = path.join(dir, 'sources.json');
    await writeFile(registry, '[]\n');
    const opml = path.join(dir, 'fb.opml');
    await writeFile(
      opml,
      `<?xml version="1.0"?><opml version="2.0"><head/><body>
<outline type="rss" text="Outlet A" xmlUrl="https://feeds.feedburner.com/OutletA" htmlUrl="https://www.outlet-a.com/"/>
<outline type="rss" text="Outlet A Sport" xmlUrl="https://feeds.feedburner.com/OutletASport" htmlUrl="https://www.outlet-a.com/sport"/>
<outline type="rss" text="Outlet B" xmlUrl="https://feeds.feedburner.com/OutletB" htmlUrl="https://www.outlet-b.org/"/>
<outline type="rss" text="Blog C" xmlUrl="https://medium.com/feed/@c" htmlUrl="https://medium.com/@c"/>
<outline type="rss" text="Blog D" xmlUrl="https://medium.com/feed/@d" htmlUrl="https://medium.com/@d"/>
</body></opml>`,
    );
    const { code, out } = await cli('import', '--opml', opml, '--registry', registry);
    expect(code).toBe(0);
    const written = JSON.parse(await readFile(registry, 'utf8')) as Array<{ id: string; name: string; homepage: string; feeds: Array<{ url: string }> }>;
    expect(written.map((s) => [s.id, s.name, s.homepage, s.feeds.map((f) => f.url)])).toEqual([
      ['medium-com-c', 'Blog C', 'https://medium.com/@c', ['https://medium.com/feed/@c']],
      ['medium-com-d', 'Blog D', 'https://medium.com/@d', ['https://medium.com/feed/@d']],
      ['outlet-a-com', 'Outlet A', 'https://www.outlet-a.com/', ['https://feeds.feedburner.com/OutletA', 'https://feeds.feedburner.com/OutletASport']],
      ['outlet-b-org', 'Outlet B', 'https://www.outlet-b.org/', ['https://feeds.feedburner.com/OutletB']],
    ]);
    expect(out).toContain('sources: 4 added, 4 in the registry');
    expect(out).toContain('  same site, another name: "Outlet A Sport" (https://feeds.feedburner.com/OutletASport) kept in outlet-a-com ("Outlet A")\n');
    // OPML names no language: the four were given "en", and the run says so (a Polish outlet would be clustered
    // with English stop words until its language is set).
    expect(out).toContain('language: 4 new source(s) were given "en", since the import names no language for them: set "language" in the registry for any that does not publish in English (it picks the stop words its articles are clustered with): outlet-a-com, outlet-b-org, medium-com-c, medium-com-d\n');
  });

  it('import names a language code that is no language ("xx") apart from a missing one, and reads a country code ("gr")', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'parallax-sources-'));
    const registry = path.join(dir, 'sources.json');
    const kite = path.join(dir, 'kite.json');
    await writeFile(kite, JSON.stringify({ Greece: { source_language: 'gr', feeds: ['https://www.kathimerini.gr/rss'] }, Weird: { source_language: 'xx', feeds: ['https://weird.example/rss'] } }));
    const { code, out } = await cli('import', '--kite', kite, '--registry', registry);
    expect(code).toBe(0);
    expect(out).toContain('language: a country code given as a language: "gr" read as "el" (1 sources)\n');
    expect(out).toContain('language: "xx" is no language code; 1 new source(s) given "en" instead, set their language in the registry: weird-example\n');
    const written = JSON.parse(await readFile(registry, 'utf8')) as Array<{ id: string; language: string }>;
    expect(written.map((s) => [s.id, s.language])).toEqual([['kathimerini-gr', 'el'], ['weird-example', 'en']]);
  });

  it('import over a registry that is not one (cut off, empty, an object) fails and writes nothing (it had kept only the new sources)', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'parallax-sources-'));
    const opml = path.join(dir, 'c.opml');
    await writeFile(opml, '<?xml version="1.0"?><opml version="2.0"><body><outline type="rss" text="A" xmlUrl="https://a.example/rss" htmlUrl="https://a.example/"/></body></opml>');
    const bundled = await readFile(path.join(ROOT, 'content', 'sources.json'), 'utf8');
    for (const [name, text, kind] of [['cut.json', bundled.slice(0, 1500), 'invalid_json'], ['empty.json', '', 'invalid_json'], ['object.json', '{"sources":[]}', 'not_an_array']] as const) {
      const registry = path.join(dir, name);
      await writeFile(registry, text);
      const r = await cli('import', '--opml', opml, '--registry', registry);
      expect(r.code).toBe(1);
      expect(r.err).toContain(`${registry}:`);
      expect(r.err).toContain(`error ${kind}`);
      expect(await readFile(registry, 'utf8')).toBe(text);
    }
  });

  it('import over a registry with a key it does not know fails and writes nothing (the rewrite had dropped a misspelt "factualty" with its ratings)', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'parallax-sources-'));
    const opml = path.join(dir, 'c.opml');
    await writeFile(opml, '<?xml version="1.0"?><opml version="2.0"><body><outline type="rss" text="A" xmlUrl="https://a.example/rss" htmlUrl="https://a.example/"/></body></opml>');
    const entries = JSON.parse(await readFile(path.join(ROOT, 'content', 'sources.json'), 'utf8')) as Array<Record<string, unknown>>;
    const { factuality, ...rest } = entries[0]!;
    const registry = path.join(dir, 'sources.json');
    const text = `${JSON.stringify([{ ...rest, factualty: factuality }, ...entries.slice(1)], null, 2)}\n`;
    await writeFile(registry, text);
    const r = await cli('import', '--opml', opml, '--registry', registry);
    expect(r.code).toBe(1);
    expect(r.err).toContain('warning unknown_key');
    expect(r.err).toContain('factualty: unknown key, ignored; did you mean factuality?');
    expect(r.err).toContain('would drop them: rename or remove them first');
    expect(await readFile(registry, 'utf8')).toBe(text);
  });

  it('import without an input is a usage error', async () => {
    const { code, err } = await cli('import');
    expect(code).toBe(2);
    expect(err).toContain('usage: parallax sources');
  });
});
