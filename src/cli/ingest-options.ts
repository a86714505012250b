/**
 * Options shared by the commands that run the pipeline (ingest, build, start), and the run itself with a terminal
 * log. The demo defaults live here: with neither --live nor --feeds, the bundled snapshot is read and the content
 * goes to .demo/content, never into an instance's content/.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { z } from 'astro/zod';
import cliProgress from 'cli-progress';
import type { FeedInput, FeedValidators } from '../core/pipeline-types';
import type { Source } from '../core/schema/source';
import { errorName, isFailureKind } from '../core/state/feed-state';
import { closestName } from '../core/registry/closest-name';
import { fetchFeeds } from '../io/fetch-feeds';
import { readRegistry } from '../io/content-store';
import { readFeedFolder } from '../io/read-feed-folder';
import { EXIT_ALL_FEEDS_FAILED, EXIT_STALLED } from '../io/exit-code';
import { ingest, ingestUnderLock, type IngestDeps, type IngestReport } from '../pipeline';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
export const DEMO_FEEDS = path.join(ROOT, 'fixtures', 'snapshot-2026-02-18', 'feeds');
export const DEMO_CONTENT = path.join(ROOT, '.demo', 'content');
/** The demo's registry: the outlets of the snapshot as captured, apart from content/sources.json, the instance's own
 * registry (which an operator edits; the demo must not read it). */
export const DEMO_REGISTRY = path.join(ROOT, 'fixtures', 'snapshot-2026-02-18', 'sources.json');

export const INGEST_OPTIONS = {
  live: { type: 'boolean', default: false },
  feeds: { type: 'string' },
  content: { type: 'string' },
  registry: { type: 'string' },
  now: { type: 'string' },
  json: { type: 'boolean', default: false },
} as const satisfies ParseArgsConfig['options'];

/** The ingest options' lines of `--help` (ingest, build and start take them). */
export const INGEST_HELP = `  --feeds DIR      read a folder of feed files (default: the bundled demo snapshot, into .demo/content)
  --live           fetch every feed URL of the registry instead
  --content DIR    the content directory (default: content/, or .demo/content for the demo)
  --registry FILE  the source registry (default: <content>/sources.json; the demo's: fixtures/snapshot-2026-02-18/sources.json)
  --now TIME       the run's clock, RFC 3339 with a zone (2026-02-18T03:12:00Z); default: the real time when live,
                   the newest item's time for a folder
  --json           the report as JSON on stdout, log lines as JSON lines on stderr`;

/** The exit statuses of `ingest` and `build`, for their --help. */
export const EXIT_HELP = `exit status: 0 done; 1 refused (nothing written); 2 usage error; ${EXIT_ALL_FEEDS_FAILED} no feed read, or every feed failed
(the content was written all the same); ${EXIT_STALLED} internal error (the run stopped before it finished)`;

export interface IngestSettings {
  contentDir: string;
  registryPath: string;
  feedsDir: string | null;
  live: boolean;
  now: Date | null;
  json: boolean;
}

/** Thrown for a command-line mistake; the CLI prints the message and exits with status 2. */
export class UsageError extends Error {}

/**
 * Throws UsageError unless `file`, given as `flag` (--registry, --opml, --data...), is a file that is there: a missing
 * path or a directory is named in one line (they had been Node's raw ENOENT / EISDIR).
 */
export function requireFile(flag: string, file: string): void {
  const stat = statSync(file, { throwIfNoEntry: false });
  if (!stat) throw new UsageError(`${flag}: no file at ${path.resolve(file)}`);
  if (stat.isDirectory()) throw new UsageError(`${flag}: ${path.resolve(file)} is a directory, not a file`);
}

/**
 * Throws UsageError unless a file can be written at `file`, given as `flag` (--out, or --registry for a new
 * registry): its folder is there, and it is no directory.
 */
