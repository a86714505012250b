/** `parallax build --json`: stdout is one JSON report (the text summary and Astro's output stay off it). */
import { cp, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers';
import { buildSite } from '../e2e/site-kit';

let work: string;
afterAll(() => (work ? rm(work, { recursive: true, force: true }) : undefined));

describe('build --json', () => {
  it('prints the site report as JSON on stdout', async () => {
    work = await tempDir('parallax-build-json-');
    const content = path.join(work, 'content');
    await cp(path.join(ROOT, 'tests', 'fixtures', 'site-content'), content, { recursive: true });
    const stdout = await buildSite(work, ['--no-ingest', '--json', '--content', content]);
    const report = JSON.parse(stdout) as { ingest: unknown; site: { pages: number; redirects: number; assembly: string }; seconds: number };
    expect(report.ingest).toBeNull(); // --no-ingest
    expect(report.site.pages).toBeGreaterThan(10);
    expect(report.site.assembly).toBe('full');
    expect(report.seconds).toBeGreaterThan(0);
  }, 300_000);
});
