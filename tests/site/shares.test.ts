import { describe, expect, it } from 'vitest';
import { shares } from '../../src/site/shares';
import { parseShare, sumShares } from './share-text';

describe('shares', () => {
  it.each([
    // The demo's story pages that had summed to 101 and 99 with Math.round on each part.
    [{ high: 4, 'mostly-factual': 1, unrated: 1 }, ['66', '17', '17']], // Math.round had shown 67 + 17 + 17
    [{ US: 7, CA: 1, DE: 1, FR: 1, GB: 1, IE: 1, IN: 1, JP: 1 }, ['50', '7⅐', '7⅐', '7⅐', '7⅐', '7⅐', '7⅐', '7⅐']],
    [{ a: 1, b: 1, c: 1 }, ['33⅓', '33⅓', '33⅓']],
    [{ a: 2, b: 1 }, ['67', '33']],
    [{ high: 5, 'mostly-factual': 3 }, ['63', '37']], // Math.round had shown 63 + 38
    [{ a: 1, b: 0, c: 1 }, ['50', '0', '50']],
    [{ a: 0, b: 0 }, ['0', '0']],
    // No whole-number split keeps the ties: exact shares where each is a common fraction…
    [{ a: 5, b: 1, c: 1, d: 1, e: 1, f: 1, g: 1, h: 1 }, ['41⅔', '8⅓', '8⅓', '8⅓', '8⅓', '8⅓', '8⅓', '8⅓']],
    [{ a: 5, b: 1, c: 1, d: 1 }, ['62½', '12½', '12½', '12½']],
    [{ a: 1, b: 3, c: 1, d: 3, e: 1 }, ['11⅑', '33⅓', '11⅑', '33⅓', '11⅑']],
    // …else (sevenths: 42⁶⁄₇ and 14²⁄₇) one group shares the point whole numbers cannot place.
    [{ a: 3, b: 1, c: 1, d: 1, e: 1 }, ['43', '14¼', '14¼', '14¼', '14¼']],
    [{ a: 2, b: 1, c: 1, d: 1, e: 1, f: 1 }, ['29', '14⅕', '14⅕', '14⅕', '14⅕', '14⅕']],
    // Seven equal parts: 100/7 has no character of its own, so it is written with digits.
    [Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`k${i}`, 1])), Array(7).fill('14²⁄₇')],
  ])('%j → %j', (counts, texts) => {
    expect(Object.values(shares(counts)).map((s) => s.text)).toEqual(texts);
  });

  it('sums to exactly 100, shows equal counts equally and stays within a point of the exact share (3,000 random records)', () => {
    let seed = 42;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let i = 0; i < 3_000; i++) {
      const counts: Record<string, number> = {};
      const parts = 1 + random(9);
      for (let p = 0; p < parts; p++) counts[`k${p}`] = random(p === 0 ? 12 : 5);
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      const got = shares(counts);
      const texts = Object.values(got).map((s) => s.text);
      if (total === 0) {
        expect(texts.every((t) => t === '0')).toBe(true);
        continue;
      }
      expect(sumShares(texts), JSON.stringify(counts)).toEqual([100, 1]);
      for (const [k, s] of Object.entries(got)) {
        const [n, d] = parseShare(s.text);
        expect(Math.abs(n / d - s.value)).toBeLessThan(1e-9);
        expect(Math.abs(s.value - (counts[k]! * 100) / total), JSON.stringify(counts)).toBeLessThan(1);
        for (const [k2, s2] of Object.entries(got)) if (counts[k2] === counts[k]) expect(s2.text).toBe(s.text);
      }
    }
  });
});
