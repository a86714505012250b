/**
 * Reads a folder of captured feed files (the bundled snapshot or any `--feeds DIR`), matching each file to the
 * registry feed that names it.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Source } from '../core/schema/source';
import type { FeedInput } from '../core/pipeline-types';
import { FEED_MAX_BYTES } from '../core/config';
import { readFileCapped } from './read-capped';

/** File names that are not feeds (documentation next to the captures). */
const NOT_A_FEED = /^(?:readme|sources|manifest|license)\b|\.(?:md|csv|txt)$/i;

/**
 * One FeedInput per regular file in `dir` (sorted by name, code-point order), with the registry source and feed URL
 * when a registry feed's `file` equals the file name, else sourceId null (the pipeline then makes up a source).
 * A file that cannot be read, or holds more than FEED_MAX_BYTES (read no further: src/io/read-capped.ts), gives a
 * FeedInput with `error` set; the run goes on. So does a registry feed whose `file` is not in `dir` (kind
 * 'missing_file'), when `dir` holds a file the registry names (a capture of the registry's feeds; a folder of other
 * feeds, matched to outlets by their site, is not). Sorted by file name.
 * Throws only when `dir` itself cannot be listed.
 */
export async function readFeedFolder(dir: string, registry: readonly Source[]): Promise<FeedInput[]> {
  const byFile = new Map<string, { sourceId: string; url: string }>();
  for (const s of registry) for (const f of s.feeds) if (f.file) byFile.set(f.file, { sourceId: s.id, url: f.url });
  const names = (await readdir(dir)).filter((n) => !n.startsWith('.') && !NOT_A_FEED.test(n)).sort();
  const out: FeedInput[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    const known = byFile.get(name);
    const base = { name, sourceId: known?.sourceId ?? null, url: known?.url ?? null, contentType: null };
    try {
      // A broken symbolic link or an unreadable entry is that feed's error, not the run's.
      if (!(await stat(file)).isFile()) continue;
      const read = await readFileCapped(file, FEED_MAX_BYTES);
      if (read.bytes) out.push({ ...base, bytes: read.bytes, error: null });
      else out.push({ ...base, bytes: null, error: { kind: 'too_large', message: `${read.size ?? 'over'} bytes; the limit is ${FEED_MAX_BYTES} bytes (FEED_MAX_BYTES); not read` } });
    } catch (error) {
      // The message is shown on the public source page: the error's code, never the server's path.
      out.push({ ...base, bytes: null, error: { kind: 'read_failed', message: `${(error as NodeJS.ErrnoException).code ?? 'error'}: ${name} could not be read` } });
    }
  }
  // In a capture of the registry's feeds (the folder holds a file it names), a registered feed whose file is missing
  // is that feed's failure, not silently skipped. A folder of other feeds (none named) is not such a capture.
  const present = new Set(names);
  const capture = names.some((n) => byFile.has(n));
  for (const [name, known] of byFile) {
    if (capture && !present.has(name)) out.push({ name, sourceId: known.sourceId, url: known.url, contentType: null, bytes: null, error: { kind: 'missing_file', message: `the registry names the file ${name}, which is not in the feeds folder` } });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
