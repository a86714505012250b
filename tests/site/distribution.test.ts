import { describe, expect, it } from 'vitest';
import { biasDetailRows, countryName, countryRows, factualityRows, ownershipRows } from '../../src/site/distribution';

describe('factualityRows', () => {
  it('orders levels best first, unrated last, drops zeros, computes shares', () => {
    const rows = factualityRows({ unrated: 1, mixed: 1, 'very-high': 1, high: 2, low: 0, 'mostly-factual': 1 });
    // Sixths: no whole numbers give the four single sources equal shares summing to 100 with High's (Math.round had
    // shown 17 × 4 + 33 = 101), so the exact shares are shown.
    expect(rows.map((r) => [r.label, r.count, r.percent.text])).toEqual([
      ['Very high', 1, '16⅔'],
      ['High', 2, '33⅓'],
      ['Mostly factual', 1, '16⅔'],
      ['Mixed', 1, '16⅔'],
      ['Unrated', 1, '16⅔'],
    ]);
  });
  it('uses whole numbers when they can sum to 100 with equal counts shown equally', () => {
    expect(factualityRows({ high: 4, 'mostly-factual': 1, unrated: 1 }).map((r) => r.percent.text)).toEqual(['66', '17', '17']);
  });
  it('is empty for an empty record', () => {
    expect(factualityRows({})).toEqual([]);
  });
});

describe('ownershipRows', () => {
  it('follows the schema order', () => {
    const rows = ownershipRows({ 'public-broadcaster': 1, corporation: 1, billionaire: 1, 'private-equity': 1 });
    expect(rows.map((r) => r.label)).toEqual(['Corporation', 'Private equity', 'Billionaire', 'Public broadcaster']);
  });
});

describe('biasDetailRows', () => {
  it('goes left to right', () => {
    expect(biasDetailRows({ right: 1, unrated: 2, 'lean-left': 1, center: 1 }).map((r) => r.key)).toEqual([
      'lean-left',
      'center',
      'right',
      'unrated',
    ]);
  });
});

describe('countryRows / countryName', () => {
  it('sorts by count, then code, unknown last', () => {
    const rows = countryRows({ unknown: 3, DE: 1, US: 4, GB: 1, CA: 1 });
    expect(rows.map((r) => r.label)).toEqual(['United States', 'Canada', 'Germany', 'United Kingdom', 'Unknown']);
    expect(rows[0]?.percent).toEqual({ value: 40, text: '40' });
  });
  it.each([
    ['GB', 'United Kingdom'],
    ['de', 'Germany'],
    ['unknown', 'Unknown'],
    [null, 'Unknown'],
  ])('%j → %s', (code, name) => {
    expect(countryName(code)).toBe(name);
  });
});
