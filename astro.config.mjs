// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import { readFileSync } from 'node:fs';
import path from 'node:path';

// Site origin and base path come from the environment so the same build works on localhost, on a GitHub Pages
// project site (/repo-name/) and on a custom domain. See src/site-config.ts for the content directory setting.
const site = process.env.PARALLAX_SITE || 'http://localhost:4321';
const base = process.env.PARALLAX_BASE || '/';
const contentDir = path.resolve(process.env.PARALLAX_CONTENT_DIR || 'content');

/**
 * Merged stories keep their URL: state/redirects.json (old story id → surviving id, written by the pipeline) becomes
 * Astro redirects, which a static build emits as small HTML pages pointing at the surviving story.
 */
function storyRedirects() {
  try {
    const map = JSON.parse(readFileSync(path.join(contentDir, 'state', 'redirects.json'), 'utf8'));
    return Object.fromEntries(Object.entries(map).map(([from, to]) => [`/story/${from}`, `/story/${to}`]));
  } catch {
    return {};
  }
}

export default defineConfig({
  site,
  base,
  trailingSlash: 'ignore',
  output: 'static',
  outDir: process.env.PARALLAX_OUT_DIR || './dist',
  // Content-layer cache; a separate one per build lets tests build other content dirs beside the demo.
  cacheDir: process.env.PARALLAX_CACHE_DIR || './node_modules/.astro',
  integrations: [sitemap()],
  redirects: storyRedirects(),
  markdown: { gfm: true, smartypants: false },
  build: { format: 'directory' },
  devToolbar: { enabled: false },
});
