/**
 * The overrides file's story corrections (src/core/schema/overrides.ts, src/core/overrides/overrides.ts): pinned
 * headlines cleaned and bounded, every schema problem listed at once with its place, and warnings for entries that
 * conflict with another or do nothing.
 */
import { describe, expect, it } from 'vitest';
import { TITLE_MAX_CHARS } from '../../../src/core/config';
import {
  conflictingStoryOverrides,
  indexTakedowns,
  overrideWarningLine,
  parseOverrides,
  replacedArticleOverrides,
  separatedSplits,
  sortOverrideWarnings,
  takedownLog,
  takedownOf,
  unmatchedStoryOverrides,
} from '../../../src/core/overrides/overrides';

const why = { reason: 'r' };
const headline = (title: string) => ({ version: 1, stories: { headline: [{ storyId: 's', title, ...why }] } });

describe('pinned headlines', () => {
  it.each([
    ['whitespace and line breaks collapsed, ends trimmed', '  Iceland   evacuates\n Grindavík  ', 'Iceland evacuates Grindavík'],
    ['zero-width and bidi controls removed, as from a feed title', '\u200bIceland\u202e evacuates\u2069 Grindavík', 'Iceland evacuates Grindavík'],
    ['a title at the limit kept whole', 'x'.repeat(TITLE_MAX_CHARS), 'x'.repeat(TITLE_MAX_CHARS)],
  ])('%s', (_label, title, want) => {
    expect(parseOverrides(headline(title)).stories.headline[0]!.title).toBe(want);
  });

  it.each([
    ['"   " (had been pinned: a row with no headline, a page titled "· Parallax")', '   ', 'a headline cannot be empty or only whitespace'],
    ['"" ', '', 'a headline cannot be empty or only whitespace'],
    ['only a zero-width space and a tab', '\u200b\t', 'a headline cannot be empty or only whitespace'],
    ['530 characters (had been accepted)', 'y'.repeat(530), `a headline has at most ${TITLE_MAX_CHARS} characters (TITLE_MAX_CHARS, as feed titles); this one has 530`],
  ])('refuses %s', (_label, title, message) => {
    expect(() => parseOverrides(headline(title), 'overrides.json')).toThrow(`overrides.json: invalid overrides (1 problem; nothing was applied):\n  stories.headline[0].title: ${message}`);
  });
});

describe('parseOverrides', () => {
  it('lists every problem at once, each with its place (only the first had been said)', () => {
    expect(() =>
      parseOverrides({
        version: 1,
        stories: {
          split: [{ articleId: 'a' }, { articleId: 'b', articleIds: ['c'], ...why }, { articleIds: ['d'], articleId: 'e' }],
          merge: [{ storyIds: ['x'], ...why }],
          headline: [{ storyId: 's', title: '', ...why }],
        },
        takedowns: [{ kind: 'source', reason: 'x' }, { kind: 'article', reason: '' }, { url: 'https://x.test/a', reason: 'x' }, { kind: 'page', reason: 'x' }],
      }),
    ).toThrow(
      [
        'overrides.json: invalid overrides (11 problems; nothing was applied):',
        '  stories.split[0].reason: Required',
        '  stories.split[1]: a split names exactly one of articleId or articleIds',
        // a rule zod checks only once the entry's fields are valid is said beside the entry's other problems (it had
        // been said only on the next try)
        '  stories.split[2].reason: Required',
        '  stories.split[2]: a split names exactly one of articleId or articleIds',
        '  stories.merge[0].storyIds: Array must contain at least 2 element(s)',
        '  stories.headline[0].title: a headline cannot be empty or only whitespace',
        '  takedowns[0].sourceId: Required',
        '  takedowns[1].reason: String must contain at least 1 character(s)',
        '  takedowns[1]: an article takedown names exactly one of url or articleId',
        // no kind, or one that is none: said (it had been "Invalid input")
        '  takedowns[2].kind: must be "article" or "source"',
        '  takedowns[3].kind: must be "article" or "source"',
      ].join('\n'),
    );
  });

  it('reads a file of thousands of bad entries in linear time and lists the first 100 problems', () => {
    // A hostile trial's 5,000 `{}` splits had taken 48 s (each entry's check walked every issue found): 20,000 would
    // take many minutes, far past the test's timeout.
    let message = '';
    try {
      parseOverrides({ version: 1, stories: { split: Array(20_000).fill({}) } });
    } catch (error) {
      message = (error as Error).message;
    }
    const lines = message.split('\n');
    expect(lines[0]).toBe('overrides.json: invalid overrides (40000 problems; nothing was applied):');
    expect(lines.slice(1, 3)).toEqual(['  stories.split[0].reason: Required', '  stories.split[0]: a split names exactly one of articleId or articleIds']);
    expect(lines).toHaveLength(102);
    expect(lines[101]).toBe('  … and 39900 more');
  });

  it('says what a takedown entry that is no object is (it had been "Invalid input")', () => {
    expect(() => parseOverrides({ version: 1, takedowns: [null, 5, 'x', []] })).toThrow(
      [
        'overrides.json: invalid overrides (4 problems; nothing was applied):',
        '  takedowns[0]: Expected object, received null',
        '  takedowns[1]: Expected object, received number',
        '  takedowns[2]: Expected object, received string',
        '  takedowns[3]: Expected object, received array',
      ].join('\n'),
    );
  });

  it('keeps the single-article split form and reads the several-article one', () => {
    const o = parseOverrides({ version: 1, stories: { split: [{ articleId: 'a', ...why }, { articleIds: ['b', 'c'], ...why }] } });
    expect(o.stories.split).toEqual([
      { articleId: 'a', ...why },
      { articleIds: ['b', 'c'], ...why },
    ]);
  });
});

