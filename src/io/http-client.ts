/**
 * The HTTP client for live feeds, on Node's fetch (undici):
 * - a timeout to the response headers (connect + first byte) and a total timeout per attempt (headers and body);
 * - retries with exponential backoff and jitter on timeouts, network errors, 5xx and 429, honouring Retry-After
 *   up to a bound (a longer Retry-After fails the feed at once instead of stalling the run);
 * - redirects followed by hand (`redirect: 'manual'`), counted against a limit, loops refused, and never inward
 *   (redirectScope: no feed server can send the job to a link-local address such as a cloud metadata endpoint, or from
 *   the internet to a private or loopback one);
 * - a body cap enforced while streaming, on the decompressed bytes (fetch undoes gzip, deflate and br as it streams,
 *   so a compression bomb is stopped at the cap, never inflated in memory);
 * - conditional GET with the stored ETag / Last-Modified (a 304 is an outcome, not an error);
 * - a descriptive User-Agent;
 * - only http and https URLs without credentials are fetched (checkFeedUrl), and no message quotes a user name or
 *   password (redactCredentials).
 * The clock, the sleep between retries and the random source of the jitter are injected, so tests are fast.
 * Never throws: every failure is a named error.
 */
import ipaddr from 'ipaddr.js';
import type { NamedError } from '../core/pipeline-types';
import { FEED_MAX_BYTES } from '../core/config';
import { redactCredentials } from '../core/redact-credentials';

export { redactCredentials };

export interface HttpOptions {
  /** Requests in flight at once over all hosts. */
  concurrency: number;
  /** Requests in flight at once to one host (politeness; many feeds of one outlet share a host). */
  perHostConcurrency: number;
  /** Connect plus time to the response headers, ms (a server that accepts and then says nothing). */
  headersTimeoutMs: number;
  /** One attempt, redirects, headers and body, ms (a server that drips the body). */
  totalTimeoutMs: number;
  /** Largest body accepted, bytes, after decompression. */
  maxBytes: number;
  /** Redirects followed per attempt. */
  maxRedirects: number;
  /** Retries after the first attempt (timeouts, network errors, 5xx, 429). */
  retries: number;
  /** First backoff, ms; doubles each retry, capped at backoffMaxMs, with equal jitter (half fixed, half random). */
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** Longest Retry-After honoured, ms; longer ones fail the feed for this run. */
  retryAfterMaxMs: number;
  /**
   * Budget for one feed, all attempts and waits, ms: no retry starts that could end past it (a server that drips
   * its body would otherwise hold a slot for every attempt's full total timeout).
   */
  maxFeedMs: number;
  /**
   * Timed-out attempts in a row after which a host's queued attempts fail at once for the rest of the run (a circuit
   * breaker, fetchFeeds): each timeout holds a host slot for up to the total timeout, so 20 feeds of one host that
   * stalls took 20 × 30 s / 2 slots = 5 minutes, and a host with 80 would run past a shard job's time limit. Any
   * answer from the host (even an error status) resets the count.
   */
  hostTimeoutsBeforeSkip: number;
  userAgent: string;
}

/** Limits for the hourly job: a run of a few hundred feeds stays within minutes even when many hosts misbehave. */
export const DEFAULT_HTTP_OPTIONS: HttpOptions = {
  concurrency: 16,
  perHostConcurrency: 2,
  headersTimeoutMs: 10_000,
  totalTimeoutMs: 30_000,
  maxBytes: FEED_MAX_BYTES,
  maxRedirects: 5,
  retries: 2,
  backoffBaseMs: 1_000,
  backoffMaxMs: 8_000,
  retryAfterMaxMs: 30_000,
  maxFeedMs: 60_000,
  hostTimeoutsBeforeSkip: 4, // two rounds of the two slots a host gets
  userAgent: 'Parallax/0.1 (+https://github.com/parallax-news/parallax; open-source news aggregator; feed reader)',
};

