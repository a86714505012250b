/**
 * The HTTP client against a misbehaving server on 127.0.0.1: each case ends with the right outcome, within the
 * timeouts. Backoff sleeps are recorded, not slept.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressScope, backoffMs, httpGet, parseHttpDate, parseRetryAfter, type HttpDeps, type HttpOptions, type Validators } from '../../src/io/http-client';
import { startMisbehavingServer, type MisbehavingServer } from './misbehaving-server';

const FEEDS = path.join(path.dirname(new URL(import.meta.url).pathname), 'fixtures', 'feeds-small');

export const TEST_HTTP: HttpOptions = {
  concurrency: 8,
  perHostConcurrency: 8,
  headersTimeoutMs: 300,
  totalTimeoutMs: 800,
  maxBytes: 1024 * 1024,
  maxRedirects: 5,
  retries: 2,
  backoffBaseMs: 100,
  backoffMaxMs: 400,
  retryAfterMaxMs: 5_000,
  maxFeedMs: 10_000,
  hostTimeoutsBeforeSkip: 4,
  userAgent: 'Parallax-test/1 (+https://example.invalid/parallax)',
};

let server: MisbehavingServer;
const slept: number[] = [];
const deps: HttpDeps = {
  fetch: (...a) => fetch(...a),
  sleep: async (ms) => void slept.push(ms),
  random: () => 0.5,
  now: Date.now,
};
const none: Validators = { etag: null, lastModified: null };

beforeAll(async () => {
  server = await startMisbehavingServer(FEEDS, { slowMs: 2_000 });
});
afterAll(async () => {
  await server.close();
});

const get = (p: string, o: Partial<HttpOptions> = {}, v = none) => httpGet(`${server.origin}${p}`, v, { ...TEST_HTTP, ...o }, deps);

describe('httpGet against a misbehaving server', () => {
  it('fetches a feed with the User-Agent and returns its validators and content type', async () => {
    const r = await get('/feed/npr-world.rss.xml');
    expect(r.status).toBe('ok');
    expect(r.httpStatus).toBe(200);
    expect(r.bytes!.byteLength).toBeGreaterThan(10_000);
    expect(r.contentType).toBe('application/rss+xml; charset=utf-8');
    expect(r.validators.etag).toMatch(/^"[0-9a-f]{16}"$/);
    expect(r.validators.lastModified).toBe('Tue, 17 Feb 2026 23:00:00 GMT');
    expect(server.lastHeaders.get('/feed/npr-world.rss.xml')!['user-agent']).toBe(TEST_HTTP.userAgent);
  });

  it('sends If-None-Match / If-Modified-Since and takes a 304 as not modified (no body)', async () => {
    const first = await get('/feed/csmonitor-all.rss.xml');
    const again = await get('/feed/csmonitor-all.rss.xml', {}, first.validators);
    expect(again.status).toBe('not_modified');
    expect(again.bytes).toBeNull();
    expect(again.error).toBeNull();
    expect(again.validators).toEqual(first.validators);
    const byDate = await get('/feed/csmonitor-all.rss.xml', {}, { etag: null, lastModified: first.validators.lastModified });
    expect(byDate.status).toBe('not_modified');
  });

  it('fails a 304 to a request that sent no validator (a server answering 304 to everything had been a success forever)', async () => {
    const r = await get('/always-304');
    expect(r.status).toBe('failed');
    expect(r.error).toEqual({ kind: 'http_status', message: 'HTTP 304 Not Modified to a request without If-None-Match or If-Modified-Since' });
    expect((await get('/always-304', {}, { etag: '"x"', lastModified: null })).status).toBe('not_modified');
  });

  it('decompresses a gzip response', async () => {
    const plain = await get('/feed/npr-world.rss.xml');
    const gz = await get('/gzip/npr-world.rss.xml');
    expect(gz.status).toBe('ok');
    expect(Buffer.from(gz.bytes!).equals(Buffer.from(plain.bytes!))).toBe(true);
  });

  it('fails a body that is not what its Content-Encoding says at once, naming the encoding (not a retried network error)', async () => {
    const gz = await get('/not-gzip/npr-world.rss.xml');
    expect(gz).toMatchObject({ status: 'failed', attempts: 1, httpStatus: 200 });
    expect(gz.error).toEqual({ kind: 'bad_encoding', message: 'body: Content-Encoding gzip could not be undone: incorrect header check (Z_DATA_ERROR)' });
    const br = await get('/not-br/npr-world.rss.xml');
    expect(br).toMatchObject({ status: 'failed', attempts: 1 });
    expect(br.error!.kind).toBe('bad_encoding');
    expect(br.error!.message).toMatch(/^body: Content-Encoding br could not be undone: .+ \(ERR__ERROR_FORMAT_\w+\)$/);
    expect(server.hits.get('/not-gzip/npr-world.rss.xml')).toBe(1);
  });

  it('ends a body read that Node’s decoder leaves pending (70 KB labelled gzip, sent plain) at the deadline, naming the encoding', async () => {
    // Node 20's fetch never settles this read; it had let a whole run end silently. Should a later Node fail it at
    // once, that is the bad_encoding above.
    const r = await get('/not-gzip-70k', { retries: 0, totalTimeoutMs: 1_500 });
    expect(r.status).toBe('failed');
    if (r.error!.kind === 'timeout') {
      expect(r.error!.message).toBe('no complete response within 1500 ms: the body, sent as Content-Encoding gzip, did not end (a slow server, or a body that is not gzip at all, which can stall the decoder)');
    } else expect(r.error!.kind).toBe('bad_encoding');
  });

  it('times out a slow first byte at the headers timeout, retrying with backoff', async () => {
    slept.length = 0;
    const t0 = performance.now();
    const r = await get('/slow-first-byte');
    expect(r.status).toBe('failed');
    expect(r.error!.kind).toBe('timeout');
    expect(r.error!.message).toContain('headers');
    expect(r.attempts).toBe(3);
    expect(slept).toEqual([75, 150]); // equal jitter at random 0.5: 100 → 75, 200 → 150
    expect(performance.now() - t0).toBeLessThan(3 * 300 + 600);
  });

  it('times out a slow drip at the total timeout', async () => {
    const t0 = performance.now();
    const r = await get('/slow-drip', { retries: 0 });
    expect(r.error).toMatchObject({ kind: 'timeout' });
    expect(r.error!.message).toContain('complete response');
    expect(performance.now() - t0).toBeLessThan(800 + 500);
  });

  it('starts no retry that could end past the per-feed budget', async () => {
    const t0 = performance.now();
    const r = await get('/slow-drip', { maxFeedMs: 1_500 });
    expect(r).toMatchObject({ status: 'failed', attempts: 1, error: { kind: 'timeout' } });
    expect(r.error!.message).toContain('1.5 s budget for one feed');
    expect(performance.now() - t0).toBeLessThan(1_500);
  });

  it('retries a 500 and then fails with its status', async () => {
    const before = server.hits.get('/status/500') ?? 0;
    const r = await get('/status/500');
    expect(r).toMatchObject({ status: 'failed', httpStatus: 500, attempts: 3, error: { kind: 'http_status', message: 'HTTP 500 Internal Server Error' } });
    expect(server.hits.get('/status/500')! - before).toBe(3);
  });

  it('does not retry a 404', async () => {
    const r = await get('/status/404');
    expect(r).toMatchObject({ status: 'failed', httpStatus: 404, attempts: 1 });
  });

  it('honours Retry-After on a 503, then succeeds', async () => {
    slept.length = 0;
    const r = await get('/503-then-ok/npr-world.rss.xml');
    expect(r).toMatchObject({ status: 'ok', attempts: 2 });
    expect(slept).toEqual([1_000]);
  });

  it('honours a Retry-After HTTP date on a 429', async () => {
    slept.length = 0;
    const r = await get('/429-then-ok/npr-world.rss.xml');
    expect(r).toMatchObject({ status: 'ok', attempts: 2 });
    expect(slept[0]).toBeGreaterThan(0);
    expect(slept[0]).toBeLessThanOrEqual(1_000);
  });

  it.each(['-5', '1.5'])('backs off as usual after a 503 with Retry-After %s (not a delay: it had been read as a 2001 date, no wait at all)', async (v) => {
    slept.length = 0;
    const r = await get(`/503-retry-after?v=${v}`, { retries: 1 });
    expect(r).toMatchObject({ status: 'failed', httpStatus: 503, attempts: 2 });
    expect(slept).toEqual([75]); // the backoff of retry 1 at random 0.5 (base 100 ms), not 0
  });

  it('fails at once when Retry-After is over the bound', async () => {
    slept.length = 0;
    const r = await get('/503-long');
    expect(r).toMatchObject({ status: 'failed', httpStatus: 503, attempts: 1 });
    expect(r.error!.message).toContain('Retry-After 3600 s is over');
    expect(slept).toEqual([]);
  });

  it('refuses a redirect loop', async () => {
    const r = await get('/redirect-loop');
    expect(r).toMatchObject({ status: 'failed', attempts: 1, error: { kind: 'redirect_loop' } });
  });

  it('follows redirects up to the limit, and no further', async () => {
    const ok = await get('/redirect-chain/5');
    expect(ok).toMatchObject({ status: 'ok', redirects: 5 });
    expect(ok.finalUrl).toBe(`${server.origin}/redirect-chain/0`);
    const tooMany = await get('/redirect-chain/6');
    expect(tooMany).toMatchObject({ status: 'failed', error: { kind: 'too_many_redirects' } });
  });

  // A feed that answered 301 to a new URL had been read there every hour with nothing said: the registry kept the
  // old URL for good, one redirect per run, and the feed broke for good when the old host went.
  it.each([
    ['301', true],
    ['308', true],
    ['301-308', true],
    ['302', false],
    ['307', false],
    ['303', false],
    ['301-302', false],
    ['307-301', false],
  ])('a chain of %s gives movedTo only when every hop is permanent (%s)', async (codes, moved) => {
    const r = await get(`/moved/${codes}/npr-world.rss.xml`);
    expect(r).toMatchObject({ status: 'ok', redirects: codes.split('-').length, finalUrl: `${server.origin}/feed/npr-world.rss.xml` });
    expect(r.movedTo).toBe(moved ? `${server.origin}/feed/npr-world.rss.xml` : null);
  });

  it('gives no movedTo without a redirect, nor for a failed fetch after a permanent one', async () => {
    expect((await get('/feed/npr-world.rss.xml')).movedTo).toBeNull();
    const failed = await get('/moved/301/no-such-file.xml');
    expect(failed).toMatchObject({ status: 'failed', movedTo: null, error: { kind: 'http_status' } });
  });

  it('gives movedTo on a 304 from the new URL (a conditional GET after the move)', async () => {
    const first = await get('/moved/308/csmonitor-all.rss.xml');
    const again = await get('/moved/308/csmonitor-all.rss.xml', {}, first.validators);
    expect(again).toMatchObject({ status: 'not_modified', movedTo: `${server.origin}/feed/csmonitor-all.rss.xml` });
  });

  // A data: URL had been fetched and its text stored as a feed; file: and ftp: had failed as retried network errors;
  // credentials had failed with fetch's message quoting the password, which reached the log, the state and the site.
  it.each([
    ['file:///etc/passwd', 'scheme "file:" is not fetched (feeds are read over http and https only): file:///etc/passwd'],
    ['ftp://127.0.0.1/x', 'scheme "ftp:" is not fetched (feeds are read over http and https only): ftp://127.0.0.1/x'],
    ['data:application/rss+xml,<rss><channel><item><title>T</title><link>https://d.example/1</link></item></channel></rss>', 'scheme "data:" is not fetched (feeds are read over http and https only): data:application/rss+xml,<rss><channel><item><title>T</title><link>https://d.example/1</link></item></channel></rss>'],
    ['ftp://user:S3cretPassw0rd@127.0.0.1/x', 'scheme "ftp:" is not fetched (feeds are read over http and https only): ftp://***@127.0.0.1/x'],
    ['feeds/world.xml', 'not an absolute URL: feeds/world.xml'],
  ])('fails %s at once as bad_url, with no request', async (url, message) => {
    slept.length = 0;
    const r = await httpGet(url, none, TEST_HTTP, deps);
    expect(r).toMatchObject({ status: 'failed', httpStatus: null, bytes: null, attempts: 0, redirects: 0 });
    expect(r.error).toEqual({ kind: 'bad_url', message });
    expect(slept).toEqual([]);
  });

  it('fails a URL with a user name or password at once as bad_url, sending nothing and never quoting the password', async () => {
    const before = server.hits.get('/feed/npr-world.rss.xml') ?? 0;
    const withAt = server.origin.replace('//', '//feeduser:S3cret@Passw0rd@');
    const r = await httpGet(`${withAt}/feed/npr-world.rss.xml`, none, TEST_HTTP, deps);
    expect(r).toMatchObject({ status: 'failed', attempts: 0 });
    expect(r.error).toEqual({
      kind: 'bad_url',
      message: `the URL has a user name or password, which is never sent (credentials in a registry end up in logs and public pages): ${server.origin.replace('//', '//***@')}/feed/npr-world.rss.xml`,
    });
    expect(server.hits.get('/feed/npr-world.rss.xml') ?? 0).toBe(before);
    const userOnly = await httpGet(`${server.origin.replace('//', '//feeduser@')}/feed/npr-world.rss.xml`, none, TEST_HTTP, deps);
    expect(userOnly.error!.kind).toBe('bad_url');
    expect(userOnly.error!.message).not.toContain('feeduser');
  });

  it('refuses a redirect to a URL with credentials, and quotes no Location with its password', async () => {
    const to = `${server.origin.replace('//', '//u:S3cret@')}/feed/npr-world.rss.xml`;
    const r = await get(`/redirect-to?to=${encodeURIComponent(to)}`);
    expect(r).toMatchObject({ status: 'failed', attempts: 1, httpStatus: 302 });
    expect(r.error).toEqual({ kind: 'bad_redirect', message: `redirect to a URL with a user name or password, not followed: ${server.origin.replace('//', '//***@')}/feed/npr-world.rss.xml` });
    const ftp = await get(`/redirect-to?to=${encodeURIComponent('ftp://u:S3cret@127.0.0.1/x')}`);
    expect(ftp.error).toEqual({ kind: 'bad_redirect', message: 'redirect to a non-HTTP URL: ftp://***@127.0.0.1/x' });
    const unreadable = await get(`/redirect-to?to=${encodeURIComponent('http://u:S3cret@[::1/x')}`);
    expect(unreadable.error).toEqual({ kind: 'bad_redirect', message: 'HTTP 302 to an unreadable Location: http://***@[::1/x' });
  });

  it('never follows a redirect inward: to a link-local or unspecified address (cloud metadata), and no request goes there', async () => {
    for (const to of ['http://169.254.169.254/latest/meta-data/', 'http://[fe80::1]/x', 'http://0.0.0.0:9/x', 'http://[::ffff:169.254.169.254]/x']) {
      const r = await get(`/redirect-to?to=${encodeURIComponent(to)}`);
      expect(r).toMatchObject({ status: 'failed', attempts: 1, httpStatus: 302, redirects: 0 });
      expect(r.error).toEqual({ kind: 'bad_redirect', message: `redirect to a link-local or unspecified address, not followed: ${new URL(to).href}` });
    }
    // within the operator's own loopback server a redirect is followed
    expect(await get(`/redirect-to?to=${encodeURIComponent(`${server.origin}/feed/npr-world.rss.xml`)}`)).toMatchObject({ status: 'ok', redirects: 1 });
  });

  it('a public feed may not redirect to a private or loopback address; public to public is followed', async () => {
    const asked: string[] = [];
    const fake: HttpDeps = {
      ...deps,
      fetch: async (input) => {
        const url = String(input);
        asked.push(url);
        const to = { 'https://feeds.example/a': 'http://10.0.0.5/rss', 'https://feeds.example/b': 'http://localhost:8080/rss', 'https://feeds.example/c': 'https://cdn.example/rss' }[url];
        return to ? new Response(null, { status: 301, headers: { location: to } }) : new Response('<rss/>', { status: 200 });
      },
    };
    const a = await httpGet('https://feeds.example/a', none, TEST_HTTP, fake);
    expect(a.error).toEqual({ kind: 'bad_redirect', message: 'redirect to a private or loopback address, not followed: http://10.0.0.5/rss' });
    const b = await httpGet('https://feeds.example/b', none, TEST_HTTP, fake);
    expect(b.error).toEqual({ kind: 'bad_redirect', message: 'redirect to a private or loopback address, not followed: http://localhost:8080/rss' });
    const c = await httpGet('https://feeds.example/c', none, TEST_HTTP, fake);
    expect(c).toMatchObject({ status: 'ok', redirects: 1, finalUrl: 'https://cdn.example/rss' });
    expect(asked).toEqual(['https://feeds.example/a', 'https://feeds.example/b', 'https://feeds.example/c', 'https://cdn.example/rss']);
  });

  it('addressScope reads literal addresses only (names are not resolved)', () => {
    const scope = (u: string) => addressScope(new URL(u));
    expect(['http://169.254.0.1/', 'http://[fe80::abcd]/', 'http://0.0.0.0/', 'http://[::]/'].map(scope)).toEqual(['link_local', 'link_local', 'link_local', 'link_local']);
    expect(['http://127.0.0.1/', 'http://10.1.2.3/', 'http://172.16.0.1/', 'http://192.168.1.1/', 'http://100.64.0.1/', 'http://[::1]/', 'http://[fd00::1]/', 'http://localhost/', 'http://a.localhost/'].map(scope)).toEqual(Array(9).fill('internal'));
    // a trailing dot, and IPv6 forms that carry an IPv4 address (a hostile trial had them all public)
    expect(['http://localhost./', 'http://a.localhost./', 'http://[::127.0.0.1]/', 'http://[::ffff:0:a00:1]/'].map(scope)).toEqual(Array(4).fill('internal'));
    expect(['http://[64:ff9b::a9fe:a9fe]/', 'http://[::ffff:0:a9fe:a9fe]/', 'http://[::a9fe:a9fe]/', 'http://[::]/'].map(scope)).toEqual(Array(4).fill('link_local'));
    expect(['http://[64:ff9b::808:808]/', 'http://[::1]/'].map(scope)).toEqual(['public', 'internal']);
    expect(['http://8.8.8.8/', 'http://172.32.0.1/', 'http://[2001:db8::1]/', 'http://metadata.google.internal/', 'http://example.com/'].map(scope)).toEqual(Array(5).fill('public'));
  });

  it('stops a body that never ends at the size cap', async () => {
    const r = await get('/never-ends', { maxBytes: 256 * 1024 });
    expect(r).toMatchObject({ status: 'failed', attempts: 1, error: { kind: 'too_large' } });
  });

  it.each(['/gzip-bomb', '/br-bomb'])('stops a compression bomb (%s) at the cap on the decompressed bytes', async (p) => {
    const before = process.memoryUsage().rss;
    const r = await get(p);
    expect(r).toMatchObject({ status: 'failed', error: { kind: 'too_large' } });
    expect(r.error!.message).toContain('after decompression');
    expect(process.memoryUsage().rss - before).toBeLessThan(48 * 1024 * 1024);
  });

  it('passes a wrong charset header through as the content type (the decoder weighs it)', async () => {
    const r = await get('/wrong-charset/npr-world.rss.xml');
    expect(r.status).toBe('ok');
    expect(r.contentType).toBe('application/rss+xml; charset=iso-8859-1');
  });

  it('returns HTML and an empty 200 as bodies (the parser names them)', async () => {
    expect((await get('/html')).status).toBe('ok');
    const empty = await get('/empty');
    expect(empty.status).toBe('ok');
    expect(empty.bytes!.byteLength).toBe(0);
  });

  it('names a refused connection as a network error', async () => {
    const r = await httpGet('http://127.0.0.1:9/feed', none, { ...TEST_HTTP, retries: 1 }, deps);
    expect(r).toMatchObject({ status: 'failed', attempts: 2, error: { kind: 'network' } });
  });
});

describe('retry arithmetic', () => {
  it('parses Retry-After seconds and dates', () => {
    expect(parseRetryAfter('120', 0)).toBe(120_000);
    expect(parseRetryAfter('Thu, 01 Jan 1970 00:00:10 GMT', 4_000)).toBe(6_000);
    expect(parseRetryAfter('soon', 0)).toBeNull();
    expect(parseRetryAfter(null, 0)).toBeNull();
  });
  // RFC 9110 §10.2.3: Retry-After = HTTP-date / delay-seconds, delay-seconds = 1*DIGIT; a value that is neither is
  // ignored. Date.parse had read "-5" as 1 May 2001 and "1.5" as 5 Jan 2001, both long past, so the wait was 0.
  it.each(['-5', '1.5', '+5', '5s', '0x10', '1e3', '5 May', 'Sun, 06 Nov 1994', 'Sun, 31 Feb 1994 08:49:37 GMT', 'Sun, 06 Nov 1994 24:00:00 GMT', '', '   '])(
    'ignores Retry-After %j (neither 1*DIGIT nor an HTTP-date)',
    (v) => {
      expect(parseRetryAfter(v, Date.UTC(2026, 1, 18))).toBeNull();
    },
  );
  it('reads the three HTTP-date forms of RFC 9110 §5.6.7 as UTC, and pads no date past now to below 0', () => {
    const now = Date.UTC(1994, 10, 6, 8, 49, 0); // 37 s before the example date of RFC 9110
    expect(parseRetryAfter('Sun, 06 Nov 1994 08:49:37 GMT', now)).toBe(37_000); // IMF-fixdate
    expect(parseRetryAfter('Sunday, 06-Nov-94 08:49:37 GMT', now)).toBe(37_000); // obsolete RFC 850
    expect(parseRetryAfter('Sun Nov  6 08:49:37 1994', now)).toBe(37_000); // obsolete asctime (UTC, not local time)
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('Sun, 06 Nov 1994 08:48:00 GMT', now)).toBe(0);
    // a two-digit year more than 50 years ahead is the last century's
    expect(parseHttpDate('Friday, 01-Mar-30 00:00:00 GMT', Date.UTC(2026, 1, 18))).toBe(Date.UTC(2030, 2, 1));
    expect(parseHttpDate('Tuesday, 01-Mar-94 00:00:00 GMT', Date.UTC(2026, 1, 18))).toBe(Date.UTC(1994, 2, 1));
  });
  it('doubles the backoff up to the cap, half of it jittered', () => {
    const o = { backoffBaseMs: 1_000, backoffMaxMs: 8_000 };
    expect([1, 2, 3, 4, 5].map((n) => backoffMs(n, o, () => 0))).toEqual([500, 1_000, 2_000, 4_000, 4_000]);
    expect([1, 2, 3, 4, 5].map((n) => backoffMs(n, o, () => 0.999999))).toEqual([1_000, 2_000, 4_000, 8_000, 8_000]);
  });
});