describe('conflictingStoryOverrides', () => {
  const lines = (raw: object, redirects: Record<string, string> = {}, index: Record<string, string> = {}, separated: string[] = []) =>
    sortOverrideWarnings(conflictingStoryOverrides(parseOverrides({ version: 1, stories: raw }), redirects, { index, separated: new Set(separated) })).map(overrideWarningLine);

  it('warns of a second headline for one story; the first wins', () => {
    expect(lines({ headline: [{ storyId: 's', title: 'One', ...why }, { storyId: 't', title: 'Other', ...why }, { storyId: 's', title: 'Two', ...why }] })).toEqual([
      'overrides.json stories.headline[2]: headline for story s: stories.headline[0] pins its headline already and wins; this one is ignored',
    ]);
  });

  it('warns of a headline carried over a merge that loses to the survivor’s own pin, in file order', () => {
    expect(lines({ headline: [{ storyId: 'old', title: 'Carried', ...why }, { storyId: 's', title: 'Own', ...why }] }, { old: 's' })).toEqual([
      'overrides.json stories.headline[0]: headline for story old (merged into s): stories.headline[1] pins its headline already and wins; this one is ignored',
    ]);
  });

  it('warns of a split repeated, in part or whole, and of an article named twice', () => {
    expect(
      lines({
        split: [
          { articleId: 'a', ...why },
          { articleId: 'a', ...why },
          { articleIds: ['a', 'b'], ...why },
          { articleIds: ['c', 'c'], ...why },
        ],
      }),
    ).toEqual([
      'overrides.json stories.split[1]: split of article a: article a already split out by stories.split[0], which decides; this entry does nothing',
      'overrides.json stories.split[2]: split of articles a, b: article a already split out by stories.split[0], which decides; this entry splits out the rest (b)',
      'overrides.json stories.split[3]: split of articles c: names article c twice',
    ]);
  });

  it('warns of a split whose articles are a story of their own already, unless the split made it so', () => {
    const index = { a: 'sa', b: 'sb', c: 'sb', d: 'sd', e: 'sd', f: 'sd' };
    const raw = { split: [{ articleId: 'a', ...why }, { articleIds: ['b', 'c'], ...why }, { articleIds: ['d', 'e'], ...why }] };
    expect(lines(raw, {}, index)).toEqual([
      'overrides.json stories.split[0]: split of article a: article a is already the only article of its story sa; the split takes nothing out (it only keeps them from joining other stories)',
      'overrides.json stories.split[1]: split of articles b, c: articles b, c already make up story sb on their own; the split takes nothing out (it only keeps them from joining other stories)',
    ]);
    // A merge in the same file puts story sa with sd: the split of a takes it out of that.
    expect(lines(raw, { sa: 'sd' }, index)).toHaveLength(1);
    // Splits that did their work in an earlier run (state/archive-overrides.json): no warning.
    expect(lines(raw, {}, index, ['a', 'b', 'c'])).toEqual([]);
  });

  it('warns of a merge naming the story of a split’s articles: the split keeps them apart (an operator trial’s merge “applied”, doing nothing)', () => {
    const index = { x1: 'X', x2: 'X', c: 'S2', y1: 'Y' };
    const split = [{ articleId: 'c', ...why }];
    expect(lines({ split, merge: [{ storyIds: ['X', 'S2'], ...why }] }, {}, index, ['c'])).toEqual([
      'overrides.json stories.merge[0]: merge of X, S2: story S2 is the split-out articles of stories.split[0], which keeps them apart; not merged (to put them back, take the split out of overrides.json)',
    ]);
    const [w] = conflictingStoryOverrides(parseOverrides({ version: 1, stories: { split, merge: [{ storyIds: ['X', 'S2'], ...why }] } }), {}, { index, separated: new Set(['c']) });
    expect(w!.inert).toBe(true);
    // with a third story, the other two still merge: not inert
    const [w3] = conflictingStoryOverrides(parseOverrides({ version: 1, stories: { split, merge: [{ storyIds: ['X', 'S2', 'Y'], ...why }] } }), {}, { index, separated: new Set(['c']) });
    expect(w3!.inert).toBe(false);
    // a story with other articles besides the split-out one is merged as asked
    expect(lines({ split, merge: [{ storyIds: ['X', 'Y'], ...why }] }, {}, { ...index, c: 'X' })).toEqual([]);
  });

  it('warns of a merge of a story with itself, and of a story named twice', () => {
    expect(lines({ merge: [{ storyIds: ['x', 'x'], ...why }, { storyIds: ['x', 'y', 'x'], ...why }] })).toEqual([
      'overrides.json stories.merge[0]: merge of story x with itself: nothing to merge; name two or more different stories',
      'overrides.json stories.merge[1]: merge of x, y, x: names story x twice',
    ]);
  });
});

