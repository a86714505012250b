/**
 * The benchmark corpus: the 200 feeds of ../shared/data/feeds-2026-02-18 (news/ and other/), read into memory, with
 * MANIFEST.csv's item counts (a feed with a known count above 0 that yields no entries counts as failed).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** ../shared next to the repository (the CI layout); absent on a user's machine. */
export const CORPUS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'data', 'feeds-2026-02-18',
);

export interface CorpusFeed {
  file: string;
  bytes: Buffer;
  /** MANIFEST.csv `items`, or null when not known */
  expected: number | null;
}

export function corpusAvailable(): boolean {
  return existsSync(path.join(CORPUS_DIR, 'MANIFEST.csv'));
}

export function loadCorpus(): CorpusFeed[] {
  const manifest = new Map<string, number>();
  for (const row of readFileSync(path.join(CORPUS_DIR, 'MANIFEST.csv'), 'utf8').split('\n').slice(1)) {
    const m = /^([^,]+),[^,]*,\d+,[^,]*,[^,]*,[^,]*,(\d+),/.exec(row);
    if (m) manifest.set(m[1]!, Number(m[2]));
  }
  const out: CorpusFeed[] = [];
  for (const sub of ['news', 'other']) {
    for (const f of readdirSync(path.join(CORPUS_DIR, sub)).sort()) {
      const file = `${sub}/${f}`;
      out.push({ file, bytes: readFileSync(path.join(CORPUS_DIR, file)), expected: manifest.get(file) ?? null });
    }
  }
  return out;
}
