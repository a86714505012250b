// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

// Site origin and base path come from the environment so the same build works on localhost, on a GitHub Pages
// project site (/repo-name/) and on a custom domain. See src/site-config.ts for the content directory setting.
const site = process.env.PARALLAX_SITE || 'http://localhost:4321';
const base = process.env.PARALLAX_BASE || '/';
const contentDir = path.resolve(process.env.PARALLAX_CONTENT_DIR || 'content');
// Set when this build renders one frozen archive month (src/build/freeze.ts): that build writes its own sitemap.
const partition = process.env.PARALLAX_PARTITION;

/**
 * The live build's sitemap index also lists each archive month's sitemap (sitemap-archive-<YYYY-MM>.xml, written
 * with the month's frozen pages by src/build/freeze.ts), so the sitemap covers the archive without rebuilding it.
 * Merged stories' redirect pages (state/redirects.json) are written by src/build/freeze.ts too, without Astro.
 */
function archiveSitemaps() {
  const dir = path.join(contentDir, 'archive');
  let months = [];
  try {
    months = readdirSync(dir).filter((m) => /^\d{4}-\d{2}$/.test(m) && existsSync(path.join(dir, m, 'index.json')));
  } catch {
    return [];
  }
  const root = new URL(base.endsWith('/') ? base : `${base}/`, site);
  return months.sort().map((m) => new URL(`sitemap-archive-${m}.xml`, root).href);
}

export default defineConfig({
  site,
  base,
  trailingSlash: 'ignore',
  output: 'static',
  outDir: process.env.PARALLAX_OUT_DIR || './dist',
  // Content-layer cache; a separate one per build lets tests build other content dirs beside the demo.
  cacheDir: process.env.PARALLAX_CACHE_DIR || './node_modules/.astro',
  integrations: partition ? [] : [sitemap({ customSitemaps: archiveSitemaps() })],
  markdown: { gfm: true, smartypants: false },
  build: { format: 'directory' },
  devToolbar: { enabled: false },
});
