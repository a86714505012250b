/** Shared test helpers: temporary folders, a content-tree digest, a quiet pipeline run, and the CLI run as a user would. */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ingest, type IngestReport } from '../src/pipeline';
import { StorySchema, type Story } from '../src/core/schema/story';
import { parseStoryFile } from '../src/core/story/serialize-story';
import { readFeedFolder } from '../src/io/read-feed-folder';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
export const SNAPSHOT_FEEDS = path.join(ROOT, 'fixtures', 'snapshot-2026-02-18', 'feeds');
/** The demo's registry: the bundled snapshot's outlets (src/cli/ingest-options.ts DEMO_REGISTRY). */
export const REGISTRY = path.join(ROOT, 'fixtures', 'snapshot-2026-02-18', 'sources.json');

export function tempDir(prefix = 'parallax-'): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), prefix));
}

/** Path → SHA-256 of every file under `dir` (sorted), to compare trees byte for byte. */
export async function treeDigest(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const entries = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  for (const e of entries.map((x) => path.join(x.parentPath, x.name)).sort()) {
    out[path.relative(dir, e)] = createHash('sha256').update(await readFile(e)).digest('hex');
  }
  return out;
}

/** Runs the pipeline on a folder of feed files into `contentDir`, collecting log lines instead of printing them. */
/** runFolder's real time (its ingest's clock): a --now over a day after it is refused, an item after it is not news yet. */
export const RUN_FOLDER_REAL_TIME = '2026-12-01T00:00:00Z';

export async function runFolder(feedsDir: string, contentDir: string, now: Date | null = null, registryPath = REGISTRY): Promise<{ report: IngestReport; logs: string[] }> {
  const logs: string[] = [];
  const report = await ingest(
    { contentDir, registryPath, now },
    {
      readFeeds: (registry) => readFeedFolder(feedsDir, registry),
      live: false,
      clock: () => Date.parse(RUN_FOLDER_REAL_TIME),
      log: (level, message) => logs.push(`${level}: ${message}`),
    },
  );
  return { report, logs };
}

/** ../shared beside the repository (CI has it; a user's clone does not): tests that read it skip without it. */
export const SHARED = path.resolve(ROOT, '..', 'shared');

/** Runs `node bin/parallax.mjs ...args` with `env` added to this process's; its exit code, stdout and stderr. */
export async function runCli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [path.join(ROOT, 'bin', 'parallax.mjs'), ...args], { env: { ...process.env, ...env } });
    return { code: 0, out: stdout, err: stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout, err: e.stderr };
  }
}

/** A registry entry for tests: an unrated US English outlet at https://SITE/ whose feeds are the given files (each's
 * URL https://SITE/FILE, kind as given, else news). */
export function registrySource(id: string, site: string, feeds: Array<{ file: string; kind?: string }>) {
  return {
    id, name: id, homepage: `https://${site}/`, feeds: feeds.map((f) => ({ url: `https://${site}/${f.file}`, ...f, topic: null })),
    country: 'US', language: 'en', bias: [], factuality: [], ownership: null, discovered: false,
  };
}

/** An RSS 2.0 item: its link is also its guid; `date` is RFC 822, `text` the description (default: the title, "as reported"). */
export function rssItem(url: string, title: string, date: string, text = `${title}, as reported.`): string {
  return `<item><title>${title}</title><link>${url}</link><guid>${url}</guid><pubDate>${date}</pubDate><description>${text}</description></item>`;
}

/** An RSS 2.0 document of the site https://SITE/ holding `items` (rssItem). */
export function rssDocument(site: string, items: string[]): string {
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>${site}</title><link>https://${site}/</link>${items.join('')}</channel></rss>`;
}

/** One story file, read and validated (StorySchema: throws when the file is not a valid story). */
export async function readStoryFile(file: string): Promise<Story> {
  return StorySchema.parse(parseStoryFile(await readFile(file, 'utf8')));
}

/**
 * Every story file under `<content>/<folder>` (the archive's month folders included), read and validated, in file
 * name order; none when the folder does not exist.
 */
export async function readStoriesIn(content: string, folder: 'stories' | 'archive' = 'stories'): Promise<Story[]> {
  const dir = path.join(content, folder);
  const files = (await readdir(dir, { recursive: true }).catch(() => [] as string[])).filter((f) => f.endsWith('.md')).sort();
  return Promise.all(files.map((f) => readStoryFile(path.join(dir, f))));
}
