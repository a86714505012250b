// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';

// Site origin and base path come from the environment so the same build works on localhost, on a GitHub Pages
// project site (/repo-name/) and on a custom domain. See src/site-config.ts for the content directory setting.
const site = process.env.PARALLAX_SITE || 'http://localhost:4321';
const base = process.env.PARALLAX_BASE || '/';

export default defineConfig({
  site,
  base,
  trailingSlash: 'ignore',
  output: 'static',
  outDir: process.env.PARALLAX_OUT_DIR || './dist',
  // Content-layer cache; a separate one per build lets tests build other content dirs beside the demo.
  cacheDir: process.env.PARALLAX_CACHE_DIR || './node_modules/.astro',
  integrations: [sitemap()],
  markdown: { gfm: true, smartypants: false },
  build: { format: 'directory' },
  devToolbar: { enabled: false },
});
