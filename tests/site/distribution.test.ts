import { describe, expect, it } from 'vitest';
import { biasDetailRows, countryName, countryRows, factualityRows, ownershipRows } from '../../src/site/distribution';

describe('factualityRows', () => {
  it('orders levels best first, unrated last, drops zeros, computes shares', () => {
    const rows = factualityRows({ unrated: 1, mixed: 1, 'very-high': 1, high: 2, low: 0, 'mostly-factual': 1 });
    // Each share rounded on its own: the four single sources show the same 17 (17 × 4 + 33 = 101; the page says the parts may not add up to 100).
    expect(rows.map((r) => [r.label, r.count, r.percent.text])).toEqual([
      ['Very high', 1, '17'],
      ['High', 2, '33'],
      ['Mostly factual', 1, '17'],
      ['Mixed', 1, '17'],
      ['Unrated', 1, '17'],
    ]);
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
  it('sorts by count, then by name, unknown last', () => {
    const rows = countryRows({ unknown: 3, DE: 1, US: 4, GB: 1, CA: 1, FR: 1 });
    expect(rows.map((r) => r.label)).toEqual(['United States', 'Canada', 'France', 'Germany', 'United Kingdom', 'Unknown']);
    expect(rows[0]?.percent).toEqual({ value: 400 / 11, text: '36' });
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
