/**
 * Warnings a live run gives about feeds that still work, against a web server on 127.0.0.1: a feed moved for good
 * (every redirect a 301 or 308) is named with its new URL; one redirected for now (a 302 or 307 hop) is not; a feed
 * that had items and returns none is named with how many it had. Each shows in the run's log and summary, in
 * state/feeds.json and in `health`.
 */
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatHealth } from '../../src/cli/health';
import { formatSummary } from '../../src/cli/ingest-options';
import { healthRows, type FeedState } from '../../src/core/state/feed-state';
import { fetchFeeds } from '../../src/io/fetch-feeds';
import { DEFAULT_HTTP_OPTIONS, type HttpDeps } from '../../src/io/http-client';
import { ingest, type IngestReport } from '../../src/pipeline';
import { startMisbehavingServer, type MisbehavingServer } from '../io/misbehaving-server';
import { ROOT, tempDir } from '../helpers';

const SMALL = path.join(ROOT, 'tests', 'io', 'fixtures', 'feeds-small');
const HTTP = { ...DEFAULT_HTTP_OPTIONS, headersTimeoutMs: 2_000, totalTimeoutMs: 3_000, retries: 0, userAgent: 'Parallax-test/1' };
const deps: HttpDeps = { fetch: (...a) => fetch(...a), sleep: async () => undefined, random: () => 0.5, now: Date.now };
const EMPTY_RSS = '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Emptying</title><link>https://emptying.example/</link></channel></rss>';

let server: MisbehavingServer;
let feedDir: string;
let dir: string;
let registryPath: string;

const source = (id: string, url: string): unknown => ({
  id, name: id, homepage: `https://${id}.example/`, feeds: [{ url, file: null, topic: null }], country: null, language: 'en', bias: [], factuality: [], ownership: null, discovered: false,
});

async function run(now: string): Promise<{ report: IngestReport; logs: string[]; states: FeedState[] }> {
  const logs: string[] = [];
  const report = await ingest(
    { contentDir: dir, registryPath, now: new Date(now) },
    { readFeeds: (registry, validators) => fetchFeeds(registry, HTTP, deps, { validators }), live: true, clock: () => Date.parse(now), log: (level, m) => logs.push(`${level}: ${m}`) },
  );
  const states = JSON.parse(await readFile(path.join(dir, 'state', 'feeds.json'), 'utf8')) as FeedState[];
  return { report, logs, states };
}

beforeAll(async () => {
  feedDir = await tempDir('parallax-warn-feeds-');
  await copyFile(path.join(SMALL, 'npr-world.rss.xml'), path.join(feedDir, 'npr-world.rss.xml'));
  await copyFile(path.join(SMALL, 'washingtonpost-world.rss.xml'), path.join(feedDir, 'washingtonpost-world.rss.xml'));
  await copyFile(path.join(SMALL, 'csmonitor-all.rss.xml'), path.join(feedDir, 'emptying.rss.xml'));
  server = await startMisbehavingServer(feedDir);
  dir = await tempDir('parallax-warn-');
  registryPath = path.join(dir, 'sources.json');
  await writeFile(
    registryPath,
    JSON.stringify([
      source('moved', `${server.origin}/moved/301-308/npr-world.rss.xml`),
      source('temporary', `${server.origin}/moved/301-307/washingtonpost-world.rss.xml`),
      source('emptying', `${server.origin}/feed/emptying.rss.xml`),
    ]),
  );
});
afterAll(async () => {
  await server.close();
});

