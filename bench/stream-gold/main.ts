/**
 * Clustering quality on real feeds: the whole 7-day stream (../shared/data/stream-2023-11-13_19, 21,602 articles
 * from 136 feeds, summaries included, ~25 % Polish) is clustered in one batch with the pipeline's clustering, and
 * scored (BCubed, pairwise, NMI, ARI) on the hand-labelled events of tests/fixtures/stream-gold.json; the other
 * articles are context, clustered but not scored. Side by side: the default config and the same without each of its
 * rules, so each rule's effect on data it was not chosen on is visible; and the default's score on each language's
 * labelled items alone (by their source's language; the rest clustered as context).
 * `--jsonl FILE` also writes the set as `parallax eval` input (context articles with label null):
 * `npm run eval -- --data FILE`.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_CLUSTER_CONFIG } from '../../src/core/config';
import { reportedAt } from '../../src/core/coverage/coverage';
import { clusterDocOf } from '../../src/core/story/build-stories';
import { clusterDocs, type ClusterConfig } from '../../src/core/story/cluster';
import { scoreClustering } from '../../src/core/story/evaluate';
import { haveStream, loadStream, streamGoldLabels } from '../lib/stream';

const jsonlAt = process.argv.indexOf('--jsonl');
const jsonl = jsonlAt > 0 ? process.argv[jsonlAt + 1] : undefined;
if (jsonlAt > 0 && (!jsonl || jsonl.startsWith('-'))) {
  process.stderr.write('stream-gold: --jsonl needs a file name (npm run bench -- stream-gold --jsonl /tmp/stream.jsonl)\n');
  process.exit(2);
}
const gold = streamGoldLabels();
if (!haveStream() || !gold) {
  const why = !haveStream() ? '../shared/data/stream-2023-11-13_19 not found (it is beside the repository in CI, not in it)' : 'tests/fixtures/stream-gold.json not found';
  // Asked for the JSONL, the run fails rather than leave the next command a missing file.
  process.stdout.write(`stream-gold: skipped (${why})${jsonl ? `; ${jsonl} not written` : ''}\n`);
  process.exit(jsonl ? 1 : 0);
}
const articles = loadStream();
const docs = articles.map(clusterDocOf);
const ids = new Set(articles.map((a) => a.id));
const missing = [...gold.keys()].filter((id) => !ids.has(id)).length;

if (jsonl) {
  const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), jsonl);
  const lines = articles.map((a) => JSON.stringify({ id: a.id, title: a.title, text: a.summary, source: a.sourceId, language: a.language, published: reportedAt(a), label: gold.get(a.id) ?? null }));
  writeFileSync(file, lines.join('\n') + '\n');
  process.stdout.write(`wrote ${articles.length} articles (${gold.size - missing} labelled) to ${file}\n`);
}

const variants: Array<[string, ClusterConfig]> = [
  ['default', DEFAULT_CLUSTER_CONFIG],
  ['without the residual rule', { ...DEFAULT_CLUSTER_CONFIG, minResidualSimilarity: 0 }],
  ['without the feed-template rule', { ...DEFAULT_CLUSTER_CONFIG, feedTemplateShare: 2 }],
  ['without either (before 2026-11-30)', { ...DEFAULT_CLUSTER_CONFIG, minResidualSimilarity: 0, feedTemplateShare: 2 }],
];
process.stdout.write(`${gold.size} labelled articles in ${new Set(gold.values()).size} events (${missing} not in the stream), among ${articles.length} clustered\n`);
process.stdout.write('config                                   BCubed P      R     F1   pairwise F1   NMI    ARI   clusters of labelled\n');
const row = (name: string, s: ReturnType<typeof scoreClustering>): void => {
  process.stdout.write(
    `${name.padEnd(40)} ${s.bcubedPrecision.toFixed(3).padStart(8)} ${s.bcubedRecall.toFixed(3).padStart(6)} ${s.bcubedF1.toFixed(3).padStart(6)} ${s.pairwiseF1.toFixed(3).padStart(13)} ${s.nmi.toFixed(3).padStart(6)} ${s.ari.toFixed(3).padStart(6)} ${String(s.predictedClusters).padStart(10)}\n`,
  );
};
// The labelled articles by their source's language, to score each language's items on their own (the others stay
// in the clustering as context): English and Polish coverage of one event in two stories costs recall in both.
const languageOf = new Map(articles.map((a) => [a.id, a.language ?? 'unknown']));
const goldByLanguage = new Map<string, Map<string, string>>();
for (const [id, label] of gold) {
  const language = languageOf.get(id);
  if (language === undefined) continue;
  let g = goldByLanguage.get(language);
  if (!g) goldByLanguage.set(language, (g = new Map()));
  g.set(id, label);
}
for (const [name, config] of variants) {
  const { clusters } = clusterDocs(docs, config);
  const predicted = new Map<string, string>();
  clusters.forEach((c, i) => c.forEach((m) => predicted.set(m.id, String(i))));
  row(name, scoreClustering(predicted, gold));
  if (config !== DEFAULT_CLUSTER_CONFIG) continue;
  for (const [language, g] of [...goldByLanguage].sort((x, y) => y[1].size - x[1].size)) {
    row(`  ${language} items only (${g.size})`, scoreClustering(predicted, g));
  }
}
