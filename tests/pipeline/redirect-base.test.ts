/**
 * A live run whose feeds a hostile web moves or a registry misnames: a feed redirected to another host (another port
 * on 127.0.0.1) resolves its relative links against where it came from, and feed URLs that are not http(s) or carry
 * credentials fail at once as bad_url without the password reaching the feed state.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedState } from '../../src/core/state/feed-state';
import { fetchFeeds } from '../../src/io/fetch-feeds';
import type { HttpDeps, HttpOptions } from '../../src/io/http-client';
import { ingest, type IngestReport } from '../../src/pipeline';
import { startMisbehavingServer, type MisbehavingServer } from '../io/misbehaving-server';
import { ROOT, tempDir } from '../helpers';

const FEEDS = path.join(ROOT, 'tests', 'io', 'fixtures', 'feeds-small');
const HTTP: HttpOptions = {
  concurrency: 4, perHostConcurrency: 4, headersTimeoutMs: 2_000, totalTimeoutMs: 4_000, maxBytes: 1 << 20, maxRedirects: 5, retries: 2,
  backoffBaseMs: 10, backoffMaxMs: 10, retryAfterMaxMs: 1_000, maxFeedMs: 20_000, hostTimeoutsBeforeSkip: 4, userAgent: 'Parallax-test/1',
};
const deps: HttpDeps = { fetch: (...a) => fetch(...a), sleep: async () => undefined, random: () => 0.5, now: Date.now };
const NOW = '2026-02-18T00:00:00Z';

let feedServer: MisbehavingServer; // where the feed is now
let oldServer: MisbehavingServer; // where the registry says it is: it redirects
let dir: string;
let report: IngestReport;
const logs: string[] = [];

function source(id: string, url: string): unknown {
  return { id, name: id, homepage: `https://${id}.example/`, feeds: [{ url, file: null, topic: null }], country: null, language: 'en', bias: [], factuality: [], ownership: null, discovered: false };
}

async function storedUrls(sourceId: string): Promise<string[]> {
  const urls: string[] = [];
  for (const day of await readdir(path.join(dir, 'articles')).catch(() => [] as string[])) {
    const file = path.join(dir, 'articles', day, `${sourceId}.json`);
    const articles = JSON.parse(await readFile(file, 'utf8').catch(() => '[]')) as Array<{ url: string }>;
    urls.push(...articles.map((a) => a.url));
  }
  return urls.sort();
}

beforeAll(async () => {
  feedServer = await startMisbehavingServer(FEEDS);
  oldServer = await startMisbehavingServer(FEEDS);
  dir = await tempDir('parallax-redirect-');
  const registryPath = path.join(dir, 'sources.json');
  await writeFile(
    registryPath,
    JSON.stringify([
      source('moved', `${oldServer.origin}/redirect-to?to=${encodeURIComponent(`${feedServer.origin}/atom-relative`)}`),
      source('creds', `${feedServer.origin.replace('//', '//feeduser:S3cretPassw0rd@')}/feed/npr-world.rss.xml`),
      source('dataurl', 'data:application/rss+xml,<rss><channel><item><title>Data url feed story about ferries</title><link>https://d.example/1</link></item></channel></rss>'),
      source('fileurl', 'file:///etc/passwd'),
    ]),
  );
  report = await ingest(
    { contentDir: dir, registryPath, now: new Date(NOW) },
    { readFeeds: (registry, validators) => fetchFeeds(registry, HTTP, deps, { validators }), live: true, clock: () => Date.parse(NOW), log: (level, message) => void logs.push(`${level} ${message}`) },
  );
});
afterAll(async () => {
  await feedServer.close();
  await oldServer.close();
});

describe('a live run with moved and misnamed feeds', () => {
  it('resolves a redirected feed\'s relative links against the URL after the redirect (RFC 3986 §5.1.3), not the registry\'s', async () => {
    expect(await storedUrls('moved')).toEqual([`${feedServer.origin}/news/1.html`, `${feedServer.origin}/news/2.html`]);
  });

  it('fails credentials and non-http(s) schemes at once as bad_url, stores nothing of them, and keeps the password out of the messages', async () => {
    const states = JSON.parse(await readFile(path.join(dir, 'state', 'feeds.json'), 'utf8')) as FeedState[];
    const by = (id: string): FeedState => states.find((s) => s.sourceId === id)!;
    expect(by('creds').lastError).toEqual({
      at: NOW,
      kind: 'bad_url',
      message: `the URL has a user name or password, which is never sent (credentials in a registry end up in logs and public pages): ${feedServer.origin.replace('//', '//***@')}/feed/npr-world.rss.xml`,
    });
    expect(by('dataurl').lastError!.kind).toBe('bad_url');
    expect(by('fileurl').lastError).toEqual({ at: NOW, kind: 'bad_url', message: 'scheme "file:" is not fetched (feeds are read over http and https only): file:///etc/passwd' });
    // The report, the log and the source page name the feed with its credentials redacted; the state keeps the
    // registry's URL as its key (the registry holds it too, and sources check refuses it).
    expect(report.feeds.find((f) => f.sourceId === 'creds')!.name).toBe(`${feedServer.origin.replace('//', '//***@')}/feed/npr-world.rss.xml`);
    expect(JSON.stringify(report.feeds)).not.toContain('S3cret');
    expect(logs.filter((l) => l.includes('S3cret'))).toEqual([]);
    expect(logs).toContain(`error ${feedServer.origin.replace('//', '//***@')}/feed/npr-world.rss.xml (source creds): bad_url: ${by('creds').lastError!.message}`);
    expect(by('creds').name).not.toContain('S3cret');
    expect(feedServer.hits.get('/feed/npr-world.rss.xml')).toBeUndefined();
    expect(await storedUrls('dataurl')).toEqual([]);
  });
});
