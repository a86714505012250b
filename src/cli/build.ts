/**
 * `parallax build [ingest options] [--no-ingest] [--full] [--frozen-dir DIR]`: ingest, then build the site into dist/
 * (PARALLAX_OUT_DIR). `parallax start` (src/cli/start.ts) does the same and serves it.
 *
 * The build is bounded by the active window, not the archive (src/build/freeze.ts):
 * 1. each archive month (<content>/archive/<YYYY-MM>/) is a frozen partition in the frozen dir (--frozen-dir, else
 *    PARALLAX_FROZEN_DIR, else `.parallax-frozen` beside the output dir), rebuilt only when its stamp is stale: the
 *    site's code changed (whole month) or story files changed (those stories and the month's lists); `--full`
 *    rebuilds every month (one Astro run per month, so memory is bounded by the largest month);
 *    `--jobs N` (PARALLAX_BUILD_JOBS; default buildJobs()) Astro runs at a time, the live build among them;
 * 2. the live Astro build renders the active stories (<content>/stories/) and every list page into a staging dir
 *    beside dist/, and Pagefind indexes it there (a failed build leaves dist/ as it was);
 * 3. src/build/assemble.ts puts them together in dist/: the staged live files, hard links to every partition's files
 *    (only the months whose stamp changed since the last assembly are relinked) and a redirect page per merged id.
 */
