/**
 * Fetch shards: the network-bound half of a run split over machines. `parallax ingest --shard i/n --fetch-only
 * --out DIR` reads (live, or from a folder) only the feeds of its shard and saves them, bytes and HTTP facts, to
 * DIR/shard-i-of-n.json; `parallax ingest --merge DIR` checks that all n shards are there, puts the feeds back in
 * the order one unsharded run reads them, and runs the pipeline once over them: parsing, dedupe, one clustering
 * step. The merged run therefore writes exactly the content of an unsharded run with the same inputs and clock.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FeedInput } from '../core/pipeline-types';
import type { Source } from '../core/schema/source';
import { inShard, type Shard } from '../core/state/shard';
import { writeFileAtomic } from './write-atomic';

export const SHARD_FORMAT = 'parallax-fetch-shard';

export interface ShardFile {
  format: typeof SHARD_FORMAT;
  version: 1;
  shard: Shard;
  /** live: registry order; folder: file-name order (how an unsharded run orders its feeds). */
  mode: 'live' | 'folder';
  inputs: Array<Omit<FeedInput, 'bytes'> & { order: string; bytes: string | null }>;
}

/** The registry restricted to one shard's sources. */
export function registryShard(registry: readonly Source[], shard: Shard): Source[] {
  return registry.filter((s) => inShard(s.id, shard));
}

/** Order key of a live feed: its source's and its own position in the registry. */
export function liveOrder(registry: readonly Source[], input: FeedInput): string {
  const si = registry.findIndex((s) => s.id === input.sourceId);
  const fi = si < 0 ? -1 : registry[si]!.feeds.findIndex((f) => f.url === input.url);
  return `${String(si).padStart(6, '0')}.${String(fi).padStart(4, '0')}`;
}

export async function writeShard(dir: string, file: Omit<ShardFile, 'format' | 'version' | 'inputs'>, inputs: Array<{ order: string; input: FeedInput }>): Promise<string> {
  const out: ShardFile = {
    format: SHARD_FORMAT,
    version: 1,
    ...file,
    inputs: inputs.map(({ order, input }) => ({ ...input, order, bytes: input.bytes ? Buffer.from(input.bytes).toString('base64') : null })),
  };
  const target = path.join(dir, `shard-${file.shard.index}-of-${file.shard.count}.json`);
  await writeFileAtomic(target, JSON.stringify(out));
  return target;
}

/** Reads every shard of DIR; throws unless they form one complete set (same n, same mode, 1..n each once). */
export async function readShards(dir: string): Promise<{ mode: 'live' | 'folder'; inputs: FeedInput[] }> {
  const names = (await readdir(dir)).filter((n) => /^shard-\d+-of-\d+\.json$/.test(n)).sort();
  if (!names.length) throw new Error(`${dir}: no shard-*-of-*.json files`);
  const files: ShardFile[] = [];
  for (const n of names) {
    let f: ShardFile;
    try {
      f = JSON.parse(await readFile(path.join(dir, n), 'utf8')) as ShardFile;
    } catch (error) {
      // (a cut-off shard had been named by JSON.parse's message alone)
      throw new Error(`${path.join(dir, n)}: not JSON (${(error as Error).message}); fetch that shard again`);
    }
    if (f === null || typeof f !== 'object' || f.format !== SHARD_FORMAT || f.version !== 1) throw new Error(`${path.join(dir, n)}: not a version 1 fetch shard`);
    files.push(f);
  }
  const count = files[0]!.shard.count;
  const mode = files[0]!.mode;
  const seen = new Set(files.map((f) => f.shard.index));
  if (files.some((f) => f.shard.count !== count || f.mode !== mode) || seen.size !== files.length || seen.size !== count) {
    const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !seen.has(i));
    throw new Error(`${dir}: shards do not form one set of ${count} (${missing.length ? `missing ${missing.join(', ')}` : 'mixed counts, modes or duplicates'})`);
  }
  const rows = files.flatMap((f) => f.inputs).sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
  return {
    mode,
    inputs: rows.map(({ order: _order, bytes, ...rest }) => ({ ...rest, bytes: bytes === null ? null : new Uint8Array(Buffer.from(bytes, 'base64')) })),
  };
}
