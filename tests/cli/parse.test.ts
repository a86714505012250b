/** `npx parallax parse FILE`, run as a user would (the package's bin), on the shared bug-report cases. */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readFileCapped } from '../../src/io/read-capped';
import { FEED_MAX_BYTES } from '../../src/core/config';
import { ROOT } from '../helpers';

const BIN = path.join(ROOT, 'bin', 'parallax.mjs');
const CASES = path.join(ROOT, 'tests', 'fixtures', 'cases');

async function parse(file: string, ...extra: string[]): Promise<{ code: number; out: string; err: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, 'parse', file, ...extra]);
    return { code: 0, out: stdout, err: stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout, err: e.stderr };
  }
}

describe('parallax parse', () => {
  it.each(['B01', 'B05', 'B07', 'B13', 'B17'])('prints %s normalised with the expected first item', async (id) => {
    const want = JSON.parse(await readFile(path.join(CASES, `${id}.expected.json`), 'utf8'));
    const { code, out } = await parse(path.join(CASES, `${id}.xml`), ...(want.feed_url ? ['--url', want.feed_url] : []));
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual(['feed', 'items', 'errors']);
    expect(Object.keys(json.items[0])).toEqual(['title', 'link', 'canonicalUrl', 'published', 'summary', 'author', 'image', 'categories']);
    expect(json.items[0]).toMatchObject({ title: want.title, link: want.link, published: want.published, summary: want.summary, image: want.image });
  });

  it.each([
    ['B20', 'entity_expansion_rejected'],
    ['B22', 'external_entity_rejected'],
  ])('exits non-zero naming the error kind for %s', async (id, kind) => {
    const { code, out, err } = await parse(path.join(CASES, `${id}.xml`));
    expect(code).toBe(1);
    expect(err).toContain(kind);
    expect(JSON.parse(out).errors[0].kind).toBe(kind);
  });

  it('reads a gzip-compressed feed file (B05.xml.gz) like the plain one', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'parallax-parse-'));
    const gz = path.join(dir, 'B05.xml.gz');
    await writeFile(gz, gzipSync(await readFile(path.join(CASES, 'B05.xml'))));
    const plain = JSON.parse((await parse(path.join(CASES, 'B05.xml'))).out);
    const { code, out } = await parse(gz);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual(plain);
  });

  it('recovers a feed with a broken prolog and an undeclared rss: prefix; names unreadable XML with its position', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'parallax-parse-'));
    const broken = path.join(dir, 'broken.xml');
    await writeFile(broken, '<?xml?xml version="1.0" ??>\n<rss rss:version=2.0><rss:channel><rss:item><rss:title>kept</rss:title><rss:link>https://b.example/1</rss:link></rss:item></rss:channel></rss>');
    const ok = await parse(broken);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out).items.map((i: { title: string }) => i.title)).toEqual(['kept']);
    const bad = path.join(dir, 'bad.xml');
    await writeFile(bad, '<rss><channel><!-- never closed <item></item></channel></rss>');
    const r = await parse(bad);
    expect(r.code).toBe(1);
    expect(r.err).toContain('xml_malformed');
    expect(JSON.parse(r.out).errors[0]).toMatchObject({ kind: 'xml_malformed', position: 14 });
  });

  it('exits 2 on a usage error', async () => {
    const { code, err } = await parse('');
    expect(code).toBe(2);
    expect(err).toMatch(/usage/);
  });

  it('refuses a --url that is not an absolute http(s) URL in one line, exit 2 (had blanked every link, exit 0)', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'parallax-parse-'));
    const feed = path.join(dir, 'feed.xml');
    await writeFile(feed, '<rss version="2.0"><channel><title>C</title><item><title>abs</title><link>https://abs.example/a</link></item><item><title>rel</title><link>/b</link></item></channel></rss>');
    for (const url of ['notaurl', 'news/feed.xml', 'ftp://feeds.example/x.xml', '']) {
      expect(await parse(feed, '--url', url)).toEqual({ code: 2, out: '', err: `parallax: --url ${JSON.stringify(url)}: not an absolute http(s) URL (e.g. https://news.example/feed.xml)\n` });
    }
    const ok = await parse(feed, '--url', 'http://feeds.example/news/feed.xml');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out).items.map((i: { link: string }) => i.link)).toEqual(['https://abs.example/a', 'http://feeds.example/b']);
  });

  it('treats a date far in the future as missing, as ingest does (it had been printed as the date)', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'parallax-parse-'));
    const feed = path.join(dir, 'feed.xml');
    await writeFile(feed, '<rss version="2.0"><channel><title>C</title><item><title>far</title><link>https://a.example/1</link><pubDate>Mon, 01 Dec 2031 10:00:00 GMT</pubDate></item><item><title>past</title><link>https://a.example/2</link><pubDate>Mon, 17 Feb 2025 10:00:00 GMT</pubDate></item></channel></rss>');
    const r = await parse(feed);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).items.map((i: { published: string | null }) => i.published)).toEqual([null, '2025-02-17T10:00:00Z']);
    // A date that is no date at all leaves the item undated, and now says so (it had been null without a word).
    await writeFile(feed, '<rss version="2.0"><channel><title>C</title><item><title>bad</title><link>https://a.example/3</link><pubDate>yesterday-ish</pubDate></item></channel></rss>');
    const bad = JSON.parse((await parse(feed)).out);
    expect(bad.items[0].published).toBeNull();
    expect(bad.errors).toEqual([{ kind: 'item_date_unreadable', message: 'item 1 ("bad") has no usable date ("yesterday-ish"); it is treated as undated', position: 0 }]);
  });

  it('reads zone-less dates in --time-zone and an undeclared legacy charset by --language, as ingest reads a source with them', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'parallax-parse-'));
    const feed = path.join(dir, 'feed.xml');
    // dc:date without a zone (W3CDTF allows none), and a Polish title in a legacy charset with no charset declared
    // ("ł" is 0xB3 in both ISO-8859-2 and windows-1250; windows-1252, the default guess, reads it "³").
    const head = Buffer.from('<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>C</title><item><title>');
    const title = Buffer.from([0x47, 0xb3, 0x6f, 0x73]); // "Głos"
    const tail = Buffer.from('</title><link>https://a.example/1</link><dc:date>2025-11-29T09:00:00</dc:date></item></channel></rss>');
    await writeFile(feed, Buffer.concat([head, title, tail]));
    const plain = JSON.parse((await parse(feed)).out).items[0];
    expect(plain.published).toBe('2025-11-29T09:00:00Z');
    const asSource = JSON.parse((await parse(feed, '--time-zone', 'Europe/Warsaw', '--language', 'pl')).out).items[0];
    expect(asSource.published).toBe('2025-11-29T08:00:00Z');
    expect(plain.title).toBe('G³os');
    expect(asSource.title).toBe('Głos');
    const badZone = await parse(feed, '--time-zone', 'Asia/Tokio');
    expect({ code: badZone.code, err: badZone.err }).toEqual({ code: 2, err: 'parallax: --time-zone "Asia/Tokio": not a time zone (an IANA name such as "Europe/Warsaw", or an offset such as "+05:30")\n' });
    expect((await parse(feed, '--language', 'english')).code).toBe(2);
  });

  it('names a FILE that is a folder or not there in one line, exit 2 (had been raw EISDIR / ENOENT)', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'parallax-parse-'));
    expect(await parse(dir)).toEqual({ code: 2, out: '', err: `parallax: parse: ${dir} is a directory, not a feed file\n` });
    expect(await parse(path.join(dir, 'missing.xml'))).toEqual({ code: 2, out: '', err: `parallax: parse: no file at ${dir}/missing.xml\n` });
  });

  describe('input over the feed size limit (FEED_MAX_BYTES): too_large after at most limit + 1 bytes', () => {
    const feed = '<rss version="2.0"><channel><title>Big</title><item><title>kept</title><link>https://b.example/1</link></item></channel></rss>';

    it('a sparse 3 GiB file: rejected from its size without being read, exit 1', async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'parallax-parse-'));
      const big = path.join(dir, 'sparse.xml');
      await writeFile(big, '');
      await truncate(big, 3 * 1024 ** 3); // sparse: no disk blocks, but 3 GiB to a reader
      expect((await stat(big)).size).toBe(3 * 1024 ** 3);
      const { code, out, err } = await parse(big);
      expect(code).toBe(1);
      expect(err).toContain(`parallax: feed rejected: too_large: ${big} is 3221225472 bytes; the limit is ${FEED_MAX_BYTES} bytes (10 MiB); not read`);
      expect(JSON.parse(out)).toEqual({ feed: { title: null, link: null }, items: [], errors: [{ kind: 'too_large', message: `${big} is 3221225472 bytes; the limit is ${FEED_MAX_BYTES} bytes (10 MiB); not read`, position: null }] });
    }, 60_000);

    it.runIf(existsSync('/dev/zero'))('/dev/zero (endless, size unknown): reading stops at the cap, exit 1', async () => {
      const { code, out, err } = await parse('/dev/zero');
      expect(code).toBe(1);
      expect(err).toContain('too_large: /dev/zero holds more than 10485760 bytes');
      expect(JSON.parse(out).errors[0]).toMatchObject({ kind: 'too_large', position: null });
    }, 60_000);

    it('exactly the limit is read and parsed; one byte more is too_large', async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'parallax-parse-'));
      const atLimit = path.join(dir, 'at-limit.xml');
      await writeFile(atLimit, feed + ' '.repeat(FEED_MAX_BYTES - feed.length));
      const ok = await parse(atLimit);
      expect(ok.code).toBe(0);
      expect(JSON.parse(ok.out).items.map((i: { title: string }) => i.title)).toEqual(['kept']);
      const over = path.join(dir, 'over.xml');
      await writeFile(over, feed + ' '.repeat(FEED_MAX_BYTES - feed.length + 1));
      const r = await parse(over);
      expect(r.code).toBe(1);
      expect(JSON.parse(r.out).errors).toEqual([{ kind: 'too_large', message: `${over} is ${FEED_MAX_BYTES + 1} bytes; the limit is ${FEED_MAX_BYTES} bytes (10 MiB); not read`, position: null }]);
    }, 60_000);
  });
});