import { accessSync, constants, existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pLimit from 'p-limit';
import { recoverContent, TXN_DIR } from '../io/journal';
import { recoveryNote } from '../io/migrate-content';
import { withRunLock } from '../io/lock';
import { checkKeptState } from '../io/content-store';
import { readTopicFeeds } from '../site/topic-feeds';
import type { IngestReport } from '../pipeline';
import { EXIT_HELP, formatSummary, ingestSettings, INGEST_HELP, INGEST_OPTIONS, makeLog, outageExit, requireContentDir, requireSources, ROOT, runIngest, UsageError, type IngestSettings, parseCliArgs } from './ingest-options';
import { archiveMonths } from '../site/archive';
import { plural } from '../site/text';
import { astroWorkDirs, buildPartitions, removeDeadBuildDirs, runAstroBuild, templateVersion, writePagefindIndex, writeRedirects, type AstroOutput, type PartitionResult } from '../build/freeze';
import { assembleSite, stagingDir, type AssemblyResult } from '../build/assemble';
import { DEFAULT_SITE, siteOrigin, siteOriginProblem, timeZoneProblem } from '../site-config';
import { closestName } from '../core/registry/closest-name';

export const description = 'ingest, then build the static site into dist/';

export const help = `usage: parallax build [ingest options] [--no-ingest] [--full] [--frozen-dir DIR] [--jobs N]

  --no-ingest      build the content directory as it is (it must be one an ingest wrote)
  --full           rebuild every archived month
  --frozen-dir DIR where archived months are kept between builds (PARALLAX_FROZEN_DIR; default .parallax-frozen
                   beside the output dir, PARALLAX_OUT_DIR, default dist/)
  --jobs N         Astro builds at a time (PARALLAX_BUILD_JOBS; default one per CPU with 1.5 GB each, at most 4)
${INGEST_HELP}

${EXIT_HELP}`;

export const BUILD_OPTIONS = {
  ...INGEST_OPTIONS,
  'no-ingest': { type: 'boolean', default: false },
  /** Rebuild every archive partition (after a template change that the template version would miss, or to measure). */
  full: { type: 'boolean', default: false },
  /** Where frozen archive partitions are kept between builds. */
  'frozen-dir': { type: 'string' },
  /** Astro builds (partitions and the live one) run at a time; default buildJobs(). */
  jobs: { type: 'string' },
} as const;

/**
 * Peak memory to allow per concurrent Astro build (bytes): the largest measured was 1,264 MB, a month of ~8,000
 * archived stories in the year simulation's full rebuild (bench year, docs/deploy.md), rounded up.
 */
const BUILD_JOB_BYTES = 1.5 * 1024 ** 3;
/** Beyond this many concurrent builds the shared disk and the assembly, not the CPUs, bound a build. */
const BUILD_JOBS_MAX = 4;

/**
 * How many Astro builds run at a time: `flag` or PARALLAX_BUILD_JOBS when set (an integer ≥ 1; throws otherwise),
 * else one per CPU (os.availableParallelism) while each can have BUILD_JOB_BYTES of the machine's memory, at most
 * BUILD_JOBS_MAX, at least 1.
 */
export function buildJobs(flag?: string, env: NodeJS.ProcessEnv = process.env, cpus = os.availableParallelism(), memory = os.totalmem()): number {
  const said = flag ?? (env.PARALLAX_BUILD_JOBS || undefined);
  if (said !== undefined) {
    const n = /^\d+$/.test(said.trim()) ? Number(said) : NaN;
    if (!(n >= 1)) throw new UsageError(`${flag === undefined ? 'PARALLAX_BUILD_JOBS' : '--jobs'} must be a whole number ≥ 1 (got "${said}")`);
    return n;
  }
  return Math.max(1, Math.min(cpus, Math.floor(memory / BUILD_JOB_BYTES), BUILD_JOBS_MAX));
}

/**
 * Where the site is built: PARALLAX_OUT_DIR (a relative one from the current directory, as --content and
 * --frozen-dir are; the Astro child gets it absolute) or the install's dist/.
 */
export function outDir(): string {
  return process.env.PARALLAX_OUT_DIR ? path.resolve(process.env.PARALLAX_OUT_DIR) : path.join(ROOT, 'dist');
}

/** Where frozen partitions live: PARALLAX_FROZEN_DIR, else `.parallax-frozen` beside the output dir. */
export function frozenDir(flag?: string): string {
  if (flag) return path.resolve(flag);
  if (process.env.PARALLAX_FROZEN_DIR) return path.resolve(process.env.PARALLAX_FROZEN_DIR);
  return path.join(path.dirname(outDir()), '.parallax-frozen');
}

/**
 * Runs the live `astro build` (active stories and lists) on `contentDir` in a child process, into `out` (default: the
 * output dir), Astro's lines to `output` (default stderr); rejects when it fails.
 */
export function astroBuild(contentDir: string, out = outDir(), output?: AstroOutput): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...process.env, PARALLAX_CONTENT_DIR: contentDir, PARALLAX_OUT_DIR: out };
  delete env.PARALLAX_PARTITION;
  delete env.PARALLAX_ONLY_IDS;
  return runAstroBuild(ROOT, env, output);
}

/** Builds the live Pagefind index of `dist` into `dist/pagefind/`; returns the number of pages indexed. */
export function pagefindIndex(dist: string): Promise<number> {
  return writePagefindIndex(dist, path.join(dist, 'pagefind'));
}

/** Timings (wall-clock seconds) and counts of one site build, for the summary and benchmarks. */
export interface SiteBuildReport {
  /** The folder the site was written to (absolute: PARALLAX_OUT_DIR, else the install's dist/). */
  dir: string;
  /** Archive partitions, oldest month first, with what each build did. */
  partitions: PartitionResult[];
  partitionSeconds: number;
  /** The live Astro build and its Pagefind index (into the staging dir). */
  liveSeconds: number;
  astroSeconds: number;
  pagefindSeconds: number;
  /** Putting the live build, the partitions and the redirect pages into dist/. */
  assembleSeconds: number;
  assembly: AssemblyResult['mode'];
  /** Months linked by the assembly (all when full, changed ones when incremental). */
  relinked: string[];
  /** HTML pages in dist/ (live + frozen + redirects). */
  pages: number;
  redirects: number;
}