export interface HttpDeps {
  fetch: typeof fetch;
  sleep: (ms: number) => Promise<void>;
  /** In [0, 1): jitter. */
  random: () => number;
  /** Wall clock, ms since the epoch (Retry-After dates). */
  now: () => number;
}

export const REAL_HTTP_DEPS: HttpDeps = {
  fetch: (...args) => fetch(...args),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
  now: Date.now,
};

/** Stored validators of a feed for a conditional GET. */
export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

export interface HttpResult {
  status: 'ok' | 'not_modified' | 'failed';
  /** Last HTTP status seen, or null (no response). */
  httpStatus: number | null;
  /** Body (status ok), else null. */
  bytes: Uint8Array | null;
  contentType: string | null;
  /** URL after redirects. */
  finalUrl: string;
  /** Validators to store for the next run (from a 200 or a 304; else the ones sent). */
  validators: Validators;
  error: NamedError | null;
  attempts: number;
  redirects: number;
  /**
   * Where the feed has moved: the URL after redirects when at least one was followed and every hop of the chain was
   * permanent (301 Moved Permanently or 308 Permanent Redirect, RFC 9110 §15.4.2 / §15.4.9: "clients … ought to
   * use the new URI in future references"); null when none was followed, when any hop was temporary (302, 303,
   * 307: the registry's URL stays the one to ask), and for a failed fetch. The feed's run report names it so the
   * operator can update the registry.
   */
  movedTo: string | null;
}

/** Redirect statuses that say the resource has a new URI for good (RFC 9110 §15.4.2, §15.4.9). */
const PERMANENT_REDIRECTS: ReadonlySet<number> = new Set([301, 308]);

/** A failed attempt, named (kind) for the feed's report; retryable ones are tried again within the feed's budget. */
export class FetchFailure extends Error {
  constructor(
    readonly kind: string,
    message: string,
    readonly retryable: boolean,
    readonly httpStatus: number | null = null,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
  }
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH = `(?<month>${MONTHS.join('|')})`;
const TIME = '(?<hh>\\d{2}):(?<mm>\\d{2}):(?<ss>\\d{2})';
/** IMF-fixdate, RFC 9110 §5.6.7: "Sun, 06 Nov 1994 08:49:37 GMT". */
const IMF_FIXDATE = new RegExp(`^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (?<day>\\d{2}) ${MONTH} (?<year>\\d{4}) ${TIME} GMT$`);
/** Obsolete RFC 850 form, RFC 9110 §5.6.7: "Sunday, 06-Nov-94 08:49:37 GMT" (a two-digit year). */
const RFC850_DATE = new RegExp(`^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, (?<day>\\d{2})-${MONTH}-(?<year>\\d{2}) ${TIME} GMT$`);
/** Obsolete asctime form, RFC 9110 §5.6.7: "Sun Nov  6 08:49:37 1994" (a space-padded day; no zone, meaning UTC). */
const ASCTIME_DATE = new RegExp(`^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) ${MONTH} (?<day>[ \\d]\\d) ${TIME} (?<year>\\d{4})$`);

/**
 * An HTTP-date (RFC 9110 §5.6.7) as ms since the epoch, or null when `value` is not one. Reads the three forms a
 * recipient must accept, case-sensitively as the RFC defines them: IMF-fixdate, and the obsolete RFC 850 and asctime
 * forms, all UTC (asctime names no zone; it is never read as local time). Nothing else is read: Date.parse takes
 * almost anything ("-5" as 1 May 2001). A two-digit RFC 850 year is this century's unless that is more than 50 years
 * after `nowMs` (then the last century's, RFC 9110 §5.6.7). A day or time that does not exist (31 Feb, 24:00:00, a
 * leap second) gives null. Never throws.
 */
export function parseHttpDate(value: string, nowMs: number): number | null {
  const g = (IMF_FIXDATE.exec(value) ?? RFC850_DATE.exec(value) ?? ASCTIME_DATE.exec(value))?.groups;
  if (!g) return null;
  const [day, month, hh, mm, ss] = [Number(g.day), MONTHS.indexOf(g.month!), Number(g.hh), Number(g.mm), Number(g.ss)];
  let year = Number(g.year);
  if (g.year!.length === 2) {
    year += 2000;
    if (year > new Date(nowMs).getUTCFullYear() + 50) year -= 100;
  }
  const t = Date.UTC(year, month, day, hh, mm, ss);
  const d = new Date(t);
  // Date.UTC rolls a field over (31 Feb → 3 Mar, 24:00 → the next day): one that moved was out of range.
  const same = d.getUTCFullYear() === year && d.getUTCMonth() === month && d.getUTCDate() === day && d.getUTCHours() === hh && d.getUTCMinutes() === mm && d.getUTCSeconds() === ss;
  return same ? t : null;
}

/**
 * Retry-After (RFC 9110 §10.2.3: `HTTP-date / delay-seconds`, delay-seconds = 1*DIGIT) as ms from `nowMs` (0 for a
 * date already past), or null when absent or neither form (the field is then ignored and the usual backoff applies):
 * "-5", "1.5", "+5" or "5 May" are no delay (Date.parse had read "-5" as 1 May 2001, so no wait at all).
 */
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const t = parseHttpDate(v, nowMs);
  return t === null ? null : Math.max(0, t - nowMs);
}

