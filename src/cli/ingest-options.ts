/**
 * Options shared by the commands that run the pipeline (ingest, build, start), and the run itself with a terminal
 * log. The demo defaults live here: with neither --live nor --feeds, the bundled snapshot is read and the content
 * goes to .demo/content, never into an instance's content/.
 */
import path from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import { fetchFeeds } from '../io/fetch-feeds';
import { readFeedFolder } from '../io/read-feed-folder';
import { ingest, type IngestReport } from '../pipeline';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
export const DEMO_FEEDS = path.join(ROOT, 'fixtures', 'snapshot-2026-02-18', 'feeds');
export const DEMO_CONTENT = path.join(ROOT, '.demo', 'content');

export const INGEST_OPTIONS = {
  live: { type: 'boolean', default: false },
  feeds: { type: 'string' },
  content: { type: 'string' },
  registry: { type: 'string' },
  now: { type: 'string' },
  json: { type: 'boolean', default: false },
} as const satisfies ParseArgsConfig['options'];

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

/** Resolves the parsed flags into settings. Throws UsageError for an unreadable --now. */
export function ingestSettings(values: { live?: boolean; feeds?: string; content?: string; registry?: string; now?: string; json?: boolean }): IngestSettings {
  const demo = !values.live && !values.feeds;
  const contentDir = path.resolve(values.content ?? (demo ? DEMO_CONTENT : 'content'));
  const registryPath = path.resolve(values.registry ?? (demo ? path.join(ROOT, 'content', 'sources.json') : path.join(contentDir, 'sources.json')));
  let now: Date | null = null;
  if (values.now) {
    now = new Date(values.now);
    if (Number.isNaN(now.getTime())) throw new UsageError(`--now: not an ISO-8601 date: ${values.now}`);
  }
  return { contentDir, registryPath, feedsDir: values.live ? null : path.resolve(values.feeds ?? DEMO_FEEDS), live: !!values.live, now, json: !!values.json };
}

/** Runs the pipeline with the real clock; warnings and errors go to stderr unless --json. */
export function runIngest(s: IngestSettings): Promise<IngestReport> {
  return ingest(
    { contentDir: s.contentDir, registryPath: s.registryPath, now: s.now },
    {
      readFeeds: (registry) => (s.live ? fetchFeeds(registry) : readFeedFolder(s.feedsDir!, registry)),
      live: s.live,
      clock: () => Date.now(),
      log: (level, message) => {
        if (!s.json && level !== 'info') process.stderr.write(`${level}: ${message}\n`);
      },
    },
  );
}

/** The one-screen summary of a run (and of a build, when `pages` is given). */
export function formatSummary(report: IngestReport | null, pages: number | null, seconds: number): string {
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