/** Ingest (unless --no-ingest) and build; prints the summary and returns the settings used and the build report. */
export async function buildSite(args: string[]): Promise<BuildResult> {
  const started = performance.now();
  const { values } = parseCliArgs({ args, options: BUILD_OPTIONS });
  const settings = ingestSettings(values, { ingesting: !values['no-ingest'] });
  const jobs = buildJobs(values.jobs);
  const siteProblem = siteOriginProblem();
  if (siteProblem) throw new UsageError(siteProblem);
  const zoneProblem = siteTimeZoneProblem();
  if (zoneProblem) throw new UsageError(zoneProblem);
  const dist = outDir();
  const frozen = frozenDir(values['frozen-dir']);
  const folderProblem = buildFoldersProblem(settings.contentDir, dist, frozen);
  if (folderProblem) throw new UsageError(folderProblem);
  const plan: BuildPlan = { jobs, dist, frozen, full: !!values.full, started };
  if (values['no-ingest'] && !statSync(settings.contentDir, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`--content: no content directory at ${settings.contentDir} (nothing to build)`);
  // A build of existing content first finishes (or discards) a run that was interrupted while writing it.
  const buildExisting = async (): Promise<BuildResult> => {
    // Said as an ingest says it (an operator trial's build finished a pending write without a word).
    const note = recoveryNote(settings.contentDir, await recoverContent(settings.contentDir));
    if (note) makeLog(settings.json)('info', note);
    requireContentDir(settings.contentDir);
    // The files an ingest refuses to run on stop a build of the content as it is, too (README, "Content directory").
    await checkKeptState(settings.contentDir);
    readTopicFeeds(settings.contentDir);
    return buildContent(settings, plan, null);
  };
  // Content on a read-only mount (or checkout) has no place for the lock beside it: built as it is, with a warning (it
  // had been, before builds took the lock: a hostile pass's), unless a run holds the lock or left a write unfinished
  // (a second hostile pass's build, run as a user who could not write beside the content, had discarded a running
  // ingest's journal so).
  const real = values['no-ingest'] ? realpathSync(settings.contentDir) : '';
  // The output dir (and its staging dir) and the frozen dir are one build's at a time too, whatever content it builds:
  // two builds of different content folders into one checkout's dist/ had each reported success over a site with
  // no page left (an operator trial's). Taken after the content's lock, before anything is read or written.
  const locks = { log: (m: string) => makeLog(settings.json)('info', m) };
  const siteLocked = <T>(fn: () => Promise<T>): Promise<T> => withRunLock(dist, () => withRunLock(frozen, fn, locks), locks);
  if (values['no-ingest'] && !writable(path.dirname(real))) {
    if (existsSync(`${real}.lock`) || existsSync(path.join(real, TXN_DIR))) {
      throw new Error(`${settings.contentDir}: a run holds its lock (${real}.lock) or left a write unfinished (${TXN_DIR}), and this user cannot write beside it to take the lock: build it when that run is over, or as the user that runs ingest`);
    }
    makeLog(settings.json)('warn', `cannot take the run lock beside ${settings.contentDir} (this user cannot write to ${path.dirname(real)}): building without it, so no run may write this content meanwhile`);
    return siteLocked(buildExisting);
  }
  // A build is one run (src/io/lock.ts): it holds the content directory's run lock for its whole length, its ingest
  // and its site build, so no other run writes the content while it reads it, and a build of existing content never
  // takes a running ingest's journal for an interrupted one (an operator trial's `build --no-ingest` discarded one
  // mid-run: 874 stories lost, the ingest exit 0; a hostile pass's ingest rewrote the content under a build's Astro
  // build, exit 0 both). Another run holding the lock stops it at once (RunLockedError), before anything is touched.
  return withRunLock(settings.contentDir, () => siteLocked(async () => (values['no-ingest'] ? buildExisting() : buildContent(settings, plan, await runIngest(settings, undefined, true)))), locks);
}

/**
 * Why the content, output and frozen folders cannot be built with, or null. A build replaces its output dir whole and
 * rewrites its frozen dir, so none of the three may be or hold another (an output dir holding the content dir had
 * deleted the content, exit 0: a hostile pass's), compared by real path (symlinks resolved where the path exists);
 * the output and frozen dirs must be places this user can write (unwritablePlace), neither a file nor, for the output
 * dir, a mount point (replaceProblem); and an output dir that exists must
 * be empty or a site already (an index.html or a pagefind/ in it), not a folder of other files, which the build
 * would delete.
 */
export function buildFoldersProblem(content: string, dist: string, frozen: string): string | null {
  const named: Array<[string, string]> = [['the content dir', content], ['the output dir', dist], ['the frozen dir', frozen]];
  const real = named.map(([what, p]) => [what, p, realPathOf(p)] as const);
  const within = (a: string, b: string): boolean => a === b || a.startsWith(`${b}${path.sep}`);
  for (const [whatA, a, ra] of real) {
    for (const [whatB, b, rb] of real) {
      if (whatA !== whatB && within(ra, rb)) return `${whatA} ${a} ${ra === rb ? 'is' : 'is inside'} ${whatB} ${b}: each needs a folder of its own (PARALLAX_OUT_DIR, --frozen-dir, --content)`;
    }
  }
  for (const [what, dir, option] of [['the output dir', dist, 'PARALLAX_OUT_DIR'], ['the frozen dir', frozen, '--frozen-dir']] as const) {
    const problem = unwritablePlace(path.dirname(path.resolve(dir))) ?? replaceProblem(path.resolve(dir), dir === dist);
    if (problem) return `${what} ${dir} cannot be written: ${problem}; the build writes it, a staging folder and a lock beside it: choose another folder (${option})`;
  }
  const entries = readdirSafe(dist);
  if (entries.length > 0 && !entries.includes('index.html') && !entries.includes('pagefind')) {
    return `the output dir ${dist} holds files that are not a site (${entries.slice(0, 3).join(', ')}${entries.length > 3 ? ', …' : ''}), which the build would delete: choose an empty folder or a site's (PARALLAX_OUT_DIR)`;
  }
  return null;
}

/** Why no folder can be made or written at `dir` (absolute), or null: the nearest part of it that exists is a file, or
 * this user cannot write to it (access(2) W_OK: a read-only mount, or no permission). An operator's read-only parent
 * of the output dir had stopped a build with Node's bare "EROFS: read-only file system, mkdir …" (a trial's). */
function unwritablePlace(dir: string): string | null {
  for (let d = dir; ; d = path.dirname(d)) {
    const stat = statSync(d, { throwIfNoEntry: false });
    if (stat?.isDirectory()) return writable(d) ? null : `this user cannot write to ${d} (a read-only file system, or no permission)`;
    if (stat) return `${d} is a file, not a folder`;
    if (path.dirname(d) === d) return null;
  }
}

/** Why the build cannot use `dir` (absolute), or null: it is a file; or, when the build replaces it whole by a rename
 * (`replaced`: the output dir), a mount point (its device is not its parent's: a volume mounted at dist/ had built a
 * whole site, then failed with EBUSY; a hostile pass's). */
function replaceProblem(dir: string, replaced: boolean): string | null {
  const stat = statSync(dir, { throwIfNoEntry: false });
  if (!stat) return null;
  if (!stat.isDirectory()) return `${dir} is a file, not a folder`;
  if (!replaced) return null;
  const parent = statSync(path.dirname(dir), { throwIfNoEntry: false });
  return parent && parent.dev !== stat.dev ? `${dir} is a mount point, which the build cannot replace (it renames a new folder into its place): give a folder inside it` : null;
}

/** `p` absolute with symlinks resolved as far as it exists (its missing tail appended as written). */
function realPathOf(p: string): string {
  const abs = path.resolve(p);
  const missing: string[] = [];
  for (let d = abs; ; d = path.dirname(d)) {
    try {
      return path.join(realpathSync(d), ...missing.reverse());
    } catch {
      if (path.dirname(d) === d) return abs;
      missing.push(path.basename(d));
    }
  }
}

/** The names in `dir`, or [] when it is not a readable folder. */
function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** What buildSite returns: the settings used, the site build's report and the ingest's (null for --no-ingest). */
type BuildResult = IngestSettings & { site: SiteBuildReport; ingest: IngestReport | null };

/** Whether this process may create files in `dir` (access(2) W_OK: false for a read-only mount or an immutable folder). */
function writable(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** What buildContent builds with: build jobs, the output and frozen dirs (absolute), --full, and when the command
 * started (performance.now(), ms) for the summary's seconds. */
interface BuildPlan {
  jobs: number;
  dist: string;
  frozen: string;
  full: boolean;
  started: number;
}

/** The site build of `buildSite` after its ingest (`report`; null for --no-ingest): builds, assembles, prints the summary. */
async function buildContent(settings: IngestSettings, { jobs, dist, frozen, full, started }: BuildPlan, report: IngestReport | null): Promise<BuildResult> {
  // Content without a source would publish an empty site over the last one: stopped before the build touches dist/.
  requireSources(settings.contentDir);
  // With --json, stdout holds only the final JSON report; progress lines go to stderr as JSON log lines.
  const jsonLog = makeLog(true);
  const log = (line: string): void => (settings.json ? jsonLog('info', line.trim()) : void process.stdout.write(`${line}\n`));

  // Astro's own lines (its errors, a stopped child's last word) as JSON log lines too.
  const astroOutput: AstroOutput | undefined = settings.json ? jsonLog : undefined;
  const env: NodeJS.ProcessEnv = { ...process.env };
  const ctx = { root: ROOT, contentDir: settings.contentDir, frozenDir: frozen, env, version: await templateVersion(ROOT, env), output: astroOutput };
  // The live build and the partitions share one limit: the live build is queued first (it is the longest), and the
  // months that changed build beside it when there is more than one job.
  const limit = pLimit(jobs);
  const staging = stagingDir(dist);
  // An Astro build a killed command left may still be writing into the staging dir for a moment: stopped first.
  await removeDeadBuildDirs(astroWorkDirs(ROOT));
  await rm(staging, { recursive: true, force: true });
  let astroSeconds = 0;
  let pagefindSeconds = 0;
  const live = limit(async () => {
    const t = performance.now();
    await astroBuild(settings.contentDir, staging, astroOutput);
    astroSeconds = (performance.now() - t) / 1000;
    const tp = performance.now();
    await pagefindIndex(staging);
    pagefindSeconds = (performance.now() - tp) / 1000;
    return (performance.now() - t) / 1000;
  });
  // The months' time runs from the first month's turn (it may wait behind the live build) to the last one's end.
  let partsStart = Infinity;
  const monthTurn = <T>(task: () => Promise<T>): Promise<T> =>
    limit(() => {
      partsStart = Math.min(partsStart, performance.now());
      return task();
    });
  const frozenRun = buildPartitions(ctx, full, log, monthTurn).then((r) => ({
    r,
    seconds: Number.isFinite(partsStart) ? (performance.now() - partsStart) / 1000 : 0,
  }));
  const [liveDone, frozenDone] = await Promise.allSettled([live, frozenRun]);
  if (liveDone.status === 'rejected' || frozenDone.status === 'rejected') {
    await rm(staging, { recursive: true, force: true });
    throw liveDone.status === 'rejected' ? liveDone.reason : (frozenDone as PromiseRejectedResult).reason;
  }
  const liveSeconds = liveDone.value;
  const { r: partitions, seconds: partitionSeconds } = frozenDone.value;

  let t = performance.now();
  t = performance.now();
  const site = siteOrigin(env);
  const base = env.PARALLAX_BASE || '/';
  const assembled = await assembleSite({
    staging,
    dist,
    frozenDir: frozen,
    months: archiveMonths(settings.contentDir),
    full,
    redirects: async (tree, ours) => (await writeRedirects(settings.contentDir, tree, site, base, ours)).pages,
  });
  const assembleSeconds = (performance.now() - t) / 1000;
  const { pages, redirects } = assembled;
  const rebuilt = partitions.filter((p) => p.action !== 'keep');
  log(
    `\nsite (${jobs} build job${jobs === 1 ? '' : 's'}): ${plural(partitions.length, 'archive month')} (${rebuilt.length} rebuilt, ${plural(rebuilt.reduce((n, p) => n + p.rendered, 0), 'story', 'stories')} rendered) ${partitionSeconds.toFixed(1)} s · live build ${liveSeconds.toFixed(1)} s (astro ${astroSeconds.toFixed(1)} s, pagefind ${pagefindSeconds.toFixed(1)} s) · assemble ${assembleSeconds.toFixed(1)} s (${assembled.mode}, ${assembled.relinked.length} months linked) · ${redirects} redirects`,
  );
  const siteReport: SiteBuildReport = { dir: dist, partitions, partitionSeconds, liveSeconds, astroSeconds, pagefindSeconds, assembleSeconds, assembly: assembled.mode, relinked: assembled.relinked, pages, redirects };
  const seconds = (performance.now() - started) / 1000;
  if (settings.json) process.stdout.write(`${JSON.stringify({ ingest: report, site: siteReport, seconds: Number(seconds.toFixed(2)) }, null, 2)}\n`);
  else process.stdout.write(`\nParallax\n${formatSummary(report, { count: pages, dir: dist }, seconds)}\n`);
  return { ...settings, site: siteReport, ingest: report };
}

/**
 * What is wrong with PARALLAX_TIME_ZONE (timeZoneProblem in src/site-config.ts), with the canonical IANA name a
 * misspelling is closest to ("Europe/Warsw" → did you mean "Europe/Warsaw"?, closestName as `sources check` uses it
 * for a source's timeZone), or null. Checked before the ingest, so a bad setting stops the build before anything is
 * written, with a message that names the variable (the Astro build would otherwise fail on it, after the ingest).
 */
export function siteTimeZoneProblem(env: NodeJS.ProcessEnv = process.env): string | null {
  const problem = timeZoneProblem(env);
  if (!problem) return null;
  const meant = closestName(env.PARALLAX_TIME_ZONE!.trim(), Intl.supportedValuesOf('timeZone'));
  return meant ? `${problem}; did you mean "${meant}"?` : problem;
}

/**
 * The warning of a build for publication without PARALLAX_SITE (null when it is set): its feeds (rss.xml, feed.json),
 * sitemap, canonical and og:url links would name http://localhost:4321, silently. `start` sets PARALLAX_SITE to the
 * address it serves (siteOf), so it has nothing to warn about and never calls this.
 */
export function siteUrlWarning(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.PARALLAX_SITE) return null;
  return `PARALLAX_SITE is not set: rss.xml, feed.json, the sitemap and the canonical and og:url links name ${DEFAULT_SITE}; to publish, set the site's origin, e.g. PARALLAX_SITE=https://news.example.org parallax build`;
}

/**
 * The `build` command: builds (`build`, buildSite by default), then warns on stderr (a JSON log line with --json,
 * so stdout stays the report) when PARALLAX_SITE is not set in `env`.
 */
export async function run(args: string[], build: (args: string[]) => Promise<{ json: boolean; ingest?: IngestReport | null }> = buildSite, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { json, ingest } = await build(args);
  const warning = siteUrlWarning(env);
  if (warning) makeLog(json)('warn', warning);
  // The site is built all the same (it shows the content as it is), but a total outage does not exit 0.
  return outageExit(ingest ?? null, json);
}
