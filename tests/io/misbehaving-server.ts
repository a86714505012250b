/**
 * A web server on 127.0.0.1 that serves feed files and misbehaves on purpose, one path per misbehaviour. Every loop
 * is bounded (a drip stops after a fixed number of ticks or when the client goes away) and close() destroys open
 * sockets, so a test never hangs on it.
 *
 *   /feed/<file>           the file (sub-folders allowed), with an ETag and Last-Modified; 304 to a matching conditional GET
 *   /slow-first-byte       headers only after `slowMs`
 *   /slow-drip             headers at once, then one byte every 20 ms (at most 2,000 ticks)
 *   /status/500            always 500
 *   /always-304            304 to every request, conditional or not
 *   /503-then-ok/<file>    503 with Retry-After: 1 on the first request of the path, then the file
 *   /503-long              503 with Retry-After: 3600
 *   /503-retry-after?v=V   503 with Retry-After: V (any text)
 *   /429-then-ok/<file>    429 with Retry-After as an HTTP date 1 s ahead, then the file
 *   /redirect-loop         302 → /redirect-loop-b → 302 → /redirect-loop
 *   /redirect-chain/<n>    n redirects, then the bundled feed
 *   /redirect-to?to=URL    302 to URL (any text: another host, a scheme, credentials)
 *   /moved/<codes>/<file>  one redirect per status in <codes> ("301-302-308": 301, then 302, then 308), then /feed/<file>
 *   /atom-relative         an Atom feed whose entry links are relative (no xml:base: they resolve against its URL)
 *   /never-ends            200 and 16 KiB chunks with no end (at most 10,000 chunks)
 *   /gzip-bomb             Content-Encoding: gzip, 64 MiB of zeros compressed to ~64 KiB
 *   /br-bomb               the same with Brotli
 *   /not-gzip/<file>       the plain file labelled Content-Encoding: gzip (a server that says it compressed and did not)
 *   /not-br/<file>         the same, labelled br
 *   /not-gzip-70k          a plain 70,000-byte feed labelled gzip (the size at which Node 20's fetch leaves a read pending)
 *   /wrong-charset/<file>  the UTF-8 file labelled charset=iso-8859-1
 *   /html                  an HTML page with 200
 *   /empty                 200 with no body
 *   /changing              a different feed (and ETag) on every request
 *   /gzip/<file>           the file gzip-compressed (a well-behaved compressed response)
 *   /delay/<ms>/<file>     the file after <ms> (at most 5 s); requests in flight are counted (maxInFlight)
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import zlib from 'node:zlib';

export interface MisbehavingServer {
  origin: string;
  /** Requests received by path. */
  hits: Map<string, number>;
  /** Request headers of the last request by path. */
  lastHeaders: Map<string, http.IncomingHttpHeaders>;
  /** Most /delay requests in flight at once since start (or since reset). */
  maxInFlight: () => number;
  resetInFlight: () => void;
  close: () => Promise<void>;
}

const BOMB = 64 * 1024 * 1024;
let gzipBomb: Buffer | undefined;
let brBomb: Buffer | undefined;

function changingFeed(n: number): string {
  const items = Array.from({ length: 3 }, (_, i) => {
    const k = n * 3 + i;
    return `<item><title>Changing story number ${k} about the harbour bridge</title><link>https://changing.example/${k}</link><pubDate>Tue, 17 Feb 2026 ${String(10 + (k % 10)).padStart(2, '0')}:00:00 GMT</pubDate><description>Item ${k}.</description></item>`;
  }).join('');
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Changing</title><link>https://changing.example/</link>${items}</channel></rss>`;
}

