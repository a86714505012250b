/**
 * Text hygiene for output: characters XML 1.0 forbids (C0 controls other than tab/LF/CR, U+FFFE, U+FFFF and
 * unpaired surrogates) are removed from every text before it reaches the RSS feed or the HTML.
 */
import { truncateText } from '../core/feed/clean-text';

// eslint-disable-next-line no-control-regex
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Remove XML-illegal characters; everything else (including emoji and astral characters) is kept. */
export function stripControl(text: string): string {
  return text.replace(XML_ILLEGAL, '');
}

/** Apply `stripControl` to every string inside a JSON-like value (objects, arrays), returning a copy. */
export function deepStripControl<T>(value: T): T {
  if (typeof value === 'string') return stripControl(value) as T;
  if (Array.isArray(value)) return value.map((v) => deepStripControl(v)) as T;
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = deepStripControl(v);
    return out as T;
  }
  return value;
}

/** "1 source", "2 sources". */
export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : pluralForm}`;
}

/**
 * Longest text `truncate` lets through by default. Stored excerpts are already cut at EXCERPT_MAX_CHARS (240,
 * src/core/config.ts); this guard, a little above it, is so a pipeline bug can never put full article text on a page.
 */
export const EXCERPT_GUARD_CHARS = 320;

/** Cut `text` (trimmed) to at most `max` characters at a word boundary when possible, marking the cut with "…". */
export function truncate(text: string, max = EXCERPT_GUARD_CHARS): string {
  return truncateText(text.trim(), max);
}
