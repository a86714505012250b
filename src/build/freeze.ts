/**
 * Site freezing: the archive's pages are built once per month (a partition) and kept, so the hourly build renders
 * only the active stories and the lists.
 *
 * Frozen dir (PARALLAX_FROZEN_DIR, default `.parallax-frozen` beside the output dir), one partition per archive month:
 *   <frozen>/<YYYY-MM>/               the month's pages as they sit in dist/: story/<id>/index.html, rss.xml and
 *                                     feed.json (its stories and their feeds),
 *                                     archive/<month>/** (paginated lists: the month, by topic, by source),
 *                                     archive/<month>/pagefind/ (the month's search index, merged by the search page),
 *                                     _astro/** (the CSS/JS those pages reference, content-hashed names),
 *                                     sitemap-archive-<month>.xml (listed in the live sitemap index)
 *   <frozen>/<YYYY-MM>.stamp.json     PartitionStamp: the template version it was built with and the sha-256 of its
 *                                     index.json and of every story file; written last, removed before any change
 *   <frozen>/.hashes/<YYYY-MM>.json   a cache of the story files' hashes by stat signature (monthHashes)
 *
 * A partition is rebuilt whole when its stamp is missing or its template version differs (the site's code changed,
 * or `--full`); when only some story files (or the index) differ, just those stories are rendered again with the
 * month's lists (PARALLAX_ONLY_IDS), and a file whose bytes do not change is not rewritten (its mtime stays).
 * dist/ = the live Astro build + hard links (copies across file systems) of every partition + redirect pages, put
 * together by src/build/assemble.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readdir, readFile, realpath, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { stripVTControlCharacters } from 'node:util';
import pLimit from 'p-limit';
import { archiveMonths } from '../site/archive';
import { readRedirects } from '../io/content-store';
import { processAlive } from '../io/lock';
import { makeDir, makeDirSync } from '../io/make-dir';
import { siteName, siteOrigin, siteTimeZone } from '../site-config';

/** Bumped when the partition layout or what a partition keeps changes (forces a rebuild like a template change). */
export const FREEZE_FORMAT = 1;

/**
 * What a frozen page depends on besides its story file: everything the site renders with (relative to the repo
 * root; directories recursively). tests/site/freeze.test.ts checks that every module imported by src/pages is in it.
 */
export const TEMPLATE_INPUTS: readonly string[] = [
  'astro.config.mjs',
  'package-lock.json',
  'public',
  'src/build/freeze.ts', // what a partition holds (search index, sitemap); assemble.ts only links it into dist/
  'src/components',
  'src/content.config.ts',
  'src/core/config.ts',
  'src/core/coverage',
  'src/core/escape-regexp.ts', // the syndication rules (coverage) read it
  'src/core/feed/canonical-url.ts',
  'src/core/feed/clean-text.ts',
  'src/core/fold-latin.ts', // topic slugs
  'src/core/redact-credentials.ts', // feed error messages on source pages
  'src/core/registry/json-syntax.ts', // the topic record's parsing (topic pages and feeds)
  'src/core/registry/domain.ts',
  'src/core/schema',
  'src/core/state/feed-state.ts', // which feed errors are failures (source pages' feed health)
  'src/core/story/rank.ts',
  'src/core/story/serialize-story.ts',
  'src/core/word-overlap.ts', // the syndication rules (coverage) read it
  'src/layouts',
  'src/pages',
  'src/site',
  'src/site-config.ts',
];

/** Settings that change every page's bytes (canonical URLs, links, images) and so belong to the template version. */
export const TEMPLATE_ENV: readonly string[] = ['PARALLAX_SITE', 'PARALLAX_BASE', 'PARALLAX_PUBLISHER_IMAGES'];

