/** `parallax start` checks its port before building, so it never prints an address that another program holds. */
import { createServer } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkPort, portOf, siteOf } from '../../src/cli/start';

describe('checkPort', () => {
  it('accepts a free port and names a taken one', async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const taken = (holder.address() as { port: number }).port;
    await expect(checkPort(taken)).rejects.toThrow(`port ${taken} on 127.0.0.1 is in use: pass --port N`);
    await new Promise<void>((resolve) => holder.close(() => resolve()));
    await expect(checkPort(taken)).resolves.toBeUndefined();
    await expect(checkPort(70000)).rejects.toThrow(/--port must be a whole number from 1 to 65535/);
  });
});

describe('portOf', () => {
  it('reads --port N, --port=N, then PORT, then 4321, and leaves the other arguments for the build', () => {
    expect(portOf(['--port', '8080', '--no-ingest'], {})).toEqual({ port: 8080, rest: ['--no-ingest'] });
    expect(portOf(['--content', 'c', '--port=8081'], {})).toEqual({ port: 8081, rest: ['--content', 'c'] });
    expect(portOf([], { PORT: '9000' })).toEqual({ port: 9000, rest: [] });
    expect(portOf([], {})).toEqual({ port: 4321, rest: [] });
  });
  it('names where a bad port came from and what it was', () => {
    expect(() => portOf(['--port', 'abc'], {})).toThrow('--port must be a whole number from 1 to 65535 (got "abc")');
    expect(() => portOf(['--port'], {})).toThrow('--port must be a whole number from 1 to 65535 (got "")');
    expect(() => portOf([], { PORT: 'xyz' })).toThrow('PORT must be a whole number from 1 to 65535 (got "xyz")');
    expect(() => portOf(['--port=0x50'], {})).toThrow(/got "0x50"/);
    expect(() => portOf(['--port', '70000'], {})).toThrow(/got "70000"/);
  });
});

describe('siteOf', () => {
  it('names the address served (127.0.0.1, not localhost) unless PARALLAX_SITE says where the site lives', () => {
    expect(siteOf(8081, {})).toBe('http://127.0.0.1:8081');
    expect(siteOf(4321, {})).toBe('http://127.0.0.1:4321');
    expect(siteOf(8081, { PARALLAX_SITE: 'https://news.example.org' })).toBe('https://news.example.org');
  });
});

describe('parallax start --port 4400', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.doUnmock('../../src/cli/build');
    vi.doUnmock('astro');
    vi.resetModules();
  });

  it('builds with PARALLAX_SITE naming the host and port the server binds and prints, saying a total outage', async () => {
    // The feeds, sitemap and canonical links had named http://localhost:4400 while the site was served at 127.0.0.1.
    const seen: { site?: string | undefined; listen?: unknown } = {};
    vi.resetModules(); // start.ts was loaded above with the real build
    // The build read no feed: start says so and serves all the same (a second hostile pass: it had said nothing).
    vi.doMock('../../src/cli/build', () => ({
      buildSite: async () => {
        seen.site = process.env.PARALLAX_SITE;
        return { json: false, ingest: { feeds: [], feedsFailed: 0 } };
      },
    }));
    vi.doMock('astro', () => ({
      preview: async (options: { server: { host: string; port: number } }) => {
        seen.listen = options.server;
        return { port: options.server.port, closed: async () => undefined };
      },
    }));
    let out = '';
    let err = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
    const saved = { site: process.env.PARALLAX_SITE, base: process.env.PARALLAX_BASE, port: process.env.PORT };
    delete process.env.PARALLAX_SITE;
    delete process.env.PARALLAX_BASE;
    delete process.env.PORT;
    try {
      const { run } = await import('../../src/cli/start');
      // A free port, so checkPort passes wherever the test runs.
      const probe = createServer();
      await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
      const port = (probe.address() as { port: number }).port;
      await new Promise<void>((resolve) => probe.close(() => resolve()));
      expect(await run(['--port', String(port), '--no-ingest'])).toBe(0);
      expect(seen).toEqual({ site: `http://127.0.0.1:${port}`, listen: { host: '127.0.0.1', port } });
      expect(out).toContain(`Serving the site at http://127.0.0.1:${port}/ `);
      expect(err).toBe('error: no feed was read; the content was written all the same (the window moved on)\n');
    } finally {
      for (const [k, v] of [['PARALLAX_SITE', saved.site], ['PARALLAX_BASE', saved.base], ['PORT', saved.port]] as const) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  });
});