/** An Atom feed with relative entry links and no xml:base (RFC 4287 §2: they resolve against the feed's URL). */
const ATOM_RELATIVE = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Relative</title><id>urn:x:relative</id><updated>2026-02-17T12:00:00Z</updated>${[1, 2]
  .map((k) => `<entry><title>Relative link story ${k} about the harbour ferry strike</title><id>urn:x:relative:${k}</id><link href="news/${k}.html"/><updated>2026-02-17T1${k}:00:00Z</updated><summary>Item ${k}.</summary></entry>`)
  .join('')}</feed>`;

export async function startMisbehavingServer(feedDir: string, opts: { slowMs?: number } = {}): Promise<MisbehavingServer> {
  const slowMs = opts.slowMs ?? 2_000;
  // Compressing the bombs blocks the event loop (client and server share it in tests): done before serving.
  gzipBomb ??= zlib.gzipSync(Buffer.alloc(BOMB), { level: 9 });
  brBomb ??= zlib.brotliCompressSync(Buffer.alloc(BOMB), { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1 } });
  const hits = new Map<string, number>();
  const lastHeaders = new Map<string, http.IncomingHttpHeaders>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let inFlight = 0;
  let maxInFlight = 0;
  const later = (ms: number, fn: () => void): void => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
  };
  // A file of the feed folder, or of one of its sub-folders (never outside it).
  const file = (name: string): Buffer => {
    const rel = path.normalize(decodeURIComponent(name));
    if (rel.startsWith('..') || path.isAbsolute(rel)) throw new Error('outside the feed folder');
    return readFileSync(path.join(feedDir, rel));
  };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const p = url.pathname;
    const n = (hits.get(p) ?? 0) + 1;
    hits.set(p, n);
    lastHeaders.set(p, req.headers);
    const [, head, rest = ''] = /^\/([^/]+)\/?(.*)$/.exec(p) ?? [];
    try {
      switch (head) {
        case 'feed': {
          const body = file(rest);
          const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
          const lastModified = 'Tue, 17 Feb 2026 23:00:00 GMT';
          if (req.headers['if-none-match'] === etag || (!req.headers['if-none-match'] && req.headers['if-modified-since'] === lastModified)) {
            res.writeHead(304, { etag, 'last-modified': lastModified }).end();
            return;
          }
          res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag, 'last-modified': lastModified }).end(body);
          return;
        }
        case 'delay': {
          const [ms, ...name] = rest.split('/');
          inFlight++;
          maxInFlight = Math.max(maxInFlight, inFlight);
          later(Math.min(Number(ms) || 0, 5_000), () => {
            inFlight--;
            res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(file(name.join('/')));
          });
          return;
        }
        case 'gzip':
          res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' }).end(zlib.gzipSync(file(rest)));
          return;
        case 'slow-first-byte':
          later(slowMs, () => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end('<rss version="2.0"><channel/></rss>'));
          return;
        case 'slow-drip': {
          res.writeHead(200, { 'content-type': 'application/rss+xml' });
          let ticks = 0;
          const drip = (): void => {
            if (res.destroyed || ticks++ > 2_000) return void res.end();
            res.write('<');
            later(20, drip);
          };
          drip();
          return;
        }
        case 'always-304':
          res.writeHead(304).end();
          return;
        case 'status':
          res.writeHead(Number(rest) || 500).end('server error');
          return;
        case '503-then-ok':
          if (n === 1) res.writeHead(503, { 'retry-after': '1' }).end('busy');
          else res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(file(rest));
          return;
        case '503-long':
          res.writeHead(503, { 'retry-after': '3600' }).end('come back in an hour');
          return;
        case '503-retry-after':
          res.writeHead(503, { 'retry-after': url.searchParams.get('v') ?? '' }).end('busy');
          return;
        case '429-then-ok':
          if (n === 1) res.writeHead(429, { 'retry-after': new Date(Date.now() + 1_000).toUTCString() }).end('slow down');
          else res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(file(rest));
          return;
        case 'redirect-loop':
          res.writeHead(302, { location: '/redirect-loop-b' }).end();
          return;
        case 'redirect-loop-b':
          res.writeHead(302, { location: '/redirect-loop' }).end();
          return;
        case 'redirect-chain': {
          const left = Number(rest.split('/')[0]) || 0;
          if (left > 0) res.writeHead(301, { location: `/redirect-chain/${left - 1}` }).end();
          else res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(file('npr-world.rss.xml'));
          return;
        }
        case 'moved': {
          const [codes = '', ...file] = rest.split('/');
          const [first, ...others] = codes.split('-').filter(Boolean);
          const next = others.length ? `/moved/${others.join('-')}/${file.join('/')}` : `/feed/${file.join('/')}`;
          res.writeHead(Number(first) || 301, { location: next }).end();
          return;
        }
        case 'redirect-to':
          res.writeHead(302, { location: url.searchParams.get('to') ?? '/' }).end();
          return;
        case 'atom-relative':
          res.writeHead(200, { 'content-type': 'application/atom+xml; charset=utf-8' }).end(ATOM_RELATIVE);
          return;
        case 'never-ends': {
          res.writeHead(200, { 'content-type': 'application/rss+xml' });
          const chunk = Buffer.alloc(16 * 1024, 'a');
          let sent = 0;
          const pump = (): void => {
            while (!res.destroyed && sent < 10_000) {
              sent++;
              if (!res.write(chunk)) return void res.once('drain', pump);
            }
            if (!res.destroyed) res.end();
          };
          res.on('close', () => (sent = Infinity));
          pump();
          return;
        }
        case 'gzip-bomb':
          res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' }).end(gzipBomb!);
          return;
        case 'br-bomb':
          res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'br' }).end(brBomb!);
          return;
        case 'not-gzip':
        case 'not-br':
          res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': head === 'not-gzip' ? 'gzip' : 'br' }).end(file(rest));
          return;
        case 'not-gzip-70k': {
          let body = '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>';
          while (body.length < 70_000) body += '<item><title>Hello world story</title><link>http://a.example/1</link></item>';
          res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' }).end(`${body}</channel></rss>`);
          return;
        }
        case 'wrong-charset':
          res.writeHead(200, { 'content-type': 'application/rss+xml; charset=iso-8859-1' }).end(file(rest));
          return;
        case 'html':
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><html><head><title>Not a feed</title></head><body><p>Moved to our app.</p></body></html>');
          return;
        case 'empty':
          res.writeHead(200, { 'content-type': 'application/rss+xml' }).end();
          return;
        case 'changing': {
          const body = changingFeed(n);
          res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: `"v${n}"` }).end(body);
          return;
        }
        default:
          res.writeHead(404).end('not found');
      }
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    hits,
    lastHeaders,
    maxInFlight: () => maxInFlight,
    resetInFlight: () => {
      maxInFlight = 0;
    },
    close: async () => {
      for (const t of timers) clearTimeout(t);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