describe('readFileCapped', () => {
  it('returns the whole content up to the cap, and the size of a regular file over it without reading it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'parallax-capped-'));
    const file = path.join(dir, 'ten.txt');
    await writeFile(file, '0123456789');
    const whole = await readFileCapped(file, 10);
    expect(whole.bytes && Buffer.from(whole.bytes).toString()).toBe('0123456789');
    expect(await readFileCapped(file, 9)).toEqual({ bytes: null, size: 10 });
    const empty = path.join(dir, 'empty.txt');
    await writeFile(empty, '');
    expect(await readFileCapped(empty, 0)).toEqual({ bytes: new Uint8Array(0) });
  });

  it.runIf(existsSync('/dev/zero'))('stops an endless device after maxBytes + 1 bytes (size unknown)', async () => {
    expect(await readFileCapped('/dev/zero', 1024 * 1024 + 5)).toEqual({ bytes: null, size: null });
    expect(await readFileCapped('/dev/null', 10)).toEqual({ bytes: new Uint8Array(0) });
  });

  it('throws the fs error for a missing file or a folder', async () => {
    await expect(readFileCapped(path.join(tmpdir(), 'no-such-parallax-file.xml'), 10)).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(readFileCapped(tmpdir(), 10)).rejects.toMatchObject({ code: 'EISDIR' });
  });
});