describe('feed warnings of a live run', () => {
  it('names a feed that moved permanently, with its new URL, in the log, the summary, the state and health; not one redirected for now', async () => {
    const { report, logs, states } = await run('2026-02-18T00:00:00Z');
    const newUrl = `${server.origin}/feed/npr-world.rss.xml`;
    const message = `moved permanently to ${newUrl}; update the registry's feed URL`;
    expect(logs).toContain(`warn: ${server.origin}/moved/301-308/npr-world.rss.xml (source moved): moved_permanently: ${message}`);
    expect(logs.filter((l) => l.includes('moved_permanently'))).toHaveLength(1);
    expect(formatSummary(report, null, 1)).toContain('\nFeed warnings     moved_permanently ×1\n');
    expect(report.feeds.map((f) => [f.sourceId, f.status])).toEqual([['moved', 'ok'], ['temporary', 'ok'], ['emptying', 'ok']]);
    const by = (id: string): FeedState => states.find((s) => s.sourceId === id)!;
    expect(by('moved').errors).toEqual([{ kind: 'moved_permanently', message }]);
    expect(by('moved')).toMatchObject({ status: 'ok', url: `${server.origin}/moved/301-308/npr-world.rss.xml`, consecutiveFailures: 0 });
    expect(by('temporary').errors).toEqual([]);
    const health = formatHealth(healthRows(states));
    expect(health.split('\n')[0]).toBe('Feeds 3: 3 ok, 0 not modified, 0 failing, 0 stale (no new item for 7+ days), 1 with a warning');
    expect(health).toMatch(/\nwarning +0 /);
    expect(health.endsWith(`\nWarnings:\n  moved: ${server.origin}/moved/301-308/npr-world.rss.xml: moved_permanently: ${message}`)).toBe(true);
    // --problems lists it, and only it
    const problems = formatHealth(healthRows(states), { problemsOnly: true }).split('\n');
    expect(problems.slice(3, problems.indexOf('', 3)).map((l) => l.split(/ +/)[0])).toEqual(['warning']);
  });

  it('names a feed that had items and now returns none, with how many it had, while it stays empty; not once it has items again', async () => {
    await writeFile(path.join(feedDir, 'emptying.rss.xml'), EMPTY_RSS);
    const { report, logs, states } = await run('2026-02-18T01:00:00Z');
    const had = 10; // the items of csmonitor-all.rss.xml, served before it emptied
    const message = `returned no items; it had ${had} in its last fetch with items`;
    expect(logs).toContain(`warn: ${server.origin}/feed/emptying.rss.xml (source emptying): no_items: ${message}`);
    expect(formatSummary(report, null, 1)).toContain('\nFeed warnings     moved_permanently ×1, no_items ×1\n');
    const emptying = states.find((s) => s.sourceId === 'emptying')!;
    expect(emptying).toMatchObject({ status: 'ok', items: 0, itemsBefore: had, errors: [{ kind: 'no_items', message }] });
    expect(formatHealth(healthRows(states))).toContain(`\n  emptying: ${server.origin}/feed/emptying.rss.xml: no_items: ${message}`);
    // an hour later, unchanged (a 304): still said, with the same count
    const third = await run('2026-02-18T02:00:00Z');
    expect(third.report.feeds.find((f) => f.sourceId === 'emptying')!.status).toBe('not_modified'); // a 304 repeats the empty body
    expect(third.states.find((s) => s.sourceId === 'emptying')!.errors).toEqual([{ kind: 'no_items', message }]);
    // items again: no warning, no itemsBefore
    await copyFile(path.join(SMALL, 'csmonitor-all.rss.xml'), path.join(feedDir, 'emptying.rss.xml'));
    const fourth = await run('2026-02-18T03:00:00Z');
    const back = fourth.states.find((s) => s.sourceId === 'emptying')!;
    expect(back.errors).toEqual([]);
    expect(back.items).toBe(had);
    expect(back).not.toHaveProperty('itemsBefore');
  });
});

describe('a feed redirected to another source’s feed', () => {
  it('is named, with the source that also reads it, in the log, the state and health (an operator trial’s redirect to NPR’s feed took its articles unsaid)', async () => {
    const own = await tempDir('parallax-same-feed-');
    const registry = path.join(own, 'sources.json');
    const npr = `${server.origin}/feed/npr-world.rss.xml`;
    const copycat = `${server.origin}/moved/301/npr-world.rss.xml`;
    // The copycat first in the registry (a hostile pass's had named the outlet's own feed instead), and an outlet whose
    // feed moved only by a trailing slash or a query's order is no copy of another's.
    await writeFile(registry, JSON.stringify([source('copycat', copycat), source('npr', npr), source('post', `${server.origin}/moved/302/washingtonpost-world.rss.xml`)]));
    const logs: string[] = [];
    const now = '2026-02-18T00:00:00Z';
    await ingest(
      { contentDir: path.join(own, 'content'), registryPath: registry, now: new Date(now) },
      { readFeeds: (r, validators) => fetchFeeds(r, HTTP, deps, { validators }), live: true, clock: () => Date.parse(now), log: (level, m) => logs.push(`${level}: ${m}`) },
    );
    const message = `redirected to ${npr}, which source npr also reads (${npr}): one feed listed twice, its items counted for one source each; fix the registry`;
    expect(logs.filter((l) => l.includes('same_feed'))).toEqual([`warn: ${copycat} (source copycat): same_feed: ${message}`]);
    const states = JSON.parse(await readFile(path.join(own, 'content', 'state', 'feeds.json'), 'utf8')) as FeedState[];
    expect(states.find((s) => s.sourceId === 'copycat')!.errors).toContainEqual({ kind: 'same_feed', message });
    // the feed it duplicates, and one redirected to a feed no other source reads, say nothing of it
    expect(states.filter((s) => s.errors.some((e) => e.kind === 'same_feed')).map((s) => s.sourceId)).toEqual(['copycat']);
    expect(formatHealth(healthRows(states), { problemsOnly: true })).toContain(`copycat: ${copycat}: same_feed: ${message}`);
  });
});
