/**
 * `parallax eval --data FILE.jsonl [--half A|B] [--threshold X] [--set key=value ...]`: runs the pipeline's clustering
 * (src/core/story/cluster.ts, the default config of src/core/config.ts unless overridden) on labelled articles and
 * prints BCubed and pairwise precision/recall/F1, NMI, ARI, cluster counts, docs per second and peak memory.
 * `--half A|B` keeps only the gold stories of one half (labelHalf: by the SHA-1 of the label), so a new parameter is
 * chosen on one half and reported on the other; `--set` overrides any field of the cluster config.
 * `parallax eval --convert-uci CSV --out FILE.jsonl` turns the UCI News Aggregator CSV into that format.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { DEFAULT_CLUSTER_CONFIG } from '../core/config';
import { clusterDocs, hasLead } from '../core/story/cluster';
import { scoreClustering } from '../core/story/evaluate';
import { guessMissingLanguages, loadLanguageDetector } from '../core/story/guess-language';
import { fromUciRows, labelHalf, parseLabelledJsonl, toClusterDocs, UCI_COLUMNS, withOverrides } from '../core/story/labelled-docs';
import { requireFile, requireOutFile, UsageError, parseCliArgs } from './ingest-options';
import { plural } from '../site/text';

export const description = 'score the story clustering on labelled articles (BCubed, pairwise, NMI, ARI, speed)';

export const help = `usage: parallax eval --data FILE.jsonl [--half A|B] [--threshold X] [--set key=value ...] [--json]
       parallax eval --convert-uci CSV --out FILE.jsonl

  --data FILE      one labelled article per line: {"id","title","text"?,"source"?,"language"?,"published"?,"label"}
                   (label null: a context article, clustered but not scored; without "language", the language
                   is guessed per source, by ELD)
  --half A|B       score one half of the gold stories only (by the SHA-1 of the label): choose a parameter on A,
                   report B
  --threshold X    the join threshold (the same as --set threshold=X)
  --set key=value  override a field of the cluster config (a decimal number), repeatable; keys:
                   ${Object.keys(DEFAULT_CLUSTER_CONFIG).join(', ')}
  --json           print the figures as JSON
  --convert-uci    turn the UCI News Aggregator file (the Kaggle CSV with a header, or the original tab-separated
                   newsCorpora.csv) into eval's JSONL
Relative paths are read from the directory npm or parallax was started in.`;

/** A path the user typed, resolved against the directory they ran npm in (INIT_CWD), not the package root. */
const fromUser = (file: string): string => path.resolve(process.env.INIT_CWD ?? process.cwd(), file);

/**
 * What to add to "no file at FILE" when FILE (absolute) is in a folder named `shared` that is not there: the
 * evaluation data sets (the UCI subset, the 7-day stream) are not in the repository but in ../shared beside it in CI
 * (their licences keep them out; README.md, "Stories: clustering, identity, evaluation"), as the bench commands say
 * when they skip. Null when FILE is elsewhere or that folder exists (then the file name is what is wrong).
 */
export function sharedDataHint(file: string): string | null {
  for (let dir = path.dirname(file); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (path.basename(dir) !== 'shared') continue;
    if (existsSync(dir)) return null;
    return `${dir} is not here: the evaluation data sets live in ../shared beside the repository in CI, not in it (README.md, "Stories: clustering, identity, evaluation")`;
  }
  return null;
}

/** requireFile for a path the user typed (resolved by fromUser), its "no file" message with sharedDataHint's when there is one. */
function requireUserFile(flag: string, typed: string): void {
  const file = fromUser(typed);
  try {
    requireFile(flag, file);
  } catch (error) {
    const hint = sharedDataHint(file);
    if (error instanceof UsageError && hint && !existsSync(file)) throw new UsageError(`${error.message}: ${hint}`);
    throw error;
  }
}

/** The rows of a UCI News Aggregator file: the Kaggle CSV (header ID,TITLE,…) or UCI's tab-separated newsCorpora.csv. */
function uciRows(text: string): Array<Record<string, string>> {
  const body = text.replace(/^\uFEFF/, '');
  if (/^"?ID"?,/.test(body)) return parseCsv(body, { columns: true, skip_empty_lines: true }) as Array<Record<string, string>>;
  return parseCsv(body, { columns: [...UCI_COLUMNS], delimiter: '\t', quote: false, relax_column_count: true, skip_empty_lines: true }) as Array<Record<string, string>>;
}

