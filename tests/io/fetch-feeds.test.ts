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
  retries: 0, backoffBaseMs: 10, backoffMaxMs: 10, retryAfterMaxMs: 1_000, maxFeedMs: 10_000, hostTimeoutsBeforeSkip: 4, userAgent: 'Parallax-test/1',
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

  it('stops asking a host that timed out hostTimeoutsBeforeSkip times in a row (20 stalled feeds of one host had taken 20 × the timeout / 2 slots)', async () => {
    const stalled: Source[] = registry(20, () => server.origin).map((s, i) => ({ ...s, feeds: [{ url: `${server.origin}/slow-first-byte?i=${i}`, file: null, topic: null }] }) as unknown as Source);
    const options = { ...base, perHostConcurrency: 2, headersTimeoutMs: 200, totalTimeoutMs: 300 };
    const out = await fetchFeeds(stalled, options, deps);
    expect(out.every((f) => f.fetch?.status === 'failed' && f.error?.kind === 'timeout')).toBe(true);
    const tried = out.filter((f) => !f.error!.message.startsWith('not tried'));
    // Attempts already holding the host's other slot when the count is reached still run: at most one more here.
    expect(tried.length).toBeGreaterThanOrEqual(options.hostTimeoutsBeforeSkip);
    expect(tried.length).toBeLessThanOrEqual(options.hostTimeoutsBeforeSkip + options.perHostConcurrency - 1);
    expect(out[19]!.error!.message).toBe(`not tried: ${new URL(server.origin).host} timed out ${options.hostTimeoutsBeforeSkip} times in a row in this run`);
  });

  it('says a feed whose own attempts timed out was given up after them, not "not tried" (an operator trial\'s feeds were)', async () => {
    const stalled: Source[] = registry(6, () => server.origin).map((s, i) => ({ ...s, feeds: [{ url: `${server.origin}/slow-first-byte?j=${i}`, file: null, topic: null }] }) as unknown as Source);
    const options = { ...base, retries: 2, perHostConcurrency: 1, headersTimeoutMs: 200, totalTimeoutMs: 300 };
    const out = await fetchFeeds(stalled, options, deps);
    const why = `${new URL(server.origin).host} timed out ${options.hostTimeoutsBeforeSkip} times in a row in this run`;
    const own = out.map((f) => {
      const m = /^(?:not tried|given up after (\d+) attempts?): (.*)$/.exec(f.error!.message)!;
      expect(m[2]).toBe(why);
      return Number(m[1] ?? 0);
    });
    // One at a time on the host: the attempts that timed out are exactly the count that stops it, each named by its feed.
    expect(own.reduce((a, b) => a + b, 0)).toBe(options.hostTimeoutsBeforeSkip);
    expect(own.filter((n) => n > 0).length).toBeGreaterThan(0);
    expect(own.at(-1)).toBe(0);
  });

  it('keeps the registry URL as the feed\'s name and gives the URL after redirects, on another host, as fetch.finalUrl', async () => {
    const other = await startMisbehavingServer(FEEDS);
    try {
      const registered = `${server.origin}/redirect-to?to=${encodeURIComponent(`${other.origin}/atom-relative`)}`;
      const [input] = await fetchFeeds(registry(1, () => server.origin).map((s) => ({ ...s, feeds: [{ url: registered, file: null, topic: null }] }) as unknown as Source), base, deps);
      expect(input).toMatchObject({ name: registered, url: registered, error: null, fetch: { status: 'ok', redirects: 1, finalUrl: `${other.origin}/atom-relative` } });
      expect(new URL(other.origin).port).not.toBe(new URL(server.origin).port);
    } finally {
      await other.close();
    }
  });

  it('names the new URL of a feed that moved permanently as fetch.movedTo, and not of one redirected for now', async () => {
    const feeds = (url: string): Source[] => registry(1, () => server.origin).map((s) => ({ ...s, feeds: [{ url, file: null, topic: null }] }) as unknown as Source);
    const [moved] = await fetchFeeds(feeds(`${server.origin}/moved/301-308/npr-world.rss.xml`), base, deps);
    expect(moved!.fetch).toMatchObject({ status: 'ok', redirects: 2, movedTo: `${server.origin}/feed/npr-world.rss.xml` });
    const [temporary] = await fetchFeeds(feeds(`${server.origin}/moved/301-307/npr-world.rss.xml`), base, deps);
    expect(temporary!.fetch).toMatchObject({ status: 'ok', redirects: 2 });
    expect(temporary!.fetch).not.toHaveProperty('movedTo');
  });

  it('keeps to the overall limit', async () => {
    server.resetInFlight();
    await fetchFeeds(registry(12, () => server.origin), { ...base, concurrency: 4 }, deps);
    expect(server.maxInFlight()).toBe(4);
  });
});
