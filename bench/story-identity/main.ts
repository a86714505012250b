/**
 * Story identity over a week: replays ../shared/data/stream-2023-11-13_19 day by day through the pipeline's story
 * building (incremental: yesterday's stories are held together, new articles join them or start new ones, stories
 * that grow together merge), then runs the same clustering once over all seven days (batch). Prints per day: articles,
 * stories, published stories (2+ sources), how many published ids were kept, and how many became redirects; then
 * the BCubed agreement of the incremental result with the batch one (the price of never re-clustering the past).
 */
import { reportedAt } from '../../src/core/coverage/coverage';
import type { Article } from '../../src/core/schema/article';
import type { Source } from '../../src/core/schema/source';
import { buildStories, clusterDocOf, resolveRedirect, type Redirects, type StoryIndex } from '../../src/core/story/build-stories';
import { clusterDocs } from '../../src/core/story/cluster';
import { scoreClustering } from '../../src/core/story/evaluate';
import { CLUSTER_WINDOW_HOURS } from '../../src/core/config';
import { haveStream, loadStreamDay, streamDays, streamGoldLabels } from '../lib/stream';

if (!haveStream()) {
  process.stdout.write('story-identity: skipped (../shared/data/stream-2023-11-13_19 not found)\n');
  process.exit(0);
}

const sources = new Map<string, Source>();
const archive = new Map<string, Article>();
const seen = new Set<string>();
let index: StoryIndex = {};
let redirects: Redirects = {};
let published = new Set<string>();
const rows: string[] = [];
let totalSeconds = 0;
for (const day of streamDays()) {
  for (const a of loadStreamDay(day, seen)) archive.set(a.id, a);
  const now = new Date(`${day}T23:59:59Z`);
  const start = now.getTime() - CLUSTER_WINDOW_HOURS * 3_600_000;
  const active = [...archive.values()].filter((a) => Date.parse(reportedAt(a)) >= start);
  const t0 = performance.now();
  const built = buildStories({ active, archive, sources, index });
  totalSeconds += (performance.now() - t0) / 1000;
  redirects = { ...redirects, ...built.redirects };
  index = built.index;
  const live = new Set(built.stories.map((s) => s.id));
  const nowPublished = new Set(built.stories.filter((s) => s.coverage.sourceCount >= 2).map((s) => s.id));
  const redirected = [...published].filter((id) => built.redirects[id] !== undefined).length;
  const kept = [...published].filter((id) => live.has(id) || resolveRedirect(id, redirects) !== id).length;
  rows.push(
    `${day}  ${String(active.length).padStart(7)} ${String(built.stories.length).padStart(8)} ${String(nowPublished.size).padStart(10)} ${String(published.size ? `${kept}/${published.size}` : '-').padStart(12)} ${String(redirected).padStart(11)}`,
  );
  published = new Set([...published, ...nowPublished].filter((id) => !built.redirects[id]));
}
process.stdout.write(`day         articles  stories  published  ids kept/prev  redirected   (incremental: ${totalSeconds.toFixed(1)} s of story building in all: clustering, summaries, coverage, similar stories)\n${rows.join('\n')}\n`);

const all = [...archive.values()];
const cpu0 = process.cpuUsage();
clusterDocs(all.map(clusterDocOf));
const clusterCpu = process.cpuUsage(cpu0);
const t0 = performance.now();
const batch = buildStories({ active: all, archive, sources, index: {} });
const batchSeconds = (performance.now() - t0) / 1000;
const batchOf = new Map<string, string>();
for (const s of batch.stories) for (const a of s.articles) batchOf.set(a.id, s.id);
const incOf = new Map(Object.entries(index).map(([a, s]) => [a, resolveRedirect(s, redirects)]));
const vsBatch = scoreClustering(incOf, batchOf);
process.stdout.write(
  `batch over all ${all.length} articles: ${batch.stories.length} stories (${batchSeconds.toFixed(1)} s)\n` +
    `batch clustering alone (clusterDocs): ${((clusterCpu.user + clusterCpu.system) / 1e6).toFixed(1)} CPU s\n` +
    `incremental vs batch (batch as reference): BCubed P ${vsBatch.bcubedPrecision.toFixed(3)} R ${vsBatch.bcubedRecall.toFixed(3)} F1 ${vsBatch.bcubedF1.toFixed(3)}\n`,
);
const gold = streamGoldLabels();
if (gold) {
  const line = (name: string, of: Map<string, string>) => {
    const g = scoreClustering(of, gold);
    return `  ${name}: BCubed P ${g.bcubedPrecision.toFixed(3)} R ${g.bcubedRecall.toFixed(3)} F1 ${g.bcubedF1.toFixed(3)}\n`;
  };
  process.stdout.write(`hand-labelled events (tests/fixtures/stream-gold.json, ${gold.size} articles):\n${line('incremental (as published)', incOf)}${line('batch', batchOf)}`);
}
