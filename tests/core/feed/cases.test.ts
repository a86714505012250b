/**
 * The bug-report cases (tests/fixtures/cases/README.md): each Bxx.xml parsed and its first item compared with
 * Bxx.expected.json. Each case stands for its kind; sibling tests live in the other files of this folder.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../../src/core/feed/parse-feed.js';

const dir = fileURLToPath(new URL('../../fixtures/cases/', import.meta.url));

interface Expected {
  case: string;
  input: string;
  title?: string;
  link?: string;
  published?: string | null;
  summary?: string | null;
  image?: string | null;
  error?: string;
  id?: string;
  item_count?: number;
  feed_url?: string;
  feed_title?: string;
  max_parse_ms?: number;
  frontmatter_roundtrip?: { title: string };
}

const cases: Expected[] = readdirSync(dir)
  .filter((f) => /^B\d+\.expected\.json$/.test(f))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Expected);

const NOW = new Date('2026-08-01T00:00:00Z');


describe('bug-report cases', () => {
  it('finds all 15 cases', () => {
    expect(cases.map((c) => c.case)).toEqual([
      'B01', 'B03', 'B05', 'B06', 'B07', 'B09', 'B11', 'B13', 'B15', 'B17', 'B18', 'B20', 'B22', 'B23', 'B24',
    ]);
  });

  describe.each(cases)('$case', (exp) => {
    const bytes = readFileSync(join(dir, exp.input));
    const opts = { url: exp.feed_url, now: NOW };

    if (exp.error) {
      it(`is rejected with ${exp.error}, no items, quickly`, () => {
        const t0 = performance.now();
        const r = parseFeed(bytes, opts);
        const ms = performance.now() - t0;
        expect(r.errors.map((e) => e.kind)).toEqual([exp.error]);
        expect(r.items).toEqual([]);
        expect(r.format).toBeNull();
        expect(ms).toBeLessThan(exp.max_parse_ms ?? 1000);
        // nothing of the entity's replacement text leaks into the result
        expect(JSON.stringify(r)).not.toContain('ZZZZZZZZZZ');
        expect(JSON.stringify(r)).not.toContain('/etc/hostname');
      });
      return;
    }

    it('matches the expected first item', () => {
      const r = parseFeed(bytes, opts);
      expect(r.errors).toEqual([]);
      const item = r.items[0]!;
      expect(item.title).toBe(exp.title);
      expect(item.link).toBe(exp.link);
      expect(item.published).toBe(exp.published);
      expect(item.summary).toBe(exp.summary);
      expect(item.image).toBe(exp.image);
      if (exp.id !== undefined) expect(item.guid).toBe(exp.id);
      expect(r.items.length).toBe(exp.item_count ?? 1);
      if (exp.feed_title !== undefined) expect(r.feed.title).toBe(exp.feed_title);
      if (exp.frontmatter_roundtrip) expect(item.title).toBe(exp.frontmatter_roundtrip.title);
    });

    it('is deterministic', () => {
      expect(JSON.stringify(parseFeed(bytes, opts))).toBe(JSON.stringify(parseFeed(bytes, opts)));
    });
  });
});