/**
 * The instance settings every page shows, as the pages resolve them (src/site-config.ts), for the template version:
 * the name (PARALLAX_SITE_NAME: header, titles, feeds) and the time zone times are shown in (PARALLAX_TIME_ZONE,
 * canonical: "europe/warsaw" and "Europe/Warsaw" are one zone, and unset is "UTC"), with, for a zone other than UTC,
 * the version of the tz database Node's ICU carries (process.versions.tz): a rules change there moves the times a
 * page shows. So an instance that changes either rebuilds its archived months rather than keep pages in the old name
 * or zone. Throws timeZoneProblem's message for a zone that is none (the build checks it first).
 */
export function templateSettings(env: NodeJS.ProcessEnv = process.env): string[] {
  const zone = siteTimeZone(env);
  return [`site-name=${siteName(env)}`, `time-zone=${zone}${zone === 'UTC' ? '' : ` tzdata=${process.versions.tz ?? ''}`}`];
}

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

async function filesUnder(root: string, rel: string): Promise<string[]> {
  const abs = path.join(root, rel);
  const s = await stat(abs).catch(() => null);
  if (!s) return [];
  if (s.isFile()) return [rel];
  const entries = await readdir(abs, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}

/** sha-256 (hex) over the template inputs' paths and bytes, FREEZE_FORMAT, the TEMPLATE_ENV values and templateSettings. */
export async function templateVersion(root: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const h = createHash('sha256').update(`freeze-format ${FREEZE_FORMAT}\n`);
  for (const k of TEMPLATE_ENV) h.update(`${k}=${env[k] ?? ''}\n`);
  for (const line of templateSettings(env)) h.update(`${line}\n`);
  const files = (await Promise.all(TEMPLATE_INPUTS.map((p) => filesUnder(root, p)))).flat().sort(byCodePoint);
  for (const f of files) h.update(`${f}\0`).update(await readFile(path.join(root, f))).update('\0');
  return h.digest('hex');
}

export interface PartitionStamp {
  templateVersion: string;
  /** sha-256 of the month's index.json. */
  index: string;
  /** Story id → sha-256 of archive/<month>/<id>.md. */
  stories: Record<string, string>;
}

/** Files changed this close (ms) before a hashing pass began are "racily clean" (git's term): their stat signature
 * may not show a later change within the file system's timestamp granularity, so they are not cached. */
const RACY_MS = 2000;

/** `<frozen>/.hashes/<month>.json`: file name → [stat signature, sha-256] of the month's story files when last read. */
type HashCache = Record<string, [string, string]>;

const hashCachePath = (frozenDir: string, month: string): string => path.join(frozenDir, '.hashes', `${month}.json`);

/**
 * The current content hashes of one archive month (index.json and every story file). With `frozenDir`, a story file
 * whose stat signature (size, mtime, inode) is the one it had when last hashed, and older than that pass by
 * RACY_MS, is not read again, as git's index does: on the day-365 year-simulation state (115,930 files) hashing them
 * all took 2.5 s with warm caches and 8.9 s cold, against 0.45 s for the stats. A fresh checkout (new mtimes) is
 * hashed in full. Files are read synchronously: on the day-71 state (17,859 files) awaited reads, 64 in flight, took
 * 0.93-1.20 s against 0.38 s for plain sequential reads.
 */
export async function monthHashes(contentDir: string, month: string, frozenDir?: string): Promise<Omit<PartitionStamp, 'templateVersion'>> {
  const dir = path.join(contentDir, 'archive', month);
  const passStart = Date.now();
  const names = (await readdir(dir)).filter((f) => f.endsWith('.md')).sort(byCodePoint);
  const cacheFile = frozenDir ? hashCachePath(frozenDir, month) : null;
  let cache: HashCache = {};
  if (cacheFile) {
    try {
      cache = JSON.parse(readFileSync(cacheFile, 'utf8')) as HashCache;
    } catch {
      cache = {};
    }
  }
  const next: HashCache = {};
  const stories: Record<string, string> = {};
  let changed = Object.keys(cache).length !== names.length;
  for (const n of names) {
    const file = path.join(dir, n);
    const st = cacheFile ? statSync(file) : null;
    const sig = st ? `${st.size}:${st.mtimeMs}:${st.ino}` : '';
    const hit = cache[n];
    let sha: string;
    if (hit && hit[0] === sig) sha = hit[1];
    else {
      sha = sha256(readFileSync(file));
      changed = true;
    }
    stories[n.slice(0, -3)] = sha;
    if (st && st.mtimeMs < passStart - RACY_MS) next[n] = [sig, sha];
    else changed = true;
  }
  if (cacheFile && changed) {
    makeDirSync(path.dirname(cacheFile));
    writeFileSync(`${cacheFile}.tmp`, JSON.stringify(next));
    renameSync(`${cacheFile}.tmp`, cacheFile);
  }
  return { index: sha256(readFileSync(path.join(dir, 'index.json'))), stories };
}

export type PartitionPlan =
  | { month: string; action: 'keep' }
  | { month: string; action: 'full'; reason: 'new' | 'template' | 'forced' }
  | { month: string; action: 'stories'; render: string[]; removed: string[] };

/** What to do with one partition (pure): keep it, rebuild it whole, or re-render some stories and the lists. */
export function planPartition(
  month: string,
  stamp: PartitionStamp | undefined,
  version: string,
  current: Omit<PartitionStamp, 'templateVersion'>,
  full = false,
): PartitionPlan {
  if (full) return { month, action: 'full', reason: 'forced' };
  if (!stamp) return { month, action: 'full', reason: 'new' };
  if (stamp.templateVersion !== version) return { month, action: 'full', reason: 'template' };
  const render = Object.keys(current.stories).filter((id) => stamp.stories[id] !== current.stories[id]).sort(byCodePoint);
  const removed = Object.keys(stamp.stories).filter((id) => !(id in current.stories)).sort(byCodePoint);
  if (render.length === 0 && removed.length === 0 && stamp.index === current.index) return { month, action: 'keep' };
  return { month, action: 'stories', render, removed };
}

export const stampPath = (frozenDir: string, month: string): string => path.join(frozenDir, `${month}.stamp.json`);

async function readStamp(frozenDir: string, month: string): Promise<PartitionStamp | undefined> {
  try {
    const s = JSON.parse(await readFile(stampPath(frozenDir, month), 'utf8')) as PartitionStamp;
    return typeof s.templateVersion === 'string' && s.stories && typeof s.index === 'string' ? s : undefined;
  } catch {
    return undefined;
  }
}

let builds = 0;

/** Astro builds running now, with their working directories and where their output goes (runAstroBuild). */
const running = new Map<ChildProcess, { cwd: string; output?: AstroOutput }>();
/** Exit codes for the signals that stop a build: 128 + the signal's number (POSIX shells' convention). */
const STOP_SIGNALS: ReadonlyArray<[NodeJS.Signals, number]> = [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]];

