/** makeDir / makeDirSync: mkdir -p that throws where Node's recursive mkdir would spin for ever. */
import { existsSync, statSync } from 'node:fs';
import { symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeDir, makeDirSync } from '../../src/io/make-dir';
import { tempDir } from '../helpers';

describe.each([
  ['makeDir', (dir: string) => makeDir(dir)],
  ['makeDirSync', async (dir: string) => makeDirSync(dir)],
])('%s', (_, make) => {
  it('makes missing parents, and leaves an existing directory alone', async () => {
    const root = await tempDir('parallax-mkdir-');
    const deep = path.join(root, 'a', 'b', 'c');
    await make(deep);
    expect(statSync(deep).isDirectory()).toBe(true);
    await make(deep);
    await make(root);
    expect(statSync(deep).isDirectory()).toBe(true);
  });

  it('throws ENOTDIR when a level is a file or a symlink to nothing (Node\'s recursive mkdir spins on the latter)', async () => {
    const root = await tempDir('parallax-mkdir-');
    await writeFile(path.join(root, 'file'), 'x');
    await expect(make(path.join(root, 'file', 'out'))).rejects.toMatchObject({ code: 'ENOTDIR' });
    await symlink(path.join(root, 'nowhere'), path.join(root, 'dangling'));
    await expect(make(path.join(root, 'dangling', 'out'))).rejects.toMatchObject({ code: 'ENOTDIR', message: expect.stringContaining('symlink to nothing') });
    expect(existsSync(path.join(root, 'nowhere'))).toBe(false);
  });

  it.skipIf(!existsSync('/proc/self'))('throws the kernel\'s ENOENT for a directory under /proc instead of spinning', async () => {
    await expect(make('/proc/parallax-frozen/x')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
