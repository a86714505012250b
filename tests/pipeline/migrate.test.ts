/**
 * Content schema versions: content directories written by earlier versions are migrated explicitly, then read; newer
 * content is refused. tests/io/fixtures/content-v1: Parallax before manifests and feed health. content-v2: written by
 * version 2 (commit 5ea29cc) from feeds-small at 2026-02-18 then 2026-02-24 — every story ever made still in
 * stories/, every article in articles/ (the stale WSJ January 2025 ones too).
 */
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { retentionWindow, isStoryActive } from '../../src/core/retention';
import { ArchiveIndexSchema, archiveMonthOf } from '../../src/core/schema/archive';
import { CONTENT_SCHEMA_VERSION } from '../../src/io/content-store';
import { contentVersion, openContent } from '../../src/io/migrate-content';
import { readStoriesIn, ROOT, runFolder, tempDir, treeDigest } from '../helpers';

const V1 = path.join(ROOT, 'tests', 'io', 'fixtures', 'content-v1');
const V2 = path.join(ROOT, 'tests', 'io', 'fixtures', 'content-v2');
const SMALL = path.join(ROOT, 'tests', 'io', 'fixtures', 'feeds-small');

async function copyV1(from = V1): Promise<string> {
  const dir = path.join(await tempDir('parallax-migrate-'), 'content');
  await cp(from, dir, { recursive: true });
  return dir;
}

