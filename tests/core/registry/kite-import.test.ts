/**
 * The registry import at scale, on the real Kite feed list (kagisearch/kite-public, ../shared/data): import,
 * check and report in a few seconds; duplicates and aggregators found and named. Skipped when the data is absent
 * (CI has it; a user's checkout does not).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRegistry } from '../../../src/core/registry/check';
import { parseKiteFeeds } from '../../../src/core/registry/import-feeds';
import { parseKiteMediaData, parseMbfcJson } from '../../../src/core/registry/import-ratings';
import { RegistryMerger } from '../../../src/core/registry/merge';
import { SHARED } from '../../helpers';

const DATA = path.join(SHARED, 'data');
const KITE = `${DATA}/kite-public/kite_feeds.json`;
const present = existsSync(KITE) && existsSync(`${DATA}/media-bias/mbfc/sources.json`);

describe.skipIf(!present)('import of kite_feeds.json (shared data)', () => {
  it('imports ~9,900 feeds, names duplicates and aggregators, and checks clean in seconds', () => {
    const started = performance.now();
    const feeds = parseKiteFeeds(readFileSync(KITE, 'utf8'));
    const m = new RegistryMerger([]);
    for (const f of feeds.feeds) m.addFeed(f);
    for (const r of parseKiteMediaData(readFileSync(`${DATA}/kite-public/media_data.json`, 'utf8')).records) m.applyRecord(r);
    for (const r of parseMbfcJson(readFileSync(`${DATA}/media-bias/mbfc/sources.json`, 'utf8'), '2026-08-19').records) m.applyRecord(r);
    const text = JSON.stringify(m.result(), null, 2);
    const check = checkRegistry(text);
    const seconds = (performance.now() - started) / 1000;

    expect(feeds.feeds.length).toBeGreaterThan(10_000);
    const unique = new Set(feeds.feeds.map((f) => f.url)).size;
    expect(unique).toBeGreaterThan(9_800);
    expect(m.report.feedsAdded + m.report.duplicates.length + m.report.invalidUrls.length).toBe(feeds.feeds.length);
    expect(m.report.duplicates.filter((d) => d.exact).length).toBe(feeds.feeds.length - unique);
    expect(m.report.duplicates.some((d) => !d.exact)).toBe(true);
    expect(m.report.invalidUrls).toEqual(['opencv.org/feed']);
    const aggregators = m.report.aggregators.map((a) => a.domain);
    expect(aggregators).toEqual(expect.arrayContaining(['news.google.com', 'reddit.com']));
    expect(m.report.aggregators.find((a) => a.domain === 'news.google.com')!.feeds).toBeGreaterThan(500);
    expect(m.result().length).toBeGreaterThan(5_000);
    expect(m.report.ratingsAdded).toBeGreaterThan(1_000);
    expect(check.errors).toBe(0);
    // Kite gives Greek outlets the country code "gr" as their language: read as Greek ("el"), and said so.
    expect(m.report.languageRead.filter((r) => r.given === 'gr' && r.language === 'el').length).toBeGreaterThan(20);
    expect(check.aggregators.length).toBe(m.report.aggregators.length);
    // No MBFC label that is not a position became a side.
    for (const s of m.result()) if ((s.flags ?? []).some((f) => f.value === 'fake-news' && f.rater === 'Media Bias/Fact Check')) expect(s.bias.filter((b) => b.rater === 'Media Bias/Fact Check')).toEqual([]);
    expect(seconds).toBeLessThan(15);
  });
});
