/**
 * Line numbers of the values in a JSON text, by path ("3.feeds.0.url" = element 3, key feeds, element 0, key url),
 * so a check can say which line to fix. A small scanner over the text JSON.parse already accepted; it never throws
 * (on malformed input it returns what it found so far).
 */

/** Path → 1-based line of the value's first character (for an object key, the line of the value). */
export type LineMap = ReadonlyMap<string, number>;

export function jsonLines(text: string): LineMap {
  const out = new Map<string, number>();
  let i = 0;
  let line = 1;
  const skipWs = (): void => {
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 10) line++;
      else if (c !== 32 && c !== 9 && c !== 13) break;
      i++;
    }
  };
  const readString = (): string => {
    const start = i;
    i++; // opening quote
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i++;
      i++;
    }
    i++;
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      return text.slice(start + 1, i - 1);
    }
  };
  const value = (path: string): void => {
    skipWs();
    out.set(path, line);
    const c = text[i];
    const prefix = path === '' ? '' : `${path}.`;
    if (c === '{') {
      i++;
      skipWs();
      if (text[i] === '}') {
        i++;
        return;
      }
      while (i < text.length) {
        skipWs();
        if (text[i] !== '"') return;
        const key = readString();
        skipWs();
        if (text[i] !== ':') return;
        i++;
        value(prefix + key);
        skipWs();
        if (text[i] === ',') i++;
        else {
          if (text[i] === '}') i++;
          return;
        }
      }
    } else if (c === '[') {
      i++;
      skipWs();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (let n = 0; i < text.length; n++) {
        value(prefix + n);
        skipWs();
        if (text[i] === ',') i++;
        else {
          if (text[i] === ']') i++;
          return;
        }
      }
    } else if (c === '"') {
      readString();
    } else {
      while (i < text.length && !/[\s,\]}]/.test(text[i]!)) i++;
    }
  };
  value('');
  return out;
}

/** The line of `path`, or of its nearest ancestor that has one (1 when none). */
export function lineOf(lines: LineMap, path: ReadonlyArray<string | number>): number {
  for (let n = path.length; n >= 0; n--) {
    const l = lines.get(path.slice(0, n).join('.'));
    if (l !== undefined) return l;
  }
  return 1;
}

/** JSON.parse that never throws: the value, or a message naming why the text is not JSON (for import reports). */
export function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, error: `not JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
}
