/** fetchFeeds: overall and per-host limits, registry order, progress callback, conditional GET across feeds. */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Source } from '../../src/core/schema/source';
import { fetchFeeds } from '../../src/io/fetch-feeds';
import type { HttpDeps, HttpOptions } from '../../src/io/http-client';
import { startMisbehavingServer, type MisbehavingServer } from './misbehaving-server';

const FEEDS = path.join(path.dirname(new URL(import.meta.url).pathname), 'fixtures', 'feeds-small');
const deps: HttpDeps = { fetch: (...a) => fetch(...a), sleep: async () => undefined, random: () => 0.5, now: Date.now };
const base: HttpOptions = {
  concurrency: 8, perHostConcurrency: 8, headersTimeoutMs: 2_000, totalTimeoutMs: 3_000, maxBytes: 1 << 20, maxRedirects: 5,
  retries: 0, backoffBaseMs: 10, backoffMaxMs: 10, retryAfterMaxMs: 1_000, maxFeedMs: 10_000, userAgent: 'Parallax-test/1',
};
let server: MisbehavingServer;
const registry = (n: number, origin: () => string): Source[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `s${i}`, name: `s${i}`, homepage: 'https://x.example/', feeds: [{ url: `${origin()}/delay/${100 + ((i * 37) % 5) * 20}/npr-world.rss.xml?i=${i}`, file: null, topic: null }],
    country: null, language: 'en', bias: [], factuality: [], ownership: null, discovered: false,
  }) as unknown as Source);

beforeAll(async () => {
  server = await startMisbehavingServer(FEEDS);
});
afterAll(async () => {
  await server.close();
});

describe('fetchFeeds', () => {
  it('keeps to the per-host limit, returns results in registry order and reports progress', async () => {
    server.resetInFlight();
    const progress: number[] = [];
    const out = await fetchFeeds(registry(12, () => server.origin), { ...base, perHostConcurrency: 3 }, deps, { onFeed: (_i, done, total) => progress.push(done * 100 + total) });
    expect(server.maxInFlight()).toBe(3);
    expect(out.map((f) => f.sourceId)).toEqual(Array.from({ length: 12 }, (_, i) => `s${i}`));
    expect(out.every((f) => f.fetch?.status === 'ok')).toBe(true);
    expect(progress).toEqual(Array.from({ length: 12 }, (_, i) => (i + 1) * 100 + 12));
  });

  it('keeps to the overall limit', async () => {
    server.resetInFlight();
    await fetchFeeds(registry(12, () => server.origin), { ...base, concurrency: 4 }, deps);
    expect(server.maxInFlight()).toBe(4);
  });
});
