/**
 * Repository growth of an hourly instance (issue 7, issue 8): the 7-day stream ../shared/data/stream-2023-11-13_19
 * replayed as hourly runs — run h reads every feed as a fetch at that hour would (the entries published in the 24 h
 * up to it, at most HOURLY_FEED_ITEMS per feed, newest first: bench/year/stream-copies.ts feedsAt) and ingests it at
 * that clock — on a content directory that is a throwaway git repository, committed after every run that changed it
 * (the state changes every run, as in the publish workflow).
 *
 * Reported per simulated day: the packed repository (`git gc --aggressive --prune=now`, or `git repack -adf` with
 * --quick, then `git count-objects -v` size-pack), bytes added per hourly commit (the new loose objects, zlib'd, of
 * each commit) and per day (packed size growth), content/ bytes on disk (without .git), active and archived stories,
 * kept articles, the share of the published story ids (2+ sources) of the previous day's end still published under the
 * same id (as a live or archived story), and redirects made that day. Wall and CPU time of the runs.
 *
 * `step` hours between runs (1: hourly, gc --aggressive each day; more: a plain repack). `days` > 7 replays time-shifted copies of the week after it.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FeedInput } from '../../src/core/pipeline-types';
import type { Source } from '../../src/core/schema/source';
import { ArchiveIndexSchema } from '../../src/core/schema/archive';
import { StorySchema } from '../../src/core/schema/story';
import { parseStoryFile } from '../../src/core/story/serialize-story';
import { ingest, type IngestReport } from '../../src/pipeline';
import { loadWeek } from '../year/load-stream';
import { feedsAt, jsonFeedOf, simulatedDay, sourceIdOf, type StreamDay } from '../year/stream-copies';

/** Items per feed in one hourly fetch: what a typical news feed lists (most RSS feeds carry 20–50). */
const HOURLY_FEED_ITEMS = 50;
const MIN_PAGE_SOURCES = 2;

export interface DayRow {
  day: string;
  runs: number;
  commits: number;
  packedBytes: number;
  addedPackedBytes: number;
  /** Mean and max of the new loose-object bytes per hourly commit. */
  perCommitMean: number;
  perCommitMax: number;
  contentBytes: number;
  contentFiles: number;
  active: number;
  archived: number;
  articles: number;
  /** Previous day's published ids still published under the same id, and how many there were. */
  kept: number;
  published: number;
  redirected: number;
  lost: number;
  redirectsMade: number;
  wallSeconds: number;
  cpuSeconds: number;
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
}

function countObjects(cwd: string): { loose: number; packed: number } {
  const out = git(cwd, 'count-objects', '-v');
  const kib = (k: string) => Number(new RegExp(`^${k}: (\\d+)`, 'm').exec(out)?.[1] ?? 0) * 1024;
  return { loose: kib('size'), packed: kib('size-pack') };
}

/** Bytes and files under `dir`, without .git. */
function diskUsage(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile() || path.relative(dir, e.parentPath).split(path.sep)[0] === '.git') continue;
    bytes += readFileSync(path.join(e.parentPath, e.name)).length;
    files++;
  }
  return { bytes, files };
}

