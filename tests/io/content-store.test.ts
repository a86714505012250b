/** Reading stored stories back: a damaged file is named and left out, the others are read. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readActiveStories, readOverrides, redirectLoop } from '../../src/io/content-store';
import { tempDir } from '../helpers';

describe('readActiveStories', () => {
  it('names the file of a story whose front matter is not YAML, and of one that is not a story', async () => {
    const dir = await tempDir('parallax-content-store-');
    await mkdir(path.join(dir, 'stories'));
    await writeFile(path.join(dir, 'stories', 'broken.md'), '---\ntitle: [unclosed, flow\nid: broken\n---\n');
    await writeFile(path.join(dir, 'stories', 'other.md'), '---\ntitle: not a story\n---\n');
    const warnings: string[] = [];
    const stories = await readActiveStories(dir, (m) => warnings.push(m));
    expect(stories.size).toBe(0);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]!.startsWith(`${path.join(dir, 'stories', 'broken.md')}: `)).toBe(true);
    expect(warnings[0]).toMatch(/; written afresh$/);
    expect(warnings[1]!.startsWith(`${path.join(dir, 'stories', 'other.md')}: invalid story`)).toBe(true);
  });
});

describe('readOverrides', () => {
  it('names overrides.json when it is not JSON (the run stops: a takedown must not be ignored)', async () => {
    const dir = await tempDir('parallax-content-store-');
    await writeFile(path.join(dir, 'overrides.json'), '{ takedowns: [] }');
    await expect(readOverrides(dir)).rejects.toThrow(`${path.join(dir, 'overrides.json')}: not JSON at line 1, column 3 (`);
  });

  it('gives the line and column of a JSON error (Node 20 gives only a position), and of a file cut short', async () => {
    const dir = await tempDir('parallax-content-store-');
    const file = path.join(dir, 'overrides.json');
    await writeFile(file, '{\n  "version": 1,\n  "stories": { "split": [ { "articleId": "a", "reason": "x", } ] }\n}\n');
    await expect(readOverrides(dir)).rejects.toThrow(`${file}: not JSON at line 3, column 60 (a comma before "}": JSON allows no trailing comma`);
    await writeFile(file, '{\n  "version": 1,\n  "takedowns": [');
    await expect(readOverrides(dir)).rejects.toThrow(`${file}: not JSON at line 3, column 17 (`);
    // One line, where Node 20's JSON.parse names no position ("Unexpected token '}', …"): an operator trial's.
    await writeFile(file, '{ "version": 1, "stories": { "split": [ }');
    await expect(readOverrides(dir)).rejects.toThrow(`${file}: not JSON at line 1, column 41 (`);
  });

  it('reads a file saved with a byte order mark (Windows Notepad)', async () => {
    const dir = await tempDir('parallax-content-store-');
    await writeFile(path.join(dir, 'overrides.json'), '\uFEFF{ "version": 1, "stories": { "headline": [ { "storyId": "s", "title": "Pinned", "reason": "r" } ] } }');
    expect((await readOverrides(dir)).stories.headline[0]!.title).toBe('Pinned');
  });

  it('lists every invalid entry at once, each with its place in the file', async () => {
    const dir = await tempDir('parallax-content-store-');
    const file = path.join(dir, 'overrides.json');
    await writeFile(
      file,
      JSON.stringify({
        version: 1,
        stories: { split: [{ articleId: 'a' }], merge: [{ storyIds: ['s1'], reason: 'one' }], headline: [{ storyId: 's2', title: '', reason: 'x' }] },
      }),
    );
    const error = await readOverrides(dir).then(() => null, (e: Error) => e.message);
    expect(error).toBe(
      [
        `${file}: invalid overrides (3 problems; nothing was applied):`,
        '  stories.split[0].reason: Required',
        '  stories.merge[0].storyIds: Array must contain at least 2 element(s)',
        '  stories.headline[0].title: a headline cannot be empty or only whitespace',
      ].join('\n'),
    );
  });
});

describe('redirectLoop', () => {
  it('finds a loop of ids, from its first id in id order, and none in chains that end', () => {
    expect(redirectLoop({ b: 'a', a: 'b' })).toEqual(['a', 'b', 'a']);
    expect(redirectLoop({ c: 'c' })).toEqual(['c', 'c']);
    expect(redirectLoop({ a: 'b', b: 'c' })).toBeNull();
    expect(redirectLoop({})).toBeNull();
    // A long chain (each id walked once), then the same chain led back into itself at its middle.
    const chain: Record<string, string> = {};
    for (let i = 0; i < 2000; i++) chain[`s${String(i).padStart(4, '0')}`] = `s${String(i + 1).padStart(4, '0')}`;
    expect(redirectLoop(chain)).toBeNull();
    const loop = redirectLoop({ ...chain, s2000: 's1000' });
    expect(loop).toHaveLength(1002);
    expect([loop![0], loop!.at(-1)]).toEqual(['s1000', 's1000']);
  });
});