/**
 * Why `url` is not fetched, or null when it is: it must be an absolute URL (WHATWG URL Standard) whose scheme is http
 * or https (fetch would read a `data:` URL's own text as a feed, and `file:` or `ftp:` fail only as retried network
 * errors), with no user name or password (RFC 3986 §3.2.1 deprecates "user:password" in a URI; fetch refuses it with
 * a message that quotes the password). The reason quotes the URL with its credentials redacted, cut to 200 characters.
 */
export function checkFeedUrl(url: string): string | null {
  const shown = redactCredentials(url).slice(0, 200);
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return `not an absolute URL: ${shown}`;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return `scheme "${u.protocol}" is not fetched (feeds are read over http and https only): ${shown}`;
  if (u.username || u.password) return `the URL has a user name or password, which is never sent (credentials in a registry end up in logs and public pages): ${shown}`;
  return null;
}

/** Backoff before retry `n` (1-based): base·2^(n-1), capped, half of it random (equal jitter). */
export function backoffMs(n: number, o: Pick<HttpOptions, 'backoffBaseMs' | 'backoffMaxMs'>, random: () => number): number {
  const cap = Math.min(o.backoffMaxMs, o.backoffBaseMs * 2 ** (n - 1));
  return Math.round(cap / 2 + (cap / 2) * random());
}

const ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5';

/**
 * The body, read to its end, at most `maxBytes` bytes (FetchFailure 'too_large' past them). Each read also ends when
 * `signal` aborts (the attempt's deadline), rejecting with the signal's reason: Node 20's fetch can leave a read
 * pending for good once its decoder fails on a body that is not what its Content-Encoding says (a body of about 67–99
 * KB labelled gzip but sent plain, an operator trial's), and a read nothing settles had let the whole run end
 * without a word, exit code 0.
 */
