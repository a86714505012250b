import { describe, expect, it } from 'vitest';
import { deepStripControl, plural, stripControl, truncate } from '../../src/site/text';

describe('stripControl', () => {
  it.each([
    ['conservatives demanded\u0007, according to', 'conservatives demanded, according to'],
    ['tab\tnew\nline\rkept', 'tab\tnew\nline\rkept'],
    ['\u0000\u0008\u000B\u000C\u000E\u001F', ''],
    ['bad \uFFFE\uFFFF end', 'bad  end'],
    ['lone \uD800 high and \uDC00 low', 'lone  high and  low'],
    ['emoji 📰 kept', 'emoji 📰 kept'],
    ['Re: Budget talks: what "changed" #2 & the <script>', 'Re: Budget talks: what "changed" #2 & the <script>'],
  ])('%j → %j', (input, expected) => {
    expect(stripControl(input)).toBe(expected);
  });
});

describe('deepStripControl', () => {
  it('cleans every string in nested objects and arrays, leaving other values alone', () => {
    const input = { title: 'a\u0001b', n: 3, nil: null, list: [{ excerpt: 'x\u0007y' }, 'z\u0002'] };
    expect(deepStripControl(input)).toEqual({ title: 'ab', n: 3, nil: null, list: [{ excerpt: 'xy' }, 'z'] });
    expect(input.title).toBe('a\u0001b');
  });
});

describe('plural', () => {
  it.each([
    [1, 'source', '1 source'],
    [2, 'source', '2 sources'],
    [0, 'article', '0 articles'],
  ])('%i %s', (n, word, expected) => {
    expect(plural(n, word)).toBe(expected);
  });
});

describe('truncate', () => {
  it('keeps short text (trimmed)', () => {
    expect(truncate('  Key dates from the first proposal.  ')).toBe('Key dates from the first proposal.');
  });
  it('cuts long text at a word boundary with an ellipsis', () => {
    expect(truncate('Negotiators returned to the table on Tuesday', 24)).toBe('Negotiators returned…');
    expect(truncate('Negotiators returned to the table on Tuesday', 30)).toBe('Negotiators returned to the…');
  });
  it('cuts inside a word when the last space would lose over 40% of the room, never splitting an astral character', () => {
    expect(truncate('Negotiators returned to the table on Tuesday', 20)).toBe('Negotiators returne…');
    expect(truncate('abcdefghijklmnopqrstuvwxyz', 10)).toBe('abcdefghi…');
    expect(truncate('📰📰📰📰📰📰', 4)).toBe('📰📰📰…');
  });
  it('never exceeds the limit', () => {
    const long = 'word '.repeat(200);
    expect(Array.from(truncate(long)).length).toBeLessThanOrEqual(320);
  });
});
