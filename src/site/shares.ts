/**
 * The one rounding of shares for every distribution the site shows together (the Left / Center / Right split,
 * factuality, ownership, countries): the parts always sum to exactly 100 and equal counts always show equal shares.
 */

/** A part's share of a distribution, as shown. */
export interface Share {
  /** Percent of the total (for a bar's width); parts with equal counts have equal values; all parts sum to 100. */
  value: number;
  /**
   * The percent as shown, without the sign: a whole number ("67"), or a whole number and a fraction ("33⅓") when
   * parts with equal counts share what whole numbers cannot split evenly.
   */
  text: string;
}

/** Fractions with a character of their own; any other is written with superscript / subscript digits ("²⁄₇"). */
const FRACTION_GLYPH: Record<string, string> = {
  '1/2': '½', '1/3': '⅓', '2/3': '⅔', '1/4': '¼', '3/4': '¾', '1/5': '⅕', '2/5': '⅖', '3/5': '⅗', '4/5': '⅘',
  '1/6': '⅙', '5/6': '⅚', '1/7': '⅐', '1/8': '⅛', '3/8': '⅜', '5/8': '⅝', '7/8': '⅞', '1/9': '⅑', '1/10': '⅒',
};
const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const SUBSCRIPT = '₀₁₂₃₄₅₆₇₈₉';

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** Whether n/d is whole or its fraction has a character of its own (FRACTION_GLYPH). */
function hasGlyph(n: number, d: number): boolean {
  const rest = n % d;
  if (rest === 0) return true;
  const g = gcd(rest, d);
  return `${rest / g}/${d / g}` in FRACTION_GLYPH;
}

/** "33⅓" for 100/3: the whole part and the proper fraction n/d (d > 0), reduced. */
function mixedNumber(n: number, d: number): string {
  const whole = Math.floor(n / d);
  const rest = n - whole * d;
  if (rest === 0) return String(whole);
  const g = gcd(rest, d);
  const [num, den] = [rest / g, d / g];
  const digits = (x: number, set: string): string => [...String(x)].map((c) => set[Number(c)]).join('');
  return `${whole}${FRACTION_GLYPH[`${num}/${den}`] ?? `${digits(num, SUPERSCRIPT)}⁄${digits(den, SUBSCRIPT)}`}`;
}

interface Group<K> {
  count: number;
  keys: K[];
  /** The exact share is floor + rem / total percent. */
  floor: number;
  rem: number;
}

/**
 * The groups that take one point each so that exactly `points` are placed, closest to the exact shares (the largest
 * sum of size × (2·rem − total): each point placed on a part that deserved less than half a point costs accuracy),
 * or undefined when no set of whole groups adds up to `points`. A knapsack over at most `points` points; on equal
 * accuracy the groups earlier in `groups` win.
 */
function wholeGroups<K>(groups: Array<Group<K>>, points: number, total: number): { chosen: Array<Group<K>>; gain: number } | undefined {
  const best: Array<{ chosen: Array<Group<K>>; gain: number } | undefined> = [{ chosen: [], gain: 0 }];
  for (const g of groups) {
    const size = g.keys.length;
    for (let fill = points; fill >= size; fill--) {
      const from = best[fill - size];
      if (!from) continue;
      const gain = from.gain + size * (2 * g.rem - total);
      if (!best[fill] || gain > best[fill]!.gain) best[fill] = { chosen: [...from.chosen, g], gain };
    }
  }
  return best[points];
}

/**
 * Shares of `counts` in percent that sum to exactly 100, never rank parts with equal counts, and stay within a point
 * of the exact share. Like the largest-remainder method (src/core/coverage/coverage.ts `percentages`, the rounding of
 * the stored L/C/R split) every part gets its exact share rounded down and the points left go one each to parts with
 * large remainders; but parts with equal counts take them together or not at all (largest remainder alone breaks
 * ties by key order: 1/1/1 would be 34/33/33, read as a lead for the first). When no set of such groups takes exactly
 * the points left, the exact shares are shown when each is whole or a common fraction (33⅓ each for 1/1/1, 7⅐ each
 * for seven countries of one source beside one of seven, 62½ and 12½ for 5/1/1/1); otherwise one group shares some
 * points evenly (43 and 14¼ each for 3/1/1/1/1, where the exact 14²⁄₇ has no common fraction), the way closest to the
 * exact shares. All zeros when the total is 0.
 */
export function shares<K extends string>(counts: Record<K, number>): Record<K, Share> {
  const keys = Object.keys(counts) as K[];
  const total = keys.reduce((s, k) => s + counts[k], 0);
  const out = {} as Record<K, Share>;
  if (total === 0) {
    for (const k of keys) out[k] = { value: 0, text: '0' };
    return out;
  }
  const byCount = new Map<number, Group<K>>();
  for (const k of keys) {
    const c = counts[k];
    const g = byCount.get(c) ?? { count: c, keys: [], floor: Math.floor((c * 100) / total), rem: (c * 100) % total };
    g.keys.push(k);
    byCount.set(c, g);
  }
  const groups = [...byCount.values()];
  const left = 100 - groups.reduce((s, g) => s + g.floor * g.keys.length, 0);
  // Only parts short of their exact share take a point (one more on an exact part would be a whole point off).
  const candidates = groups.filter((g) => g.rem > 0).sort((a, b) => b.rem - a.rem || b.count - a.count);
  const plus = new Map<Group<K>, number>();
  const whole = wholeGroups(candidates, left, total);
  if (whole) {
    for (const g of whole.chosen) plus.set(g, 1);
  } else if (groups.every((g) => hasGlyph(g.count * 100, total))) {
    // Exact shares sum to 100 and are equal for equal counts: shown as such when each is a whole number or a common
    // fraction (62½ and 12½ for 5/1/1/1, 11⅑ and 33⅓ for 1/3/1/3/1).
    for (const g of groups) for (const k of g.keys) out[k] = { value: (g.count * 100) / total, text: mixedNumber(g.count * 100, total) };
    return Object.fromEntries(keys.map((k) => [k, out[k]])) as Record<K, Share>;
  } else {
    // A group `f` shares `r` points (0 < r < its size) and whole groups take the rest. Against the exact shares, and
    // times `total`, f's parts are off by |r·total − size·rem| instead of size·rem, and the whole groups by −gain
    // more than with no point: the smallest sum wins. One always exists: add whole groups while they fit; the first
    // that does not fit is larger than what is left.
    let pick: { f: Group<K>; r: number; chosen: Array<Group<K>>; error: number } | undefined;
    for (const f of candidates) {
      const size = f.keys.length;
      const others = candidates.filter((g) => g !== f);
      for (let r = 1; r < size && r <= left; r++) {
        const w = wholeGroups(others, left - r, total);
        if (!w) continue;
        const error = Math.abs(r * total - size * f.rem) - size * f.rem - w.gain;
        if (!pick || error < pick.error) pick = { f, r, chosen: w.chosen, error };
      }
    }
    for (const g of pick!.chosen) plus.set(g, 1);
    plus.set(pick!.f, pick!.r / pick!.f.keys.length);
  }
  for (const g of groups) {
    const size = g.keys.length;
    const p = plus.get(g) ?? 0;
    const share = Number.isInteger(p)
      ? { value: g.floor + p, text: String(g.floor + p) }
      : { value: g.floor + p, text: mixedNumber(g.floor * size + Math.round(p * size), size) };
    for (const k of g.keys) out[k] = share;
  }
  // Keys in their input order.
  return Object.fromEntries(keys.map((k) => [k, out[k]])) as Record<K, Share>;
}
