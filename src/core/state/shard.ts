/**
 * Sharding the fetch over machines: `--shard i/n` takes the sources whose id hashes to i − 1 modulo n (a feed file no
 * registry source names is placed by its file name). The hash is SHA-256, so the split is the same on every machine
 * and stable as sources are added (a source never moves between shards unless n changes). Pure.
 */
import { createHash } from 'node:crypto';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** Parses "i/n" (1 ≤ i ≤ n ≤ 1024); null when malformed. */
export function parseShard(text: string): Shard | null {
  const m = /^(\d{1,4})\/(\d{1,4})$/.exec(text.trim());
  if (!m) return null;
  const index = Number(m[1]);
  const count = Number(m[2]);
  return index >= 1 && count >= 1 && count <= 1024 && index <= count ? { index, count } : null;
}

/** The shard (1-based) a key (a source id, or a file name) belongs to among `count`. */
export function shardOfKey(key: string, count: number): number {
  return (createHash('sha256').update(key, 'utf8').digest().readUInt32BE(0) % count) + 1;
}

/** Whether a key belongs to the shard. */
export const inShard = (key: string, shard: Shard): boolean => shardOfKey(key, shard.count) === shard.index;
