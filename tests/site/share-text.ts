/**
 * Reads a share as the site shows it ("67", "33⅓", "14²⁄₇") back into an exact fraction, so tests can check that the
 * parts shown together sum to exactly 100 (not 99.99…).
 */
const GLYPHS: Record<string, [number, number]> = {
  '½': [1, 2], '⅓': [1, 3], '⅔': [2, 3], '¼': [1, 4], '¾': [3, 4], '⅕': [1, 5], '⅖': [2, 5], '⅗': [3, 5], '⅘': [4, 5],
  '⅙': [1, 6], '⅚': [5, 6], '⅐': [1, 7], '⅛': [1, 8], '⅜': [3, 8], '⅝': [5, 8], '⅞': [7, 8], '⅑': [1, 9], '⅒': [1, 10],
};
const SUP = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const SUB = '₀₁₂₃₄₅₆₇₈₉';

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** [numerator, denominator] of a shown share; throws on text that is not one. */
export function parseShare(text: string): [number, number] {
  const m = /^(\d+)(?:([½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒])|([⁰¹²³⁴⁵⁶⁷⁸⁹]+)⁄([₀₁₂₃₄₅₆₇₈₉]+))?$/u.exec(text);
  if (!m) throw new Error(`not a share: ${JSON.stringify(text)}`);
  const whole = Number(m[1]);
  const digits = (s: string, set: string): number => Number([...s].map((c) => set.indexOf(c)).join(''));
  const [n, d] = m[2] ? GLYPHS[m[2]]! : m[3] ? [digits(m[3], SUP), digits(m[4]!, SUB)] : [0, 1];
  return [whole * d + n, d];
}

/** The exact sum of shown shares, as [numerator, denominator] reduced. */
export function sumShares(texts: string[]): [number, number] {
  let [num, den] = [0, 1];
  for (const t of texts) {
    const [n, d] = parseShare(t);
    [num, den] = [num * d + n * den, den * d];
    const g = gcd(num, den);
    [num, den] = [num / g, den / g];
  }
  return [num, den];
}