/**
 * On SIGINT/SIGTERM/SIGHUP while Astro builds run: stops them with the same signal (a build left running would write
 * into the staging dir while the next build writes there too), removes their working directories, says so on
 * stderr (to their AstroOutput, the JSON log with --json, when they have one) and exits with 128 + the signal's
 * number. Installed while a build runs, so other commands keep Node's
 * default behaviour.
 */
function stopBuildsAndExit(signal: NodeJS.Signals): void {
  const message = `interrupted (${signal}): stopping the site build; dist/ was not changed by it`;
  const output = [...running.values()].find((r) => r.output)?.output;
  if (output) output('error', message);
  else process.stderr.write(`\n${message}\n`);
  for (const [child, { cwd }] of running) {
    child.kill(signal);
    rmSync(cwd, { recursive: true, force: true });
  }
  process.exit(STOP_SIGNALS.find(([s]) => s === signal)![1]);
}

function track(child: ChildProcess, cwd: string, output?: AstroOutput): void {
  if (running.size === 0) for (const [signal] of STOP_SIGNALS) process.on(signal, stopBuildsAndExit);
  running.set(child, { cwd, output });
}

function untrack(child: ChildProcess): void {
  running.delete(child);
  if (running.size === 0) for (const [signal] of STOP_SIGNALS) process.off(signal, stopBuildsAndExit);
}

