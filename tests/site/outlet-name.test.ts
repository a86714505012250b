/**
 * A source removed from the registry keeps its articles in their stories (ingest keeps stored articles whatever their
 * source); the site had shown them under the raw id ("plains-courier · Unrated"), and now under their site's address.
 */
import { describe, expect, it } from 'vitest';
import { outletName } from '../../src/site/outlet-name';

const sourcesById = new Map([['civic-ledger', { name: 'Civic Ledger' }]]);
const article = (sourceId: string, url: string) => ({ sourceId, url });

describe('outletName', () => {
  it.each([
    ['a registered source: its registry name', 'civic-ledger', [article('civic-ledger', 'https://civic-ledger.example/a')], 'Civic Ledger'],
    ['a removed source: its article\'s site, www. dropped', 'plains-courier', [article('plains-courier', 'https://www.plainscourier.com/2026/02/17/library')], 'plainscourier.com'],
    ['a removed source: feed-server labels dropped, the site kept', 'plains-courier', [article('plains-courier', 'http://rss.news.plainscourier.co.uk/x')], 'news.plainscourier.co.uk'],
    ['the first article of that source, not of another', 'plains-courier', [article('civic-ledger', 'https://civic-ledger.example/a'), article('plains-courier', 'https://plainscourier.com/b')], 'plainscourier.com'],
    ['no article of it: the id', 'plains-courier', [article('civic-ledger', 'https://civic-ledger.example/a')], 'plains-courier'],
    ['no http(s) URL: the id', 'plains-courier', [article('plains-courier', 'not a url'), article('plains-courier', 'ftp://plainscourier.com/x')], 'plains-courier'],
  ] as const)('%s', (_, id, articles, name) => {
    expect(outletName(id, sourcesById, articles)).toBe(name);
  });
});
