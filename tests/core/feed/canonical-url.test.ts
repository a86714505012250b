import { describe, expect, it } from 'vitest';
import { canonicalUrl, resolveHttpUrl } from '../../../src/core/feed/canonical-url.js';

describe('canonicalUrl', () => {
  it.each([
    ['https://devblog.example.com/2016/06/a.html?utm_source=feedburner&utm_medium=feed&utm_campaign=Feed%3A+x', 'https://devblog.example.com/2016/06/a.html'],
    ['https://x.example/a?id=7&utm_source=rss&fbclid=abc&gclid=1&mc_cid=2&mc_eid=3&page=2', 'https://x.example/a?id=7&page=2'],
    ['https://x.example/a?UTM_Source=rss&Id=7', 'https://x.example/a?Id=7'],
    ['https://X.Example.COM:443/Path/Case#section', 'https://x.example.com/Path/Case'],
    ['http://x.example:80/a', 'http://x.example/a'],
    ['https://x.example/a?', 'https://x.example/a'],
    ['https://x.example/a?q=a%20b&utm_term=z', 'https://x.example/a?q=a%20b'],
    ['  https://x.example/a  ', 'https://x.example/a'],
  ])('%s -> %s', (input, want) => {
    expect(canonicalUrl(input)).toBe(want);
  });

  it('resolves against a base', () => {
    expect(canonicalUrl('../b?utm_medium=x#top', 'https://x.example/a/c/feed.xml')).toBe('https://x.example/a/b');
    expect(canonicalUrl('//cdn.example/i.jpg')).toBe('https://cdn.example/i.jpg');
  });

  it.each([['at://did:plc:abc/app.bsky.feed.post/1'], ['javascript:alert(1)'], ['mailto:a@b.c'], ['ftp://x.example/a'], ['data:text/html,hi'], ['not a url'], ['/relative/without/base'], ['']])(
    '%s -> null',
    (input) => {
      expect(canonicalUrl(input)).toBeNull();
    },
  );
});

describe('resolveHttpUrl', () => {
  it('follows the WHATWG URL resolution rules', () => {
    expect(resolveHttpUrl('notes-on-redundancy', 'https://essays.example.org/ongoing/Archive/2013/08/14/')).toBe(
      'https://essays.example.org/ongoing/Archive/2013/08/14/notes-on-redundancy',
    );
    expect(resolveHttpUrl('/x', 'https://a.example/b/c')).toBe('https://a.example/x');
    expect(resolveHttpUrl('https://other.example/y', 'https://a.example/b/c')).toBe('https://other.example/y');
    expect(resolveHttpUrl('javascript:alert(1)', 'https://a.example/')).toBeNull();
    expect(resolveHttpUrl(null)).toBeNull();
  });
});
