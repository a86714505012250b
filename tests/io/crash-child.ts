/**
 * The crash test's child process: one pipeline run (a folder of feeds into a content directory at a fixed clock),
 * which the parent kills with SIGKILL at a random moment. Usage: crash-child.ts FEEDS_DIR CONTENT_DIR NOW
 */
import path from 'node:path';
import { ingest } from '../../src/pipeline';
import { readFeedFolder } from '../../src/io/read-feed-folder';

const [feedsDir, contentDir, now] = process.argv.slice(2) as [string, string, string];
const registryPath = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..', 'fixtures', 'snapshot-2026-02-18', 'sources.json');
await ingest(
  { contentDir, registryPath, now: new Date(now) },
  { readFeeds: (registry) => readFeedFolder(feedsDir, registry), live: false, clock: () => Date.parse(now), log: () => undefined },
);
process.stdout.write('done\n');