/**
 * Node options that preload src/build/exit-with-parent.mjs: a child spawned with them and an 'ipc' stdio entry ends
 * when this process dies without stopping it (a `kill -9` skips stopBuildsAndExit).
 */
export const EXIT_WITH_PARENT: readonly string[] = ['--import', new URL('./exit-with-parent.mjs', import.meta.url).href];

/** Where runAstroBuild gives each Astro build its working directory (`<pid>-<n>`: the command's pid, a count). */
export const astroWorkDirs = (root: string): string => path.join(root, 'node_modules', '.cache', 'parallax-astro');

/** The file in an Astro build's working directory that names its process (the child's pid). */
const CHILD_PID_FILE = 'child.pid';

/**
 * Removes the Astro working directories (astroWorkDirs) of commands no longer running: a killed command cannot
 * remove its own. Its Astro build, which ends by itself once it sees its command gone (EXIT_WITH_PARENT) but may go
 * on for a few seconds inside a long step first (a hostile pass's wrote 5 files into the staging dir 3 s after the
 * kill), is stopped first (SIGKILL) and waited for: the process its child.pid names, if it still runs there (Linux:
 * /proc/<pid>/cwd is that directory, so a reused pid is never touched). A directory whose command's pid is alive,
 * or whose name is not of that form, stays. Call it before a build empties the staging dir.
 */
export async function removeDeadBuildDirs(workDirs: string): Promise<void> {
  for (const name of await readdir(workDirs).catch(() => [] as string[])) {
    const pid = /^(\d+)-\d+$/.exec(name)?.[1];
    if (!pid || processAlive(Number(pid))) continue;
    const dir = path.join(workDirs, name);
    const child = Number(await readFile(path.join(dir, CHILD_PID_FILE), 'utf8').catch(() => ''));
    if (child > 0 && (await realpath(`/proc/${child}/cwd`).catch(() => null)) === (await realpath(dir).catch(() => dir))) {
      try {
        process.kill(child, 'SIGKILL');
      } catch {
        /* gone meanwhile */
      }
      for (let i = 0; i < 200 && processRuns(child); i++) await new Promise((r) => setTimeout(r, 50));
    }
    await rm(dir, { recursive: true, force: true });
  }
}

/** Whether `pid` runs and is not a zombie (an orphan's zombie waits for init to reap it), by /proc (Linux). */
export function processRuns(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
  } catch {
    return false;
  }
}

/** Where runAstroBuild hands Astro's output, one line at a time ("astro: <line>", level warn, without colour codes),
 * and the line of a build stopped by a signal (level error). */
export type AstroOutput = (level: 'warn' | 'error', message: string) => void;

/**
 * Runs `astro build` of the project at `root` in a child process (its own Vite instance) with `env`; rejects when it
 * fails. Astro 5 writes its intermediate server bundle into `<cwd>/.astro/` when the output dir is outside the
 * working directory, so each child gets its own working directory under `<root>/node_modules/.cache/` (inside the
 * project, so the bundle still resolves the project's packages): concurrent builds (partitions, tests, benchmarks)
 * would otherwise overwrite each other's bundle. Interrupted by a signal, the command stops its builds and exits
 * (stopBuildsAndExit); killed outright, its builds end by themselves (EXIT_WITH_PARENT), and the next build removes
 * the working directories it left. With `output`, Astro's lines go to it (the command's JSON log with --json), not to
 * stderr.
 */
