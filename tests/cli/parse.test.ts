/** `npx parallax parse FILE`, run as a user would (the package's bin), on the shared bug-report cases. */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers';

const BIN = path.join(ROOT, 'bin', 'parallax.mjs');
const CASES = path.join(ROOT, 'tests', 'fixtures', 'cases');

async function parse(file: string, ...extra: string[]): Promise<{ code: number; out: string; err: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, 'parse', file, ...extra]);
    return { code: 0, out: stdout, err: stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout, err: e.stderr };
  }
}

describe('parallax parse', () => {
  it.each(['B01', 'B05', 'B07', 'B13', 'B17'])('prints %s normalised with the expected first item', async (id) => {
    const want = JSON.parse(await readFile(path.join(CASES, `${id}.expected.json`), 'utf8'));
    const { code, out } = await parse(path.join(CASES, `${id}.xml`), ...(want.feed_url ? ['--url', want.feed_url] : []));
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual(['feed', 'items', 'errors']);
    expect(Object.keys(json.items[0])).toEqual(['title', 'link', 'canonicalUrl', 'published', 'summary', 'author', 'image', 'categories']);
    expect(json.items[0]).toMatchObject({ title: want.title, link: want.link, published: want.published, summary: want.summary, image: want.image });
  });

  it.each([
    ['B20', 'entity_expansion_rejected'],
    ['B22', 'external_entity_rejected'],
  ])('exits non-zero naming the error kind for %s', async (id, kind) => {
    const { code, out, err } = await parse(path.join(CASES, `${id}.xml`));
    expect(code).toBe(1);
    expect(err).toContain(kind);
    expect(JSON.parse(out).errors[0].kind).toBe(kind);
  });

  it('exits 2 on a usage error', async () => {
    const { code, err } = await parse('');
    expect(code).toBe(2);
    expect(err).toMatch(/usage/);
  });
});
