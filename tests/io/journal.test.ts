/** The write journal (src/io/journal.ts) step by step: commit point, roll forward, roll back, idempotent apply. */
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitPlan, recoverContent, TXN_DIR } from '../../src/io/journal';
import { tempDir } from '../helpers';

async function seeded(): Promise<string> {
  const dir = await tempDir('parallax-journal-');
  await mkdir(path.join(dir, 'a'), { recursive: true });
  await writeFile(path.join(dir, 'a', 'keep.json'), 'old-keep');
  await writeFile(path.join(dir, 'a', 'gone.json'), 'old-gone');
  return dir;
}
const plan = { puts: [{ rel: 'a/keep.json', data: 'new-keep' }, { rel: 'b/new.json', data: 'new-file' }], deletes: ['a/gone.json'] };
const read = (dir: string, rel: string): Promise<string | null> => readFile(path.join(dir, rel), 'utf8').catch(() => null);

describe('write journal', () => {
  it('applies a plan and leaves no journal behind', async () => {
    const dir = await seeded();
    const steps: string[] = [];
    await commitPlan(dir, plan, (s) => steps.push(s));
    expect(steps).toEqual(['staged', 'committed', 'applied']);
    expect([await read(dir, 'a/keep.json'), await read(dir, 'b/new.json'), await read(dir, 'a/gone.json')]).toEqual(['new-keep', 'new-file', null]);
    expect(existsSync(path.join(dir, TXN_DIR))).toBe(false);
  });

  it('rolls back a journal stopped before its commit point', async () => {
    const dir = await seeded();
    await expect(commitPlan(dir, plan, (s) => {
      if (s === 'staged') throw new Error('killed');
    })).rejects.toThrow('killed');
    expect(await recoverContent(dir)).toBe('rolled_back');
    expect([await read(dir, 'a/keep.json'), await read(dir, 'a/gone.json'), await read(dir, 'b/new.json')]).toEqual(['old-keep', 'old-gone', null]);
    expect(await readdir(dir)).toEqual(['a']);
  });

  it('rolls forward a committed journal, even one half applied, and a new write finishes it first', async () => {
    const dir = await seeded();
    await expect(commitPlan(dir, plan, (s) => {
      if (s === 'committed') throw new Error('killed');
    })).rejects.toThrow('killed');
    // Half applied: the first staged file already moved into place.
    await writeFile(path.join(dir, 'a', 'keep.json'), 'new-keep');
    await rm(path.join(dir, TXN_DIR, 'data', '0'));
    await commitPlan(dir, { puts: [{ rel: 'c.json', data: 'later' }], deletes: [] });
    expect([await read(dir, 'a/keep.json'), await read(dir, 'b/new.json'), await read(dir, 'a/gone.json'), await read(dir, 'c.json')]).toEqual(['new-keep', 'new-file', null, 'later']);
    expect(await recoverContent(dir)).toBe('clean');
  });

  it('removes a folder its deletes left empty, also when a later run recovers the journal (a trial\'s crash had left empty article days)', async () => {
    const dir = await seeded();
    await mkdir(path.join(dir, 'a', 'day'));
    await writeFile(path.join(dir, 'a', 'day', 'x.json'), 'x');
    await expect(commitPlan(dir, { puts: [], deletes: ['a/day/x.json'] }, (s) => {
      if (s === 'committed') throw new Error('killed');
    })).rejects.toThrow('killed');
    expect(existsSync(path.join(dir, 'a', 'day'))).toBe(true);
    expect(await recoverContent(dir)).toBe('rolled_forward');
    expect([existsSync(path.join(dir, 'a', 'day')), existsSync(path.join(dir, 'a'))]).toEqual([false, true]);
  });

  it('refuses paths outside the content directory', async () => {
    const dir = await seeded();
    await expect(commitPlan(dir, { puts: [{ rel: '../evil', data: 'x' }], deletes: [] })).rejects.toThrow(/refusing path/);
    await expect(commitPlan(dir, { puts: [], deletes: ['/etc/passwd'] })).rejects.toThrow(/refusing path/);
  });
});
