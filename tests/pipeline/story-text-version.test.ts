/**
 * A stored story whose articles did not change is kept as written; after an upgrade that changes how stories are
 * derived (STORY_TEXT_VERSION), the first run rebuilds every active story once, so new summary, topic and headline
 * rules reach them (a hostile trial's upgraded instance had kept its old bullets and topics), and later runs keep
 * them again.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { STORY_TEXT_VERSION } from '../../src/core/config';
import { ROOT, runFolder, tempDir } from '../helpers';

const SMALL = path.join(ROOT, 'tests', 'io', 'fixtures', 'feeds-small');

describe('the story text version', () => {
  it('rebuilds every active story once when the stored stories were written by other rules', async () => {
    const dir = path.join(await tempDir('parallax-story-text-'), 'content');
    await runFolder(SMALL, dir, new Date('2026-02-18T00:00:00Z'));
    const run = JSON.parse(await readFile(path.join(dir, 'state', 'run.json'), 'utf8')) as Record<string, unknown>;
    expect(run.storyText).toBe(STORY_TEXT_VERSION);
    const file = path.join(dir, 'stories', (await readdir(path.join(dir, 'stories')))[0]!);
    const written = await readFile(file, 'utf8');
    // What an older version had written: a stale bullet, no storyText in run.json.
    const stale = written.replace(/^summary:\n/m, 'summary:\n  - text: A bullet an older version wrote.\n    articleId: nothing\n');
    expect(stale).not.toBe(written);
    await writeFile(file, stale);
    await runFolder(SMALL, dir, new Date('2026-02-18T01:00:00Z'));
    expect(await readFile(file, 'utf8')).toBe(stale); // same version: kept as stored
    delete run.storyText;
    await writeFile(path.join(dir, 'state', 'run.json'), JSON.stringify({ ...run, now: '2026-02-18T01:00:00Z' }));
    await runFolder(SMALL, dir, new Date('2026-02-18T02:00:00Z'));
    expect(await readFile(file, 'utf8')).toBe(written); // rebuilt by this version's rules
  }, 60_000);
});
