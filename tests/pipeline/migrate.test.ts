/**
 * Content schema versions: a content directory written by the previous version (tests/io/fixtures/content-v1, made
 * by Parallax before manifests and feed health) is migrated explicitly, then read; newer content is refused.
 */
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SCHEMA_VERSION } from '../../src/io/content-store';
import { contentVersion, openContent } from '../../src/io/migrate-content';
import { ROOT, runFolder, tempDir, treeDigest } from '../helpers';

const V1 = path.join(ROOT, 'tests', 'io', 'fixtures', 'content-v1');
const SMALL = path.join(ROOT, 'tests', 'io', 'fixtures', 'feeds-small');

async function copyV1(): Promise<string> {
  const dir = path.join(await tempDir('parallax-migrate-'), 'content');
  await cp(V1, dir, { recursive: true });
  return dir;
}

describe('content schema version', () => {
  it('recognises the fixture as version 1 and an empty directory as none', async () => {
    expect(await contentVersion(V1)).toBe(1);
    expect(await contentVersion(await tempDir())).toBeNull();
  });

  it('migrates version 1 explicitly: logged, manifest written, feed states seeded, articles and stories untouched', async () => {
    const dir = await copyV1();
    const before = await treeDigest(dir);
    const logs: string[] = [];
    expect(await openContent(dir, (m) => logs.push(m))).toBe(1);
    expect(logs).toEqual([`${dir}: migrated content from schema version 1 to 2`]);
    expect(JSON.parse(await readFile(path.join(dir, 'state', 'manifest.json'), 'utf8'))).toEqual({ schemaVersion: CONTENT_SCHEMA_VERSION });
    const after = await treeDigest(dir);
    const changed = Object.keys(after).filter((k) => before[k] !== after[k]).sort();
    expect(changed).toEqual(['state/feeds.json', 'state/manifest.json']);
    const feeds = JSON.parse(await readFile(path.join(dir, 'state', 'feeds.json'), 'utf8')) as Array<Record<string, unknown>>;
    expect(feeds).toHaveLength(4);
    expect(feeds[0]).toMatchObject({ status: 'ok', lastAttempt: '2026-02-17T23:03:07Z', lastSuccess: '2026-02-17T23:03:07Z', consecutiveFailures: 0, etag: null });
    // A second open is a no-op.
    const logs2: string[] = [];
    expect(await openContent(dir, (m) => logs2.push(m))).toBe(2);
    expect(logs2).toEqual([]);
  });

  it('a run on version 1 content migrates it first and keeps every stored article', async () => {
    const dir = await copyV1();
    const ids = async (d: string): Promise<Set<string>> => {
      const out = new Set<string>();
      for (const f of Object.keys(await treeDigest(d)).filter((k) => k.startsWith('articles/'))) {
        for (const a of JSON.parse(await readFile(path.join(d, f), 'utf8')) as Array<{ id: string }>) out.add(a.id);
      }
      return out;
    };
    const before = await ids(dir);
    const { logs, report } = await runFolder(SMALL, dir, new Date('2026-02-18T00:00:00Z'));
    expect(logs).toContain(`info: ${dir}: migrated content from schema version 1 to 2`);
    expect(report.newArticles).toBe(0); // the same four feeds: everything was stored by version 1
    const after = await ids(dir);
    expect([...before].filter((id) => !after.has(id))).toEqual([]);
    const feeds = JSON.parse(await readFile(path.join(dir, 'state', 'feeds.json'), 'utf8')) as Array<Record<string, unknown>>;
    expect(feeds.every((f) => f.lastAttempt === '2026-02-18T00:00:00Z' && typeof f.consecutiveFailures === 'number')).toBe(true);
  });

  it('refuses content of a newer schema version instead of misreading it', async () => {
    const dir = await copyV1();
    await writeFile(path.join(dir, 'state', 'manifest.json'), JSON.stringify({ schemaVersion: CONTENT_SCHEMA_VERSION + 1 }));
    const before = await treeDigest(dir);
    await expect(runFolder(SMALL, dir)).rejects.toThrow(/content schema version 3 is newer than this Parallax understands \(2\)/);
    expect(await treeDigest(dir)).toEqual(before);
  });

  it('refuses a manifest without a valid version', async () => {
    const dir = await copyV1();
    await writeFile(path.join(dir, 'state', 'manifest.json'), JSON.stringify({ schemaVersion: 'two' }));
    await expect(openContent(dir)).rejects.toThrow(/no valid schemaVersion/);
  });
});
