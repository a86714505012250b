/**
 * `parallax build [ingest options] [--no-ingest]`: ingest, then build the site with Astro into dist/
 * (PARALLAX_OUT_DIR). `parallax start` (src/cli/start.ts) does the same and serves it.
 */
import { spawn } from 'node:child_process';
import { readdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { recoverContent } from '../io/journal';
import type { IngestReport } from '../pipeline';
import { formatSummary, ingestSettings, INGEST_OPTIONS, ROOT, runIngest, type IngestSettings } from './ingest-options';

export const description = 'ingest, then build the static site into dist/';

export const BUILD_OPTIONS = { ...INGEST_OPTIONS, 'no-ingest': { type: 'boolean', default: false } } as const;

/** Where the site is built: PARALLAX_OUT_DIR (the Astro config reads the same variable) or dist/. */
export function outDir(): string {
  return path.resolve(ROOT, process.env.PARALLAX_OUT_DIR ?? 'dist');
}

/** Runs `astro build` on `contentDir` in a child process (its own Vite instance); rejects when it fails. */
export function astroBuild(contentDir: string): Promise<void> {
  const astro = path.join(path.dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'astro.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [astro, 'build', '--silent'], {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, PARALLAX_CONTENT_DIR: contentDir, ASTRO_TELEMETRY_DISABLED: '1' },
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`astro build exited with ${code}`))));
  });
}

/**
 * Builds the Pagefind search index of `dist` into `dist/pagefind/` (pages marked data-pagefind-body: stories and
 * sources); returns the number of pages indexed. Runs after Astro, since it reads the built HTML.
 */
export async function pagefindIndex(dist: string): Promise<number> {
  const pagefind = await import('pagefind');
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: dist });
    if (added.errors.length) throw new Error(`pagefind: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: path.join(dist, 'pagefind') });
    if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}

/** Ingest (unless --no-ingest) and build; prints the summary and returns the settings used. */
export async function buildSite(args: string[]): Promise<IngestSettings> {
  const started = performance.now();
  const { values } = parseArgs({ args, options: BUILD_OPTIONS });
  const settings = ingestSettings(values);
  // A build of existing content first finishes (or discards) a run that was interrupted while writing it.
  if (values['no-ingest']) await recoverContent(settings.contentDir);
  const report: IngestReport | null = values['no-ingest'] ? null : await runIngest(settings);
  const dist = outDir();
  await rm(dist, { recursive: true, force: true });
  await astroBuild(settings.contentDir);
  await pagefindIndex(dist);
  const pages = (await readdir(dist, { recursive: true })).filter((e) => e.endsWith('.html')).length;
  process.stdout.write(`\nParallax\n${formatSummary(report, pages, (performance.now() - started) / 1000)}\n`);
  return settings;
}

export async function run(args: string[]): Promise<number> {
  await buildSite(args);
  return 0;
}
