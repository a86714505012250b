/** A state/feeds.json that is not readable JSON: health says so (it had shown an empty, healthy report), ingest keeps
 * it aside and starts feed health over (it had been replaced without a word). */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runFolder, SNAPSHOT_FEEDS, tempDir } from '../helpers';

describe('an unreadable state/feeds.json', () => {
  it('is reported by health (exit 1) and kept aside by the next ingest, which starts feed health over', async () => {
    const content = await tempDir('parallax-feedstate-');
    const now = new Date('2026-02-18T12:00:00Z');
    await runFolder(SNAPSHOT_FEEDS, content, now);
    const file = path.join(content, 'state', 'feeds.json');
    expect((JSON.parse(await readFile(file, 'utf8')) as unknown[]).length).toBe(28);
    await writeFile(file, '{not json');

    const health = await runCli(['health', '--content', content]);
    expect(health.code).toBe(1);
    expect(health.out.split('\n')[0]).toMatch(/^note: state\/feeds\.json is not valid JSON \(.+\): no feed health to report; the next ingest keeps the file as state\/feeds\.json\.unreadable and starts feed health over$/);
    // only the note: not also "No feed has been read yet" (an operator trial's), which it does not know
    expect(health.out.trim().split('\n')).toHaveLength(1);

    const { logs } = await runFolder(SNAPSHOT_FEEDS, content, new Date('2026-02-18T13:00:00Z'));
    expect(logs.filter((l) => l.includes('feeds.json'))).toEqual([
      expect.stringMatching(/^warn: state\/feeds\.json is not valid JSON \(.+\): feed health \(failures, last success, validators\) starts over in this run; the file is kept as state\/feeds\.json\.unreadable$/),
    ]);
    expect(await readFile(path.join(content, 'state', 'feeds.json.unreadable'), 'utf8')).toBe('{not json');
    expect((JSON.parse(await readFile(file, 'utf8')) as unknown[]).length).toBe(28);
    expect((await runCli(['health', '--content', content])).code).toBe(0);
  });
});
