/**
 * Reading a hand-edited JSON file the way its editor needs: a UTF-8 byte-order mark (Notepad writes one) is dropped,
 * and a syntax error is named by line and column with the text around it. JSON.parse says neither: Node 20 gives
 * `Unexpected token ']', "[1,]" is not valid JSON` for a trailing comma, with no position at all. The grammar is
 * jsonc-parser's (VS Code's JSON scanner, with comments and trailing commas turned off); the wording is ours.
 */

import { printParseErrorCode, visit } from 'jsonc-parser';

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

/** An escape that JSON does not have (RFC 8259 §7), from a backslash on. */
const BAD_ESCAPE = /\\(?!["\\/bfnrt]|u[0-9a-fA-F]{4})/g;

/**
 * Offset and description of the first place where `text` breaks the JSON grammar (RFC 8259), or null when it is
 * JSON: the first error of jsonc-parser's scanner (comments and trailing commas disallowed, as in JSON), worded for
 * the person who must mend the file. Used only after JSON.parse has refused the text. Never throws.
 */
function firstError(text: string): { at: number; message: string } | null {
  const found = (at: number): string => (at >= text.length ? 'the end of the file' : JSON.stringify(text[at]));
  const errors: Array<{ code: string; at: number; length: number; closer: string | undefined }> = [];
  const closers: string[] = [];
  try {
    visit(
      text,
      {
        onObjectBegin: () => void closers.push('}'),
        onArrayBegin: () => void closers.push(']'),
        onObjectEnd: () => void closers.pop(),
        onArrayEnd: () => void closers.pop(),
        onError: (code, at, length) => void errors.push({ code: printParseErrorCode(code), at, length, closer: closers.at(-1) }),
      },
      { disallowComments: true, allowTrailingComma: false },
    );
  } catch {
    return null; // nested too deep for the stack: the caller falls back to JSON.parse's message
  }
  const first = errors[0];
  if (!first) return null;
  const { code, at, length } = first;
  let before = at - 1;
  while (before >= 0 && ' \t\n\r'.includes(text[before]!)) before--;
  if ((code === 'PropertyNameExpected' || code === 'ValueExpected') && text[before] === ',' && (text[at] === '}' || text[at] === ']')) {
    return { at: before, message: `a comma before "${text[at]}": JSON allows no trailing comma` };
  }
  switch (code) {
    case 'InvalidSymbol':
      // A key is expected where the next error asks for a property name ({id: …}); else a value ({'a'}).
      if (errors[1]?.code === 'PropertyNameExpected') return { at, message: `expected a key in double quotes, found ${found(at)}` };
      return { at, message: `expected a value, found ${found(at)}${text[at] === "'" ? ' (JSON strings take double quotes)' : ''}` };
    case 'InvalidCommentToken':
      return { at, message: `expected a value, found ${found(at)} (JSON has no comments)` };
    case 'ValueExpected':
      return { at, message: `expected a value, found ${found(at)}` };
    case 'PropertyNameExpected':
      return { at, message: `expected a key in double quotes, found ${found(at)}` };
    case 'ColonExpected':
      return { at, message: `expected ":" after the key, found ${found(at)}` };
    case 'CommaExpected':
    case 'CloseBraceExpected':
    case 'CloseBracketExpected': {
      const closer = code === 'CloseBraceExpected' ? '}' : code === 'CloseBracketExpected' ? ']' : first.closer ?? ']';
      return { at, message: `expected "," or "${closer}", found ${found(at)}` };
    }
    case 'EndOfFileExpected':
      return { at, message: `more after the end of the JSON value: ${found(at)}` };
    case 'UnexpectedEndOfString':
      // The string token runs to the character that ended it: a line break (or another control character), or the end.
      return at + length < text.length
        ? { at: at + length, message: 'a line break or control character inside a string (write it as \\n, \\t or \\u00XX)' }
        : { at, message: 'a string that is never closed (a missing ")' };
    case 'InvalidCharacter':
      return { at, message: 'a line break or control character inside a string (write it as \\n, \\t or \\u00XX)' };
    case 'InvalidEscapeCharacter':
    case 'InvalidUnicode': {
      BAD_ESCAPE.lastIndex = at;
      const escape = BAD_ESCAPE.exec(text);
      return { at: escape && escape.index < at + length ? escape.index : at, message: 'an unknown escape in a string (a backslash is written \\\\)' };
    }
    default:
      return { at, message: `a number that is not written as JSON writes one` };
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
