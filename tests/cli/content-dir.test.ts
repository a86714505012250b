/** Where the commands read and write: a content directory that an ingest wrote, and the output directory. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildSite, outDir } from '../../src/cli/build';
import { run as health } from '../../src/cli/health';
import { ingestSettings, requireContentDir, UsageError } from '../../src/cli/ingest-options';

describe('a folder that is not a content directory', () => {
  let tmp: string;
  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'parallax-content-dir-'));
    await mkdir(path.join(tmp, 'empty'));
    await mkdir(path.join(tmp, 'content', 'state'), { recursive: true });
    await writeFile(path.join(tmp, 'content', 'state', 'sources.json'), '[]');
  });
  afterAll(() => rm(tmp, { recursive: true, force: true }));

  it('is refused by name, and a content directory is accepted', () => {
    expect(() => requireContentDir(path.join(tmp, 'empty'))).toThrow(UsageError);
    expect(() => requireContentDir(path.join(tmp, 'empty'))).toThrow(/is not a Parallax content directory \(no state\/sources\.json\)/);
    // the command it gives is one an ingest takes (it had named `ingest --content DIR`, which the demo guard refuses)
    expect(() => requireContentDir(path.join(tmp, 'empty'))).toThrow(`\`parallax ingest --live --content ${path.join(tmp, 'empty')}\``);
    expect(() => ingestSettings({ live: true, content: path.join(tmp, 'empty') })).not.toThrow();
    expect(() => requireContentDir(path.join(tmp, 'missing'))).toThrow(/no content directory at/);
    expect(() => requireContentDir(path.join(tmp, 'content', 'state', 'sources.json'))).toThrow(/no content directory at/); // a file
    expect(() => requireContentDir(path.join(tmp, 'content'))).not.toThrow();
  });

  it('stops `build --no-ingest` before any build (it had built an empty site with cached sources, exit 0)', async () => {
    await expect(buildSite(['--no-ingest', '--content', path.join(tmp, 'empty')])).rejects.toThrow(/is not a Parallax content directory/);
    // A file: named as no content directory (it had been a raw ENOTDIR).
    await expect(buildSite(['--no-ingest', '--content', path.join(tmp, 'content', 'state', 'sources.json')])).rejects.toThrow(/no content directory at/);
  });

  it('stops `health` (it had printed an empty table, exit 0)', async () => {
    await expect(health(['--content', path.join(tmp, 'empty')])).rejects.toThrow(/is not a Parallax content directory/);
  });
});

describe('PARALLAX_OUT_DIR', () => {
  it('is read from the current directory when relative, as --content and --frozen-dir are', () => {
    const saved = process.env.PARALLAX_OUT_DIR;
    const cwd = vi.spyOn(process, 'cwd').mockReturnValue('/srv/instance');
    try {
      process.env.PARALLAX_OUT_DIR = 'mydist';
      expect(outDir()).toBe('/srv/instance/mydist');
      process.env.PARALLAX_OUT_DIR = '/var/www/site';
      expect(outDir()).toBe('/var/www/site');
      delete process.env.PARALLAX_OUT_DIR;
      expect(path.basename(outDir())).toBe('dist');
      expect(outDir().startsWith('/srv/instance')).toBe(false);
    } finally {
      cwd.mockRestore();
      if (saved === undefined) delete process.env.PARALLAX_OUT_DIR;
      else process.env.PARALLAX_OUT_DIR = saved;
    }
  });
});
