/**
 * The repository's .gitignore (the one an instance's content is committed under: publish.yml runs `git add content`)
 * keeps the write journal and the run lock out of commits, and nothing of the content itself. Checked by git itself
 * (`git check-ignore`) in a scratch repository holding only that .gitignore.
 */
import { execFile } from 'node:child_process';
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { TXN_DIR } from '../../src/io/journal';
import { ROOT, tempDir } from '../helpers';

const run = promisify(execFile);

/** The paths among `paths` that git ignores under the repository's .gitignore. */
async function ignored(paths: string[]): Promise<string[]> {
  const repo = await tempDir('parallax-gitignore-');
  await run('git', ['init', '-q'], { cwd: repo });
  await copyFile(path.join(ROOT, '.gitignore'), path.join(repo, '.gitignore'));
  // exit 1 when none is ignored
  const out = await run('git', ['check-ignore', '--no-index', ...paths], { cwd: repo }).then((r) => r.stdout, (e: { stdout: string }) => e.stdout);
  return out.split('\n').filter(Boolean);
}

describe('.gitignore', () => {
  it('ignores the write journal of content/ (and of any content folder) and the run lock, not the content', async () => {
    const journal = [`content/${TXN_DIR}/COMMIT`, `content/${TXN_DIR}/data/0`, `content/${TXN_DIR}/COMMIT.tmp`, `my-news/${TXN_DIR}/data/12`];
    const lock = ['content.lock/x', 'content.lock-holder.json', 'content.lock-holder.json.4242-1.tmp'];
    const kept = ['content/sources.json', 'content/stories/abc.md', 'content/state/feeds.json', 'content/articles/2026-02-18/npr.json', 'content/overrides.json'];
    expect(await ignored([...journal, ...lock, ...kept])).toEqual([...journal, ...lock]);
  });
});
