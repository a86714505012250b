/**
 * `parallax ingest --feeds PATH` and `--merge PATH` with a path that is not a folder, run as a user would: one line
 * naming the option and the path, exit 2 (they had been Node's raw ENOTDIR / ENOENT from scandir, exit 1).
 */
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REGISTRY, runCli } from '../helpers';


const cli = (...args: string[]) => runCli(args);

describe('ingest folder options', () => {
  it.each([
    ['--feeds', 'a file', (d: string) => `--feeds: ${d}/subs.opml is a file, not a folder (--feeds takes a folder of feed files)`],
    ['--merge', 'a file', (d: string) => `--merge: ${d}/subs.opml is a file, not a folder (--merge takes a folder of shards saved by --fetch-only)`],
    ['--merge', 'no path', (d: string) => `--merge: no folder at ${d}/missing`],
  ])('%s naming %s', async (flag, what, message) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'parallax-folder-opt-'));
    await writeFile(path.join(dir, 'subs.opml'), '<opml/>');
    const target = what === 'a file' ? path.join(dir, 'subs.opml') : path.join(dir, 'missing');
    const content = path.join(dir, 'content');
    expect(await cli('ingest', flag, target, '--content', content, '--registry', REGISTRY)).toEqual({ code: 2, out: '', err: `parallax: ${message(dir)}\n` });
    expect(await readdir(dir)).toEqual(['subs.opml']); // no content written
  });

  it('ingest without a registry says how to start one (sources import into a new file)', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'parallax-folder-opt-'));
    const registry = path.join(dir, 'content', 'sources.json');
    const { code, out, err } = await cli('ingest', '--feeds', dir, '--content', path.join(dir, 'content'));
    expect(err).toBe(
      `parallax: no source registry at ${registry}: put a sources.json in the content directory or pass --registry FILE (the bundled one is content/sources.json), or start one with \`parallax sources import --registry ${registry} --opml FEEDS.opml\`\n`,
    );
    expect([code, out]).toEqual([1, '']);
  });
});