export function requireOutFile(flag: string, file: string): void {
  const target = path.resolve(file);
  const folder = statSync(path.dirname(target), { throwIfNoEntry: false });
  if (!folder) throw new UsageError(`${flag}: folder ${path.dirname(target)} does not exist`);
  if (!folder.isDirectory()) throw new UsageError(`${flag}: ${path.dirname(target)} is not a folder`);
  if (statSync(target, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`${flag}: ${target} is a directory, not a file`);
}

/** A value that reads as a negative number (-1, -0.5, -.5, -1e3): an option's value, not another option. */
const NEGATIVE_NUMBER = /^-\.?\d/;

/**
 * node:util's parseArgs, except that a string option's value may look like a negative number: `--jobs -1` is read as
 * `--jobs=-1`, so the option's own check names what it takes (parseArgs refused it as "ambiguous", a message about
 * dashes). Anything after `--` is left as it is. An unknown option is a UsageError naming it and the option it is
 * closest to ("Unknown option '--ulr'; did you mean --url?"). Every command parses its arguments through this.
 */
export function parseCliArgs<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  const args = config.args ?? [];
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      joined.push(...args.slice(i));
      break;
    }
    const name = arg.startsWith('--') && !arg.includes('=') ? arg.slice(2) : undefined;
    const next = args[i + 1];
    if (name && config.options?.[name]?.type === 'string' && next !== undefined && NEGATIVE_NUMBER.test(next)) {
      joined.push(`${arg}=${next}`);
      i++;
    } else joined.push(arg);
  }
  try {
    return parseArgs({ ...config, args: joined } as T);
  } catch (error) {
    // One wording for every command, with the option probably meant (parseArgs adds advice about '--' positionals
    // to the commands that take positionals, with an unbalanced quote).
    const unknown = (error as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? /Unknown option '(-{1,2}[^']*)'/.exec((error as Error).message)?.[1] : undefined;
    if (unknown === undefined) throw error;
    const meant = unknown.startsWith('--') ? closestName(unknown.slice(2).split('=')[0]!, Object.keys(config.options ?? {})) : undefined;
    throw new UsageError(`Unknown option '${unknown}'${meant === undefined ? '' : `; did you mean --${meant}?`}`);
  }
}

/**
 * Throws UsageError unless `dir` is a content directory an ingest wrote: one holding state/sources.json (the
 * registry the site renders). A build or health report of any other folder (an empty or mistyped --content) would
 * show nothing, or a previous build's cached sources, and exit 0.
 */
export function requireContentDir(dir: string): void {
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`--content: no content directory at ${dir}`);
  if (!existsSync(path.join(dir, 'state', 'sources.json'))) {
    throw new UsageError(
      `--content: ${dir} is not a Parallax content directory (no state/sources.json); an ingest makes one: \`parallax ingest --live --content ${dir}\` (fetching the feeds of the registry ${path.join(dir, 'sources.json')}, or --registry FILE; README, "Running your own instance"), or --feeds DIR for a folder of feed files`,
    );
  }
}

/** How sources get into `registry` (README, "Sources and ratings"), for the messages of a run that has none. */
const addSources = (registry = 'REGISTRY.json'): string =>
  `add outlets with \`parallax sources import --registry ${registry} --opml FEEDS.opml\` (or --kite FEEDS.json), or by hand (README: "Sources and ratings")`;

/**
 * Throws (exit 1) when the content directory's resolved sources (state/sources.json, what the site renders) are an
 * empty list: the last ingest read an empty registry, and a build would publish an empty site over the last one.
 * A missing or unreadable file is left to requireContentDir and the site's own validation.
 */
export function requireSources(dir: string): void {
  let sources: unknown;
  try {
    sources = JSON.parse(readFileSync(path.join(dir, 'state', 'sources.json'), 'utf8'));
  } catch {
    return;
  }
  if (Array.isArray(sources) && sources.length === 0) {
    throw new Error(`no sources in ${dir} (state/sources.json is empty): nothing to publish, the site was not built. To fix: ${addSources()}, then run \`parallax ingest\``);
  }
}

