/**
 * assembleSite (src/build/assemble.ts) on small hand-made trees: a full assembly (live wins over a month, a newer
 * month over an older one, redirect pages where no page is), then an incremental one after the live build and one
 * month changed, which must leave dist/ identical to a full assembly of the same inputs while relinking only the
 * changed month; a dist/ replaced behind its back, or an update cut short, gets a full assembly again.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { assembleSite, ID_FILE, manifestPath, stagingDir } from '../../src/build/assemble';
import { stampPath } from '../../src/build/freeze';
import { tempDir } from '../helpers';

let work: string;
let frozen: string;

async function writeTree(dir: string, files: Record<string, string>): Promise<void> {
  for (const [f, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, f)), { recursive: true });
    await writeFile(path.join(dir, f), text);
  }
}

/** Path → contents of every file under `dir` but the assembly's id file. */
async function contents(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const e of (await readdir(dir, { recursive: true, withFileTypes: true })).filter((x) => x.isFile() && x.name !== ID_FILE)) {
    const abs = path.join(e.parentPath, e.name);
    out[path.relative(dir, abs).split(path.sep).join('/')] = await readFile(abs, 'utf8');
  }
  return out;
}

/** Empty directories under `dir` (an assembly removes the ones it emptied). */
async function emptyDirs(dir: string): Promise<string[]> {
  const dirs = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((x) => x.isDirectory());
  const out: string[] = [];
  for (const d of dirs) if ((await readdir(path.join(d.parentPath, d.name))).length === 0) out.push(d.name);
  return out;
}

async function month(name: string, files: Record<string, string>, stamp: string): Promise<void> {
  await rm(path.join(frozen, name), { recursive: true, force: true });
  await writeTree(path.join(frozen, name), files);
  await writeFile(stampPath(frozen, name), stamp);
}

/** Stages `live` for `dist` and assembles; redirects: story/<from>/index.html → "to <target>" where the target has a page. */
async function assemble(dist: string, live: Record<string, string>, months: string[], redirects: Record<string, string> = {}, full = false) {
  const staging = stagingDir(dist);
  await rm(staging, { recursive: true, force: true });
  await writeTree(staging, live);
  return assembleSite({
    staging,
    dist,
    frozenDir: frozen,
    months,
    full,
    redirects: async (tree, ours) => {
      const pages: string[] = [];
      for (const [from, to] of Object.entries(redirects)) {
        const rel = `story/${from}/index.html`;
        if ((existsSync(path.join(tree, rel)) && !ours.has(rel)) || !existsSync(path.join(tree, 'story', to, 'index.html'))) continue;
        await writeTree(tree, { [rel]: `to ${to}` });
        pages.push(rel);
      }
      return pages;
    },
  });
}

const LIVE1 = {
  'index.html': 'home 1',
  'story/a1/index.html': 'live a1',
  'story/a1/rss.xml': 'feed a1',
  'story/b2/index.html': 'live b2 (back in the window)',
  'topic/politics/index.html': 'politics 1',
  '_astro/site.css': 'css',
  'pagefind/fragment/x.pf': 'x',
};
const NOV = { 'story/n1/index.html': 'nov n1', 'story/dup/index.html': 'nov dup', 'archive/2025-11/index.html': 'nov list', '_astro/site.css': 'css' };
const DEC = {
  'story/d1/index.html': 'dec d1',
  'story/b2/index.html': 'dec b2',
  'story/dup/index.html': 'dec dup',
  'archive/2025-12/index.html': 'dec list',
  'archive/2025-12/topic/politics/index.html': 'dec politics',
  '_astro/site.css': 'css',
};
const MONTHS = ['2025-12', '2025-11']; // newest first, as archiveMonths gives them

beforeEach(async () => {
  work = await tempDir('parallax-assemble-');
  frozen = path.join(work, 'frozen');
  await month('2025-11', NOV, 'stamp nov 1');
  await month('2025-12', DEC, 'stamp dec 1');
});

