import { describe, expect, it } from 'vitest';
import { parseRegistry } from '../../../src/core/registry/parse-registry';

const src = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: id,
  homepage: `https://${id}.example/`,
  feeds: [{ url: `https://${id}.example/rss` }],
  ...extra,
});
const text = (sources: unknown[]): string => `${JSON.stringify(sources, null, 2)}\n`;
const all = '; `parallax sources check --registry sources.json` lists every problem';

describe('parseRegistry (what ingest reads)', () => {
  it('reads a registry, dropping a byte-order mark and unknown keys', () => {
    const r = parseRegistry(`\uFEFF${text([src('a', { timeZone: 'Asia/Tokyo', factualty: [] })])}`, 'sources.json');
    expect(r.map((s) => [s.id, s.timeZone, 'factualty' in s])).toEqual([['a', 'Asia/Tokyo', false]]);
  });

  // Ingest had said only "sources.json: invalid registry at [0.bias.0.value]: Invalid enum value…", naming no source.
  it.each([
    [
      'a rating value',
      text([src('a'), src('b', { bias: [{ value: 'centre', rater: 'AllSides', asOf: '2024-01-01' }] })]),
      `sources.json:23: source "b": bias.0.value: Invalid enum value. Expected 'left' | 'lean-left' | 'center' | 'lean-right' | 'right', received 'centre' (allowed: left, lean-left, center, lean-right, right) ("centre")${all}`,
    ],
    [
      'a time zone',
      text([src('a', { timeZone: 'Asia/Tokio' })]),
      `sources.json:11: source "a": timeZone: expected an IANA time zone name such as "Asia/Tokyo" or "UTC", or a UTC offset such as "+05:30" ("Asia/Tokio"); did you mean "Asia/Tokyo"?${all}`,
    ],
    ['a trailing comma', '[\n  {"id": "a",}\n]', `sources.json:2:13: not valid JSON: a comma before "}": JSON allows no trailing comma, at \`{"id": "a",}\`${all}`],
    ['an object', '{}', `sources.json: the registry must be a JSON array of sources${all}`],
    ['a repeated id', text([src('a'), src('a')]), `sources.json:13: duplicate source id "a" (first at line 3)${all}`],
    ['a language', text([src('a', { language: 'english' })]), `sources.json:11: source "a": language "english" is not a BCP 47 language tag with an ISO 639 code (e.g. "en", "de", "pt-BR"); did you mean "en"?${all}`],
  ])('refuses %s, naming the source, the field and the line, and pointing to sources check', (_what, registry, message) => {
    expect(() => parseRegistry(registry, 'sources.json')).toThrow(message);
  });
});
