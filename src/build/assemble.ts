/**
 * Assembling dist/ from the live build and the frozen partitions without relinking every month each hour.
 *
 * dist/ = the live build (Astro + its Pagefind index, built into a staging dir first) + every archive month's frozen
 * tree (hard links; where the live build and a month have the same path, the live file wins; where two months do,
 * the newer month wins) + redirect pages for merged story ids (src/build/freeze.ts writeRedirects).
 *
 * A manifest (<frozen>/.assembly/<key of the dist path>.json, AssemblyManifest) records what the last assembly put
 * in dist/: the live files, each month's files and the stamp it was linked at, and the redirect pages. With a valid
 * manifest the next assembly is incremental: it moves the new live files in (one rename each), removes live files
 * that are gone (or relinks the month file they were hiding), and relinks only the months whose stamp changed, so its
 * cost follows the live build and the changed months, not the whole archive. Without one (first build, dist/ removed
 * or replaced, a crash during the last assembly) it assembles the whole tree in the staging dir and swaps it in.
 *
 * A failed live build never touches dist/: Astro and Pagefind write only to the staging dir. The manifest is removed
 * before an incremental update starts and written after it ends, so an update cut short is followed by a full one.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, renameSync, rmSync, statSync } from 'node:fs';
import { copyFile, link, readdir, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { listFiles, stampPath } from './freeze';
import { makeDir, makeDirSync } from '../io/make-dir';

/** Bumped when the manifest's meaning changes (an old manifest then forces a full assembly). */
export const ASSEMBLY_FORMAT = 1;

/**
 * The file in dist/ that ties it to its manifest (an id, 16 hex digits: the first of the sha-256 of what the manifest
 * describes, so the same inputs give the same dist/ byte for byte). A dist/ assembled from other inputs, or an older
 * one put back, holds another id unless it holds the same tree, and is assembled anew. A file, not the directory's
 * inode, so that a dist/ saved and restored together with the frozen dir (one CI cache entry; tar keeps the hard
 * links) is still recognised; it is served like any file and says nothing but that id.
 */
export const ID_FILE = '.parallax-assembly';

export interface AssemblyManifest {
  format: number;
  /** Absolute dist path, and the id also written to <dist>/.parallax-assembly (ID_FILE; a replaced dist/ lacks it). */
  dist: string;
  id: string;
  /** Files of the live build (and its Pagefind index), '/'-separated paths relative to dist, sorted. */
  live: string[];
  /** Month → sha-256 of its stamp file when it was linked, and the files of its tree then. */
  months: Record<string, { stamp: string; files: string[] }>;
  /** Redirect pages written (story/<old id>/index.html). */
  redirects: string[];
}

export interface AssemblyResult {
  mode: 'full' | 'incremental';
  /** Months linked (all of them when full; those whose stamp changed, plus removed ones, when incremental). */
  relinked: string[];
  /** HTML pages in dist/ afterwards (live + frozen + redirects). */
  pages: number;
  redirects: number;
}

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

/** Where the manifest of `dist` is kept: <frozen>/.assembly/<first 16 hex of sha-256(absolute dist path)>.json. */
export function manifestPath(frozenDir: string, dist: string): string {
  return path.join(frozenDir, '.assembly', `${sha256(path.resolve(dist)).slice(0, 16)}.json`);
}

/** The staging dir the live build of `dist` is written to: beside dist/, so moving files into it is a rename. */
export function stagingDir(dist: string): string {
  return path.join(path.dirname(path.resolve(dist)), `.${path.basename(dist)}.staging`);
}

async function readManifest(file: string, dist: string): Promise<AssemblyManifest | undefined> {
  try {
    const m = JSON.parse(await readFile(file, 'utf8')) as AssemblyManifest;
    const id = (await readFile(path.join(dist, ID_FILE), 'utf8')).trim();
    if (m.format !== ASSEMBLY_FORMAT || m.dist !== path.resolve(dist) || !m.id || m.id !== id) return undefined;
    if (!Array.isArray(m.live) || !m.months || !Array.isArray(m.redirects)) return undefined;
    return m;
  } catch {
    return undefined;
  }
}