describe('assembleSite', () => {
  it('assembles the whole tree first: the live build wins over a month, a newer month over an older, then redirects', async () => {
    const dist = path.join(work, 'dist');
    const r = await assemble(dist, LIVE1, MONTHS, { old1: 'd1', old2: 'gone' });
    expect(r).toEqual({ mode: 'full', relinked: ['2025-11', '2025-12'], pages: 11, redirects: 1 });
    expect(await contents(dist)).toEqual({
      ...NOV,
      ...DEC,
      ...LIVE1,
      'story/dup/index.html': 'dec dup',
      'story/old1/index.html': 'to d1',
    });
    expect((await stat(path.join(dist, 'story/d1/index.html'))).ino).toBe((await stat(path.join(frozen, '2025-12/story/d1/index.html'))).ino);
    expect(existsSync(stagingDir(dist))).toBe(false);
    expect(existsSync(manifestPath(frozen, dist))).toBe(true);
    const manifest = JSON.parse(await readFile(manifestPath(frozen, dist), 'utf8')) as { id: string };
    expect(await readFile(path.join(dist, ID_FILE), 'utf8')).toBe(`${manifest.id}\n`);
  });

  it('then relinks only changed months and leaves dist/ identical to a full assembly of the same inputs', async () => {
    const dist = path.join(work, 'dist');
    await assemble(dist, LIVE1, MONTHS, { old1: 'd1' });
    const novIno = (await stat(path.join(dist, 'story/n1/index.html'))).ino;
    // An hour later: b2 left the window (its December page shows again), a1 lost its feed, the politics topic page
    // is gone, c3 is new; December was re-rendered: d1 changed, d2 added, its politics page removed; November is kept.
    const live2 = { 'index.html': 'home 2', 'story/a1/index.html': 'live a1 v2', 'story/c3/index.html': 'live c3', '_astro/site.css': 'css', 'pagefind/fragment/y.pf': 'y' };
    const dec2 = { ...DEC, 'story/d1/index.html': 'dec d1 v2', 'story/d2/index.html': 'dec d2' } as Record<string, string>;
    delete dec2['archive/2025-12/topic/politics/index.html'];
    await month('2025-12', dec2, 'stamp dec 2');
    const redirects = { old1: 'd2', old3: 'c3' };
    const r = await assemble(dist, live2, MONTHS, redirects);
    expect(r).toEqual({ mode: 'incremental', relinked: ['2025-12'], pages: 12, redirects: 2 });
    const expected = { ...NOV, ...dec2, ...live2, 'story/dup/index.html': 'dec dup', 'story/old1/index.html': 'to d2', 'story/old3/index.html': 'to c3' };
    expect(await contents(dist)).toEqual(expected);
    expect(await emptyDirs(dist)).toEqual([]);
    expect((await stat(path.join(dist, 'story/n1/index.html'))).ino).toBe(novIno); // November not relinked
    expect((await stat(path.join(dist, 'story/b2/index.html'))).ino).toBe((await stat(path.join(frozen, '2025-12/story/b2/index.html'))).ino);

    const full = path.join(work, 'dist-full');
    expect((await assemble(full, live2, MONTHS, redirects)).mode).toBe('full');
    expect(await contents(full)).toEqual(expected);
    // The id file too: the same inputs give the same bytes, wherever and however dist/ was assembled.
    expect(await readFile(path.join(full, ID_FILE), 'utf8')).toMatch(/^[0-9a-f]{16}\n$/);
    expect(await readFile(path.join(full, ID_FILE), 'utf8')).toBe(await readFile(path.join(dist, ID_FILE), 'utf8'));

    // A month leaves the archive: its files go, or show another month's (dup falls back to November's).
    const r3 = await assemble(dist, live2, ['2025-11'], redirects);
    expect(r3).toMatchObject({ mode: 'incremental', relinked: ['2025-12'] });
    expect(await contents(dist)).toEqual({ ...NOV, ...live2, 'story/old3/index.html': 'to c3' });
    expect(await emptyDirs(dist)).toEqual([]);
  });

  it('assembles the whole tree again when dist/ was replaced, an update was cut short, or --full asks', async () => {
    const dist = path.join(work, 'dist');
    await assemble(dist, LIVE1, MONTHS);
    expect((await assemble(dist, LIVE1, MONTHS)).mode).toBe('incremental');
    await rm(dist, { recursive: true });
    await mkdir(dist);
    await writeFile(path.join(dist, 'stray.html'), 'left over');
    expect((await assemble(dist, LIVE1, MONTHS)).mode).toBe('full');
    expect(existsSync(path.join(dist, 'stray.html'))).toBe(false);
    await writeFile(path.join(dist, ID_FILE), 'another assembly\n'); // dist/ overwritten by another frozen dir's build
    expect((await assemble(dist, LIVE1, MONTHS)).mode).toBe('full');
    await rm(manifestPath(frozen, dist)); // what an update killed half-way leaves
    expect((await assemble(dist, LIVE1, MONTHS)).mode).toBe('full');
    expect((await assemble(dist, LIVE1, MONTHS, {}, true)).mode).toBe('full');
    expect(await contents(dist)).toEqual({ ...NOV, ...DEC, ...LIVE1, 'story/dup/index.html': 'dec dup' });
  });
});