export async function runAstroBuild(root: string, env: NodeJS.ProcessEnv, output?: AstroOutput): Promise<void> {
  const astro = path.join(path.dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'astro.js');
  const workDirs = astroWorkDirs(root);
  await removeDeadBuildDirs(workDirs);
  const cwd = path.join(workDirs, `${process.pid}-${++builds}`);
  await rm(cwd, { recursive: true, force: true });
  await makeDir(cwd);
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, [...EXIT_WITH_PARENT, astro, 'build', '--silent', '--root', root], {
        cwd,
        // Astro's output goes to stderr, or line by line to `output`: stdout is the command's own report (JSON with
        // --json). The IPC channel only tells the child when this process is gone (EXIT_WITH_PARENT).
        stdio: ['ignore', output ? 'pipe' : 2, output ? 'pipe' : 'inherit', 'ipc'],
        env: { ...env, ASTRO_TELEMETRY_DISABLED: '1' },
      });
      // Line by line (node:readline), without colour codes (util.stripVTControlCharacters), blank lines left out.
      for (const input of output ? [child.stdout, child.stderr] : []) {
        if (!input) continue;
        createInterface({ input, crlfDelay: Infinity }).on('line', (line) => {
          const plain = stripVTControlCharacters(line).trim();
          if (plain) output!('warn', `astro: ${plain}`);
        });
      }
      track(child, cwd, output);
      if (child.pid) writeFileSync(path.join(cwd, CHILD_PID_FILE), String(child.pid));
      child.on('error', (err) => {
        untrack(child);
        reject(err);
      });
      child.on('exit', (code) => {
        untrack(child);
        if (code === 0) resolve();
        else reject(new Error(`astro build exited with ${code}`));
      });
    });
  } finally {
    await rm(cwd, { recursive: true, force: true });
  }
}

/**
 * Writes `data` to `file` unless it already holds exactly these bytes (then its mtime stays). A changed file is
 * replaced by rename, never rewritten in place: dist/ holds hard links to frozen files, which must not change under it.
 */
async function writeIfChanged(file: string, data: Buffer): Promise<boolean> {
  const old = await readFile(file).catch(() => null);
  if (old && old.equals(data)) return false;
  await makeDir(path.dirname(file));
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, file);
  return true;
}

async function removeEmptyDirs(dir: string): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const e of entries) if (e.isDirectory()) await removeEmptyDirs(path.join(dir, e.name));
  if ((await readdir(dir).catch(() => ['x'])).length === 0) await rmdir(dir).catch(() => undefined);
}

/** Files of `dir` relative to it, '/'-separated, sorted (code-point order); [] when it does not exist. */
export async function listFiles(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort(byCodePoint);
}

export interface SyncResult {
  written: string[];
  removed: string[];
}

/**
 * Makes `files` of `from` appear in `to` (writing only changed ones) and removes the files of `to` that `owned` says
 * this sync manages but that `files` no longer has.
 */
async function syncFiles(from: string, to: string, files: readonly string[], owned: (rel: string) => boolean): Promise<SyncResult> {
  const written: string[] = [];
  const removed: string[] = [];
  const keep = new Set(files);
  for (const f of files) if (await writeIfChanged(path.join(to, f), await readFile(path.join(from, f)))) written.push(f);
  for (const f of await listFiles(to)) {
    if (keep.has(f) || !owned(f)) continue;
    await rm(path.join(to, f), { force: true });
    removed.push(f);
  }
  await removeEmptyDirs(to);
  return { written, removed };
}

/** Pagefind bundle files a merged index needs (the search page's own bundle brings the UI, worker and WebAssembly). */
const MERGED_BUNDLE_FILE = /^(?:pagefind-entry\.json|[^/]+\.pf_meta|(?:index|fragment|filter)\/.+)$/;

/** Pagefind's Node API drives one backend process, which close() ends: one index is built at a time. */
const pagefindTurn = pLimit(1);

/**
 * Builds a Pagefind search index of the HTML under `dir` (pages marked data-pagefind-body: stories and sources) into
 * `outputPath`; returns the number of pages indexed. Runs after Astro, since it reads the built HTML. Concurrent calls
 * (the live build beside partitions) wait for each other.
 */
export function writePagefindIndex(dir: string, outputPath: string): Promise<number> {
  return pagefindTurn(async () => {
    const pagefind = await import('pagefind');
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
    try {
      const added = await index.addDirectory({ path: dir });
      if (added.errors.length) throw new Error(`pagefind: ${added.errors.join('; ')}`);
      const written = await index.writeFiles({ outputPath });
      if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
      return added.page_count;
    } finally {
      await pagefind.close();
    }
  });
}

