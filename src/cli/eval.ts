/**
 * `parallax eval --data FILE.jsonl [--half A|B] [--threshold X] [--set key=value ...]`: runs the pipeline's clustering
 * (src/core/story/cluster.ts, the default config of src/core/config.ts unless overridden) on labelled articles and
 * prints BCubed and pairwise precision/recall/F1, NMI, ARI, cluster counts, docs per second and peak memory.
 * `--half A|B` keeps only the gold stories of one half (labelHalf: by the SHA-1 of the label), so a new parameter is
 * chosen on one half and reported on the other; `--set` overrides any field of the cluster config.
 * `parallax eval --convert-uci CSV --out FILE.jsonl` turns the UCI News Aggregator CSV into that format.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { parse as parseCsv } from 'csv-parse/sync';
import { DEFAULT_CLUSTER_CONFIG } from '../core/config';
import { clusterDocs } from '../core/story/cluster';
import { scoreClustering } from '../core/story/evaluate';
import { fromUciRows, labelHalf, parseLabelledJsonl, toClusterDocs, withOverrides } from '../core/story/labelled-docs';
import { UsageError } from './ingest-options';

export const description = 'score the story clustering on labelled articles (BCubed, pairwise, NMI, ARI, speed)';

export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({
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
    const rows = parseCsv(await readFile(values['convert-uci'], 'utf8'), { columns: true, skip_empty_lines: true }) as Array<Record<string, string>>;
    const docs = fromUciRows(rows);
    await writeFile(values.out, docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
    process.stdout.write(`wrote ${docs.length} labelled articles to ${values.out}\n`);
    return 0;
  }
  const usage = 'usage: parallax eval --data FILE.jsonl [--half A|B] [--threshold X] [--set key=value ...] | --convert-uci CSV --out FILE.jsonl';
  if (!values.data) throw new UsageError(usage);
  if (values.half !== undefined && values.half !== 'A' && values.half !== 'B') throw new UsageError(`--half must be A or B\n${usage}`);
  // Context articles (label null) are clustered in either half; only labelled ones are scored.
  const rows = parseLabelledJsonl(await readFile(values.data, 'utf8')).filter((r) => values.half === undefined || r.label === null || labelHalf(r.label) === values.half);
  let config;
  try {
    config = withOverrides(DEFAULT_CLUSTER_CONFIG, [...(values.threshold ? [`threshold=${values.threshold}`] : []), ...(values.set ?? [])]);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
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
  const result = { ...scores, clustered: docs.length, threshold: config.threshold, seconds: Math.round(seconds * 1000) / 1000, docsPerSecond: Math.round(docs.length / seconds), cpuSeconds: Math.round(cpuSeconds * 1000) / 1000, docsPerCpuSecond: Math.round(docs.length / cpuSeconds), peakRssMb: Math.round(peakMb) };
  if (values.json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  }
  const f = (x: number) => x.toFixed(3);
  process.stdout.write(
    [
      `articles          ${scores.items}${rows.length > scores.items ? ` scored of ${rows.length} clustered` : ''} (${scores.goldClusters} gold stories, ${scores.predictedClusters} clusters)`,
      `BCubed            P ${f(scores.bcubedPrecision)}  R ${f(scores.bcubedRecall)}  F1 ${f(scores.bcubedF1)}`,
      `pairwise          P ${f(scores.pairwisePrecision)}  R ${f(scores.pairwiseRecall)}  F1 ${f(scores.pairwiseF1)}`,
      `NMI / ARI         ${f(scores.nmi)} / ${f(scores.ari)}`,
      `speed             ${result.docsPerSecond} docs/s (${result.seconds} s wall; ${result.docsPerCpuSecond} docs per CPU second, ${result.cpuSeconds} s), peak RSS ${result.peakRssMb} MB`,
      `config            ${values.half ? `half ${values.half} (${rows.length} articles); ` : ''}threshold ${config.threshold}${values.set?.length ? `; ${values.set.join(' ')}` : ''}`,
    ].join('\n') + '\n',
  );
  return 0;
}
