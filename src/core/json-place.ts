/**
 * Where JSON.parse stopped in a text, as an editor finds it: line and column (both from 1; the column counts
 * characters, code points, from the line's start). Node 20's message gives only "at position N" (a UTF-16 offset),
 * and none at all for "Unexpected end of JSON input" (the end of the text); Node 22's already names the line and
 * column. Pure.
 */
export function jsonErrorPlace(text: string, message: string): { line: number; column: number } | null {
  const lc = /\(line (\d+) column (\d+)\)/.exec(message);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const at = /at position (\d+)/.exec(message);
  const offset = at ? Math.min(Number(at[1]), text.length) : /end of JSON input/.test(message) ? text.length : null;
  if (offset === null) return null;
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: Array.from(before.slice(lineStart)).length + 1 };
}
