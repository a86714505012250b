/**
 * The Parallax command line, a thin wrapper over src/pipeline.ts.
 *
 *   parallax start  [ingest options] [--port N]   ingest, build the site, serve it on 127.0.0.1
 *   parallax build  [ingest options] [--no-ingest] ingest and build the site into dist/
 *   parallax ingest [ingest options] [--json]      ingest only (fetch/read, cluster, write the content directory)
 *   parallax parse FILE [--url FEED_URL]           print one feed, normalised, as JSON
 *
 * Ingest options: --live (fetch the registry's feed URLs) | --feeds DIR (a folder of feed files);
 * --content DIR; --registry FILE; --now ISO-8601. With neither --live nor --feeds, the bundled demo snapshot is read
 * and written to its own content directory (.demo/content), never touching an instance's content/.
 */
import { spawn } from 'node:child_process';
import { readdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseFeed } from '../src/core/feed/parse-feed';
import { ingest, type IngestReport } from '../src/pipeline';
import { fetchFeeds } from '../src/io/fetch-feeds';
import { readFeedFolder } from '../src/io/read-feed-folder';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const DEMO_FEEDS = path.join(ROOT, 'fixtures', 'snapshot-2026-02-18', 'feeds');
const DEMO_CONTENT = path.join(ROOT, '.demo', 'content');
const DIST = path.resolve(ROOT, process.env.PARALLAX_OUT_DIR ?? 'dist');

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    live: { type: 'boolean', default: false },
    feeds: { type: 'string' },
    content: { type: 'string' },
    registry: { type: 'string' },
    now: { type: 'string' },
    url: { type: 'string' },
    port: { type: 'string' },
    json: { type: 'boolean', default: false },
    'no-ingest': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

interface Settings {
  contentDir: string;
  registryPath: string;
  feedsDir: string | null;
  live: boolean;
  now: Date | null;
}

function settings(): Settings {
  const demo = !values.live && !values.feeds;
  const contentDir = path.resolve(values.content ?? (demo ? DEMO_CONTENT : 'content'));
  const registryPath = path.resolve(values.registry ?? (demo ? path.join(ROOT, 'content', 'sources.json') : path.join(contentDir, 'sources.json')));
  let now: Date | null = null;
  if (values.now) {
    now = new Date(values.now);
    if (Number.isNaN(now.getTime())) fail(`--now: not an ISO-8601 date: ${values.now}`);
  }
  return { contentDir, registryPath, feedsDir: values.live ? null : path.resolve(values.feeds ?? DEMO_FEEDS), live: values.live, now };
}

function fail(message: string): never {
  process.stderr.write(`parallax: ${message}\n`);
  process.exit(2);
}

async function runIngest(s: Settings): Promise<IngestReport> {
  const quiet = values.json;
  return ingest(
    { contentDir: s.contentDir, registryPath: s.registryPath, now: s.now },
    {
      readFeeds: (registry) => (s.live ? fetchFeeds(registry) : readFeedFolder(s.feedsDir!, registry)),
      live: s.live,
      clock: () => Date.now(),
      log: (level, message) => {
        if (!quiet && level !== 'info') process.stderr.write(`${level}: ${message}\n`);
      },
    },
  );
}

function astroBin(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('astro/package.json')), 'astro.js');
}

/** Runs `astro build` on `contentDir` in a child process (so its Vite instance is its own); rejects on failure. */
function astroBuild(contentDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [astroBin(), 'build', '--silent'], {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, PARALLAX_CONTENT_DIR: contentDir, ASTRO_TELEMETRY_DISABLED: '1' },
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`astro build exited with ${code}`))));
  });
}

async function countPages(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true }).catch(() => [] as string[]);
  return entries.filter((e) => e.endsWith('.html')).length;
}

function summary(report: IngestReport | null, pages: number | null, seconds: number): string {
  const lines: string[] = [];
  if (report) {
    const errors = report.feeds.flatMap((f) => f.errors.map((e) => e.kind));
    const byKind = [...new Set(errors)].sort().map((k) => `${k} ×${errors.filter((e) => e === k).length}`);
    lines.push(
      `Feeds read        ${report.feeds.length} (${report.feedsFailed} failed)`,
      `Articles          ${report.articlesTotal} stored, ${report.newArticles} new, ${report.windowArticles} in the window`,
      `Stories           ${report.stories} (${report.multiSourceStories} with 2+ sources, ${report.storiesWith3Plus} with 3+ sources)`,
      `Errors            ${byKind.length ? byKind.join(', ') : 'none'}`,
      `Clock (--now)     ${report.now}`,
    );
  }
  if (pages !== null) lines.push(`Pages written     ${pages}`);
  lines.push(`Time              ${seconds.toFixed(1)} s`);
  return lines.join('\n');
}

async function commandParse(): Promise<void> {
  const file = positionals[1];
  if (!file) fail('usage: parallax parse FILE [--url FEED_URL]');
  const bytes = new Uint8Array(await readFile(file));
  const feed = parseFeed(bytes, { url: values.url });
  const out = {
    feed: { title: feed.feed.title, link: feed.feed.link },
    items: feed.items.map((i) => ({
      title: i.title,
      link: i.link,
      canonicalUrl: i.canonicalUrl,
      published: i.published,
      summary: i.summary,
      author: i.author,
      image: i.image,
      categories: i.categories,
    })),
    errors: feed.errors,
  };
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  const rejected = feed.items.length === 0 && feed.errors.some((e) => e.kind !== 'item_invalid');
  if (rejected) {
    process.stderr.write(`parallax: feed rejected: ${feed.errors[0]!.kind}\n`);
    process.exit(1);
  }
}

async function main(): Promise<void> {
  const command = positionals[0] ?? 'start';
  if (values.help || command === 'help') {
    process.stdout.write(`${(await readFile(new URL(import.meta.url), 'utf8')).split('*/')[0]!.replace(/^\/\*\*\n/, '').replace(/^ \* ?/gm, '')}\n`);
    return;
  }
  if (command === 'parse') return commandParse();
  if (!['ingest', 'build', 'start'].includes(command)) fail(`unknown command "${command}" (try --help)`);
  const started = performance.now();
  const s = settings();
  let report: IngestReport | null = null;
  if (!(command !== 'ingest' && values['no-ingest'])) report = await runIngest(s);
  if (command === 'ingest') {
    if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else process.stdout.write(`${summary(report, null, (performance.now() - started) / 1000)}\n`);
    return;
  }
  await rm(DIST, { recursive: true, force: true });
  await astroBuild(s.contentDir);
  const pages = await countPages(DIST);
  process.stdout.write(`\nParallax\n${summary(report, pages, (performance.now() - started) / 1000)}\n`);
  if (command === 'start') {
    const { preview } = await import('astro');
    const port = Number(values.port ?? process.env.PORT ?? 4321);
    const server = await preview({ root: ROOT, logLevel: 'warn', server: { host: '127.0.0.1', port } });
    process.stdout.write(`\nServing the site at http://127.0.0.1:${server.port}${(process.env.PARALLAX_BASE ?? '/').replace(/\/?$/, '/')}  (Ctrl+C to stop)\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`parallax: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
