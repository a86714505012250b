/** `parallax start` checks its port before building, so it never prints an address that another program holds. */
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
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
  it('names the port served unless PARALLAX_SITE says where the site lives', () => {
    expect(siteOf(8081, {})).toBe('http://localhost:8081');
    expect(siteOf(4321, {})).toBe('http://localhost:4321');
    expect(siteOf(8081, { PARALLAX_SITE: 'https://news.example.org' })).toBe('https://news.example.org');
  });
});
