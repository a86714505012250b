/**
 * `parallax build` without PARALLAX_SITE: the site's feeds, sitemap, canonical and og:url links name
 * http://localhost:4321, which had been written with no warning. The command now says so on stderr, in one line
 * (a JSON log line with --json, stdout untouched); with PARALLAX_SITE set it says nothing.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run, siteUrlWarning } from '../../src/cli/build';
import { siteOf } from '../../src/cli/start';
import { siteOriginProblem } from '../../src/site-config';
import { runCli } from '../helpers';

const WARNING =
  "PARALLAX_SITE is not set: rss.xml, feed.json, the sitemap and the canonical and og:url links name http://localhost:4321; to publish, set the site's origin, e.g. PARALLAX_SITE=https://news.example.org parallax build";

function capture(): { out: string[]; err: string[] } {
  const seen = { out: [] as string[], err: [] as string[] };
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => (seen.out.push(String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => (seen.err.push(String(s)), true));
  return seen;
}

afterEach(() => vi.restoreAllMocks());

describe('build without PARALLAX_SITE', () => {
  it('warns in one stderr line after the build', async () => {
    const built: string[][] = [];
    const seen = capture();
    const code = await run(['--no-ingest'], async (args) => (built.push(args), { json: false }), {});
    expect(code).toBe(0);
    expect(built).toEqual([['--no-ingest']]);
    expect(seen.err).toEqual([`warn: ${WARNING}\n`]);
    expect(seen.out).toEqual([]);
  });

  it('with --json, the warning is a JSON log line on stderr and stdout is left to the report', async () => {
    const seen = capture();
    await run(['--json'], async () => ({ json: true }), {});
    expect(seen.out).toEqual([]);
    expect(seen.err).toHaveLength(1);
    expect(JSON.parse(seen.err[0]!)).toMatchObject({ level: 'warn', message: WARNING });
  });

  it('says nothing when PARALLAX_SITE is set, as start sets it (siteOf)', async () => {
    const seen = capture();
    await run([], async () => ({ json: false }), { PARALLAX_SITE: 'https://news.example.org' });
    await run([], async () => ({ json: false }), { PARALLAX_SITE: siteOf(8081, {}) });
    expect(seen.err).toEqual([]);
    expect(siteUrlWarning({ PARALLAX_SITE: '' })).toBe(WARNING);
    expect(siteUrlWarning({ PARALLAX_SITE: 'https://news.example.org' })).toBeNull();
  });
});

describe('a PARALLAX_SITE that is not an origin', () => {
  it('is named in one line before anything is built (Astro had failed with "site: Invalid url"; a path was dropped silently)', async () => {
    expect(siteOriginProblem({ PARALLAX_SITE: 'news.example.org' })).toBe('PARALLAX_SITE must be an absolute http(s) URL such as https://news.example.org (got "news.example.org")');
    expect(siteOriginProblem({ PARALLAX_SITE: 'ftp://news.example.org' })).toBe('PARALLAX_SITE must be an http(s) URL (got "ftp://news.example.org")');
    expect(siteOriginProblem({ PARALLAX_SITE: 'https://news.example.org/sub' })).toBe(
      'PARALLAX_SITE must be an origin without a path (got "https://news.example.org/sub"); for a site served under /sub, set PARALLAX_SITE=https://news.example.org PARALLAX_BASE=/sub/',
    );
    for (const ok of [undefined, '', 'https://news.example.org', 'https://you.github.io/', 'http://127.0.0.1:8081']) expect(siteOriginProblem({ PARALLAX_SITE: ok })).toBeNull();
    const r = await runCli(['build', '--no-ingest'], { PARALLAX_SITE: 'news.example.org' });
    expect([r.code, r.err]).toEqual([2, 'parallax: PARALLAX_SITE must be an absolute http(s) URL such as https://news.example.org (got "news.example.org")\n']);
  });
});