/** The week's feeds as a registry: one unrated source per host, its feed files listed. */
function registryOf(week: readonly StreamDay[]): Source[] {
  const sources = new Map<string, Source>();
  for (const f of week.flatMap((d) => d.feeds)) {
    const id = sourceIdOf(f.url);
    if (!sources.has(id)) {
      const { hostname, origin } = new URL(f.url);
      sources.set(id, { id, name: hostname, homepage: `${origin}/`, feeds: [], country: null, language: 'en', bias: [], factuality: [], ownership: null, discovered: false });
    }
    const s = sources.get(id)!;
    if (!s.feeds.some((x) => x.file === f.file)) s.feeds.push({ url: f.url, file: f.file, topic: null });
  }
  return [...sources.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** Published story ids (2+ sources), live and archived. */
async function publishedIds(content: string): Promise<Set<string>> {
  const out = new Set<string>();
  const storyDir = path.join(content, 'stories');
  for (const f of safeDir(storyDir).filter((x) => x.endsWith('.md'))) {
    const s = StorySchema.parse(parseStoryFile(await readFile(path.join(storyDir, f), 'utf8')));
    if (s.coverage.sourceCount >= MIN_PAGE_SOURCES) out.add(s.id);
  }
  for (const month of safeDir(path.join(content, 'archive'))) {
    const index = ArchiveIndexSchema.parse(JSON.parse(await readFile(path.join(content, 'archive', month, 'index.json'), 'utf8')));
    for (const e of index) if (e.sourceCount >= MIN_PAGE_SOURCES) out.add(e.id);
  }
  return out;
}

function safeDir(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

const readJson = async (file: string): Promise<Record<string, string>> => JSON.parse(await readFile(file, 'utf8').catch(() => '{}')) as Record<string, string>;

/** Runs the replay; returns one row per simulated day and the totals. */
export async function replayGrowth(options: { step: number; days: number; log: (line: string) => void }): Promise<{ rows: DayRow[]; runs: number; step: number; wallSeconds: number; cpuSeconds: number }> {
  const week = loadWeek();
  const days = Array.from({ length: options.days }, (_, d) => simulatedDay(week, d));
  const registry = registryOf(week);
  const fileSource = new Map(registry.flatMap((s) => s.feeds.map((f) => [f.file, s.id] as const)));
  const work = await mkdtemp(path.join(os.tmpdir(), 'parallax-growth-'));
  const content = path.join(work, 'content');
  const registryPath = path.join(work, 'sources.json');
  await writeFile(registryPath, JSON.stringify(registry));
  const step = options.step;
  if (!(24 % step === 0 && step >= 1)) throw new Error(`--step: ${step} is not a whole divisor of 24`);
  const rows: DayRow[] = [];
  let runs = 0;
  let lastPacked = 0;
  let previousPublished = new Set<string>();
  let previousRedirects: Record<string, string> = {};
  let totalWall = 0;
  let totalCpu = 0;
  try {
    for (const d of days) {
      let commits = 0;
      const perCommit: number[] = [];
      let wall = 0;
      let cpu = 0;
      let report: IngestReport | null = null;
      for (let hour = step; hour <= 24; hour += step) {
        const at = new Date(Date.parse(`${d.day}T00:00:00Z`) + hour * 3_600_000 - 1_000).toISOString().replace('.000Z', 'Z');
        const inputs: FeedInput[] = feedsAt(days, at, HOURLY_FEED_ITEMS).map((f) => ({
          name: f.file,
          sourceId: fileSource.get(f.file) ?? null,
          url: f.url,
          contentType: 'application/feed+json',
          bytes: new TextEncoder().encode(jsonFeedOf(f)),
          error: null,
        }));
        const t0 = performance.now();
        const c0 = process.cpuUsage();
        report = await ingest({ contentDir: content, registryPath, now: new Date(at) }, { readFeeds: async () => inputs, live: false, clock: () => Date.parse(at), log: () => undefined });
        const c = process.cpuUsage(c0);
        wall += (performance.now() - t0) / 1000;
        cpu += (c.user + c.system) / 1e6;
        runs++;
        if (runs === 1) {
          git(content, 'init', '-q');
          git(content, 'config', 'user.email', 'bench@parallax.invalid');
          git(content, 'config', 'user.name', 'growth bench');
          git(content, 'config', 'gc.auto', '0');
        }
        git(content, 'add', '-A');
        if (git(content, 'status', '--porcelain').trim()) {
          const before = countObjects(content).loose;
          git(content, 'commit', '-q', '-m', `run ${at}`);
          perCommit.push(countObjects(content).loose - before);
          commits++;
        }
      }
      if (step > 1) git(content, 'repack', '-adf', '-q');
      else git(content, 'gc', '--aggressive', '--prune=now', '-q');
      const { packed } = countObjects(content);
      const disk = diskUsage(content);
      const published = await publishedIds(content);
      const redirects = await readJson(path.join(content, 'state', 'redirects.json'));
      let kept = 0;
      let redirected = 0;
      for (const id of previousPublished) {
        if (published.has(id)) kept++;
        else if (redirects[id]) redirected++;
      }
      const archived = safeDir(path.join(content, 'archive')).reduce((n, m) => n + safeDir(path.join(content, 'archive', m)).filter((f) => f.endsWith('.md')).length, 0);
      const row: DayRow = {
        day: d.day,
        runs: 24 / step,
        commits,
        packedBytes: packed,
        addedPackedBytes: packed - lastPacked,
        perCommitMean: perCommit.length ? perCommit.reduce((a, b) => a + b, 0) / perCommit.length : 0,
        perCommitMax: perCommit.length ? Math.max(...perCommit) : 0,
        contentBytes: disk.bytes,
        contentFiles: disk.files,
        active: report!.stories,
        archived,
        articles: report!.articlesTotal,
        kept,
        published: previousPublished.size,
        redirected,
        lost: previousPublished.size - kept - redirected,
        redirectsMade: Object.keys(redirects).filter((k) => !(k in previousRedirects)).length,
        wallSeconds: wall,
        cpuSeconds: cpu,
      };
      rows.push(row);
      options.log(
        `${row.day}: ${row.runs} runs, ${row.commits} commits, packed ${(row.packedBytes / 1e6).toFixed(2)} MB (+${(row.addedPackedBytes / 1e6).toFixed(2)}), ` +
          `content ${(row.contentBytes / 1e6).toFixed(2)} MB, ${row.active} active / ${row.archived} archived, ${row.articles} articles kept, ` +
          `ids kept ${row.kept}/${row.published}, per commit ${(row.perCommitMean / 1024).toFixed(0)} KiB mean, runs ${row.wallSeconds.toFixed(0)} s wall ${row.cpuSeconds.toFixed(0)} s CPU`,
      );
      lastPacked = packed;
      previousPublished = published;
      previousRedirects = redirects;
      totalWall += wall;
      totalCpu += cpu;
    }
    return { rows, runs, step, wallSeconds: totalWall, cpuSeconds: totalCpu };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

const kb = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
const mb = (n: number) => `${(n / 1e6).toFixed(2)} MB`;

/** The table the bench prints (Markdown). */
export function growthTable(rows: readonly DayRow[]): string {
  const lines = [
    '| day | runs | commits | packed repo | added that day (packed) | per hourly commit, mean / max (loose) | content/ on disk | files | active / archived stories | articles kept | ids kept from the day before | redirected | lost | redirects made |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    const share = r.published ? `${((100 * r.kept) / r.published).toFixed(1)} % (${r.kept}/${r.published})` : '—';
    lines.push(
      `| ${r.day} | ${r.runs} | ${r.commits} | ${mb(r.packedBytes)} | ${mb(r.addedPackedBytes)} | ${kb(r.perCommitMean)} / ${kb(r.perCommitMax)} | ${mb(r.contentBytes)} | ${r.contentFiles} | ${r.active} / ${r.archived} | ${r.articles} | ${share} | ${r.redirected} | ${r.lost} | ${r.redirectsMade} |`,
    );
  }
  return lines.join('\n');
}
