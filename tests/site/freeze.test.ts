/**
 * Site freezing, the pure parts: which partitions a build rebuilds (planPartition), the template version and what it
 * covers, the partition sitemap, redirect pages, and the archive helpers the list pages use.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { monthHashes, planPartition, partitionSitemap, redirectPage, TEMPLATE_INPUTS, templateSettings, templateVersion, writeRedirects, type PartitionStamp } from '../../src/build/freeze';
import type { ArchiveEntry } from '../../src/core/schema/archive';
import { archiveMonthPath, archiveMonths, archiveTopicHref, entriesByTopic, hasTopicPage, monthLabel, readArchiveIndex } from '../../src/site/archive';
import { buildJobs } from '../../src/cli/build';
import { ROOT, tempDir } from '../helpers';

const stamp: PartitionStamp = { templateVersion: 'v1', index: 'i1', stories: { a: 'ha', b: 'hb', c: 'hc' } };
const current = { index: 'i1', stories: { a: 'ha', b: 'hb', c: 'hc' } };

describe('planPartition', () => {
  it.each([
    ['unchanged', stamp, 'v1', current, false, { action: 'keep' }],
    ['no stamp (new month or interrupted build)', undefined, 'v1', current, false, { action: 'full', reason: 'new' }],
    ['template changed', stamp, 'v2', current, false, { action: 'full', reason: 'template' }],
    ['--full', stamp, 'v1', current, true, { action: 'full', reason: 'forced' }],
    ['one story overridden', stamp, 'v1', { index: 'i2', stories: { ...current.stories, b: 'hb2' } }, false, { action: 'stories', render: ['b'], removed: [] }],
    ['a story added, one gone', stamp, 'v1', { index: 'i2', stories: { a: 'ha', c: 'hc', d: 'hd' } }, false, { action: 'stories', render: ['d'], removed: ['b'] }],
    ['only the index changed', stamp, 'v1', { ...current, index: 'i2' }, false, { action: 'stories', render: [], removed: [] }],
  ] as const)('%s', (_name, s, version, cur, full, expected) => {
    expect(planPartition('2026-01', s, version, cur, full)).toEqual({ month: '2026-01', ...expected });
  });
});

describe('monthHashes', () => {
  const sha = (s: string): string => createHash('sha256').update(s).digest('hex');

  it('reads a story file again only when its stat signature changed, and never trusts a file written just now', async () => {
    const content = await tempDir('parallax-hashes-');
    const frozen = path.join(content, 'frozen');
    const dir = path.join(content, 'archive', '2026-01');
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'index.json'), '[]');
    await writeFile(path.join(dir, 'a.md'), 'story a');
    await writeFile(path.join(dir, 'b.md'), 'story b');
    const hourAgo = new Date(Date.now() - 3_600_000);
    await utimes(path.join(dir, 'a.md'), hourAgo, hourAgo);
    expect(await monthHashes(content, '2026-01', frozen)).toEqual({ index: sha('[]'), stories: { a: sha('story a'), b: sha('story b') } });
    // b.md was written within RACY_MS (2 s) of the pass: not cached, since a same-second change could hide from its mtime.
    const cacheFile = path.join(frozen, '.hashes', '2026-01.json');
    const cache = JSON.parse(await readFile(cacheFile, 'utf8')) as Record<string, [string, string]>;
    expect(Object.keys(cache)).toEqual(['a.md']);
    // A cached hash is used as it is: plant a marker to prove a.md is not read again while its signature holds.
    await writeFile(cacheFile, JSON.stringify({ 'a.md': [cache['a.md']![0], 'from-cache'] }));
    expect((await monthHashes(content, '2026-01', frozen)).stories.a).toBe('from-cache');
    // Any change to the file (new bytes, so a new mtime and size) is read again; without a frozen dir nothing is cached.
    await writeFile(path.join(dir, 'a.md'), 'story a, corrected');
    expect((await monthHashes(content, '2026-01', frozen)).stories.a).toBe(sha('story a, corrected'));
    await writeFile(cacheFile, JSON.stringify({ 'a.md': ['0:0:0', 'stale'] }));
    expect((await monthHashes(content, '2026-01')).stories.a).toBe(sha('story a, corrected'));
  });
});

describe('buildJobs', () => {
  const GB = 1024 ** 3;
  it('runs one Astro build per CPU while each has 1.5 GB, at most 4; --jobs or PARALLAX_BUILD_JOBS decide when given', () => {
    expect(buildJobs(undefined, {}, 2, 24 * GB)).toBe(2);
    expect(buildJobs(undefined, {}, 16, 64 * GB)).toBe(4);
    expect(buildJobs(undefined, {}, 4, 4 * GB)).toBe(2);
    expect(buildJobs(undefined, {}, 8, 1 * GB)).toBe(1);
    expect(buildJobs('3', { PARALLAX_BUILD_JOBS: '1' }, 2, 24 * GB)).toBe(3);
    expect(buildJobs(undefined, { PARALLAX_BUILD_JOBS: '1' }, 2, 24 * GB)).toBe(1);
    expect(() => buildJobs('0')).toThrow(/--jobs must be a whole number/);
    expect(() => buildJobs('two')).toThrow(/--jobs must be a whole number/);
  });
});

describe('templateVersion', () => {
  it('changes with any template input and with the site URL settings, not with other files', async () => {
    const root = await tempDir('parallax-template-');
    await mkdir(path.join(root, 'src', 'pages'), { recursive: true });
    await mkdir(path.join(root, 'src', 'io'), { recursive: true });
    await writeFile(path.join(root, 'src', 'pages', 'index.astro'), 'a');
    await writeFile(path.join(root, 'src', 'io', 'x.ts'), 'x');
    const v1 = await templateVersion(root, {});
    expect(v1).toMatch(/^[0-9a-f]{64}$/);
    expect(await templateVersion(root, {})).toBe(v1);
    await writeFile(path.join(root, 'src', 'io', 'x.ts'), 'y');
    expect(await templateVersion(root, {})).toBe(v1);
    expect(await templateVersion(root, { PARALLAX_BASE: '/parallax/' })).not.toBe(v1);
    await writeFile(path.join(root, 'src', 'pages', 'index.astro'), 'b');
    expect(await templateVersion(root, {})).not.toBe(v1);
  });

  it("changes with the instance's name and time zone as the pages resolve them, so archived months are rebuilt in them", async () => {
    const root = await tempDir('parallax-template-');
    await mkdir(path.join(root, 'src', 'pages'), { recursive: true });
    await writeFile(path.join(root, 'src', 'pages', 'index.astro'), 'a');
    const v = (env: NodeJS.ProcessEnv): Promise<string> => templateVersion(root, env);
    const base = await v({});
    // The defaults, however they are spelt, are one version (no needless rebuild).
    for (const same of [{ PARALLAX_SITE_NAME: 'Parallax' }, { PARALLAX_SITE_NAME: '  ' }, { PARALLAX_TIME_ZONE: 'UTC' }, { PARALLAX_TIME_ZONE: 'Etc/UTC' }]) expect(await v(same)).toBe(base);
    const named = await v({ PARALLAX_SITE_NAME: 'Wiadomości' });
    const warsaw = await v({ PARALLAX_TIME_ZONE: 'Europe/Warsaw' });
    expect(new Set([base, named, warsaw, await v({ PARALLAX_TIME_ZONE: 'America/New_York' })]).size).toBe(4);
    expect(await v({ PARALLAX_TIME_ZONE: 'europe/warsaw' })).toBe(warsaw);
    // A zone's times follow the tz database of Node's ICU: its version is part of the version (not for UTC).
    expect(templateSettings({ PARALLAX_TIME_ZONE: 'europe/warsaw', PARALLAX_SITE_NAME: 'Wiadomości' })).toEqual(['site-name=Wiadomości', `time-zone=Europe/Warsaw tzdata=${process.versions.tz}`]);
    expect(templateSettings({})).toEqual(['site-name=Parallax', 'time-zone=UTC']);
    await expect(v({ PARALLAX_TIME_ZONE: 'Mars/Base' })).rejects.toThrow(/PARALLAX_TIME_ZONE must be an IANA time zone name/);
  });

  it('covers every module the pages import, transitively (so no frozen page can go stale unseen)', async () => {
    const covered = (rel: string): boolean => TEMPLATE_INPUTS.some((p) => rel === p || rel.startsWith(`${p}/`));
    const seen = new Set<string>();
    const queue = (await readdir(path.join(ROOT, 'src', 'pages'), { recursive: true }))
      .filter((f) => /\.(astro|ts)$/.test(f))
      .map((f) => path.join('src', 'pages', f).split(path.sep).join('/'));
    queue.push('src/content.config.ts');
    const missing: string[] = [];
    while (queue.length) {
      const rel = queue.pop()!;
      if (seen.has(rel)) continue;
      seen.add(rel);
      if (!covered(rel)) missing.push(rel);
      const text = await readFile(path.join(ROOT, rel), 'utf8');
      // Type-only imports add no runtime code; everything else the pages run must be a template input.
      for (const [, spec] of text.matchAll(/^(?!import type)(?:import|export)\b[^;]*?['"](\.{1,2}\/[^'"]+)['"]/gm)) {
        let target = path.posix.normalize(path.posix.join(path.posix.dirname(rel), spec!));
        if (!/\.(astro|ts|css|mjs)$/.test(target)) target += '.ts';
        queue.push(target);
      }
    }
    expect(seen.size).toBeGreaterThan(40);
    expect(missing).toEqual([]);
  });
});

describe('partition files', () => {
  it('lists every page of the partition in its sitemap, under the base, sorted', () => {
    const xml = partitionSitemap(['story/b/index.html', 'archive/2026-01/index.html', '_astro/x.css', 'story/a/index.html'], 'https://example.org', '/parallax/');
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">' +
        '<url><loc>https://example.org/parallax/archive/2026-01/</loc></url><url><loc>https://example.org/parallax/story/a/</loc></url>' +
        '<url><loc>https://example.org/parallax/story/b/</loc></url></urlset>\n',
    );
  });

  it('writes a redirect page that refreshes to the target and names it canonical', () => {
    const html = redirectPage('/p/story/old/', '/p/story/new/', 'https://example.org/p/story/new/');
    expect(html).toContain('<meta http-equiv="refresh" content="0;url=/p/story/new/">');
    expect(html).toContain('<link rel="canonical" href="https://example.org/p/story/new/">');
    expect(html).toContain('<a href="/p/story/new/">');
  });

  it('beside a merged id\'s redirect page, serves the survivor\'s story feeds (a trial\'s subscribers had got 404s)', async () => {
    const content = await tempDir();
    const dist = await tempDir();
    await mkdir(path.join(content, 'state'));
    await writeFile(path.join(content, 'state', 'redirects.json'), JSON.stringify({ old: 'mid', mid: 'new', gone: 'archived' }));
    for (const [id, files] of [['new', ['index.html', 'rss.xml', 'feed.json']], ['archived', ['index.html']]] as const) {
      await mkdir(path.join(dist, 'story', id), { recursive: true });
      for (const f of files) await writeFile(path.join(dist, 'story', id, f), `${id} ${f} v1`);
    }
    const first = await writeRedirects(content, dist, 'https://example.org', '/p/');
    expect(first.skipped).toBe(0);
    expect(first.pages).toEqual(['story/gone/index.html', 'story/mid/index.html', 'story/mid/rss.xml', 'story/mid/feed.json', 'story/old/index.html', 'story/old/rss.xml', 'story/old/feed.json']);
    expect(await readFile(path.join(dist, 'story', 'old', 'rss.xml'), 'utf8')).toBe('new rss.xml v1');
    expect(await readFile(path.join(dist, 'story', 'old', 'feed.json'), 'utf8')).toBe('new feed.json v1');
    // the survivor's feed changes: the copies follow on the next build
    await writeFile(path.join(dist, 'story', 'new', 'rss.xml'), 'new rss.xml v2');
    await writeRedirects(content, dist, 'https://example.org', '/p/', new Set(first.pages));
    expect(await readFile(path.join(dist, 'story', 'old', 'rss.xml'), 'utf8')).toBe('new rss.xml v2');
    // A damaged redirects.json stops the build with its name; it had been read as none, and every page removed.
    await writeFile(path.join(content, 'state', 'redirects.json'), '{"old": "mid", "mi');
    await expect(writeRedirects(content, dist, 'https://example.org', '/p/', new Set(first.pages))).rejects.toThrow('state/redirects.json is not JSON (');
    expect(await readFile(path.join(dist, 'story', 'old', 'index.html'), 'utf8')).toContain('/p/story/new/');
    // None at all is no redirects.
    await rm(path.join(content, 'state', 'redirects.json'));
    expect((await writeRedirects(content, dist, 'https://example.org', '/p/')).pages).toEqual([]);
  });
});

const entry = (id: string, topics: string[], sourceCount = 2): ArchiveEntry => ({
  id,
  slug: id,
  title: `Story ${id}`,
  firstSeen: '2026-01-02T00:00:00Z',
  lastUpdated: '2026-01-03T00:00:00Z',
  sourceCount,
  articleCount: sourceCount,
  bias: { left: 1, center: 0, right: 0, unrated: 1 },
  blindspot: null,
  topics,
  sourceIds: ['a', 'b'],
});

describe('archive lists', () => {
  it('groups a month by topic slug, once per story, with topic pages from ARCHIVE_TOPIC_PAGE_MIN (10) stories', () => {
    const entries = [entry('s1', ['Politics', 'politics', 'U.S. news']), entry('s2', ['politics']), entry('s3', ['Politics', 'weather'])];
    const groups = entriesByTopic(entries);
    expect(groups.map((g) => [g.key, g.name, g.entries.map((e) => e.id)])).toEqual([
      ['politics', 'Politics', ['s1', 's2', 's3']],
      ['u-s-news', 'U.S. News', ['s1']],
      ['weather', 'Weather', ['s3']],
    ]);
    expect(groups.map(hasTopicPage)).toEqual([false, false, false]);
    // Politics in ARCHIVE_TOPIC_PAGE_MIN (10) stories gets a page; one story short of it, none.
    const many = Array.from({ length: 10 }, (_, i) => entry(`p${i}`, ['politics', ...(i < 9 ? ['weather'] : [])]));
    expect(entriesByTopic(many).map((g) => [g.key, g.entries.length, hasTopicPage(g)])).toEqual([
      ['politics', 10, true],
      ['weather', 9, false],
    ]);
    expect(archiveTopicHref('2026-01', 'politics', 10)).toBe('archive/2026-01/topic/politics/');
    expect(archiveTopicHref('2026-01', 'weather', 9)).toBeUndefined();
  });

  it('reads months newest first and validates index files', async () => {
    const dir = await tempDir('parallax-archive-');
    for (const m of ['2025-12', '2026-01', 'notes']) await mkdir(path.join(dir, 'archive', m), { recursive: true });
    await writeFile(path.join(dir, 'archive', '2025-12', 'index.json'), JSON.stringify([entry('s1', [])]));
    await writeFile(path.join(dir, 'archive', '2026-01', 'index.json'), '[]');
    expect(archiveMonths(dir)).toEqual(['2026-01', '2025-12']);
    expect(readArchiveIndex(dir, '2025-12').map((e) => e.id)).toEqual(['s1']);
    expect(readArchiveIndex(dir, '2024-01')).toEqual([]);
    expect(monthLabel('2026-01')).toBe('January 2026');
    expect(archiveMonthPath('2026-01', 2)).toBe('archive/2026-01/2/');
  });
});
