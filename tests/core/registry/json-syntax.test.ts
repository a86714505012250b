import { describe, expect, it } from 'vitest';
import { describeJsonError, parseJson } from '../../../src/core/registry/json-syntax';

describe('parseJson', () => {
  it('drops a byte-order mark (Notepad writes one; JSON.parse had said Unexpected token \'\uFEFF\')', () => {
    expect(parseJson('\uFEFF[{"id": "a"}]')).toEqual({ ok: true, value: [{ id: 'a' }] });
  });

  // [text, line, column, message]: JSON.parse gave no position for most of these in Node 20.
  it.each([
    ['[\n  {\n    "id": "a",\n  }\n]', 3, 14, 'a comma before "}": JSON allows no trailing comma'],
    ['[1, 2,]', 1, 6, 'a comma before "]": JSON allows no trailing comma'],
    ['[\n  {"id": "a"}\n  {"id": "b"}\n]', 3, 3, 'expected "," or "]", found "{"'],
    ['[{"id": \'a\'}]', 1, 9, 'expected a value, found "\'" (JSON strings take double quotes)'],
    ['[{id: "a"}]', 1, 3, 'expected a key in double quotes, found "i"'],
    ['[{"id" "a"}]', 1, 8, 'expected ":" after the key, found "\\""'],
    ['[{"id": "a"}', 1, 13, 'expected "," or "]", found the end of the file'],
    ['[{"id": "a\nb"}]', 1, 11, 'a line break or control character inside a string (write it as \\n, \\t or \\u00XX)'],
    ['[{"id": "a\\x"}]', 1, 11, 'an unknown escape in a string (a backslash is written \\\\)'],
    ['[01]', 1, 3, 'expected "," or "]", found "1"'],
    ['[] []', 1, 4, 'more after the end of the JSON value: "["'],
    ['', 1, 1, 'expected a value, found the end of the file'],
    ['// sources\n[]', 1, 1, 'expected a value, found "/" (JSON has no comments)'],
    ['\uFEFF[1,]', 1, 3, 'a comma before "]": JSON allows no trailing comma'],
  ])('%j: line %i, column %i', (text, line, column, message) => {
    const r = parseJson(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect([r.error.line, r.error.column, r.error.message]).toEqual([line, column, message]);
  });

  it('shows the offending line around the column', () => {
    const r = parseJson(`[\n  {"id": "a", "name": "${'x'.repeat(60)}", "feeds": [],}\n]`);
    expect(r.ok ? '' : describeJsonError(r.error)).toBe('a comma before "}": JSON allows no trailing comma, at `xxxxxxxxxxxxxxxx", "feeds": [],}`');
  });
});
