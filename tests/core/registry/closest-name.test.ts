import { describe, expect, it } from 'vitest';
import { closestName, editDistance } from '../../../src/core/registry/closest-name';

describe('editDistance', () => {
  it.each([
    ['', '', 0], ['abc', 'abc', 0], ['topc', 'topic', 1], ['factualty', 'factuality', 1], ['baiss', 'bias', 2], ['ba', 'ab', 1], ['url', 'id', 3],
  ])('%j → %j is %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});

describe('closestName', () => {
  const keys = ['id', 'name', 'homepage', 'feeds', 'bias', 'factuality', 'timeZone', 'topic', 'url'];
  it.each([
    ['factualty', 'factuality'], ['Bias', 'bias'], ['timezone', 'timeZone'], ['hompage', 'homepage'], ['topc', 'topic'], ['feed', 'feeds'],
    ['uri', 'url'], ['bias', undefined], ['owner', undefined], ['notes', undefined], ['language', undefined],
  ])('%j → %j', (given, meant) => {
    expect(closestName(given, keys)).toBe(meant);
  });
});
