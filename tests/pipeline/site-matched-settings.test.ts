/**
 * A feed file the registry does not name (`feeds[].file` null, as `sources import --opml` writes it) that is matched
 * to a registered outlet by its site is parsed with that outlet's per-source settings, exactly as a file the registry
 * names: `timeZone` (the zone of dates written without one) and `language` (the legacy charset of a feed that names
 * neither charset nor language) — what `parallax parse` takes as --time-zone and --language. It had been parsed with
 * neither (a new-operator trial: Dziennik Pomorski's "2026-10-24 15:30:00" stored as 15:30Z instead of 13:30Z, CEST).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { runFolder, tempDir } from '../helpers';

/** The trial's capture of Dziennik Pomorski (day 1), cut to its item with a zone-less date. */
const POMORSKI = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>Dziennik Pomorski</title>
<link>https://dziennikpomorski.pl/</link>
<description>Dziennik Pomorski – wiadomości</description>
<language>pl</language>
<item>
<title>Stan alarmowy na Nysie Kłodzkiej, wojewoda ogłasza pogotowie przeciwpowodziowe</title>
<link>https://dziennikpomorski.pl/2026/10/powodz-dolny-slask</link>
<guid isPermaLink="true">https://dziennikpomorski.pl/2026/10/powodz-dolny-slask</guid>
<description>Woda w Nysie Kłodzkiej przekroczyła stan alarmowy.</description>
<category>Kraj</category>
<pubDate>2026-10-24 15:30:00</pubDate>
<dc:creator>Redakcja</dc:creator>
</item>
</channel>
</rss>`;

/** A feed in ISO-8859-2 that names neither its charset nor its language: only the source's language picks the
 * charset (chardet is not confident on so little text; without the hint "Sąd w Łodzi" reads "S±d w £odzi"). */
const LEGACY = iconv.encode(
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Gazeta Lubelska</title><link>https://gazetalubelska.pl/</link>
<item><title>Sąd w Łodzi</title><link>https://gazetalubelska.pl/2026/10/sad</link><pubDate>2026-10-24 09:00:00</pubDate><description>Sąd</description></item></channel></rss>`,
  'iso-8859-2',
);

/** The trial's registry entry (as `sources import --opml` wrote it, then edited): `file` given or null. */
const outlet = (id: string, site: string, url: string, file: string | null) => ({
  id, name: id, homepage: `https://${site}/`, feeds: [{ url, file, topic: 'regiony' }],
  country: 'PL', language: 'pl', timeZone: 'Europe/Warsaw', bias: [], factuality: [], ownership: null, discovered: false,
});

async function run(files: { pomorski: string | null; lubelska: string | null }) {
  const work = await tempDir('parallax-site-settings-');
  const feeds = path.join(work, 'feeds');
  const content = path.join(work, 'content');
  await mkdir(feeds);
  await writeFile(path.join(feeds, 'pomorski.xml'), POMORSKI);
  await writeFile(path.join(feeds, 'lubelska.xml'), LEGACY);
  const registry = path.join(work, 'sources.json');
  await writeFile(
    registry,
    JSON.stringify([
      outlet('dziennikpomorski-pl', 'dziennikpomorski.pl', 'http://127.0.0.1:8765/pomorski/pomorski.xml', files.pomorski),
      outlet('gazetalubelska-pl', 'gazetalubelska.pl', 'http://127.0.0.1:8765/lubelska/lubelska.xml', files.lubelska),
    ]),
  );
  const { report, logs } = await runFolder(feeds, content, new Date('2026-10-24T22:00:00Z'), registry);
  const shard = async (source: string) => JSON.parse(await readFile(path.join(content, 'articles', '2026-10-24', `${source}.json`), 'utf8'));
  return { report, logs, pomorski: await shard('dziennikpomorski-pl'), lubelska: await shard('gazetalubelska-pl') };
}

