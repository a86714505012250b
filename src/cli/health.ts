/**
 * `parallax health [--content DIR] [--json] [--problems]`: the feed health report from <content>/state/feeds.json —
 * per feed: status of the last run, consecutive failures, last success, last error, items in the last fetch, newest
 * item and whether the feed is stale. Worst first. Read-only (an interrupted write is reported, not completed).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { truncateText } from '../core/feed/clean-text';
import { errorName, healthRows, OPERATOR_WARNING_KINDS, STALE_AFTER_DAYS, type FeedState } from '../core/state/feed-state';
import { CONTENT_SCHEMA_VERSION, readFeedStates } from '../io/content-store';
import { TXN_DIR } from '../io/journal';
import { contentVersion } from '../io/migrate-content';
import { requireContentDir, parseCliArgs } from './ingest-options';

export const description = 'feed health report: failures, last success and error, stale feeds (from state/feeds.json)';

const day = (iso: string | null): string => (iso ? iso.slice(0, 16).replace('T', ' ') : '—');

/** `text` cut to `max` characters in its middle, marked "…": a URL has no words to end at, and its end (the feed's
 * path) tells two feeds of one host apart. */
function cutMiddle(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = Math.ceil((max - 1) * 0.4);
  return `${text.slice(0, head)}…${text.slice(text.length - (max - 1 - head))}`;
}

/** A feed's warnings of the last run that ask the operator to act (OPERATOR_WARNING_KINDS: moved, no items). */
const operatorWarnings = (r: FeedState): FeedState['errors'] => (Array.isArray(r.errors) ? r.errors.filter((e) => OPERATOR_WARNING_KINDS.has(e.kind)) : []);

/** A feed `health --problems` lists: failing, stale, or with a warning that asks the operator to act. */
const isProblem = (r: FeedState): boolean => r.status === 'failed' || r.stale || operatorWarnings(r).length > 0;

/**
 * The report as text lines: a summary over every feed, then a table of them (with `problemsOnly`, of the failing,
 * stale and warned ones), or one line saying there is none to list. A feed with a warning that asks the operator to
 * act (moved permanently, no items: OPERATOR_WARNING_KINDS) shows `warning` as its status when it did not fail, and
 * its warnings follow the table in full, one a line ("<source>: <feed URL>: <kind>: <message>"), never cut: the new
 * URL of a moved feed is what the operator copies into the registry.
 */
export function formatHealth(rows: readonly FeedState[], { problemsOnly = false }: { problemsOnly?: boolean } = {}): string {
  const failing = rows.filter((r) => r.status === 'failed').length;
  const stale = rows.filter((r) => r.stale).length;
  const notModified = rows.filter((r) => r.status === 'not_modified').length;
  const header = ['status', 'fails', 'last success', 'items', 'newest item', 'feed', 'last error'];
  const shown = problemsOnly ? rows.filter(isProblem) : rows;
  const warned = rows.filter((r) => operatorWarnings(r).length > 0).length;
  const summary = `Feeds ${rows.length}: ${rows.length - failing - notModified} ok, ${notModified} not modified, ${failing} failing, ${stale} stale (no new item for ${STALE_AFTER_DAYS}+ days)${warned ? `, ${warned} with a warning` : ''}`;
  // No table under a summary that says there is nothing to list (an empty header had read as "no feeds").
  if (rows.length === 0) return `${summary}\nNo feed has been read yet: run \`parallax ingest\` first.`;
  if (shown.length === 0) return `${summary}\nNo failing or stale feed.`;
  const table = shown.map((r) => [
    r.status === 'failed' ? 'FAILED' : r.stale ? 'stale' : operatorWarnings(r).length ? 'warning' : r.status === 'not_modified' ? 'not mod.' : 'ok',
    String(r.consecutiveFailures),
    day(r.lastSuccess),
    String(r.items),
    day(r.newestItem),
    cutMiddle(`${r.sourceId}: ${r.url ?? r.name}`, 70),
    r.lastError ? truncateText(`${day(r.lastError.at)} ${errorName(r.lastError)}: ${r.lastError.message}`, 80) : '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd();
  const warnings = shown.flatMap((r) => operatorWarnings(r).map((e) => `  ${r.sourceId}: ${r.url ?? r.name}: ${e.kind}: ${e.message}`));
  return [
    summary,
    '',
    line(header),
    ...table.map(line),
    ...(warnings.length ? ['', 'Warnings:', ...warnings] : []),
  ].join('\n');
}

export const help = `usage: parallax health [--content DIR] [--problems] [--json]

  --content DIR    the content directory (default content/)
  --problems       only failing and stale feeds, and those with a warning to act on (moved, no items)
  --json           the report as JSON`;

export async function run(args: string[]): Promise<number> {
  const { values } = parseCliArgs({ args, options: { content: { type: 'string' }, json: { type: 'boolean', default: false }, problems: { type: 'boolean', default: false } } });
  const dir = path.resolve(values.content ?? 'content');
  if (!existsSync(path.join(dir, TXN_DIR))) requireContentDir(dir);
  const version = await contentVersion(dir);
  if (version !== null && version > CONTENT_SCHEMA_VERSION) throw new Error(`${dir}: content schema version ${version} is newer than this Parallax understands (${CONTENT_SCHEMA_VERSION})`);
  const notes: string[] = [];
  if (version !== null && version < CONTENT_SCHEMA_VERSION) notes.push(`content is schema version ${version}; the next ingest migrates it (no health recorded before version 2)`);
  if (existsSync(path.join(dir, TXN_DIR))) notes.push('an interrupted write is pending; the next ingest completes or discards it');
  let unreadable = false;
  const states = await readFeedStates(dir, (m) => {
    unreadable = true;
    notes.push(`${m}: no feed health to report; the next ingest keeps the file as state/feeds.json.unreadable and starts feed health over`);
  });
  const rows = healthRows(states.values());
  const feeds = values.problems ? rows.filter(isProblem) : rows;
  if (values.json) process.stdout.write(`${JSON.stringify({ contentDir: dir, schemaVersion: version, notes, feeds }, null, 2)}\n`);
  // An unreadable record has its note; "no feed has been read yet" would say what is not known (an operator trial's).
  else process.stdout.write(`${[...notes.map((n) => `note: ${n}`), ...(unreadable ? [] : [formatHealth(rows, { problemsOnly: values.problems })])].join('\n')}\n`);
  return unreadable ? 1 : 0;
}
