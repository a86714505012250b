/** Reading a file with a size cap, so that a huge file or an endless device never fills memory. */
import { open } from 'node:fs/promises';

/** Bytes read per read(2) call while streaming a file in. */
const READ_CHUNK_BYTES = 64 * 1024;

/**
 * The bytes of `file`, or `bytes: null` when it holds more than `maxBytes`. A regular file whose size is over the
 * cap is not read at all; anything else (a character device, a pipe, a file that grows while read) is read in
 * READ_CHUNK_BYTES chunks and abandoned as soon as `maxBytes + 1` bytes have arrived. Memory: at most
 * `maxBytes + 1` bytes plus one chunk.
 *
 * @param file a path (anything `open` accepts: a regular file, /dev/stdin, a FIFO...)
 * @param maxBytes the most bytes accepted (a non-negative integer)
 * @returns `{ bytes }`, exactly the file's content; or `{ bytes: null, size }`, `size` being the file's size in
 *   bytes when stat knew it, null when reading stopped at the cap
 * @throws the fs error when the file cannot be opened or read (ENOENT, EACCES, EISDIR...)
 */
export async function readFileCapped(file: string, maxBytes: number): Promise<{ bytes: Uint8Array } | { bytes: null; size: number | null }> {
  const handle = await open(file, 'r');
  try {
    const info = await handle.stat();
    if (info.isFile() && info.size > maxBytes) return { bytes: null, size: info.size };
    const chunks: Buffer[] = [];
    let total = 0;
    while (total <= maxBytes) {
      const want = Math.min(READ_CHUNK_BYTES, maxBytes + 1 - total);
      const chunk = Buffer.allocUnsafe(want);
      const { bytesRead } = await handle.read(chunk, 0, want, null);
      if (bytesRead === 0) break;
      chunks.push(bytesRead === want ? chunk : chunk.subarray(0, bytesRead));
      total += bytesRead;
    }
    if (total > maxBytes) return { bytes: null, size: null };
    return { bytes: new Uint8Array(Buffer.concat(chunks, total)) };
  } finally {
    await handle.close();
  }
}