/** The month's own index (archive/<month>/pagefind/ in its tree): only what a merged index needs, changed files only. */
async function partitionSearchIndex(tree: string, month: string, scratch: string): Promise<number> {
  const out = path.join(scratch, 'pagefind');
  await rm(out, { recursive: true, force: true });
  const pages = await writePagefindIndex(tree, out);
  const files = (await listFiles(out)).filter((f) => MERGED_BUNDLE_FILE.test(f));
  await syncFiles(out, path.join(tree, `archive/${month}/pagefind`), files, () => true);
  return pages;
}

const xmlEscape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The month's sitemap: every HTML page of the partition tree, absolute URLs under the site and base, sorted. */
export function partitionSitemap(pages: readonly string[], site: string, base: string): string {
  const root = new URL(base.endsWith('/') ? base : `${base}/`, site);
  const urls = pages
    .filter((f) => f.endsWith('index.html'))
    .map((f) => new URL(f.slice(0, -'index.html'.length), root).href)
    .sort(byCodePoint);
  return `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls.map((u) => `<url><loc>${xmlEscape(u)}</loc></url>`).join('')}</urlset>\n`;
}

export interface PartitionResult {
  month: string;
  action: PartitionPlan['action'];
  reason?: string;
  /** Story files loaded and rendered by Astro (0 when kept). */
  rendered: number;
  /** Files written or removed in the partition tree (pages, assets, search index, sitemap). */
  written: number;
  removed: number;
  /** HTML pages in the partition tree after the build (null when kept: not counted, to keep the check cheap). */
  pages: number | null;
  seconds: number;
}

export interface FreezeContext {
  root: string;
  contentDir: string;
  frozenDir: string;
  /** Environment for the Astro child processes (PARALLAX_SITE, PARALLAX_BASE…). */
  env: NodeJS.ProcessEnv;
  /** Where their output goes (runAstroBuild); stderr when absent. */
  output?: AstroOutput;
  version: string;
}

/**
 * Builds one partition as planned (`current`: the month's hashes the plan was made from); the stamp is removed first
 * and written last, so a crash leaves it stale.
 */
