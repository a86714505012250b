/**
 * A write that fails (a full disk, injected: the file handle's writeFile rejects as Node's does, "ENOSPC: no space
 * left on device, write", with no path) is reported naming the file it was for, and leaves the files as they were:
 * the atomic writer (src/io/write-atomic.ts) leaves no temporary file, the journal (src/io/journal.ts) no .txn stage,
 * the run lock (src/io/lock.ts) no holder record.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { commitPlan, TXN_DIR } from '../../src/io/journal';
import { withRunLock } from '../../src/io/lock';
import { writeFileAtomic } from '../../src/io/write-atomic';
import { tempDir } from '../helpers';

/** Paths containing this fail their writes; null: none. */
let failing: string | null = null;
const enospc = (): Error => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const open: typeof real.open = async (file, ...rest) => {
    const handle = await real.open(file, ...rest);
    if (failing !== null && String(file).includes(failing)) handle.writeFile = async () => Promise.reject(enospc());
    return handle;
  };
  const writeFile: typeof real.writeFile = async (file, ...rest) => {
    if (failing !== null && String(file).includes(failing)) throw enospc();
    return real.writeFile(file, ...rest);
  };
  return { ...real, default: { ...real, open, writeFile }, open, writeFile };
});

afterEach(() => {
  failing = null;
});

describe('a failed write names its file', () => {
  it('writeFileAtomic: "cannot write <file>: ENOSPC …", code kept, the old file and no temporary file left', async () => {
    const dir = await tempDir('parallax-enospc-');
    const file = path.join(dir, 'state', 'feeds.json');
    await mkdir(path.dirname(file));
    await writeFile(file, 'old');
    failing = `.feeds.json.`;
    const error = (await writeFileAtomic(file, 'new').catch((e: unknown) => e)) as NodeJS.ErrnoException;
    expect(error.message).toBe(`cannot write ${file}: ENOSPC: no space left on device, write`);
    expect({ code: error.code, syscall: error.syscall, path: error.path }).toEqual({ code: 'ENOSPC', syscall: 'write', path: file });
    expect(await readFile(file, 'utf8')).toBe('old');
    expect(await readdir(path.dirname(file))).toEqual(['feeds.json']);
  });

  it('commitPlan: names the content file and where it was staged, removes the stage, changes nothing', async () => {
    const dir = await tempDir('parallax-enospc-');
    await mkdir(path.join(dir, 'stories'));
    await writeFile(path.join(dir, 'stories', 'a.md'), 'old a');
    failing = path.join(TXN_DIR, 'data', '1');
    const plan = { puts: [{ rel: 'stories/a.md', data: 'new a' }, { rel: 'stories/b.md', data: 'new b' }], deletes: ['stories/a.md'] };
    const error = (await commitPlan(dir, plan).catch((e: unknown) => e)) as NodeJS.ErrnoException;
    expect(error.message).toBe(`cannot write ${path.join(dir, 'stories', 'b.md')} (staged as ${path.join(dir, TXN_DIR, 'data', '1')}): ENOSPC: no space left on device, write`);
    expect(error.code).toBe('ENOSPC');
    expect(await readdir(dir)).toEqual(['stories']);
    expect(await readdir(path.join(dir, 'stories'))).toEqual(['a.md']);
    expect(await readFile(path.join(dir, 'stories', 'a.md'), 'utf8')).toBe('old a');
  });

  it('commitPlan: a commit record that cannot be written is named too, and nothing is applied', async () => {
    const dir = await tempDir('parallax-enospc-');
    failing = 'COMMIT.tmp';
    const error = (await commitPlan(dir, { puts: [{ rel: 'x.json', data: '{}' }], deletes: [] }).catch((e: unknown) => e)) as Error;
    expect(error.message).toBe(`cannot write ${path.join(dir, TXN_DIR, 'COMMIT')} (the commit record): ENOSPC: no space left on device, write`);
    expect(existsSync(path.join(dir, TXN_DIR))).toBe(false);
    expect(existsSync(path.join(dir, 'x.json'))).toBe(false);
  });

  it('withRunLock: a holder record that cannot be written is named, and the run does not start', async () => {
    const work = await tempDir('parallax-enospc-');
    const content = path.join(work, 'content');
    failing = `${path.sep}content.lock`;
    let ran = false;
    const error = (await withRunLock(content, async () => void (ran = true)).catch((e: unknown) => e)) as NodeJS.ErrnoException;
    expect(error.message).toMatch(/^cannot write \S+content\.lock\S*\.tmp \(the run lock\): ENOSPC: no space left on device, write$/);
    expect(error.message.startsWith(`cannot write ${work}${path.sep}`)).toBe(true);
    expect(error.code).toBe('ENOSPC');
    expect(ran).toBe(false);
    expect((await readdir(work)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
