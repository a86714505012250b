/**
 * Settings shared by the pipeline and the Astro build, read from the environment so one value drives both.
 *
 * - PARALLAX_CONTENT_DIR: the content directory (default "content"); the demo uses ".demo/content".
 * - PARALLAX_SITE: the deployed origin, e.g. https://example.github.io (default http://localhost:4321).
 * - PARALLAX_BASE: the path the site is served under, e.g. /parallax/ for a GitHub Pages project site (default /).
 * - PARALLAX_PUBLISHER_IMAGES: "1" shows each article's image from its publisher (lazy-loaded, no referrer). Off by
 *   default: every image is a request to a third party, which then learns who reads what.
 */
import path from 'node:path';

export const DEFAULT_CONTENT_DIR = 'content';

/** Absolute path of the content directory the build reads (from PARALLAX_CONTENT_DIR, relative to cwd). */
export function contentDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.PARALLAX_CONTENT_DIR || DEFAULT_CONTENT_DIR);
}

/** Whether article images from publishers are shown (PARALLAX_PUBLISHER_IMAGES=1); off by default. */
export function showPublisherImages(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.PARALLAX_PUBLISHER_IMAGES === '1';
}