export async function buildPartition(plan: PartitionPlan, ctx: FreezeContext, current?: Omit<PartitionStamp, 'templateVersion'>): Promise<PartitionResult> {
  const started = performance.now();
  const { month } = plan;
  if (plan.action === 'keep') return { month, action: 'keep', rendered: 0, written: 0, removed: 0, pages: null, seconds: 0 };
  current ??= await monthHashes(ctx.contentDir, month, ctx.frozenDir);
  const tree = path.join(ctx.frozenDir, month);
  const scratch = path.join(ctx.frozenDir, '.work', month);
  const out = path.join(scratch, 'out');
  await rm(scratch, { recursive: true, force: true });
  await rm(stampPath(ctx.frozenDir, month), { force: true });
  const only = plan.action === 'stories' ? plan.render : undefined;
  const env: NodeJS.ProcessEnv = {
    ...ctx.env,
    PARALLAX_CONTENT_DIR: ctx.contentDir,
    PARALLAX_PARTITION: month,
    PARALLAX_OUT_DIR: out,
    PARALLAX_CACHE_DIR: path.join(scratch, 'cache'),
  };
  if (only) env.PARALLAX_ONLY_IDS = only.join(',');
  else delete env.PARALLAX_ONLY_IDS;
  await runAstroBuild(ctx.root, env, ctx.output);
  const ids = new Set(Object.keys(current.stories));
  const renderedIds = new Set(only ?? ids);
  // A story's page and its feeds (src/site/feed-routes.ts: they live as long as the page).
  const storyFile = /^story\/([a-z0-9]+)\/(?:index\.html|rss\.xml|feed\.json)$/;
  const monthPrefix = `archive/${month}/`;
  const bundlePrefix = `archive/${month}/pagefind/`;
  const kept = (await listFiles(out)).filter((f) => {
    const m = storyFile.exec(f);
    return (m && renderedIds.has(m[1]!)) || f.startsWith(monthPrefix) || f.startsWith('_astro/');
  });
  // What this sync may delete: lists (always fully re-rendered), the rendered or removed stories' pages, and on a
  // whole rebuild every page and asset (a partial build keeps the old assets its untouched pages still reference).
  const gone = new Set(plan.action === 'stories' ? plan.removed : []);
  const owned = (f: string): boolean => {
    if (f.startsWith(bundlePrefix) || f === `sitemap-archive-${month}.xml`) return false;
    if (plan.action === 'full') return true;
    const m = storyFile.exec(f);
    return f.startsWith(monthPrefix) || (!!m && (renderedIds.has(m[1]!) || gone.has(m[1]!)));
  };
  const synced = await syncFiles(out, tree, kept, owned);
  let written = synced.written.length;
  let removed = synced.removed.length;
  const before = new Set(await listFiles(path.join(tree, bundlePrefix)));
  await partitionSearchIndex(tree, month, scratch);
  const after = await listFiles(path.join(tree, bundlePrefix));
  removed += [...before].filter((f) => !after.includes(f)).length;
  const pages = (await listFiles(tree)).filter((f) => f.endsWith('.html'));
  const site = siteOrigin(ctx.env);
  const base = ctx.env.PARALLAX_BASE || '/';
  if (await writeIfChanged(path.join(tree, `sitemap-archive-${month}.xml`), Buffer.from(partitionSitemap(pages, site, base)))) written++;
  await rm(scratch, { recursive: true, force: true });
  const stamp: PartitionStamp = { templateVersion: ctx.version, ...current };
  await writeFile(`${stampPath(ctx.frozenDir, month)}.tmp`, `${JSON.stringify(stamp, null, 1)}\n`);
  await rename(`${stampPath(ctx.frozenDir, month)}.tmp`, stampPath(ctx.frozenDir, month));
  return {
    month,
    action: plan.action,
    ...(plan.action === 'full' ? { reason: plan.reason } : {}),
    rendered: renderedIds.size,
    written,
    removed,
    pages: pages.length,
    seconds: (performance.now() - started) / 1000,
  };
}

/**
 * Plans and builds every archive month of the content dir, each month a task of `limit` (default: one at a time;
 * src/cli/build.ts shares its limit with the live build), and drops the partitions of months that are gone. Results
 * are in month order; `log` gets a line per month rebuilt, as each finishes. Throws the first month's error, once
 * every month has finished.
 */
export async function buildPartitions(
  ctx: FreezeContext,
  full = false,
  log: (line: string) => void = () => undefined,
  limit: <T>(task: () => Promise<T>) => Promise<T> = pLimit(1),
): Promise<PartitionResult[]> {
  await makeDir(ctx.frozenDir);
  const months = archiveMonths(ctx.contentDir).sort(byCodePoint);
  // Every month is attempted and waited for (a failed one leaves its stamp stale); then the first failure is thrown.
  const settled = await Promise.allSettled(
    months.map((month) =>
      limit(async () => {
        const current = await monthHashes(ctx.contentDir, month, ctx.frozenDir);
        const plan = planPartition(month, await readStamp(ctx.frozenDir, month), ctx.version, current, full);
        const r = await buildPartition(plan, ctx, current);
        if (r.action !== 'keep') log(`archive ${month}: ${r.action}${r.reason ? ` (${r.reason})` : ''}, ${r.rendered} stories rendered, ${r.written} files written, ${r.removed} removed, ${r.seconds.toFixed(1)} s`);
        return r;
      }),
    ),
  );
  const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  const results = settled.map((r) => (r as PromiseFulfilledResult<PartitionResult>).value);
  const wanted = new Set(months);
  for (const name of await readdir(ctx.frozenDir)) {
    const month = name.replace(/\.stamp\.json$/, '');
    if (/^\d{4}-\d{2}$/.test(month) && !wanted.has(month)) await rm(path.join(ctx.frozenDir, name), { recursive: true, force: true });
  }
  for (const name of await readdir(path.join(ctx.frozenDir, '.hashes')).catch(() => [])) {
    if (!wanted.has(name.replace(/\.json$/, ''))) await rm(path.join(ctx.frozenDir, '.hashes', name), { force: true });
  }
  return results;
}