/** sha-256 of a month's stamp file ('' when it has none: such a month is always relinked). */
async function stampOf(frozenDir: string, month: string): Promise<string> {
  const text = await readFile(stampPath(frozenDir, month)).catch(() => null);
  return text ? sha256(text) : '';
}

/**
 * Hard-links `from` to `to` (replacing what `to` holds, by rename), unless `to` already is that file. Synchronous on
 * purpose, as are the other per-file steps of an update: one month is ~10,000 files, and an awaited call per file
 * costs ~0.1 ms of thread-pool round trip (7 s for three months, measured) against ~10 µs for the system call.
 */
function ensureLink(from: string, to: string, made: Set<string>): boolean {
  const a = statSync(from);
  const b = statSync(to, { throwIfNoEntry: false });
  if (b && a.ino === b.ino && a.dev === b.dev) return false;
  const dir = path.dirname(to);
  if (!made.has(dir)) {
    makeDirSync(dir);
    made.add(dir);
  }
  const tmp = `${to}.${process.pid}.link`;
  rmSync(tmp, { force: true });
  try {
    linkSync(from, tmp);
  } catch {
    copyFileSync(from, tmp);
  }
  renameSync(tmp, to);
  return true;
}

/** Removes `dir` and its parents up to (not including) `stop` while they are empty. */
async function pruneEmpty(dir: string, stop: string): Promise<void> {
  for (let d = dir; d.startsWith(`${stop}${path.sep}`); d = path.dirname(d)) {
    if ((await readdir(d).catch(() => ['x'])).length > 0) return;
    await rmdir(d).catch(() => undefined);
  }
}

/**
 * Hard-links every file of each month's tree into `dist` where dist has no file at that path yet (so files already
 * there win: the live build, then months in the order given). GNU `cp -rln` does a month in one process; where it is
 * missing or fails, each file is linked from Node (copied across file systems), which gives the same tree.
 */
export async function linkPartitions(frozenDir: string, months: readonly string[], dist: string): Promise<void> {
  for (const month of months) {
    const tree = path.join(frozenDir, month);
    if (!existsSync(tree)) continue;
    const ok = await new Promise<boolean>((resolve) => {
      const child = spawn('cp', ['-r', '-l', '-n', `${tree}/.`, `${dist}/`], { stdio: 'ignore' });
      child.on('error', () => resolve(false));
      child.on('exit', (code) => resolve(code === 0));
    });
    if (ok) continue;
    for (const f of await listFiles(tree)) {
      const target = path.join(dist, f);
      if (existsSync(target)) continue;
      await makeDir(path.dirname(target));
      await link(path.join(tree, f), target).catch(() => copyFile(path.join(tree, f), target));
    }
  }
}

export interface AssembleOptions {
  /** The live build (Astro output and its pagefind/), complete; its files are moved out of it. */
  staging: string;
  dist: string;
  frozenDir: string;
  /** The archive's months, newest first (src/site/archive.ts archiveMonths). */
  months: readonly string[];
  /** Always assemble the whole tree (ignore the manifest). */
  full?: boolean;
  /**
   * Writes the redirect pages into a dist tree; `ours`: redirect pages already there that it may rewrite or leave
   * (any other existing page is a real one). Returns the redirect pages the tree has afterwards (relative paths).
   */
  redirects: (dist: string, ours: ReadonlySet<string>) => Promise<string[]>;
}