export async function run(args: string[]): Promise<number> {
  const { values } = parseCliArgs({
    args,
    options: {
      data: { type: 'string' },
      'convert-uci': { type: 'string' },
      out: { type: 'string' },
      threshold: { type: 'string' },
      half: { type: 'string' },
      set: { type: 'string', multiple: true },
      json: { type: 'boolean', default: false },
    },
  });
  if (values['convert-uci']) {
    if (!values.out) throw new UsageError('--convert-uci needs --out FILE.jsonl');
    requireOutFile('--out', fromUser(values.out));
    requireUserFile('--convert-uci', values['convert-uci']);
    let docs;
    try {
      docs = fromUciRows(uciRows(await readFile(fromUser(values['convert-uci']), 'utf8')));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw error;
      throw new UsageError(`${values['convert-uci']}: ${(error as Error).message}`);
    }
    await writeFile(fromUser(values.out), docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
    process.stdout.write(`wrote ${docs.length} labelled articles to ${fromUser(values.out)}\n`);
    return 0;
  }
  if (!values.data) throw new UsageError(help);
  if (values.half !== undefined && values.half !== 'A' && values.half !== 'B') throw new UsageError(`--half must be A or B\n${help}`);
  if (values.threshold !== undefined && (values.set ?? []).some((o) => o.startsWith('threshold='))) {
    throw new UsageError('--threshold and --set threshold=… both set the join threshold: give one');
  }
  if (values.threshold !== undefined && !/^\d+(\.\d+)?$/.test(values.threshold)) throw new UsageError(`--threshold ${values.threshold}: not a decimal number ≥ 0`);
  let config;
  try {
    config = withOverrides(DEFAULT_CLUSTER_CONFIG, [...(values.threshold !== undefined ? [`threshold=${values.threshold}`] : []), ...(values.set ?? [])]);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  requireUserFile('--data', values.data);
  let all;
  try {
    all = parseLabelledJsonl(await readFile(fromUser(values.data), 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code) throw error;
    throw new UsageError(`${values.data}: ${(error as Error).message}`);
  }
  // Context articles (label null) are clustered in either half; only labelled ones are scored.
  const kept = all.filter((r) => values.half === undefined || r.label === null || labelHalf(r.label) === values.half);
  if (!kept.some((r) => r.label !== null)) {
    throw new UsageError(`${values.data}: no labelled article to score${values.half ? ` in half ${values.half}` : ''} (${all.length} line(s), every label null or none)`);
  }
  // Articles without a "language" get one guessed per source (guess-language.ts), as stop words and stemming need it;
  // timed on its own (with loading ELD's database), as the speed figures are the clustering's.
  const guessStarted = performance.now();
  const { rows, guessed } = kept.some((r) => !r.language) ? guessMissingLanguages(kept, await loadLanguageDetector()) : { rows: kept, guessed: new Map<string | null, number>() };
  const guessSeconds = guessed.size ? Math.round(performance.now() - guessStarted) / 1000 : 0;
  const guessedLanguages = Object.fromEntries([...guessed].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0]))).map(([language, n]) => [language ?? 'unknown', n]));
  const docs = toClusterDocs(rows);
  const heapBefore = process.memoryUsage().rss;
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const { clusters } = clusterDocs(docs, config);
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const peakMb = Math.max(process.resourceUsage().maxRSS / 1024, heapBefore / 2 ** 20);
  const predicted = new Map<string, string>();
  clusters.forEach((c, i) => c.forEach((m) => predicted.set(m.id, String(i))));
  const gold = new Map(rows.flatMap((r) => (r.label === null ? [] : [[r.id, r.label] as const])));
  const scores = scoreClustering(predicted, gold);
  const withoutLead = docs.filter((d) => !hasLead(d)).length;
  const result = { ...scores, clustered: docs.length, half: values.half ?? null, set: values.set ?? [], threshold: config.threshold, titleOnlyThreshold: config.titleOnlyThreshold, withoutLead, guessedLanguages, guessSeconds, seconds: Math.round(seconds * 1000) / 1000, docsPerSecond: Math.round(docs.length / seconds), cpuSeconds: Math.round(cpuSeconds * 1000) / 1000, docsPerCpuSecond: Math.round(docs.length / cpuSeconds), peakRssMb: Math.round(peakMb) };
  if (values.json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  }
  const f = (x: number) => x.toFixed(3);
  process.stdout.write(
    [
      `articles          ${scores.items}${rows.length > scores.items ? ` scored of ${rows.length} clustered` : ''} (${plural(scores.goldClusters, 'gold story', 'gold stories')}, in ${plural(scores.predictedClusters, 'cluster')})`,
      `BCubed            P ${f(scores.bcubedPrecision)}  R ${f(scores.bcubedRecall)}  F1 ${f(scores.bcubedF1)}`,
      `pairwise          P ${f(scores.pairwisePrecision)}  R ${f(scores.pairwiseRecall)}  F1 ${f(scores.pairwiseF1)}`,
      `NMI / ARI         ${f(scores.nmi)} / ${f(scores.ari)}`,
      `speed             ${result.docsPerSecond} docs/s (${result.seconds} s wall; ${result.docsPerCpuSecond} docs per CPU second, ${result.cpuSeconds} s), peak RSS ${result.peakRssMb} MB`,
      ...(guessed.size ? [`languages         guessed for ${plural([...guessed.values()].reduce((a, b) => a + b, 0), 'article')} without "language" (per source, else per article): ${Object.entries(guessedLanguages).map(([l, n]) => `${l} ${n}`).join(', ')} (${guessSeconds} s, not in the speed above; peak RSS includes ELD's database)`] : []),
      `config            ${values.half ? `half ${values.half}; ` : ''}threshold ${config.threshold}, ${config.titleOnlyThreshold} between articles without a lead (${withoutLead} of ${docs.length})${values.set?.length ? `; ${values.set.join(' ')}` : ''}`,
    ].join('\n') + '\n',
  );
  return 0;
}
