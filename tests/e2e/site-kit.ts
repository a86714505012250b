/**
 * Shared by the browser tests: build a content dir into a temp dist (once per test file), serve it under a base
 * path, launch Debian's Chromium headless through playwright-core (never a downloaded browser), run axe-core, and
 * check a built tree's internal links.
 */
import { execFile } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { ROOT } from '../helpers';

export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = path.join(ROOT, 'test-results', 'screenshots');
export const AXE = path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

/** `parallax build` into `work/dist` with its own Astro cache; returns stdout. */
export async function buildSite(work: string, args: string[], env: Record<string, string> = {}): Promise<string> {
  return (await buildSiteStreams(work, args, env)).stdout;
}

/** buildSite's stdout and stderr. */
export async function buildSiteStreams(work: string, args: string[], env: Record<string, string> = {}): Promise<{ stdout: string; stderr: string }> {
  // Vitest (through Astro's Vite config) puts BASE_URL, SITE, MODE… in process.env; Vite would let them override the
  // child build's import.meta.env (BASE_URL=/ beats PARALLAX_BASE), so the child gets a clean environment.
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(?:BASE_URL|SITE|MODE|DEV|PROD|SSR|VITEST.*|ASSETS_PREFIX)$/.test(k)));
  const result = await promisify(execFile)(process.execPath, [path.join(ROOT, 'bin', 'parallax.mjs'), 'build', ...args], {
    cwd: ROOT,
    env: { ...clean, PARALLAX_OUT_DIR: path.join(work, 'dist'), PARALLAX_CACHE_DIR: path.join(work, 'cache'), ...env },
    maxBuffer: 16 * 1024 * 1024,
  });
  return { stdout: result.stdout, stderr: result.stderr };
}

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  css: 'text/css',
  js: 'text/javascript',
  mjs: 'text/javascript',
  svg: 'image/svg+xml',
  json: 'application/json',
  xml: 'application/xml',
  wasm: 'application/wasm',
};

/** Resolves a URL path under `base` to a file of `dist` (directory → index.html), or undefined. */
export function resolveFile(dist: string, base: string, urlPath: string): string | undefined {
  if (!urlPath.startsWith(base)) return undefined;
  const rel = decodeURI(urlPath.slice(base.length));
  const target = path.join(dist, rel);
  if (!target.startsWith(dist)) return undefined;
  for (const f of [target, path.join(target, 'index.html')]) if (existsSync(f) && statSync(f).isFile()) return f;
  return undefined;
}

/** A static server of `dist` mounted at `base` (e.g. "/" or "/parallax/"); 404 page for misses. */
export async function serve(dist: string, base = '/'): Promise<{ origin: string; close: () => Promise<void> }> {
  const server: Server = createServer(async (req, res) => {
    const file = resolveFile(dist, base, new URL(req.url ?? '/', 'http://x').pathname);
    if (!file) {
      res.writeHead(404, { 'content-type': TYPES.html }).end(await readFile(path.join(dist, '404.html')).catch(() => ''));
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file).slice(1)] ?? 'application/octet-stream' }).end(await readFile(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function launch(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Records every request that leaves `origin` (third-party requests). */
export function watchExternal(page: Page, origin: string): string[] {
  const external: string[] = [];
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('about:')) external.push(url);
  });
  return external;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown }>;
}

/** axe-core (injected from node_modules, no network) on the current page: serious and critical violations. */
export async function axeSerious(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: await readFile(AXE, 'utf8') });
  const violations = (await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  })) as AxeViolation[];
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Every internal link (href/src starting with `base`) of every HTML file in `dist` that resolves to no file. */
export async function brokenLinks(dist: string, base = '/'): Promise<string[]> {
  const files = (await readdir(dist, { recursive: true })).filter((f) => f.endsWith('.html'));
  const broken: string[] = [];
  for (const file of files) {
    const html = await readFile(path.join(dist, file), 'utf8');
    for (const [, link] of html.matchAll(/(?:href|src)="([^"#?]*)/g)) {
      if (!link || /^[a-z][a-z0-9+.-]*:/i.test(link)) continue;
      if (!link.startsWith('/')) {
        broken.push(`${file} → ${link} (relative)`);
        continue;
      }
      if (!link.startsWith(base) || !resolveFile(dist, base, link)) broken.push(`${file} → ${link}`);
    }
  }
  return broken;
}
