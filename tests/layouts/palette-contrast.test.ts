/**
 * The bias colours of src/layouts/global.css against the page, light and dark: every colour drawn as a graphic (the
 * bias bar's segments and its unrated track, the legend swatches, the timeline's bars) needs 3:1 against the
 * backgrounds it sits on (WCAG 2.x 1.4.11 Non-text Contrast), the text on a Center segment or tag 4.5:1 (1.4.3), and
 * Unrated must not pass for Center. Ratios from the WCAG 2.x relative luminance formula.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers';

const css = readFileSync(path.join(ROOT, 'src', 'layouts', 'global.css'), 'utf8');

/** The custom properties (`--name: #rrggbb`) declared in a block of CSS. */
function customProperties(block: string): Record<string, string> {
  return Object.fromEntries([...block.matchAll(/--([a-z-]+):\s*(#[0-9a-fA-F]{6})\s*;/g)].map((m) => [m[1]!, m[2]!.toLowerCase()]));
}

/** The first `:root { … }` block after `from` in the stylesheet (custom properties hold no braces). */
function rootBlock(from: number): string {
  const start = css.indexOf(':root', from);
  return css.slice(css.indexOf('{', start) + 1, css.indexOf('}', start));
}

const light = customProperties(rootBlock(0));
const dark = { ...light, ...customProperties(rootBlock(css.indexOf('@media (prefers-color-scheme: dark)'))) };

/** WCAG 2.x relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2.x contrast ratio of two colours (1 to 21). */
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Which custom property a graphic's colour comes from, read from the rule (at a line's start) that draws it. */
function fillOf(selector: string): string {
  const at = css.indexOf(`\n${selector} {`);
  const rule = at < 0 ? '' : css.slice(at, css.indexOf('}', at));
  const m = /(?:fill|background):\s*var\(--([a-z-]+)\)/.exec(rule);
  if (!m) throw new Error(`no colour for ${selector}`);
  return m[1]!;
}

describe('the formula', () => {
  it('gives the WCAG reference values', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrast('#ffffff', '#ffffff')).toBe(1);
  });
});

describe.each([
  ['light', light],
  ['dark', dark],
] as const)('bias colours in %s mode', (_mode, p) => {
  // The bar's track (the unrated share), the legend swatches and the timeline's bars, by the rules that draw them.
  const graphics = {
    'bar Left': fillOf('.seg-left'),
    'bar Center': fillOf('.seg-center'),
    'bar Right': fillOf('.seg-right'),
    'bar Unrated': fillOf('.biasbar'),
    'legend Left': fillOf('.bias-legend .left::before'),
    'legend Center': fillOf('.bias-legend .center::before'),
    'legend Right': fillOf('.bias-legend .right::before'),
    'legend Unrated': fillOf('.bias-legend li::before'),
    'timeline Left': fillOf('.tl-left'),
    'timeline Center': fillOf('.tl-center'),
    'timeline Right': fillOf('.tl-right'),
    'timeline Unrated': fillOf('.tl-unrated'),
  };

  it.each(Object.entries(graphics))('%s (--%s) has at least 3:1 against the page and the coverage box', (_name, prop) => {
    const colour = p[prop]!;
    expect(contrast(colour, p.bg!), `--${prop} ${colour} on the page ${p.bg}`).toBeGreaterThanOrEqual(3);
    expect(contrast(colour, p.card!), `--${prop} ${colour} in the box ${p.card}`).toBeGreaterThanOrEqual(3);
  });

  it('Unrated and Center are told apart: their own colours, at least 2:1 from each other, in the bar, legend and timeline', () => {
    for (const where of ['bar', 'legend', 'timeline'] as const) {
      const [center, unrated] = [graphics[`${where} Center`], graphics[`${where} Unrated`]];
      expect([where, center, unrated]).toEqual([where, 'center', 'unrated']);
    }
    expect(contrast(p.center!, p.unrated!), `--center ${p.center} against --unrated ${p.unrated}`).toBeGreaterThanOrEqual(2);
  });

  it('labels on the coloured segments and tags have at least 4.5:1', () => {
    for (const side of ['left', 'center', 'right'] as const) {
      expect(contrast(p[`on-${side}`]!, p[side]!), `--on-${side} on --${side}`).toBeGreaterThanOrEqual(4.5);
    }
  });
});