describe('unmatchedStoryOverrides', () => {
  it('names the unknown ids once, and leaves a self-merge to the conflicts (it had said "no story has the id X, X")', () => {
    const o = parseOverrides({
      version: 1,
      stories: { merge: [{ storyIds: ['gone', 'gone'], ...why }, { storyIds: ['x', 'nope', 'nope'], ...why }], split: [{ articleIds: ['a', 'zz'], ...why }] },
    });
    expect(unmatchedStoryOverrides(o, new Set(['a']), new Set(['x'])).map(overrideWarningLine)).toEqual([
      'overrides.json stories.split[0]: split of articles a, zz: no article stored so far has the id zz; the others are split out together; it applies to those if they arrive',
      'overrides.json stories.merge[1]: merge of x, nope: no story has the id nope; nothing was merged',
    ]);
  });
});

describe('separatedSplits', () => {
  const o = parseOverrides({ version: 1, stories: { split: [{ articleId: 'a', ...why }, { articleIds: ['b', 'c'], ...why }, { articleId: 'n', ...why }, { articleId: 'l', ...why }] } });
  it('records the splits that take articles out of a story with others, or whose article arrived with the split in place', () => {
    const index = { a: 's1', x: 's1', b: 's2', c: 's3', l: 's4' };
    expect(separatedSplits(o, index, {}, new Set(), new Set(['n', 'a', 'b', 'c', 'l']), ['old'])).toEqual(['a', 'b', 'c', 'n']);
  });
});

