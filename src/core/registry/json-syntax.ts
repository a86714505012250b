/**
 * Reading a hand-edited JSON file the way its editor needs: a UTF-8 byte-order mark (Notepad writes one) is dropped,
 * and a syntax error is named by line and column with the text around it. JSON.parse says neither: Node 20 gives
 * `Unexpected token ']', "[1,]" is not valid JSON` for a trailing comma, with no position at all.
 */

/** U+FEFF, the byte-order mark: RFC 8259 §8.1 lets a parser ignore one at the start of a JSON text. */
const BOM = '\uFEFF';

/** Characters of the offending line shown on each side of the error. */
const EXCERPT_SIDE = 30;

/** Where a JSON text stops being JSON. */
export interface JsonSyntaxError {
  /** 1-based line. */
  line: number;
  /** 1-based column, in UTF-16 code units from the line's start (after a dropped byte-order mark). */
  column: number;
  /** What is wrong there, e.g. 'a comma before "}": JSON allows no trailing comma'. */
  message: string;
  /** The offending line around the column, trimmed, at most 2 × EXCERPT_SIDE characters. */
  excerpt: string;
}

export type JsonParse = { ok: true; value: unknown } | { ok: false; error: JsonSyntaxError };

/** `text` without a leading byte-order mark (RFC 8259 §8.1). */
export function stripBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(BOM.length) : text;
}

class Stop {
  constructor(
    readonly at: number,
    readonly message: string,
  ) {}
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

/**
 * Offset and description of the first place where `text` breaks the JSON grammar (RFC 8259 §2–7), or null when it
 * is JSON. A small recursive scanner, used only after JSON.parse has refused the text. Never throws.
 */
function firstError(text: string): { at: number; message: string } | null {
  let i = 0;
  const found = (at: number): string => (at >= text.length ? 'the end of the file' : JSON.stringify(text[at]));
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const string = (): void => {
    const open = i++;
    for (;;) {
      if (i >= text.length) throw new Stop(open, 'a string that is never closed (a missing ")');
      const c = text.charCodeAt(i);
      if (c === 0x22) break;
      if (c < 0x20) throw new Stop(i, 'a line break or control character inside a string (write it as \\n, \\t or \\u00XX)');
      if (c === 0x5c) {
        ESCAPE.lastIndex = i;
        if (!ESCAPE.test(text)) throw new Stop(i, 'an unknown escape in a string (a backslash is written \\\\)');
        i = ESCAPE.lastIndex;
      } else i++;
    }
    i++;
  };
  const list = (close: '}' | ']', item: () => void): void => {
    i++;
    ws();
    if (text[i] === close) {
      i++;
      return;
    }
    for (;;) {
      item();
      ws();
      if (text[i] === close) {
        i++;
        return;
      }
      if (text[i] !== ',') throw new Stop(i, `expected "," or "${close}", found ${found(i)}`);
      const comma = i++;
      ws();
      if (text[i] === '}' || text[i] === ']') throw new Stop(comma, `a comma before "${text[i]}": JSON allows no trailing comma`);
    }
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      list('}', () => {
        ws();
        if (text[i] !== '"') throw new Stop(i, `expected a key in double quotes, found ${found(i)}`);
        string();
        ws();
        if (text[i] !== ':') throw new Stop(i, `expected ":" after the key, found ${found(i)}`);
        i++;
        value();
      });
    } else if (c === '[') list(']', value);
    else if (c === '"') string();
    else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
      NUMBER.lastIndex = i;
      if (!NUMBER.test(text)) throw new Stop(i, 'a number that is not written as JSON writes one');
      i = NUMBER.lastIndex;
    } else {
      const word = /^(true|false|null)\b/.exec(text.slice(i, i + 6))?.[1];
      if (word === undefined) {
        const why = c === "'" ? ' (JSON strings take double quotes)' : c === '/' ? ' (JSON has no comments)' : '';
        throw new Stop(i, `expected a value, found ${found(i)}${why}`);
      }
      i += word.length;
    }
  };
  try {
    value();
    ws();
    if (i < text.length) throw new Stop(i, `more after the end of the JSON value: ${found(i)}`);
    return null;
  } catch (error) {
    if (error instanceof Stop) return { at: error.at, message: error.message };
    return null; // nested too deep for the stack: the caller falls back to JSON.parse's message
  }
}

/** Line, column and excerpt of character offset `at` in `text`. */
function locate(text: string, at: number, message: string): JsonSyntaxError {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const end = text.indexOf('\n', at);
  const lineText = text.slice(start, end < 0 ? text.length : end).replace(/\r$/, '');
  const column = at - start + 1;
  const excerpt = lineText.slice(Math.max(0, column - 1 - EXCERPT_SIDE), column - 1 + EXCERPT_SIDE).trim();
  return { line: text.slice(0, start).split('\n').length, column, message, excerpt };
}

/**
 * Parses a JSON text (RFC 8259) after dropping a leading byte-order mark. On a syntax error, says where: the first
 * offending character's line and column, what is wrong and the line's text around it; when the scanner and
 * JSON.parse disagree, JSON.parse's message with the position it gives (or line 1). Never throws.
 */
export function parseJson(text: string): JsonParse {
  const body = stripBom(text);
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch (error) {
    const found = firstError(body);
    if (found) return { ok: false, error: locate(body, found.at, found.message) };
    const message = error instanceof Error ? error.message : String(error);
    const pos = /position (\d+)/.exec(message);
    return { ok: false, error: locate(body, pos ? Number(pos[1]) : 0, message) };
  }
}

/** What is wrong and the text around it, for a message that gives the line and column itself: 'a comma before "}": JSON allows no trailing comma, at `"a",}`'. */
export function describeJsonError(error: JsonSyntaxError): string {
  return `${error.message}${error.excerpt ? `, at \`${error.excerpt}\`` : ''}`;
}
