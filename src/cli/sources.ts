/**
 * `parallax sources check [--registry FILE] [--json]`: validates the registry; prints FILE:LINE: level code:
 * message for each problem; exits 1 when there is an error.
 *
 * `parallax sources import (--opml FILE | --kite FILE | --allsides CSV | --mbfc JSON | --ownership media_data.json)…
 * [--registry FILE] [--out FILE] [--as-of YYYY-MM-DD] [--dry-run] [--json]`: merges feed lists and rating tables into
 * the registry without clobbering hand edits (src/core/registry/merge.ts), writes it back (or to --out), checks the
 * result and reports what was added, the duplicates and the aggregators found. Feed lists are merged first, then
 * ownership, then ratings. Rating tables only enrich sources already in the registry.
 */
import { existsSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'astro/zod';
import { checkRegistry, type CheckResult } from '../core/registry/check';
import { parseKiteFeeds, parseOpml, type FeedListResult } from '../core/registry/import-feeds';
import { parseAllSidesCsv, parseKiteMediaData, parseMbfcJson, type RecordsResult } from '../core/registry/import-ratings';
import { RegistryMerger, type MergeReport } from '../core/registry/merge';
import { requireFile, requireOutFile, ROOT, UsageError, parseCliArgs } from './ingest-options';

export const description = 'check the source registry, or import feeds and ratings into it (OPML, Kite, AllSides, MBFC, ownership)';

/** `parallax sources --help`. */
const USAGE =
  'usage: parallax sources check [--registry FILE] [--limit N] [--json]\n' +
  '       parallax sources import (--opml FILE | --kite FILE | --allsides CSV | --mbfc JSON | --ownership JSON)... [--registry FILE] [--out FILE] [--as-of YYYY-MM-DD] [--dry-run] [--json]';

export const help = `${USAGE}

  check            validate the registry; every problem with its line (errors exit 1, warnings do not)
  import           merge feed lists and rating tables into the registry (only empty values are filled; each added
                   value is attributed); the merged registry is checked before it is written

  --registry FILE  the registry (default content/sources.json); import into a file not there yet starts one
  --limit N        check: print at most N issues (default 200; --json lists all)
  --opml FILE      an OPML feed list: one source per outline's site (htmlUrl), folders become feed topics
  --kite FILE      Kagi Kite's kite_feeds.json: category → feeds, with its source_language
  --allsides CSV   AllSides' bias ratings (only sources already in the registry are rated)
  --mbfc JSON      Media Bias/Fact Check's sources.json (bias, factuality)
  --ownership JSON Kite's media_data.json: owners and countries
  --as-of DATE     the day the ratings speak for (YYYY-MM-DD); without it, MBFC's latest.json beside the file, else
                   a date in the file's name
  --out FILE       write the merged registry there instead of over --registry
  --dry-run        report what would change; write nothing
  --json           the report (every duplicate and kept value) as JSON
Options may repeat (--opml a.opml --opml b.opml); relative paths are read from where parallax was started.`;

const DEFAULT_REGISTRY = path.join(ROOT, 'content', 'sources.json');
const DATE = /(\d{4}-\d{2}-\d{2})/;
/** A real calendar day, YYYY-MM-DD (ISO 8601; zod checks month lengths and leap years). */
const CALENDAR_DATE = z.string().date();

/** How to start a registry from nothing: an import into a --registry file that is not there yet makes it. */
const START_REGISTRY = (file: string): string => `start one with \`parallax sources import --registry ${file} --opml FEEDS.opml\` (or --kite FEEDS.json)`;

function printIssues(file: string, check: CheckResult, limit: number, write: (s: string) => void): void {
  // FILE:LINE[:COLUMN]: as compilers print it, so an editor can jump there.
  check.issues.slice(0, limit).forEach((i) => write(`${file}:${i.line}${i.column === undefined ? '' : `:${i.column}`}: ${i.level} ${i.code}: ${i.message}\n`));
  if (check.issues.length > limit) write(`… and ${check.issues.length - limit} more (use --json for all)\n`);
}

async function runCheck(args: string[]): Promise<number> {
  const { values } = parseCliArgs({ args, options: { registry: { type: 'string' }, json: { type: 'boolean', default: false }, limit: { type: 'string' } } });
  // Checked with --json too (which lists every issue), so a bad --limit is never silently ignored.
  const limit = values.limit === undefined ? 200 : /^\d+$/.test(values.limit.trim()) ? Number(values.limit) : NaN;
  if (Number.isNaN(limit)) throw new UsageError(`--limit must be a whole number (got "${values.limit}")`);
  const file = values.registry ?? DEFAULT_REGISTRY;
  if (!existsSync(file)) throw new UsageError(`--registry: no file at ${path.resolve(file)}; ${START_REGISTRY(file)}`);
  requireFile('--registry', file);
  const check = checkRegistry(await readFile(file, 'utf8'));
  const out = (s: string): boolean => process.stdout.write(s);
  if (values.json) {
    const { registry: _r, ...rest } = check;
    out(`${JSON.stringify({ file, ...rest }, null, 2)}\n`);
  } else {
    printIssues(file, check, limit, out);
    out(`${file}: ${check.sources} sources, ${check.feeds} feeds, ${check.aggregators.length} aggregators, ${check.disputed.length} disputed; ${check.errors} errors, ${check.warnings} warnings\n`);
  }
  return check.errors > 0 ? 1 : 0;
}

/**
 * The date a rating table speaks for: --as-of, else MBFC's latest.json beside it, else a date in its file name; a
 * day after today from any of them is refused (ratings are dated when they were made).
 */
async function asOfFor(file: string, given: string | undefined, kind: string): Promise<string> {
  const today = new Date().toISOString().slice(0, 10);
  const notAfterToday = (day: string, from: string): string => {
    if (day > today) throw new UsageError(`${from} ${day} is after today (${today}): ratings are dated when they were made`);
    return day;
  };
  if (given) {
    if (!CALENDAR_DATE.safeParse(given).success) throw new UsageError(`--as-of must be a date, YYYY-MM-DD (got "${given}")`);
    return notAfterToday(given, '--as-of');
  }
  const latest = path.join(path.dirname(file), 'latest.json');
  if (kind === 'mbfc' && existsSync(latest)) {
    let rev: string | undefined;
    try {
      rev = (JSON.parse(await readFile(latest, 'utf8')) as { lastRevision?: string } | null)?.lastRevision;
    } catch (error) {
      // Had been JSON.parse's bare `Unexpected token 'o', "not json" is not valid JSON`, naming no file.
      throw new Error(`${latest}: not valid JSON (${error instanceof Error ? error.message.replace(/\s+/g, ' ') : String(error)}); it dates the MBFC ratings: fix it, or pass --as-of YYYY-MM-DD`);
    }
    if (typeof rev !== 'string') rev = undefined;
    const m = rev ? DATE.exec(rev) : null;
    if (m && CALENDAR_DATE.safeParse(m[1]).success) return notAfterToday(m[1]!, `${latest}: the date`);
  }
  const m = DATE.exec(path.basename(file));
  if (m && CALENDAR_DATE.safeParse(m[1]).success) return notAfterToday(m[1]!, `${file}: the date in its name,`);
  throw new UsageError(`${file}: cannot tell the date of the ratings: pass --as-of YYYY-MM-DD`);
}

function top<T>(list: T[], n: number): T[] {
  return list.slice(0, n);
}

/** The first ten of `ids`, comma-separated, and how many more there are. */
function idList(ids: string[]): string {
  return `${top(ids, 10).join(', ')}${ids.length > 10 ? `, … ${ids.length - 10} more` : ''}`;
}

async function runImport(args: string[]): Promise<number> {
  const { values } = parseCliArgs({
    args,
    options: {
      registry: { type: 'string' },
      out: { type: 'string' },
      opml: { type: 'string', multiple: true },
      kite: { type: 'string', multiple: true },
      allsides: { type: 'string', multiple: true },
      mbfc: { type: 'string', multiple: true },
      ownership: { type: 'string', multiple: true },
      'as-of': { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  const inputs = [
    ...(values.opml ?? []).map((f) => ['opml', f] as const),
    ...(values.kite ?? []).map((f) => ['kite', f] as const),
    ...(values.ownership ?? []).map((f) => ['ownership', f] as const),
    ...(values.allsides ?? []).map((f) => ['allsides', f] as const),
    ...(values.mbfc ?? []).map((f) => ['mbfc', f] as const),
  ];
  if (!inputs.length) throw new UsageError(USAGE);
  const started = performance.now();
  const file = values.registry ?? DEFAULT_REGISTRY;
  // Every path is checked before anything is read or written. A --registry that is not there yet is started empty
  // (the import writes it), so a new instance needs no hand-made "[]".
  const fresh = !existsSync(file);
  if (fresh) requireOutFile('--registry', file);
  else requireFile('--registry', file);
  for (const [kind, input] of inputs) requireFile(`--${kind}`, input);
  if (values.out !== undefined) requireOutFile('--out', values.out);
  if (fresh) process.stderr.write(`parallax: --registry: no file at ${path.resolve(file)}: starting a new, empty registry${values['dry-run'] ? ' (dry run: not written)' : ' there'}\n`);
  const before = checkRegistry(fresh ? '[]' : await readFile(file, 'utf8'));
  // Entries that do not validate, or a file that is not a registry at all (cut off, empty, not a JSON array): an
  // import over it would have written the new sources alone and lost every one it held.
  if (before.errors > 0 && (before.registry.length !== before.sources || before.sources === 0)) {
    printIssues(file, before, 20, (s) => process.stderr.write(s));
    process.stderr.write(`parallax: ${file} has entries that do not validate; fix them before importing (parallax sources check)\n`);
    return 1;
  }
  // Keys the schema does not know (a misspelt "factualty") are dropped when the import writes the file back from
  // what it parsed: the import stops first, so no one's data goes without a word.
  const unknown = { ...before, issues: before.issues.filter((i) => i.code === 'unknown_key') };
  if (unknown.issues.length > 0 && !values['dry-run']) {
    printIssues(file, unknown, 20, (s) => process.stderr.write(s));
    process.stderr.write(`parallax: ${file} has keys Parallax does not know; an import writes the registry back from the keys it knows and would drop them: rename or remove them first\n`);
    return 1;
  }
  const merger = new RegistryMerger(before.registry);
  const perInput: Array<{ kind: string; file: string; read: number; skipped: Record<string, number>; errors: string[] }> = [];
  for (const [kind, input] of inputs) {
    const text = await readFile(input, 'utf8');
    if (kind === 'opml' || kind === 'kite') {
      const r: FeedListResult = kind === 'opml' ? parseOpml(text) : parseKiteFeeds(text);
      for (const f of r.feeds) merger.addFeed(f);
      perInput.push({ kind, file: input, read: r.feeds.length, skipped: {}, errors: r.errors });
    } else {
      const r: RecordsResult =
        kind === 'ownership'
          ? parseKiteMediaData(text)
          : kind === 'allsides'
            ? parseAllSidesCsv(text, await asOfFor(input, values['as-of'], kind))
            : parseMbfcJson(text, await asOfFor(input, values['as-of'], kind));
      for (const rec of r.records) merger.applyRecord(rec);
      perInput.push({ kind, file: input, read: r.records.length, skipped: r.skipped, errors: r.errors });
    }
  }
  // An input that gave nothing but errors (not OPML, not JSON, not the expected CSV) fails the import: nothing is
  // written, since a registry merged without it is not what was asked for.
  const unreadable = perInput.filter((p) => p.read === 0 && p.errors.length > 0);
  for (const p of unreadable) process.stderr.write(`parallax: --${p.kind} ${p.file}: ${p.errors.slice(0, 3).join('; ')}; nothing written\n`);
  const merged = merger.result();
  const text = `${JSON.stringify(merged, null, 2)}\n`;
  const after = checkRegistry(text);
  const target = values.out ?? file;
  // A merged registry with errors is not written: ingest would refuse it, or read what check refuses.
  const write = !values['dry-run'] && unreadable.length === 0 && after.errors === 0;
  if (write) {
    const tmp = `${target}.tmp-${process.pid}`;
    try {
      await writeFile(tmp, text);
      await rename(tmp, target);
    } catch (error) {
      await rm(tmp, { force: true }); // not left beside the target
      throw error;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const report: MergeReport = merger.report;
  if (values.json) {
    const { registry: _r, issues, ...check } = after;
    process.stdout.write(`${JSON.stringify({ registry: file, written: write ? target : null, seconds: Number(seconds.toFixed(2)), inputs: perInput, sources: merged.length, ...report, check: { ...check, issues } }, null, 2)}\n`);
  } else {
    const w = (s: string): boolean => process.stdout.write(`${s}\n`);
    for (const p of perInput) {
      const skipped = Object.entries(p.skipped).map(([k, v]) => `${v} ${k}`).join('; ');
      // An unreadable input's errors are on stderr, once.
      const errors = unreadable.includes(p) ? [] : p.errors;
      w(`${p.kind} ${p.file}: ${p.read} records${skipped ? ` (skipped: ${skipped})` : ''}${errors.length ? `; errors: ${errors.join('; ')}` : ''}`);
    }
    if (report.feedsRead) {
      w(`feeds: ${report.feedsRead} read, ${report.feedsAdded} added, ${report.duplicates.length} duplicates (${report.duplicates.filter((d) => d.exact).length} exact, ${report.duplicates.filter((d) => !d.exact).length} after URL normalisation), ${report.invalidUrls.length} invalid URLs; sources: ${report.sourcesAdded} added, ${merged.length} in the registry`);
      for (const d of top([...report.duplicates].sort((a, b) => Number(a.exact) - Number(b.exact)), 10)) w(`  duplicate: ${d.url} = ${d.sameAs} (${d.sourceId})`);
      if (report.duplicates.length > 10) w(`  … ${report.duplicates.length - 10} more duplicates (--json lists them all)`);
      for (const u of top(report.invalidUrls, 5)) w(`  invalid URL: ${u}`);
      if (report.namesDiffer.length) w(`names: ${report.namesDiffer.length} feeds came under another name than the source of their site; each was kept in that one source`);
      for (const n of top(report.namesDiffer, 10)) w(`  same site, another name: "${n.name}" (${n.url}) kept in ${n.sourceId} ("${n.sourceName}")`);
      if (report.namesDiffer.length > 10) w(`  … ${report.namesDiffer.length - 10} more (--json lists them all)`);
      if (report.languageAssumed.length) {
        const ids = report.languageAssumed;
        w(`language: ${ids.length} new source(s) were given "en", since the import names no language for them: set "language" in the registry for any that does not publish in English (it picks the stop words its articles are clustered with): ${idList(ids)}`);
      }
      const read = new Map<string, number>();
      for (const r of report.languageRead) {
        const how = `"${r.given}" read as "${r.language}"`;
        read.set(how, (read.get(how) ?? 0) + 1);
      }
      if (read.size) w(`language: a country code given as a language: ${[...read].map(([how, n]) => `${how} (${n} sources)`).join(', ')}`);
      const refused = new Map<string, string[]>();
      for (const r of report.languageRefused) refused.set(r.given, [...(refused.get(r.given) ?? []), r.sourceId]);
      for (const [given, ids] of refused) {
        w(`language: "${given}" is no language code; ${ids.length} new source(s) given "en" instead, set their language in the registry: ${idList(ids)}`);
      }
    }
    if (report.aggregators.length) w(`aggregators flagged (kept out of coverage counts): ${report.aggregators.map((a) => `${a.domain} (${a.feeds} feeds)`).join(', ')}`);
    if (report.recordsRead) {
      w(`ratings/ownership: ${report.recordsRead} records, ${report.recordsMatched} matched a source; ${report.ratingsAdded} ratings, ${report.flagsAdded} flags, ${report.ownershipFilled} owners, ${report.countriesFilled} countries filled; ${report.kept.length} existing values kept; ${report.ambiguous.length} ambiguous domains`);
      for (const k of top(report.kept, 10)) w(`  kept ${k.sourceId} ${k.field}: ${k.existing} (import says ${k.imported})`);
    }
    w(`check: ${after.errors} errors, ${after.warnings} warnings, ${after.disputed.length} disputed sources`);
    const errors = after.issues.filter((i) => i.level === 'error');
    for (const i of top(errors, 10)) w(`  ${i.code}: ${i.message}`);
    if (errors.length > 10) w(`  … ${errors.length - 10} more (--json lists them all)`);
    const why = values['dry-run'] ? 'dry run, nothing written' : errors.length ? 'nothing written: the merged registry has errors' : 'nothing written';
    w(`${write ? `written ${target}` : why} in ${seconds.toFixed(2)} s`);
  }
  return after.errors > 0 || unreadable.length > 0 ? 1 : 0;
}

/** The subcommands of `parallax sources`. */
const SUBCOMMANDS = ['check', 'import'] as const;

/**
 * Throws UsageError naming the subcommands when `sub` is not one of them (`sources add` had printed the usage, or
 * with --help exited 0 as if `add` were a command); without a subcommand, the message is the usage.
 */
export function requireSubcommand(sub: string | undefined): asserts sub is (typeof SUBCOMMANDS)[number] {
  if (sub === undefined) throw new UsageError(help);
  if (!(SUBCOMMANDS as readonly string[]).includes(sub)) throw new UsageError(`sources: unknown subcommand "${sub}": the subcommands are ${SUBCOMMANDS.join(' and ')} (parallax sources --help)`);
}

/**
 * The text `parallax sources ARGS --help` prints: the usage, once the subcommand is known. Throws UsageError for an
 * unknown one. The dispatcher (scripts/parallax.ts) prints it for `parallax sources … --help`.
 */
export function helpFor(args: readonly string[]): string {
  const sub = args[0];
  if (sub !== undefined && !sub.startsWith('-')) requireSubcommand(sub);
  return help;
}

export async function run(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  requireSubcommand(sub);
  return sub === 'check' ? runCheck(rest) : runImport(rest);
}