/**
 * Wraps a run's feed reader so that a run with no source at all (an empty registry, and no feed file of an outlet
 * outside it) stops before the content is changed, instead of writing empty content (and a build an empty site).
 */
function refuseNoSources(s: IngestSettings, readFeeds: IngestDeps['readFeeds']): IngestDeps['readFeeds'] {
  return async (registry, validators) => {
    const inputs = await readFeeds(registry, validators);
    if (registry.length > 0 || inputs.length > 0) return inputs;
    const listed = (await readRegistry(s.registryPath)).length;
    const why = listed ? `every source of the registry ${s.registryPath} is taken down (overrides.json)` : `no sources in the registry ${s.registryPath}`;
    throw new Error(`${why}: nothing to read, the content was left as it was. To fix: ${addSources(s.registryPath)}`);
  };
}

/** --now: an RFC 3339 date-time with Z or an offset, of a real calendar day (zod checks month lengths). */
const RUN_CLOCK = z.string().datetime({ offset: true });

/**
 * Throws UsageError unless `dir`, given as `flag` (--feeds, --merge), is a folder: a missing path or a file is named
 * in one line (they had been Node's raw ENOENT / ENOTDIR from scandir).
 */
export function requireFolder(flag: string, dir: string, what: string): void {
  const stat = statSync(dir, { throwIfNoEntry: false });
  if (!stat) throw new UsageError(`${flag}: no folder at ${path.resolve(dir)}`);
  if (!stat.isDirectory()) throw new UsageError(`${flag}: ${path.resolve(dir)} is a file, not a folder (${flag} takes a folder of ${what})`);
}

/**
 * Resolves the parsed flags into settings. With neither --live nor --feeds a run ingests the demo: the bundled
 * snapshot, with its own registry (DEMO_REGISTRY), into .demo/content. Throws UsageError for --live with --feeds, a
 * --now that is not an RFC 3339 date-time with a zone ("t" and "z" in lower case allowed), --live, --feeds, --registry
 * or --now when not `ingesting` (build --no-ingest), a --feeds path that is not a folder, or, when `ingesting`, a
 * --content without --live or --feeds: the demo would fill that folder (an instance's own, when --live was forgotten)
 * with the snapshot's articles and outlets.
 */
export function ingestSettings(
  values: { live?: boolean; feeds?: string; content?: string; registry?: string; now?: string; json?: boolean },
  { ingesting = true }: { ingesting?: boolean } = {},
): IngestSettings {
  if (values.live && values.feeds) throw new UsageError('--live fetches the registry\'s feed URLs and --feeds reads a folder of feed files: give one of them');
  if (!ingesting) {
    // Accepted and ignored, they had read as if the build would fetch or re-clock the content (an operator trial's).
    const reading = (['live', 'feeds', 'registry', 'now'] as const).filter((k) => values[k] !== undefined && values[k] !== false);
    if (reading.length) throw new UsageError(`${reading.map((k) => `--${k}`).join(', ')}: --no-ingest builds the content directory as it is and reads no feed; leave ${reading.length === 1 ? 'it' : 'them'} out, or drop --no-ingest`);
  }
  const demo = !values.live && !values.feeds;
  if (demo && ingesting && values.content !== undefined) {
    throw new UsageError(
      `--content ${values.content}: without --live or --feeds a run reads the bundled demo snapshot, which goes only to .demo/content. To fill this content directory give --live (fetch the registry's feeds) or --feeds DIR (a folder of feed files; the snapshot is fixtures/snapshot-2026-02-18/feeds)`,
    );
  }
  const contentDir = path.resolve(values.content ?? (demo ? DEMO_CONTENT : 'content'));
  const registryPath = path.resolve(values.registry ?? (demo ? DEMO_REGISTRY : path.join(contentDir, 'sources.json')));
  let now: Date | null = null;
  if (values.now !== undefined) {
    // new Date() would take "1" (2001), "Feb 18 2026", 2026-02-30 (as 2 March) and zone-less times in the host's zone;
    // zod's pattern takes any two-digit offset (+25:00), which Date then cannot read.
    // RFC 3339 §5.6 lets "T" and "Z" be written in lower case.
    const text = values.now.replace(/^(\d{4}-\d{2}-\d{2})t/, '$1T').replace(/z$/, 'Z');
    now = RUN_CLOCK.safeParse(text).success ? new Date(text) : null;
    if (!now || Number.isNaN(now.getTime())) {
      // Written as one, but no such day, time or offset ("2026-02-30", "24:00", ":60", "+25:00"; RFC 3339 §5.6-5.7):
      // said so, not as a matter of form.
      const shaped = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/.test(text);
      const what = shaped ? 'no such date, time or offset (a month has its own days, hours run 00–23, minutes and seconds 00–59, offsets up to ±23:59)' : 'not an ISO-8601 date-time with a zone';
      throw new UsageError(`--now: ${what}, e.g. 2026-02-18T03:12:00Z or 2026-02-18T04:12:00+01:00 (got "${values.now}")`);
    }
  }
  const feedsDir = values.live ? null : path.resolve(values.feeds ?? DEMO_FEEDS);
  if (feedsDir) requireFolder('--feeds', feedsDir, 'feed files');
  return { contentDir, registryPath, feedsDir, live: !!values.live, now, json: !!values.json };
}

