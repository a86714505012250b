/**
 * A run whose clock is earlier than the last run's is refused before anything is written: it would archive and prune
 * against the past (a new user's `ingest --content DIR` without --live or --feeds reads the February demo feeds).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runFolder, tempDir, treeDigest } from '../helpers';

const SMALL = path.join(ROOT, 'tests', 'io', 'fixtures', 'feeds-small');

describe('the run clock', () => {
  it('may stay or move on, never go back; a refused run leaves the content as it was', async () => {
    const dir = await tempDir('parallax-clock-');
    await runFolder(SMALL, dir, new Date('2026-02-27T00:00:00Z'));
    await runFolder(SMALL, dir, new Date('2026-02-27T00:00:00Z'));
    const before = await treeDigest(dir);
    await expect(runFolder(SMALL, dir, new Date('2026-02-18T00:00:00Z'))).rejects.toThrow(
      /the run's clock 2026-02-18T00:00:00Z is earlier than the last run's \(2026-02-27T00:00:00Z\).*refusing to go back in time/,
    );
    expect(await treeDigest(dir)).toEqual(before);
    const later = await runFolder(SMALL, dir, new Date('2026-02-28T00:00:00Z'));
    expect(later.report.now).toBe('2026-02-28T00:00:00Z');
  });
});