async function readCapped(body: ReadableStream<Uint8Array> | null, maxBytes: number, signal: AbortSignal): Promise<Uint8Array> {
  if (!body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  let onAbort: () => void = () => undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  aborted.catch(() => undefined);
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), aborted]);
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) throw new FetchFailure('too_large', `body over ${maxBytes} bytes (after decompression)`, false);
      chunks.push(value);
    }
  } finally {
    signal.removeEventListener('abort', onAbort);
    reader.cancel().catch(() => undefined);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

/**
 * The message of a decompression failure, when `cause` (the cause of fetch's "terminated" body error) is one: zlib's
 * gzip and deflate errors carry codes Z_DATA_ERROR, Z_BUF_ERROR …, its Brotli errors ERR__ERROR_FORMAT_… (Node's
 * zlib). A body that is not what its Content-Encoding says is the server's fault and comes the same next time, so it
 * is not retried (it had been taken for a network error and fetched three times).
 */
function decodingError(cause: unknown): string | null {
  const code = (cause as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !/^(?:Z_|ERR__ERROR_|ERR_ZLIB|ERR_BROTLI)/.test(code)) return null;
  return `${(cause as Error).message} (${code})`;
}

interface Attempt {
  status: 'ok' | 'not_modified';
  httpStatus: number;
  bytes: Uint8Array | null;
  contentType: string | null;
  finalUrl: string;
  validators: Validators;
  redirects: number;
  movedTo: string | null;
}

/**
 * How far inside the network a URL's host is, by its literal address (ipaddr.js's ranges: RFC 1918 private, RFC 6598
 * shared, RFC 4193 unique local, RFC 5735 / RFC 4291 loopback, RFC 3927 / RFC 4291 link-local): 'link_local' for
 * link-local and unspecified addresses, 'internal' for loopback, private, shared and unique-local ones and for
 * `localhost` (RFC 6761 §6.3), 'public' for every other address and every other host name. Names are not resolved: a
 * public name whose DNS points inside passes (the operator's own network is the guard against that).
 */
export function addressScope(url: URL): 'public' | 'internal' | 'link_local' {
  // a name's trailing dot (the DNS root, "localhost.") names the same host
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase().replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return 'internal';
  if (!ipaddr.isValid(host)) return 'public';
  let address = ipaddr.process(host);
  // An IPv6 address that carries an IPv4 one in its last 32 bits reaches that address: IPv4-compatible (::a.b.c.d,
  // RFC 4291 §2.5.5.1), translated (::ffff:0:a.b.c.d, RFC 6145) and NAT64 (64:ff9b::/96, RFC 6052).
  if (address.kind() === 'ipv6') {
    const parts = (address as ipaddr.IPv6).parts;
    const embeds = ['rfc6052', 'rfc6145'].includes(address.range()) || parts.slice(0, 6).every((p) => p === 0);
    if (embeds && (parts[6] !== 0 || parts[7]! > 1)) address = ipaddr.IPv4.parse(`${parts[6]! >> 8}.${parts[6]! & 255}.${parts[7]! >> 8}.${parts[7]! & 255}`);
  }
  const range = address.range();
  if (range === 'linkLocal' || range === 'unspecified') return 'link_local';
  if (range === 'loopback' || range === 'private' || range === 'carrierGradeNat' || range === 'uniqueLocal') return 'internal';
  return 'public';
}

const SCOPE_DEPTH = { public: 0, internal: 1, link_local: 2 } as const;
const SCOPE_NAME = { public: 'a public address', internal: 'a private or loopback address', link_local: 'a link-local or unspecified address' } as const;

/**
 * Why a redirect from `from` to `to` goes inward and is not followed (the text of a bad_redirect message), or null:
 * a feed server must not be able to point the job at a more internal address than the feed's own (server-side
 * request forgery; OWASP SSRF Prevention Cheat Sheet), so a public feed may not redirect to a private or loopback
 * address and no feed outside a link-local address may redirect into one. A feed the operator put on 127.0.0.1 may
 * still redirect within it.
 */
function inwardRedirect(from: URL, to: URL): string | null {
  const a = addressScope(from);
  const b = addressScope(to);
  return SCOPE_DEPTH[b] > SCOPE_DEPTH[a] ? SCOPE_NAME[b] : null;
}

/** One attempt: follows redirects by hand within one total deadline. Throws FetchFailure. */
async function attempt(url: string, sent: Validators, o: HttpOptions, deps: HttpDeps, onRedirect: (n: number) => void): Promise<Attempt> {
  const controller = new AbortController();
  let timedOut: string | null = null;
  const total = setTimeout(() => {
    timedOut = `no complete response within ${o.totalTimeoutMs} ms`;
    controller.abort();
  }, o.totalTimeoutMs);
  let headersTimer: ReturnType<typeof setTimeout> | undefined;
  const seen = new Set<string>();
  let current = url;
  let permanent = true; // every hop so far was a 301 or 308
  try {
    for (let redirects = 0; ; redirects++) {
      seen.add(current);
      const headers: Record<string, string> = { 'user-agent': o.userAgent, accept: ACCEPT, 'accept-encoding': 'gzip, deflate, br' };
      if (sent.etag) headers['if-none-match'] = sent.etag;
      if (sent.lastModified) headers['if-modified-since'] = sent.lastModified;
      headersTimer = setTimeout(() => {
        timedOut = `no response headers within ${o.headersTimeoutMs} ms`;
        controller.abort();
      }, o.headersTimeoutMs);
      let res: Response;
      try {
        res = await deps.fetch(current, { headers, redirect: 'manual', signal: controller.signal });
      } catch (error) {
        if (timedOut) throw new FetchFailure('timeout', timedOut, true);
        const e = error as Error & { cause?: unknown };
        throw new FetchFailure('network', `${e.name}: ${e.message}${e.cause ? ` (${String(e.cause)})` : ''}`, true);
      } finally {
        clearTimeout(headersTimer);
      }
      const status = res.status;
      if (status >= 300 && status < 400 && status !== 304) {
        await res.body?.cancel().catch(() => undefined);
        const location = res.headers.get('location');
        if (!location) throw new FetchFailure('bad_redirect', `HTTP ${status} without a Location header`, false, status);
        let next: URL;
        try {
          next = new URL(location, current);
        } catch {
          throw new FetchFailure('bad_redirect', `HTTP ${status} to an unreadable Location: ${redactCredentials(location).slice(0, 200)}`, false, status);
        }
        const shown = redactCredentials(next.href).slice(0, 200);
        if (!/^https?:$/.test(next.protocol)) throw new FetchFailure('bad_redirect', `redirect to a non-HTTP URL: ${shown}`, false, status);
        if (next.username || next.password) throw new FetchFailure('bad_redirect', `redirect to a URL with a user name or password, not followed: ${shown}`, false, status);
        const inward = inwardRedirect(new URL(current), next);
        if (inward) throw new FetchFailure('bad_redirect', `redirect to ${inward}, not followed: ${shown}`, false, status);
        if (seen.has(next.href)) throw new FetchFailure('redirect_loop', `redirect loop: ${shown} was already visited`, false, status);
        if (redirects + 1 > o.maxRedirects) throw new FetchFailure('too_many_redirects', `more than ${o.maxRedirects} redirects`, false, status);
        onRedirect(redirects + 1);
        if (!PERMANENT_REDIRECTS.has(status)) permanent = false;
        current = next.href;
        continue;
      }
      const movedTo = redirects > 0 && permanent ? current : null;
      const validators: Validators = {
        etag: res.headers.get('etag') ?? (status === 304 ? sent.etag : null),
        lastModified: res.headers.get('last-modified') ?? (status === 304 ? sent.lastModified : null),
      };
      if (status === 304) {
        await res.body?.cancel().catch(() => undefined);
        // RFC 9110 §15.4.5: 304 answers a conditional request only. To one that named no validator it says nothing
        // (a server that always answers 304 had counted as a success forever, its feed never read).
        if (!sent.etag && !sent.lastModified) throw new FetchFailure('http_status', 'HTTP 304 Not Modified to a request without If-None-Match or If-Modified-Since', false, status);
        return { status: 'not_modified', httpStatus: 304, bytes: null, contentType: null, finalUrl: current, validators, redirects, movedTo };
      }
      if (status < 200 || status > 299) {
        await res.body?.cancel().catch(() => undefined);
        const retryable = status >= 500 || status === 429 || status === 408;
        const retryAfter = status === 429 || status === 503 ? parseRetryAfter(res.headers.get('retry-after'), deps.now()) : null;
        throw new FetchFailure('http_status', `HTTP ${status}${res.statusText ? ` ${res.statusText}` : ''}`, retryable, status, retryAfter);
      }
      const declared = Number(res.headers.get('content-length'));
      if (!res.headers.get('content-encoding') && Number.isFinite(declared) && declared > o.maxBytes) {
        await res.body?.cancel().catch(() => undefined);
        throw new FetchFailure('too_large', `Content-Length ${declared} is over ${o.maxBytes} bytes`, false, status);
      }
      let bytes: Uint8Array;
      try {
        bytes = await readCapped(res.body, o.maxBytes, controller.signal);
      } catch (error) {
        if (error instanceof FetchFailure) throw error;
        const encoding = res.headers.get('content-encoding');
        if (timedOut) throw new FetchFailure('timeout', encoding ? `${timedOut}: the body, sent as Content-Encoding ${encoding}, did not end (a slow server, or a body that is not ${encoding} at all, which can stall the decoder)` : timedOut, true, status);
        const e = error as Error & { cause?: unknown };
        const undecodable = decodingError(e.cause);
        if (undecodable) throw new FetchFailure('bad_encoding', `body: Content-Encoding ${res.headers.get('content-encoding') ?? '(none)'} could not be undone: ${undecodable}`, false, status);
        throw new FetchFailure('network', `body: ${e.name}: ${e.message}${e.cause ? ` (${String(e.cause)})` : ''}`, true, status);
      }
      return { status: 'ok', httpStatus: status, bytes, contentType: res.headers.get('content-type'), finalUrl: current, validators, redirects, movedTo };
    }
  } finally {
    clearTimeout(total);
    clearTimeout(headersTimer);
    controller.abort();
  }
}

/** Runs one attempt under the caller's concurrency limits (the waits between attempts hold no slot). */
export type Gate = <T>(attempt: () => Promise<T>) => Promise<T>;

/**
 * Fetches one URL with retries. Never throws. A URL that checkFeedUrl refuses (not http(s), or with credentials) fails
 * at once as `bad_url` with no request made (attempts 0). No failure message quotes a user name or password.
 */
export async function httpGet(url: string, sent: Validators, o: HttpOptions, deps: HttpDeps, gate: Gate = (f) => f()): Promise<HttpResult> {
  const started = deps.now();
  const refused = checkFeedUrl(url);
  let last: FetchFailure | null = refused === null ? null : new FetchFailure('bad_url', refused, false);
  let redirects = 0;
  let attempts = 0;
  for (let n = 1; refused === null && n <= o.retries + 1; n++) {
    attempts = n;
    try {
      const a = await gate(() => attempt(url, sent, o, deps, (r) => (redirects = Math.max(redirects, r))));
      return { ...a, error: null, attempts: n };
    } catch (error) {
      last = error instanceof FetchFailure ? error : new FetchFailure('internal_error', String(error), false);
      if (!last.retryable || n > o.retries) break;
      let delay = backoffMs(n, o, deps.random);
      if (last.retryAfterMs !== null) {
        if (last.retryAfterMs > o.retryAfterMaxMs) {
          last = new FetchFailure(last.kind, `${last.message}; Retry-After ${Math.round(last.retryAfterMs / 1000)} s is over the ${o.retryAfterMaxMs / 1000} s limit`, false, last.httpStatus);
          break;
        }
        delay = Math.max(last.retryAfterMs, 0);
      }
      const elapsed = deps.now() - started;
      if (elapsed + delay + o.totalTimeoutMs > o.maxFeedMs) {
        last = new FetchFailure(last.kind, `${last.message}; no retry: it could end past the ${o.maxFeedMs / 1000} s budget for one feed`, false, last.httpStatus);
        break;
      }
      await deps.sleep(delay);
    }
  }
  return {
    status: 'failed',
    httpStatus: last?.httpStatus ?? null,
    bytes: null,
    contentType: null,
    finalUrl: url,
    validators: sent,
    // redacted again whatever wrote the message (undici quotes the URL it was given)
    error: { kind: last?.kind ?? 'internal_error', message: redactCredentials(last?.message ?? 'unknown failure') },
    attempts,
    redirects,
    movedTo: null,
  };
}
