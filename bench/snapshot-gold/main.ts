/**
 * Story quality on the bundled snapshot (fixtures/snapshot-2026-02-18, 28 feeds of one day): runs the pipeline's
 * ingest on it into a temporary content directory, then scores its stories on the hand-labelled events of
 * tests/fixtures/snapshot-gold.json (BCubed over the labelled articles), and names each gold event that is split or
 * shares a story with another. Needs nothing outside the repository.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { canonicalUrl } from '../../src/core/feed/canonical-url';
import { scoreClustering } from '../../src/core/story/evaluate';
import { articleIdFor } from '../../src/core/story/ids';
import { eventLabels } from '../../src/core/story/labelled-docs';
import { parseStoryFile } from '../../src/core/story/serialize-story';
import { readFeedFolder } from '../../src/io/read-feed-folder';
import { ingest } from '../../src/pipeline';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const dir = await mkdtemp(path.join(os.tmpdir(), 'parallax-snapshot-gold-'));
try {
  const report = await ingest(
    { contentDir: dir, registryPath: path.join(ROOT, 'fixtures', 'snapshot-2026-02-18', 'sources.json'), now: null },
    { readFeeds: (registry) => readFeedFolder(path.join(ROOT, 'fixtures', 'snapshot-2026-02-18', 'feeds'), registry), live: false, clock: () => Date.now(), log: () => undefined },
  );
  const storyOf = new Map<string, string>();
  for (const f of await readdir(path.join(dir, 'stories'))) {
    const story = parseStoryFile(await readFile(path.join(dir, 'stories', f), 'utf8')) as { id: string; articles: Array<{ id: string }> };
    for (const a of story.articles) storyOf.set(a.id, story.id);
  }
  const gold = JSON.parse(await readFile(path.join(ROOT, 'tests', 'fixtures', 'snapshot-gold.json'), 'utf8')) as { events: Array<{ id: string; articles: Array<{ url: string }> }> };
  const goldOf = eventLabels(gold.events);
  const s = scoreClustering(storyOf, goldOf);
  process.stdout.write(
    `${report.stories} stories (${report.multiSourceStories} with 2+ sources); ${goldOf.size} labelled articles in ${gold.events.length} events\n` +
      `BCubed P ${s.bcubedPrecision.toFixed(3)} R ${s.bcubedRecall.toFixed(3)} F1 ${s.bcubedF1.toFixed(3)}; pairwise F1 ${s.pairwiseF1.toFixed(3)}; NMI ${s.nmi.toFixed(3)}; ARI ${s.ari.toFixed(3)}\n`,
  );
  for (const e of gold.events) {
    const stories = new Set(e.articles.map((a) => storyOf.get(articleIdFor(canonicalUrl(a.url)!))));
    const shared = [...goldOf].filter(([id, ev]) => ev !== e.id && stories.has(storyOf.get(id))).map(([, ev]) => ev);
    if (stories.size > 1 || shared.length) process.stdout.write(`  ${e.id}: ${stories.size} stories${shared.length ? `, shared with ${[...new Set(shared)].join(', ')}` : ''}\n`);
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
