import { describe, expect, it } from 'vitest';
import { shares } from '../../src/site/shares';

describe('shares', () => {
  it.each([
    // Equal counts show equal shares, so a tie never reads as a lead (largest remainder had shown 1/1/1 as 34/33/33).
    [{ a: 1, b: 1, c: 1 }, ['33', '33', '33']],
    [{ high: 4, 'mostly-factual': 1, unrated: 1 }, ['67', '17', '17']],
    [{ US: 7, CA: 1, DE: 1, FR: 1, GB: 1, IE: 1, IN: 1, JP: 1 }, ['50', '7', '7', '7', '7', '7', '7', '7']],
    [{ a: 2, b: 1 }, ['67', '33']],
    [{ high: 5, 'mostly-factual': 3 }, ['63', '38']], // 62.5 and 37.5: halves up
    [{ a: 1, b: 0, c: 1 }, ['50', '0', '50']],
    [{ a: 0, b: 0 }, ['0', '0']],
  ] as Array<[Record<string, number>, string[]]>)('%j → %j', (counts, texts) => {
    expect(Object.values(shares(counts)).map((s) => s.text)).toEqual(texts);
  });

  it('gives exact values summing to 100, texts within half a point of them, and equal counts equal texts (3,000 random records)', () => {
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
      const values = Object.values(got).map((s) => s.value);
      expect(total === 0 ? values.every((v) => v === 0) : Math.abs(values.reduce((a, b) => a + b, 0) - 100) < 1e-9).toBe(true);
      for (const [k, s] of Object.entries(got)) {
        expect(Math.abs(Number(s.text) - s.value), JSON.stringify(counts)).toBeLessThanOrEqual(0.5);
        expect(s.value).toBeCloseTo(total ? (counts[k]! * 100) / total : 0, 9);
        for (const [k2, s2] of Object.entries(got)) if (counts[k2] === counts[k]) expect(s2.text).toBe(s.text);
      }
    }
  });
});