/**
 * Writes `text` to `file` atomically (a temporary file renamed over it), unless `mine` (a file of an earlier run's)
 * already holds exactly these bytes. Synchronous: thousands of small files (~15 a day), where an awaited read per
 * file costs more than the read.
 */
function writeSyncIfChanged(file: string, text: string, mine: boolean): void {
  if (mine && existsSync(file) && readFileSync(file, 'utf8') === text) return;
  makeDirSync(path.dirname(file));
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
}

/** The small page a merged story's old URL serves (what Astro writes for a static redirect), pointing at `to`. */
export function redirectPage(fromPath: string, toPath: string, canonical: string): string {
  const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<!doctype html><html lang="en"><title>Redirecting to: ${esc(toPath)}</title><meta http-equiv="refresh" content="0;url=${esc(toPath)}"><meta name="robots" content="noindex"><link rel="canonical" href="${esc(canonical)}"><body><a href="${esc(toPath)}">Redirecting from <code>${esc(fromPath)}</code> to <code>${esc(toPath)}</code></a></body></html>\n`;
}

/** The story feeds a merged story's old id keeps serving, as copies of the survivor's (STORY_FEEDS in feed-routes). */
const REDIRECTED_FEEDS = ['rss.xml', 'feed.json'] as const;

/**
 * Writes a redirect page for every merged story id of <content>/state/redirects.json (old id → surviving id, chains
 * followed) whose old URL has no page and whose target has one in `dist`, and beside it a copy of each of the
 * target's story feeds (rss.xml, feed.json): a static site cannot answer a feed reader with a 301, and a reader
 * subscribed to the merged story's feed would otherwise get a 404 and drop it; the copy carries the survivor's guids
 * and self link. `ours`: files of this kind (paths relative to dist, story/<id>/index.html and the feeds) already in
 * `dist` from an earlier run, which it may rewrite (only when their bytes change) or leave; any other existing file is
 * a real one. Returns the files `dist` has afterwards, and how many merged ids were skipped because their target has
 * no page (an earlier page of ours for such an id is removed).
 */
export async function writeRedirects(
  contentDir: string,
  dist: string,
  site: string,
  base: string,
  ours: ReadonlySet<string> = new Set(),
): Promise<{ pages: string[]; skipped: number }> {
  // Unreadable or not JSON: refused (readRedirects), not read as no redirects, which had removed every redirect page.
  const map = await readRedirects(contentDir);
  const root = new URL(base.endsWith('/') ? base : `${base}/`, site);
  const prefix = root.pathname;
  const pages: string[] = [];
  let skipped = 0;
  for (const from of Object.keys(map).sort(byCodePoint)) {
    let to = map[from]!;
    for (let hops = 0; map[to] && hops < 16; hops++) to = map[to]!;
    const rel = `story/${from}/index.html`;
    const page = path.join(dist, rel);
    if (!/^[a-z0-9]+$/.test(from) || (!ours.has(rel) && existsSync(page))) continue;
    if (!existsSync(path.join(dist, 'story', to, 'index.html'))) {
      if (ours.has(rel)) await rm(page, { force: true });
      skipped++;
      continue;
    }
    const html = redirectPage(`${prefix}story/${from}/`, `${prefix}story/${to}/`, new URL(`story/${to}/`, root).href);
    writeSyncIfChanged(page, html, ours.has(rel));
    pages.push(rel);
    for (const name of REDIRECTED_FEEDS) {
      const feed = path.join(dist, 'story', to, name);
      const copyRel = `story/${from}/${name}`;
      const copy = path.join(dist, copyRel);
      if (!existsSync(feed) || (!ours.has(copyRel) && existsSync(copy))) continue;
      writeSyncIfChanged(copy, readFileSync(feed, 'utf8'), ours.has(copyRel));
      pages.push(copyRel);
    }
  }
  return { pages, skipped };
}
