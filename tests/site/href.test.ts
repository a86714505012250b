import { describe, expect, it } from 'vitest';
import { externalHref, href, joinBase, pagePath, pageUrl, sourcePath, storyPath } from '../../src/site/href';

describe('joinBase', () => {
  it.each([
    ['/', '', '/'],
    ['/', 'story/k3v9q2m7/', '/story/k3v9q2m7/'],
    ['/', '/rss.xml', '/rss.xml'],
    ['/parallax/', 'story/k3v9q2m7/', '/parallax/story/k3v9q2m7/'],
    ['/parallax', 'sources/', '/parallax/sources/'],
    ['/parallax/', '/rss.xml', '/parallax/rss.xml'],
    ['/parallax/', '', '/parallax/'],
    ['parallax/', 'favicon.svg', '/parallax/favicon.svg'],
  ])('joinBase(%j, %j) = %j', (base, path, expected) => {
    expect(joinBase(base, path)).toBe(expected);
  });
});

describe('href', () => {
  it('uses the configured BASE_URL ("/" under vitest)', () => {
    expect(href(storyPath('20260217'))).toBe('/story/20260217/');
    expect(href(sourcePath('civic-ledger'))).toBe('/source/civic-ledger/');
  });
});

describe('pagePath / pageUrl', () => {
  it.each([
    ['/parallax', 'https://me.example.org', 'https://me.example.org/parallax/'],
    ['/parallax/', 'https://me.example.org', 'https://me.example.org/parallax/'],
    ['/', 'http://localhost:4321', 'http://localhost:4321/'],
    ['/parallax/story/k3v9q2m7', 'https://me.example.org', 'https://me.example.org/parallax/story/k3v9q2m7/'],
    ['/methodology/', 'http://localhost:4321/', 'http://localhost:4321/methodology/'],
    ['/parallax/rss.xml', 'https://me.example.org', 'https://me.example.org/parallax/rss.xml'],
  ])('pageUrl(%j, %j) = %j', (pathname, site, expected) => {
    expect(pageUrl(pathname, site)).toBe(expected);
  });
  it('adds the slash a directory page is linked with', () => {
    expect(pagePath('/parallax')).toBe('/parallax/');
    expect(pagePath('/parallax/sources')).toBe('/parallax/sources/');
    expect(pagePath('/404.html')).toBe('/404.html');
  });
});

describe('externalHref', () => {
  it('passes an absolute http(s) URL and nothing else a registry may hold', () => {
    expect(externalHref('https://www.bbc.co.uk/news')).toBe('https://www.bbc.co.uk/news');
    expect(externalHref('http://example.com/a?b=1')).toBe('http://example.com/a?b=1');
    for (const bad of ['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd', 'https://user:secret@example.com/', '//example.com/', 'not a url', '', null, undefined]) {
      expect(externalHref(bad)).toBeUndefined();
    }
  });
});