/** Puts the staged live build and the frozen months into `dist` (see the file comment); returns what it did. */
export async function assembleSite(o: AssembleOptions): Promise<AssemblyResult> {
  const dist = path.resolve(o.dist);
  const mfile = manifestPath(o.frozenDir, dist);
  const live = await listFiles(o.staging);
  const months = o.months.filter((m) => existsSync(path.join(o.frozenDir, m)));
  const stamps = new Map(await Promise.all(months.map(async (m) => [m, await stampOf(o.frozenDir, m)] as const)));
  const old = o.full ? undefined : await readManifest(mfile, dist);
  await makeDir(path.dirname(mfile));
  await rm(mfile, { force: true });

  const monthFiles = new Map<string, string[]>();
  const relinked: string[] = [];
  for (const m of months) {
    const prev = old?.months[m];
    if (prev && prev.stamp === stamps.get(m) && prev.stamp !== '') monthFiles.set(m, prev.files);
    else {
      monthFiles.set(m, await listFiles(path.join(o.frozenDir, m)));
      relinked.push(m);
    }
  }
  // Which month provides each archived path (the newest month that has it), as `cp -n` newest first would.
  const owner = new Map<string, string>();
  for (const m of months) for (const f of monthFiles.get(m)!) if (!owner.has(f)) owner.set(f, m);
  const liveSet = new Set(live);
  // Months linked this time: new or changed stamps, and (incremental) months that left the archive.
  const changed = [...new Set([...relinked, ...Object.keys(old?.months ?? {}).filter((m) => !stamps.has(m))])].sort(byCodePoint);
  let redirects: string[];

  if (!old) {
    await linkPartitions(o.frozenDir, months, o.staging);
    redirects = await o.redirects(o.staging, new Set());
    const previous = `${dist}.old-${process.pid}`;
    if (existsSync(dist)) await rename(dist, previous);
    await rename(o.staging, dist);
    await rm(previous, { recursive: true, force: true });
  } else {
    const made = new Set<string>();
    const emptied = new Set<string>();
    const remove = (f: string): void => {
      rmSync(path.join(dist, f), { force: true });
      emptied.add(path.dirname(path.join(dist, f)));
    };
    // 1. Files a changed or removed month had and no longer has: another month's file, or nothing.
    for (const m of changed) {
      const now = new Set(monthFiles.get(m) ?? []);
      for (const f of old.months[m]?.files ?? []) {
        if (now.has(f) || liveSet.has(f)) continue;
        const by = owner.get(f);
        if (by) ensureLink(path.join(o.frozenDir, by, f), path.join(dist, f), made);
        else remove(f);
      }
    }
    // 2. The changed months' files (where neither the live build nor a newer month has the path).
    for (const m of relinked) {
      for (const f of monthFiles.get(m)!) {
        if (!liveSet.has(f) && owner.get(f) === m) ensureLink(path.join(o.frozenDir, m, f), path.join(dist, f), made);
      }
    }
    // 3. The new live files, moved in over what dist has; 4. old live files gone: a month's file, or nothing.
    for (const f of live) {
      const to = path.join(dist, f);
      const dir = path.dirname(to);
      if (!made.has(dir)) {
        makeDirSync(dir);
        made.add(dir);
      }
      renameSync(path.join(o.staging, f), to);
    }
    for (const f of old.live) {
      if (liveSet.has(f)) continue;
      const by = owner.get(f);
      if (by) ensureLink(path.join(o.frozenDir, by, f), path.join(dist, f), made);
      else remove(f);
    }
    // 5. Redirect pages: those still at a path nothing else took are ours to rewrite (or drop); then the new ones.
    const ours = new Set(old.redirects.filter((f) => !liveSet.has(f) && !owner.has(f)));
    redirects = await o.redirects(dist, ours);
    const kept = new Set(redirects);
    for (const f of ours) if (!kept.has(f)) remove(f);
    for (const dir of [...emptied].sort(byCodePoint).reverse()) await pruneEmpty(dir, dist);
    await rm(o.staging, { recursive: true, force: true });
  }

  const described = {
    format: ASSEMBLY_FORMAT,
    live,
    months: Object.fromEntries(months.map((m) => [m, { stamp: stamps.get(m)!, files: monthFiles.get(m)! }])),
    redirects: [...redirects].sort(byCodePoint),
  };
  // Not the dist path: a clone elsewhere gives the same bytes (the manifest's own path and `dist` field tie it there).
  const manifest: AssemblyManifest = { ...described, dist, id: sha256(JSON.stringify(described)).slice(0, 16) };
  await writeFile(path.join(dist, ID_FILE), `${manifest.id}\n`);
  await writeFile(`${mfile}.tmp`, JSON.stringify(manifest));
  await rename(`${mfile}.tmp`, mfile);
  const html = new Set([...live, ...owner.keys(), ...redirects].filter((f) => f.endsWith('.html')));
  return { mode: old ? 'incremental' : 'full', relinked: changed, pages: html.size, redirects: redirects.filter((f) => f.endsWith('.html')).length };
}