describe('takedowns by page', () => {
  it('a URL takedown also removes the page read again under another form of its link (a hostile trial had it back)', () => {
    const idx = indexTakedowns(parseOverrides({ version: 1, takedowns: [{ kind: 'article', url: 'http://www.bbcx.test/news/uk-123', reason: 'legal' }] }));
    const at = (url: string) => takedownOf(idx, { id: 'freshid', sourceId: 'bbcx', url });
    expect(at('https://www.bbcx.test/news/uk-123?at_medium=RSS&at_campaign=KARANGA')?.reason).toBe('legal');
    expect(at('https://bbcx.test/news/uk-123/amp')?.reason).toBe('legal');
    expect(at('https://www.bbcx.test/news/uk-124')).toBeUndefined();
    expect(takedownOf(idx, { id: 'freshid', sourceId: 'bbcx' })).toBeUndefined();
  });

  it("matches the address a person pastes, without the feed's own marker (an operator trial's takedown of Al Jazeera's page had matched nothing)", () => {
    const page = 'https://www.aljazeera.com/news/2023/11/13/gazas-two-biggest-hospitals-cease-operations';
    const idx = indexTakedowns(parseOverrides({ version: 1, takedowns: [{ kind: 'article', url: page, reason: 'court order' }] }));
    expect(takedownOf(idx, { id: 'storedid', sourceId: 'aljazeera', url: `${page}?traffic_source=rss` })?.reason).toBe('court order');
    expect(takedownOf(idx, { id: 'storedid', sourceId: 'aljazeera', url: `${page}-2?traffic_source=rss` })).toBeUndefined();
  });
});

describe('takedownLog', () => {
  const down = (takedowns: object[]) => parseOverrides({ version: 1, takedowns });
  const article = { kind: 'article', articleId: 'a1', reason: 'court order', by: 'ed', date: '2026-11-20' };
  it('keeps a lifted takedown on record, marked when a run first found it gone; taken down again, it stands', () => {
    const first = takedownLog(down([article]), new Map([['article a1', ['a1']]]), [], '2026-11-25T10:00:00Z');
    expect(first).toEqual([{ takedown: 'article a1', reason: 'court order', by: 'ed', date: '2026-11-20', removedArticles: ['a1'] }]);
    const lifted = takedownLog(down([]), new Map(), first, '2026-11-26T10:00:00Z');
    expect(lifted).toEqual([{ ...first[0], lifted: '2026-11-26T10:00:00Z' }]);
    // later runs keep the first lifted time (a re-run is byte-identical)
    expect(takedownLog(down([]), new Map(), JSON.parse(JSON.stringify(lifted)), '2026-11-27T10:00:00Z')).toEqual(lifted);
    expect(takedownLog(down([article]), new Map(), lifted, '2026-11-28T10:00:00Z')).toEqual(first);
  });
});

describe('replacedArticleOverrides', () => {
  it('warns of a split naming an article whose link now carries another article (a hostile trial’s)', () => {
    const o = parseOverrides({ version: 1, stories: { split: [{ articleId: 'b1', ...why }, { articleIds: ['c1', 'c2'], ...why }] } });
    expect(replacedArticleOverrides(o, new Map([['b1', 'Lisbon tram derails']]), {}).map(overrideWarningLine)).toEqual([
      'overrides.json stories.split[0]: split of article b1: the link of b1 ("Lisbon tram derails") now carries another article, which the split keeps apart; take it out of the split if it was meant for the earlier report',
    ]);
    expect(replacedArticleOverrides(o, new Map(), {})).toEqual([]);
  });
  it('warns of a headline pinned on a story whose only article’s link now carries another article', () => {
    const o = parseOverrides({ version: 1, stories: { headline: [{ storyId: 'chess', title: 'Carlsen takes Tata Steel title', ...why }, { storyId: 'fire', title: 'Wildfire', ...why }] } });
    const index = { c1: 'chess', f1: 'fire', f2: 'fire' };
    expect(replacedArticleOverrides(o, new Map([['c1', 'Denver approves stadium budget'], ['f1', 'Lisbon tram derails']]), index).map(overrideWarningLine)).toEqual([
      'overrides.json stories.headline[0]: headline for story chess: the link of its only article c1 ("Denver approves stadium budget") now carries another article, which the pinned headline now heads; take it out if it was meant for the earlier report',
    ]);
  });
});
