/** `parallax ingest [--live | --feeds DIR] [--content DIR] [--registry FILE] [--now ISO] [--json]`: the pipeline only. */
import { parseArgs } from 'node:util';
import { formatSummary, ingestSettings, INGEST_OPTIONS, runIngest } from './ingest-options';

export const description = 'read feeds, cluster stories, write the content directory (no site build)';

export async function run(args: string[]): Promise<number> {
  const started = performance.now();
  const { values } = parseArgs({ args, options: INGEST_OPTIONS });
  const settings = ingestSettings(values);
  const report = await runIngest(settings);
  if (settings.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else process.stdout.write(`${formatSummary(report, null, (performance.now() - started) / 1000)}\n`);
  return 0;
}
