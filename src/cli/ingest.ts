/**
 * `parallax ingest [--live | --feeds DIR] [--content DIR] [--registry FILE] [--now ISO] [--json]`: the pipeline only.
 * Past one machine (see src/io/fetch-shard.ts):
 *   `parallax ingest --live --shard 2/4 --fetch-only --out shards/`   fetch one shard's feeds, save them
 *   `parallax ingest --merge shards/ [--content DIR] [--now ISO]`     all shards → one parse + cluster + write
 */
import path from 'node:path';
import type { FeedInput } from '../core/pipeline-types';
import { parseShard } from '../core/state/shard';
import { readFeedStates, readRegistry } from '../io/content-store';
import { fetchFeeds } from '../io/fetch-feeds';
import { liveOrder, readShards, registryShard, writeShard } from '../io/fetch-shard';
import { readFeedFolder } from '../io/read-feed-folder';
import { inShard } from '../core/state/shard';
import { EXIT_HELP, formatSummary, ingestSettings, INGEST_HELP, INGEST_OPTIONS, outageExit, progressBar, requireFolder, runIngest, UsageError, parseCliArgs } from './ingest-options';
import { makeDir } from '../io/make-dir';
import { plural } from '../site/text';

export const description = 'read feeds, cluster stories, write the content directory (no site build); --shard/--merge';

export const help = `usage: parallax ingest [--live | --feeds DIR] [--content DIR] [--registry FILE] [--now TIME] [--json]
       parallax ingest --live --shard K/N --fetch-only --out DIR   fetch one shard's feeds and save them
       parallax ingest --merge DIR [--content DIR] [--now TIME]     parse, cluster and write all saved shards

${INGEST_HELP}

${EXIT_HELP}`;

const OPTIONS = {
  ...INGEST_OPTIONS,
  shard: { type: 'string' },
  'fetch-only': { type: 'boolean', default: false },
  out: { type: 'string' },
  merge: { type: 'string' },
} as const;

export async function run(args: string[]): Promise<number> {
  const started = performance.now();
  const { values } = parseCliArgs({ args, options: OPTIONS });
  // --merge writes an instance's content (default content/, registry content/sources.json), never the demo's.
  const settings = ingestSettings(values.merge ? { ...values, live: true } : values);

  if (values.shard !== undefined || values['fetch-only']) {
    const shard = parseShard(values.shard ?? '');
    if (!shard) throw new UsageError('--shard: expected i/n with 1 ≤ i ≤ n (e.g. --shard 2/4)');
    if (!values['fetch-only'] || !values.out) throw new UsageError('--shard needs --fetch-only --out DIR (merge the shards with --merge DIR)');
    const registry = await readRegistry(settings.registryPath);
    let rows: Array<{ order: string; input: FeedInput }>;
    if (settings.live) {
      const states = await readFeedStates(settings.contentDir, (m) => process.stderr.write(`warn: ${m}: every feed is fetched in full\n`));
      const validators = new Map([...states].map(([k, f]) => [k, { etag: f.etag, lastModified: f.lastModified }]));
      const progress = progressBar(settings.json, `Shard ${shard.index}/${shard.count}`);
      const inputs = await fetchFeeds(registryShard(registry, shard), undefined, undefined, { validators, onFeed: progress.onFeed }).finally(progress.stop);
      rows = inputs.map((input) => ({ order: liveOrder(registry, input), input }));
    } else {
      const inputs = await readFeedFolder(settings.feedsDir!, registry);
      rows = inputs.filter((i) => inShard(i.sourceId ?? i.name, shard)).map((input) => ({ order: input.name, input }));
    }
    await makeDir(path.resolve(values.out));
    const file = await writeShard(path.resolve(values.out), { shard, mode: settings.live ? 'live' : 'folder' }, rows);
    const failed = rows.filter((r) => r.input.error).length;
    const summary = { shard, feeds: rows.length, failed, file, seconds: Number(((performance.now() - started) / 1000).toFixed(1)) };
    process.stdout.write(settings.json ? `${JSON.stringify(summary)}\n` : `Shard ${shard.index}/${shard.count}: ${plural(rows.length, 'feed')} (${failed} failed) → ${file}\n`);
    return 0;
  }

  let report;
  if (values.merge) {
    requireFolder('--merge', values.merge, 'shards saved by --fetch-only');
    const merged = await readShards(path.resolve(values.merge));
    report = await runIngest({ ...settings, live: merged.mode === 'live' }, async () => merged.inputs);
  } else {
    report = await runIngest(settings);
  }
  if (settings.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else process.stdout.write(`${formatSummary(report, null, (performance.now() - started) / 1000)}\n`);
  return outageExit(report, settings.json);
}
