/**
 * State files nothing else can rebuild (the story index, redirects, the takedown log, the remembered pruned ids) are
 * never read as empty when they are damaged: a hostile trial cut state/redirects.json, and the run rewrote it as {}
 * without a word, so a published story id led nowhere; the same for the takedown log and the pruned ids. The run now
 * refuses, naming the file and what it keeps, before it writes anything; so does `build --no-ingest`, which had built
 * and published content with a cut-off story index, exit 0 (an operator trial).
 */
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, SNAPSHOT_FEEDS, runFolder, tempDir, treeDigest } from '../helpers';
import { existsSync } from 'node:fs';

describe('a damaged state file that nothing else can rebuild', () => {
  let dir: string;
  beforeAll(async () => {
    dir = path.join(await tempDir('parallax-kept-state-'), 'content');
    await runFolder(SNAPSHOT_FEEDS, dir);
  }, 60_000);

  it.each([
    ['story-index.json', '{"a1b2": "x', 'state/story-index.json is not JSON (', 'it keeps each article in its story, so that story ids stay the same'],
    ['redirects.json', 'garbage{', 'state/redirects.json is not JSON (', 'it keeps the ids of merged-away stories leading to the stories they joined'],
    ['redirects.json', '["a", "b"]', 'state/redirects.json is not a JSON object of strings', 'those ids would lead nowhere'],
    // a hand-edit's loop (it had been rewritten as two ids leading to themselves, exit 0)
    ['redirects.json', '{"bbbbbbbbbbbb": "aaaaaaaaaaaa", "aaaaaaaaaaaa": "bbbbbbbbbbbb"}', 'state/redirects.json leads round in a loop (aaaaaaaaaaaa → bbbbbbbbbbbb → aaaaaaaaaaaa)', 'those ids would lead nowhere'],
    ['redirects.json', '{"cccccccccccc": "cccccccccccc"}', 'state/redirects.json leads round in a loop (cccccccccccc → cccccccccccc)', 'those ids would lead nowhere'],
    ['expired-undated.json', '{"abc": 5}', 'state/expired-undated.json is not a JSON object of strings', 'their feeds could bring them back as new articles'],
    ['takedowns.json', '{"takedown": 1}', 'state/takedowns.json is not a JSON array', 'records each takedown, its reason and what it removed'],
    ['topic-feeds.json', '[{"slug": "elections", "na', 'state/topic-feeds.json is not JSON at line 1, column 24 (', 'keeps the feeds and pages of the topics that have had them'],
  ])('refuses the run when %s holds %j, and writes nothing', async (name, text, what, why) => {
    const file = path.join(dir, 'state', name);
    await writeFile(file, text);
    const before = await treeDigest(dir);
    const run = runFolder(SNAPSHOT_FEEDS, dir);
    await expect(run).rejects.toThrow(what);
    await expect(runFolder(SNAPSHOT_FEEDS, dir)).rejects.toThrow(why);
    await expect(runFolder(SNAPSHOT_FEEDS, dir)).rejects.toThrow('Restore it (from git or a backup), or delete it (');
    expect(await treeDigest(dir)).toEqual(before);
    // Deleted, it is started afresh and the run goes on.
    await rm(file);
    const { report } = await runFolder(SNAPSHOT_FEEDS, dir);
    expect(report.stories).toBeGreaterThan(400);
  }, 60_000);

  it.each([
    ['story-index.json', '{"a1b2": "x', 'state/story-index.json is not JSON ('],
    ['takedowns.json', '[{"takedown": ', 'state/takedowns.json is not JSON ('],
    ['expired-undated.json', '{"abc": 5}', 'state/expired-undated.json is not a JSON object of strings'],
    ['topic-feeds.json', '{"a":', 'state/topic-feeds.json is not JSON at line 1, column 6 ('],
  ])('stops `build --no-ingest` when %s holds %j, before the site is touched', async (name, text, what) => {
    const file = path.join(dir, 'state', name);
    await writeFile(file, text);
    const out = path.join(path.dirname(dir), 'dist');
    const r = await runCli(['build', '--no-ingest', '--content', dir], { PARALLAX_OUT_DIR: out, PARALLAX_SITE: 'https://news.example.org' });
    expect(r.code).toBe(1);
    expect(r.err).toContain(what);
    expect(r.err).toContain('Restore it (from git or a backup), or delete it (');
    expect(existsSync(out)).toBe(false);
    await rm(file);
  }, 60_000);
});
