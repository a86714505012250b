import { describe, expect, it } from 'vitest';
import { href, joinBase, sourcePath, storyPath } from '../../src/site/href';

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
