import { describe, expect, it } from 'vitest';
import { DERIVED_TITLE_MAX_CHARS } from '../../src/core/config';
import { articleTitle, showExcerpt } from '../../src/site/article-title';

const LONG = 'Residents of the Icelandic town of Grindavik were evacuated after a volcano erupted near Reykjavik on the Reykjanes peninsula, the civil protection agency said on Tuesday.';

describe('articleTitle', () => {
  it.each([
    ['its own title', { title: 'Port strike costs mount', excerpt: 'Shippers say…' }, 'Port strike costs mount'],
    ['its own title, whitespace collapsed', { title: '  Port\n strike\tcosts  ', excerpt: null }, 'Port strike costs'],
    ['the excerpt when the title is empty', { title: '', excerpt: 'The central bank raised its rate.' }, 'The central bank raised its rate.'],
    ['the excerpt when the title is blank or control characters only', { title: ' \u0007\n ', excerpt: 'The central bank raised its rate.' }, 'The central bank raised its rate.'],
    ['the excerpt cut at a word when long', { title: '', excerpt: LONG }, 'Residents of the Icelandic town of Grindavik were evacuated after a volcano erupted near Reykjavik on the Reykjanes…'],
    ['the outlet when there is no text at all', { title: '', excerpt: null }, 'Untitled article from Alpha News'],
    ['the outlet when the excerpt is blank too', { title: '', excerpt: '   ' }, 'Untitled article from Alpha News'],
  ])('%s', (_, article, expected) => {
    expect(articleTitle(article, 'Alpha News')).toBe(expected);
    expect(articleTitle(article, 'Alpha News').length).toBeLessThanOrEqual(Math.max(DERIVED_TITLE_MAX_CHARS, article.title.length));
  });

  it('never returns an empty title, even without an outlet name', () => {
    expect(articleTitle({ title: '', excerpt: '' }, '')).toBe('Untitled article from an unnamed source');
  });
});

describe('showExcerpt', () => {
  it.each([
    ['a titled article with an excerpt', { title: 'T', excerpt: 'Some text.' }, true],
    ['an untitled article whose whole excerpt is its title', { title: '', excerpt: 'Some text.' }, false],
    ['an untitled article whose excerpt was cut for its title', { title: '', excerpt: LONG }, true],
    ['an article without an excerpt', { title: 'T', excerpt: null }, false],
  ])('%s: %s', (_, article, expected) => {
    expect(showExcerpt(article)).toBe(expected);
  });
});
