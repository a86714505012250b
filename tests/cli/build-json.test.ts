/** `parallax build --json`: stdout is one JSON report (the text summary and Astro's output stay off it), stderr JSON
 * log lines (Astro's own lines too). */
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers';
import { buildSiteStreams } from '../e2e/site-kit';

let work: string;
afterAll(() => (work ? rm(work, { recursive: true, force: true }) : undefined));

describe('build --json', () => {
  it('prints the site report as JSON on stdout, and every line on stderr as a JSON log line, Astro\'s too', async () => {
    work = await tempDir('parallax-build-json-');
    const content = path.join(work, 'content');
    await cp(path.join(ROOT, 'tests', 'fixtures', 'site-content'), content, { recursive: true });
    // A story file broken by hand: the Astro build says it leaves it out (its line had been plain text).
    const broken = path.join(content, 'stories', '20260217.md');
    await writeFile(broken, (await readFile(broken, 'utf8')).replace(/^title: .*$/m, 'title: [unclosed'));
    const { stdout, stderr } = await buildSiteStreams(work, ['--no-ingest', '--json', '--content', content]);
    const lines = stderr.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as { level: string; message: string });
    expect(lines.find((l) => l.message.startsWith('astro: '))).toMatchObject({ level: 'warn', message: expect.stringContaining(`${broken}: not a valid story, left out of the site`) });
    const report = JSON.parse(stdout) as { ingest: unknown; site: { pages: number; redirects: number; assembly: string }; seconds: number };
    expect(report.ingest).toBeNull(); // --no-ingest
    expect(report.site.pages).toBeGreaterThan(10);
    expect(report.site.assembly).toBe('full');
    expect(report.seconds).toBeGreaterThan(0);
  }, 300_000);
});
