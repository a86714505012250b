/**
 * Site build at scale: the demo's real stories (ingested from the bundled snapshot) time-shifted and recombined into
 * content dirs of 2,500, 5,000 and 10,000 multi-source stories, each built by `parallax build --no-ingest` (Astro, then
 * Pagefind) in a fresh child process under /usr/bin/time -v (peak RSS of the largest process in the tree). Prints
 * pages written, seconds, pages per second, peak memory, and the time ratio per doubling (linear = 2.0).
 *
 * Copy k of a story: id suffixed, every time moved back by k × 6 hours, article ids and URLs suffixed so source pages
 * list each copy, its articles rotated by k (a different article breaks the story) and, every other copy, the oldest
 * article dropped when that leaves 2+ sources, so copies differ in coverage and not only in time.
 *
 * `npm run bench -- site-build [--quick]` (--quick: 1,000 and 2,000 stories).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import matter from 'gray-matter';
import { StorySchema, type Story } from '../../src/core/schema/story';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const BIN = path.join(ROOT, 'bin', 'parallax.mjs');
const SIZES = process.argv.includes("--tiny") ? [500] : process.argv.includes("--quick") ? [1_000, 2_000] : [2_500, 5_000, 10_000];
const HOUR = 3_600_000;

const shift = (iso: string, ms: number): string => new Date(Date.parse(iso) - ms).toISOString().replace('.000Z', 'Z');

function copyOf(story: Story, k: number): Story {
  if (k === 0) return story;
  const ms = k * 6 * HOUR;
  const suffix = `x${k.toString(36)}`;
  let articles = story.articles.map((a) => ({
    ...a,
    id: `${a.id}${suffix}`,
    url: `${a.url}${a.url.includes('?') ? '&' : '?'}copy=${k}`,
    published: a.published ? shift(a.published, ms) : null,
    firstSeen: shift(a.firstSeen, ms),
  }));
  if (k % 2 === 1 && new Set(articles.slice(1).map((a) => a.sourceId)).size >= 2) articles = articles.slice(1);
  const sourceIds = new Set(articles.map((a) => a.sourceId));
  const first = articles[0]!;
  return {
    ...story,
    id: `${story.id}${suffix}`,
    articles,
    summary: story.summary.map((b) => ({ ...b, articleId: `${b.articleId}${suffix}` })).filter((b) => articles.some((a) => a.id === b.articleId)),
    firstSeen: shift(story.firstSeen, ms),
    lastUpdated: shift(story.lastUpdated, ms),
    coverage: {
      ...story.coverage,
      sourceCount: sourceIds.size,
      articleCount: articles.length,
      brokeBy: { sourceId: first.sourceId, articleId: first.id, at: first.published ?? first.firstSeen },
    },
  };
}

async function makeContent(demo: string, bases: Story[], n: number, dir: string): Promise<void> {
  await mkdir(path.join(dir, 'stories'), { recursive: true });
  await cp(path.join(demo, 'state'), path.join(dir, 'state'), { recursive: true });
  for (let i = 0; i < n; i++) {
    const story = copyOf(bases[i % bases.length]!, Math.floor(i / bases.length));
    const body = story.summary.map((b) => `- ${b.text}`).join('\n');
    await writeFile(path.join(dir, 'stories', `${story.id}.md`), matter.stringify(`${body}\n`, JSON.parse(JSON.stringify(story))));
  }
}

interface Result {
  n: number;
  pages: number;
  files: number;
  seconds: number;
  peakMb: number;
}

function build(content: string, work: string, n: number): Result {
  const dist = path.join(work, 'dist');
  const started = performance.now();
  const r = spawnSync('/usr/bin/time', ['-v', process.execPath, BIN, 'build', '--no-ingest', '--content', content], {
    cwd: ROOT,
    env: { ...process.env, PARALLAX_OUT_DIR: dist, PARALLAX_CACHE_DIR: path.join(work, 'cache'), ASTRO_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  if (r.status !== 0) throw new Error(`build of ${n} stories failed:\n${r.stdout}\n${r.stderr}`);
  const pages = Number(/Pages written\s+(\d+)/.exec(r.stdout)?.[1] ?? 0);
  const peakKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1] ?? 0);
  const files = Number(execFileSync('find', [dist, '-type', 'f'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).split('\n').filter(Boolean).length);
  return { n, pages, files, seconds, peakMb: peakKb / 1024 };
}

const tmp = await mkdtemp(path.join(os.tmpdir(), 'parallax-bench-site-'));
try {
  const demo = path.join(tmp, 'demo');
  execFileSync(process.execPath, [BIN, 'ingest', '--content', demo], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const bases: Story[] = [];
  for (const f of (await readdir(path.join(demo, 'stories'))).sort()) {
    const story = StorySchema.parse(matter(await readFile(path.join(demo, 'stories', f), 'utf8')).data);
    if (story.coverage.sourceCount >= 2) bases.push(story);
  }
  process.stdout.write(`site-build: ${bases.length} real multi-source stories from the snapshot as bases; sizes ${SIZES.join(', ')}\n`);
  const results: Result[] = [];
  for (const n of SIZES) {
    const work = path.join(tmp, `n${n}`);
    await makeContent(demo, bases, n, path.join(work, 'content'));
    const r = build(path.join(work, 'content'), work, n);
    results.push(r);
    process.stdout.write(`  ${n} stories: ${r.pages} pages (${r.files} files) in ${r.seconds.toFixed(1)} s\n`);
    if (!process.argv.includes('--keep')) await rm(work, { recursive: true, force: true });
  }
  process.stdout.write('\nstories   html pages   files    seconds   pages/s   peak RSS   time ratio vs previous (size ratio)\n');
  results.forEach((r, i) => {
    const prev = results[i - 1];
    const ratio = prev ? `${(r.seconds / prev.seconds).toFixed(2)}x (${(r.n / prev.n).toFixed(1)}x)` : '';
    process.stdout.write(
      `${String(r.n).padStart(7)}   ${String(r.pages).padStart(10)}   ${String(r.files).padStart(6)}   ${r.seconds.toFixed(1).padStart(7)}   ${(r.pages / r.seconds).toFixed(0).padStart(7)}   ${`${r.peakMb.toFixed(0)} MB`.padStart(8)}   ${ratio}\n`,
    );
  });
  const last = results.at(-1)!;
  const first = results[0]!;
  const growth = last.seconds / first.seconds / (last.n / first.n);
  process.stdout.write(`\nper-story cost at ${last.n} vs ${first.n}: ${growth.toFixed(2)}x (≤ ~1.2 means no worse than linear)\n`);
} finally {
  if (!process.argv.includes('--keep')) await rm(tmp, { recursive: true, force: true });
  else process.stdout.write(`kept ${tmp}\n`);
}
void existsSync;