describe('content schema version', () => {
  it('recognises the fixture as version 1 and an empty directory as none', async () => {
    expect(await contentVersion(V1)).toBe(1);
    expect(await contentVersion(await tempDir())).toBeNull();
  });

  it('migrates version 1 explicitly, step by step: logged, manifest written, feed states seeded, then the archive', async () => {
    const dir = await copyV1();
    const before = await treeDigest(dir);
    const logs: string[] = [];
    expect(await openContent(dir, (m) => logs.push(m))).toBe(1);
    expect(logs).toEqual([`${dir}: migrated content from schema version 1 to 2`, `${dir}: migrated content from schema version 2 to 3`]);
    expect(JSON.parse(await readFile(path.join(dir, 'state', 'manifest.json'), 'utf8'))).toEqual({ schemaVersion: CONTENT_SCHEMA_VERSION });
    const after = await treeDigest(dir);
    // At its last run's clock (2026-02-17T23:03:07Z) every v1 story is active: stories/ stays; only the stale WSJ
    // shards (January 2025, in no story, never in the story index) are pruned.
    const changed = Object.keys({ ...before, ...after }).filter((k) => before[k] !== after[k]).sort();
    expect(changed.filter((k) => !k.startsWith('articles/2025-01-'))).toEqual(['state/expired-undated.json', 'state/feeds.json', 'state/manifest.json']);
    expect(changed.filter((k) => k.startsWith('articles/2025-01-')).every((k) => after[k] === undefined)).toBe(true);
    expect(Object.keys(after).filter((k) => k.startsWith('stories/'))).toHaveLength(26);
    const feeds = JSON.parse(await readFile(path.join(dir, 'state', 'feeds.json'), 'utf8')) as Array<Record<string, unknown>>;
    expect(feeds).toHaveLength(4);
    expect(feeds[0]).toMatchObject({ status: 'ok', lastAttempt: '2026-02-17T23:03:07Z', lastSuccess: '2026-02-17T23:03:07Z', consecutiveFailures: 0, etag: null });
    // A second open is a no-op.
    const logs2: string[] = [];
    expect(await openContent(dir, (m) => logs2.push(m))).toBe(3);
    expect(logs2).toEqual([]);
  });

  it('migrates version 2: inactive stories move to the archive byte for byte, their articles are pruned, the index compacted', async () => {
    const dir = await copyV1(V2);
    const before = await treeDigest(dir);
    const window = retentionWindow(Date.parse('2026-02-24T00:00:00Z'));
    const v2Stories = await readStoriesIn(dir);
    const inactive = v2Stories.filter((s) => !isStoryActive(s, window)).map((s) => s.id).sort();
    expect(v2Stories).toHaveLength(24);
    expect(inactive).toHaveLength(2);
    const logs: string[] = [];
    expect(await openContent(dir, (m) => logs.push(m))).toBe(2);
    expect(logs).toEqual([`${dir}: migrated content from schema version 2 to 3`]);
    const after = await treeDigest(dir);
    // Active stories stay where they were, unchanged; the inactive ones are now archive/<YYYY-MM>/<id>.md, same bytes.
    for (const s of v2Stories) {
      const from = `stories/${s.id}.md`;
      if (inactive.includes(s.id)) {
        expect(after[from]).toBeUndefined();
        expect(after[`archive/${archiveMonthOf(s)}/${s.id}.md`]).toBe(before[from]);
      } else expect(after[from]).toBe(before[from]);
    }
    const index = ArchiveIndexSchema.parse(JSON.parse(await readFile(path.join(dir, 'archive', '2026-02', 'index.json'), 'utf8')));
    expect(index.map((e) => e.id).sort()).toEqual(inactive);
    // Kept: the articles of active stories; the rest (the WSJ January 2025 items, the archived stories') pruned.
    const kept = new Set<string>();
    for (const k of Object.keys(after).filter((x) => x.startsWith('articles/'))) for (const a of JSON.parse(await readFile(path.join(dir, k), 'utf8')) as Array<{ id: string }>) kept.add(a.id);
    const active = await readStoriesIn(dir);
    expect([...kept].sort()).toEqual(active.flatMap((s) => s.articles.map((a) => a.id)).sort());
    expect(Object.keys(after).some((k) => k.startsWith('articles/2025-'))).toBe(false);
    const storyIndex = JSON.parse(await readFile(path.join(dir, 'state', 'story-index.json'), 'utf8')) as Record<string, string>;
    expect(Object.keys(storyIndex).sort()).toEqual([...kept].sort());
    expect(kept.size).toBe(27);
    // A run after the migration: nothing new, nothing churned back (the expired WSJ items are counted, not stored).
    const { report } = await runFolder(SMALL, dir, new Date('2026-02-24T00:00:00Z'));
    expect(report.newArticles).toBe(0);
    expect(report.expired).toBe(49 - 27);
    expect(report.articlesTotal).toBe(27);
  });

  it('a run on version 1 content migrates it first and keeps every stored article it needs', async () => {
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
    // Only the stale WSJ items (January 2025, in no story) are pruned: read again, they count as expired.
    const wsj = report.feeds.find((f) => f.sourceId === 'wsj')!;
    expect([...before].filter((id) => !after.has(id))).toHaveLength(wsj.expired);
    expect(wsj.expired).toBe(20);
    expect(report.expired).toBe(20);
    const feeds = JSON.parse(await readFile(path.join(dir, 'state', 'feeds.json'), 'utf8')) as Array<Record<string, unknown>>;
    expect(feeds.every((f) => f.lastAttempt === '2026-02-18T00:00:00Z' && typeof f.consecutiveFailures === 'number')).toBe(true);
  });

  it('refuses content of a newer schema version instead of misreading it', async () => {
    const dir = await copyV1();
    await writeFile(path.join(dir, 'state', 'manifest.json'), JSON.stringify({ schemaVersion: CONTENT_SCHEMA_VERSION + 1 }));
    const before = await treeDigest(dir);
    await expect(runFolder(SMALL, dir)).rejects.toThrow(/content schema version 4 is newer than this Parallax understands \(3\)/);
    expect(await treeDigest(dir)).toEqual(before);
  });

  it('refuses a manifest without a valid version', async () => {
    const dir = await copyV1();
    await writeFile(path.join(dir, 'state', 'manifest.json'), JSON.stringify({ schemaVersion: 'two' }));
    await expect(openContent(dir)).rejects.toThrow(/no valid schemaVersion/);
  });
});
