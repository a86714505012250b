/**
 * Live feed fetching with Node's fetch (undici): bounded concurrency, a total timeout per feed, a cap on the body
 * size enforced while streaming, a redirect limit (fetch's own, 20 per the WHATWG Fetch standard) and a descriptive
 * User-Agent. Every failure becomes a named error for that feed; the run goes on.
 */
import pLimit from 'p-limit';
import type { FeedInput } from '../core/pipeline-types';
import type { Source } from '../core/schema/source';

export interface FetchOptions {
  /** Feeds fetched at once. */
  concurrency: number;
  /** Whole request, headers and body, in ms. */
  timeoutMs: number;
  /** Largest body accepted, bytes (decompressed, as fetch streams it). */
  maxBytes: number;
  userAgent: string;
}

/** Limits for live runs: 8 parallel requests, 20 s per feed, 10 MiB per body. */
export const DEFAULT_FETCH_OPTIONS: FetchOptions = {
  concurrency: 8,
  timeoutMs: 20_000,
  maxBytes: 10 * 1024 * 1024,
  userAgent: 'Parallax/0.1 (+https://github.com/parallax-news/parallax; open-source news aggregator)',
};

/** Reads a response body up to `maxBytes`; throws Error('too_large') past it. */
async function readCapped(res: Response, maxBytes: number): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > maxBytes) throw new Error('too_large');
    chunks.push(chunk);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

/** Fetches one feed URL into a FeedInput; never throws. */
export async function fetchFeed(url: string, sourceId: string | null, options: FetchOptions, fetchImpl: typeof fetch = fetch): Promise<FeedInput> {
  const base = { name: url, sourceId, url, contentType: null as string | null };
  try {
    const res = await fetchImpl(url, {
      headers: { 'user-agent': options.userAgent, accept: 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5' },
      redirect: 'follow',
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    base.contentType = res.headers.get('content-type');
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      return { ...base, bytes: null, error: { kind: 'http_status', message: `HTTP ${res.status} ${res.statusText}` } };
    }
    return { ...base, bytes: await readCapped(res, options.maxBytes), error: null };
  } catch (error) {
    const e = error as Error;
    const kind = e.name === 'TimeoutError' || e.name === 'AbortError' ? 'timeout' : e.message === 'too_large' ? 'too_large' : 'network';
    const message = kind === 'too_large' ? `body over ${options.maxBytes} bytes` : `${e.name}: ${e.message}${(e as { cause?: Error }).cause ? ` (${String((e as { cause?: Error }).cause)})` : ''}`;
    return { ...base, bytes: null, error: { kind, message } };
  }
}

/** Fetches every feed of every source in registry order; results come back in the same order. */
export async function fetchFeeds(registry: readonly Source[], options: FetchOptions = DEFAULT_FETCH_OPTIONS, fetchImpl: typeof fetch = fetch): Promise<FeedInput[]> {
  const limit = pLimit(options.concurrency);
  const jobs = registry.flatMap((s) => s.feeds.map((f) => limit(() => fetchFeed(f.url, s.id, options, fetchImpl))));
  return Promise.all(jobs);
}