describe("a feed file matched to a registered outlet by its site gets the outlet's parse settings", () => {
  it.each([
    ['named by the registry', { pomorski: 'pomorski.xml', lubelska: 'lubelska.xml' }],
    ['not named (file null), matched by its site', { pomorski: null, lubelska: null }],
  ])('%s: zone-less dates in its timeZone, an undeclared legacy charset by its language', async (_, files) => {
    const { report, logs, pomorski, lubelska } = await run(files);
    expect(report.feeds.map((f) => [f.name, f.sourceId])).toEqual([
      ['lubelska.xml', 'gazetalubelska-pl'],
      ['pomorski.xml', 'dziennikpomorski-pl'],
    ]);
    // Europe/Warsaw is CEST (UTC+2) on 2026-10-24: 15:30 there is 13:30Z (it had been stored as 15:30Z).
    expect(pomorski.map((a: { published: string; language: string }) => [a.published, a.language])).toEqual([['2026-10-24T13:30:00Z', 'pl']]);
    expect(lubelska.map((a: { title: string; published: string; language: string }) => [a.title, a.published, a.language])).toEqual([
      ['Sąd w Łodzi', '2026-10-24T07:00:00Z', 'pl'],
    ]);
    expect(report.feeds.find((f) => f.name === 'lubelska.xml')!.errors.map((e) => e.message)).toEqual([
      'the feed names no charset and its text is not UTF-8 (XML\'s default); it was read as iso-8859-2, the legacy charset for the source\'s language ("pl"): a guess, the feed should declare its charset',
    ]);
    if (!files.pomorski) expect(logs).toContain("info: pomorski.xml: not named in the registry; its site dziennikpomorski.pl is dziennikpomorski-pl's, so its items are dziennikpomorski-pl's");
  });

  it('also when its site is one of several registered outlets on that domain and it falls to the one of that id and homepage', async () => {
    const work = await tempDir('parallax-site-settings-');
    const feeds = path.join(work, 'feeds');
    await mkdir(feeds);
    await writeFile(path.join(feeds, 'pomorski.xml'), POMORSKI);
    const registry = path.join(work, 'sources.json');
    // Two outlets on dziennikpomorski.pl: the file's site (https://dziennikpomorski.pl/) is under the first one's
    // homepage only, so its items are that registered source's, and so are its settings.
    await writeFile(
      registry,
      JSON.stringify([
        outlet('dziennikpomorski-pl', 'dziennikpomorski.pl', 'https://dziennikpomorski.pl/rss', null),
        { ...outlet('sport-dziennikpomorski-pl', 'sport.dziennikpomorski.pl', 'https://sport.dziennikpomorski.pl/rss', null), timeZone: null },
      ]),
    );
    const content = path.join(work, 'content');
    const { report } = await runFolder(feeds, content, new Date('2026-10-24T22:00:00Z'), registry);
    expect(report.feeds.map((f) => [f.name, f.sourceId])).toEqual([['pomorski.xml', 'dziennikpomorski-pl']]);
    const stored = JSON.parse(await readFile(path.join(content, 'articles', '2026-10-24', 'dziennikpomorski-pl.json'), 'utf8'));
    expect(stored.map((a: { published: string }) => a.published)).toEqual(['2026-10-24T13:30:00Z']);
  });
  it("goes to the desk whose homepage its site is under, with the desk's zone, when several outlets share a domain", async () => {
    const work = await tempDir('parallax-site-settings-');
    const feeds = path.join(work, 'feeds');
    await mkdir(feeds);
    // A hostile trial's desks: the root outlet read dates as +05:30 and the Tokyo desk's file went to it.
    await writeFile(
      path.join(feeds, 'shared-tokyo.xml'),
      `<rss version="2.0"><channel><title>Tokyo desk</title><link>https://shared.example.org/tokyo/</link><item><title>Tokyo item about the harbour reopening</title><link>https://shared.example.org/tokyo/1</link><pubDate>2026-11-30 15:30:00</pubDate></item></channel></rss>`,
    );
    const desk = (id: string, homepage: string, timeZone: string, language: string) => ({ ...outlet(id, 'x', 'https://shared.example.org/feed', null), homepage, timeZone, language, feeds: [{ url: `${homepage}rss`, file: null, topic: null }] });
    const registry = path.join(work, 'sources.json');
    await writeFile(
      registry,
      JSON.stringify([
        desk('tokyo-desk', 'https://shared.example.org/tokyo/', 'Asia/Tokyo', 'ja'),
        desk('ny-desk', 'https://shared.example.org/ny/', 'America/New_York', 'en'),
        desk('shared-example-org', 'https://shared.example.org/', '+05:30', 'de'),
      ]),
    );
    const content = path.join(work, 'content');
    const { report, logs } = await runFolder(feeds, content, new Date('2026-11-30T20:00:00Z'), registry);
    expect(report.feeds.map((f) => [f.name, f.sourceId])).toEqual([['shared-tokyo.xml', 'tokyo-desk']]);
    const stored = JSON.parse(await readFile(path.join(content, 'articles', '2026-11-30', 'tokyo-desk.json'), 'utf8'));
    expect(stored.map((a: { published: string }) => a.published)).toEqual(['2026-11-30T06:30:00Z']);
    expect(logs).toContain("info: shared-tokyo.xml: not named in the registry; its site shared.example.org is tokyo-desk's, so its items are tokyo-desk's");
  });
});
