/**
 * Live feed fetching: every feed of the registry through the HTTP client (src/io/http-client.ts) under an overall
 * and a per-host concurrency limit. Every failure becomes a named error for that feed; the run goes on. Results come
 * back in registry order whatever order they finish in.
 */
import pLimit, { type LimitFunction } from 'p-limit';
import type { FeedInput, FeedValidators } from '../core/pipeline-types';
import type { Source } from '../core/schema/source';
import { DEFAULT_HTTP_OPTIONS, FetchFailure, httpGet, REAL_HTTP_DEPS, redactCredentials, type Gate, type HttpDeps, type HttpOptions } from './http-client';

export type FetchOptions = HttpOptions;
export const DEFAULT_FETCH_OPTIONS: FetchOptions = DEFAULT_HTTP_OPTIONS;

export interface FetchFeedsHooks {
  /** Stored validators by feed URL (conditional GET). */
  validators?: FeedValidators;
  /** Called as each feed finishes (progress bar). */
  onFeed?: (input: FeedInput, done: number, total: number) => void;
}

function hostKey(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return url;
  }
}

/**
 * Fetches one feed URL into a FeedInput; never throws. `url` (the registry's) is the input's url and keys its
 * validators; its name is the same URL with any user name and password as ***@ (the name is what the log, the run's
 * report and the source page show; httpGet refuses such a URL as bad_url). `fetch.finalUrl` is where the body came
 * from after redirects, the base for its relative links; `fetch.movedTo` is set only when every redirect was
 * permanent (301 / 308), and is the URL the registry should name instead.
 */
export async function fetchFeed(url: string, sourceId: string | null, options: FetchOptions, deps: HttpDeps = REAL_HTTP_DEPS, validators: FeedValidators = new Map(), gate?: Gate): Promise<FeedInput> {
  const started = performance.now();
  const sent = validators.get(url) ?? { etag: null, lastModified: null };
  const r = await httpGet(url, sent, options, deps, gate);
  return {
    name: redactCredentials(url),
    sourceId,
    url,
    contentType: r.contentType,
    bytes: r.bytes,
    error: r.error,
    fetch: {
      status: r.status,
      httpStatus: r.httpStatus,
      attempts: r.attempts,
      redirects: r.redirects,
      finalUrl: r.finalUrl,
      ...(r.movedTo ? { movedTo: r.movedTo } : {}),
      ms: Math.round(performance.now() - started),
      etag: r.validators.etag,
      lastModified: r.validators.lastModified,
    },
  };
}

/** Fetches every feed of every source; results in registry order. */
export async function fetchFeeds(registry: readonly Source[], options: FetchOptions = DEFAULT_FETCH_OPTIONS, deps: HttpDeps = REAL_HTTP_DEPS, hooks: FetchFeedsHooks = {}): Promise<FeedInput[]> {
  const overall = pLimit(options.concurrency);
  const perHost = new Map<string, LimitFunction>();
  const feeds = registry.flatMap((s) => s.feeds.map((f) => ({ url: f.url, sourceId: s.id })));
  const timeoutsInARow = new Map<string, number>();
  let done = 0;
  // Each attempt waits for its host's slot before it takes an overall slot, so a busy host never holds the whole
  // pool; the backoff between attempts holds neither. A host that timed out options.hostTimeoutsBeforeSkip times in a row
  // is not asked again in this run.
  const jobs = feeds.map(({ url, sourceId }) => {
    const key = hostKey(url);
    if (!perHost.has(key)) perHost.set(key, pLimit(options.perHostConcurrency));
    const host = perHost.get(key)!;
    // This feed's own attempts so far: a feed given up on after some of them was tried, and is not named "not tried"
    // (an operator trial's feeds whose own timeouts had stopped their host were).
    let tried = 0;
    const gate: Gate = (attempt) =>
      host(async () => {
        const timeouts = timeoutsInARow.get(key) ?? 0;
        if (timeouts >= options.hostTimeoutsBeforeSkip) {
          const why = `${key} timed out ${timeouts} times in a row in this run`;
          throw new FetchFailure('timeout', tried === 0 ? `not tried: ${why}` : `given up after ${tried} ${tried === 1 ? 'attempt' : 'attempts'}: ${why}`, false);
        }
        tried++;
        try {
          const result = await overall(attempt);
          timeoutsInARow.set(key, 0);
          return result;
        } catch (error) {
          const timedOut = error instanceof FetchFailure && error.kind === 'timeout';
          timeoutsInARow.set(key, timedOut ? (timeoutsInARow.get(key) ?? 0) + 1 : 0);
          throw error;
        }
      });
    return fetchFeed(url, sourceId, options, deps, hooks.validators, gate).then((input) => {
      hooks.onFeed?.(input, ++done, feeds.length);
      return input;
    });
  });
  return Promise.all(jobs);
}