/** A log line: text on stderr (warnings and errors), or one JSON object per line on stderr with --json. */
export function makeLog(json: boolean): (level: 'info' | 'warn' | 'error', message: string) => void {
  return (level, message) => {
    if (json) process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level, message })}\n`);
    else if (level !== 'info') process.stderr.write(`${level}: ${message}\n`);
    else process.stderr.write(`${message}\n`);
  };
}

/**
 * The exit status of a run that ingested (`ingest`, `build`): EXIT_ALL_FEEDS_FAILED when it read no feed or every
 * feed it read failed, said on stderr (a JSON log line with `json`): the content was written all the same (the
 * window moved on: stories archived, articles pruned), but a scheduled job should not publish a total outage as a
 * success (an operator trial's; a hostile trial's empty download folder had read no feed at all). Else 0; 0 with no
 * ingest (`report` null).
 */
export function outageExit(report: IngestReport | null, json: boolean): number {
  if (!report || (report.feeds.length > 0 && report.feedsFailed < report.feeds.length)) return 0;
  const what = report.feeds.length === 0 ? 'no feed was read' : `every feed failed (${report.feeds.length})`;
  makeLog(json)('error', `${what}; the content was written all the same (the window moved on)`);
  return EXIT_ALL_FEEDS_FAILED;
}

/**
 * A progress bar over feeds on stderr (cli-progress), only on a terminal and never with --json; returns the
 * per-feed callback and a stop function.
 */
export function progressBar(json: boolean, label = 'Feeds'): { onFeed: (input: FeedInput, done: number, total: number) => void; stop: () => void } {
  if (json || !process.stderr.isTTY) return { onFeed: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: `${label} {bar} {value}/{total} {feed}`, hideCursor: true, clearOnComplete: true, barsize: 30 },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    onFeed: (input, done, total) => {
      if (!started) {
        bar.start(total, 0, { feed: '' });
        started = true;
      }
      bar.update(done, { feed: input.name.slice(0, 60) });
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}

/** Reads the feeds of a run: live through the HTTP client (with a progress bar), or a folder. */
export function feedReader(s: IngestSettings): (registry: Source[], validators: FeedValidators) => Promise<FeedInput[]> {
  return async (registry, validators) => {
    if (!s.live) return readFeedFolder(s.feedsDir!, registry);
    const progress = progressBar(s.json);
    try {
      return await fetchFeeds(registry, undefined, undefined, { validators, onFeed: progress.onFeed });
    } finally {
      progress.stop();
    }
  };
}

/**
 * Runs the pipeline with the real clock; log lines go to stderr (JSON lines with --json). Throws, writing nothing,
 * when there is no source to read (an empty registry and no feed file of an outlet outside it). `lockHeld`: the
 * caller holds the content directory's run lock (ingestUnderLock); else the run takes it.
 */
export function runIngest(s: IngestSettings, readFeeds = feedReader(s), lockHeld = false): Promise<IngestReport> {
  return (lockHeld ? ingestUnderLock : ingest)(
    { contentDir: s.contentDir, registryPath: s.registryPath, now: s.now },
    { readFeeds: refuseNoSources(s, readFeeds), live: s.live, clock: () => Date.now(), log: makeLog(s.json) },
  );
}

/** A feed's failure reason for the summary: its first feed-level error's name (errorName), or null. */
export function failureReason(f: IngestReport['feeds'][number]): string | null {
  const e = f.errors.find((x) => isFailureKind(x.kind));
  return e ? errorName(e) : null;
}

/** The summary's line on editors' corrections (overrides.json): "none", or how many applied and the warnings. */
export function correctionsLine(c: IngestReport['corrections']): string {
  if (!c.entries && !c.warnings.length) return 'none (overrides.json)';
  const warned = c.warnings.length ? `${c.warnings.length} ${c.warnings.length === 1 ? 'warning' : 'warnings'} (logged above)` : 'no warnings';
  return `${c.applied} of ${c.entries} applied (overrides.json), ${warned}`;
}

/** The one-screen summary of a run (and of a build, when `pages` is given: how many pages, written to which folder). */
export function formatSummary(report: IngestReport | null, pages: { count: number; dir: string } | null, seconds: number): string {
  const lines: string[] = [];
  if (report) {
    // Feed failures are errors; an item's problem or a feed-level warning (a repaired encoding) is a warning.
    const all = report.feeds.flatMap((f) => f.errors);
    const count = (list: string[]): string[] => [...new Set(list)].sort().map((k) => `${k} ×${list.filter((e) => e === k).length}`);
    // Named as the failed line names them (http_404, not http_status), so the two lines read alike.
    const errors = count(all.filter((e) => isFailureKind(e.kind)).map(errorName));
    const warnings = count(all.filter((e) => !isFailureKind(e.kind)).map((e) => e.kind));
    const reasons = report.feeds.map(failureReason).filter((r): r is string => r !== null);
    const byReason = [...new Set(reasons)].sort().map((k) => `${k} ×${reasons.filter((r) => r === k).length}`);
    const notModified = report.feeds.filter((f) => f.status === 'not_modified').length;
    const ok = report.feeds.length - notModified - reasons.length;
    lines.push(
      `Feeds read        ${report.feeds.length} (${report.feedsFailed} failed)`,
      `  ok              ${ok}`,
      `  not modified    ${notModified}`,
      `  failed          ${reasons.length}${byReason.length ? ` (${byReason.join(', ')})` : ''}`,
      `  new articles    ${report.newArticles}`,
      `  expired items   ${report.expired} (older than the window, not stored)`,
      `Articles          ${report.articlesTotal} stored, ${report.newArticles} new, ${report.windowArticles} in the window, ${report.prunedArticles} pruned`,
      `Stories           ${report.stories} (${report.multiSourceStories} with 2+ sources, ${report.storiesWith3Plus} with 3+ sources), ${report.archivedStories} archived now`,
      `Feed errors       ${errors.length ? errors.join(', ') : 'none'}`,
      `Feed warnings     ${warnings.length ? warnings.join(', ') : 'none'}`,
      `Corrections       ${correctionsLine(report.corrections)}`,
      `Clock (--now)     ${report.now}`,
    );
  }
  if (pages !== null) lines.push(`Pages written     ${pages.count} (in ${pages.dir})`);
  lines.push(`Time              ${seconds.toFixed(1)} s`);
  return lines.join('\n');
}
