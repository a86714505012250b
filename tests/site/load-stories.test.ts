/**
 * A story file that is not a valid story is left out of the site with a warning naming it; the rest is built. A
 * hostile trial cut one archived story file in half, and the whole site build stopped ("astro build exited with 1").
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializeStory } from '../../src/core/story/serialize-story';
import { loadStories } from '../../src/site/data';
import { tempDir } from '../helpers';
import { fixtureStories } from './load-fixture';

describe('loadStories', () => {
  it('leaves out a cut-off or invalid story file, naming it, and reads the others', async () => {
    const dir = path.join(await tempDir('parallax-load-stories-'), '2026-11');
    await mkdir(dir);
    const [a, b] = fixtureStories();
    const text = serializeStory(b!);
    await writeFile(path.join(dir, `${a!.id}.md`), serializeStory(a!));
    await writeFile(path.join(dir, `${b!.id}.md`), text.slice(0, Math.floor(text.length / 2)));
    await writeFile(path.join(dir, 'zzzz.md'), '---\nid: zzzz\n---\n');
    const warnings: string[] = [];
    const stories = await loadStories(dir, undefined, (m) => warnings.push(m));
    expect(stories.map((s) => s.id)).toEqual([a!.id]);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain(`${path.join(dir, `${b!.id}.md`)}: not a valid story, left out of the site (`);
    expect(warnings[1]).toMatch(/zzzz\.md: not a valid story, left out of the site \(slug: Required; title: Required; .*\); restore it from git or a backup$/);
  });
});
