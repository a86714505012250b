import { describe, expect, it } from 'vitest';
import { feedHealthBySource, parseFeedHealth } from '../../src/site/feed-health';

describe('parseFeedHealth', () => {
  it('reads the pipeline entries and groups them by source', () => {
    const rows = parseFeedHealth(
      JSON.stringify([
        { name: 'a.xml', sourceId: 'a', format: 'rss', items: 3, articles: 2, duplicates: 1, errors: [] },
        { name: 'b.xml', sourceId: 'a', format: 'atom', items: 0, articles: 0, duplicates: 0, errors: [{ code: 'E_XML', message: 'bad' }, 'timeout'] },
        { sourceId: 'no-name' },
        null,
      ]),
    );
    expect(rows).toHaveLength(2);
    expect(rows[1]!.errors).toEqual(['E_XML: bad', 'timeout']);
    expect(feedHealthBySource(rows).get('a')!.map((r) => r.name)).toEqual(['a.xml', 'b.xml']);
  });

  it('keeps a feed that was read with a caveat apart from a failed one (a repaired charset had shown as a red error)', () => {
    const [row] = parseFeedHealth(
      JSON.stringify([
        { name: 'z.xml', sourceId: 'z', format: 'rss', items: 2, articles: 2, duplicates: 0, errors: [{ kind: 'encoding_repaired', message: 'the feed names no charset' }, { kind: 'item_invalid', message: 'item 3 has no link' }] },
      ]),
    );
    expect(row!.errors).toEqual([]);
    expect(row!.warnings).toEqual(['the feed names no charset', 'item 3 has no link']);
    const [failed] = parseFeedHealth(JSON.stringify([{ name: 'f.xml', sourceId: 'f', errors: [{ kind: 'missing_file', message: 'not in the feeds folder' }] }]));
    expect(failed!.errors).toEqual(['not in the feeds folder']);
    expect(failed!.warnings).toEqual([]);
  });

  it.each([undefined, '', '{', '42', '{"x":1}'])('never throws on %j', (text) => {
    expect(parseFeedHealth(text)).toEqual([]);
  });
});
