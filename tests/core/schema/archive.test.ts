import { describe, expect, it } from 'vitest';
import { parseArchiveIndex } from '../../../src/core/schema/archive';

describe('parseArchiveIndex', () => {
  it('names the file when its index is cut off or not an index (a run had stopped with JSON.parse\'s message alone)', () => {
    const file = 'content/archive/2026-11/index.json';
    expect(parseArchiveIndex('[]', file)).toEqual([]);
    expect(() => parseArchiveIndex('[{"id": "ab\u0001', file)).toThrow(/^content\/archive\/2026-11\/index\.json: not JSON \(.+\); restore it from git or a backup$/);
    expect(() => parseArchiveIndex('{"id": "x"}', file)).toThrow('content/archive/2026-11/index.json: invalid archive index: Expected array, received object');
  });
});
