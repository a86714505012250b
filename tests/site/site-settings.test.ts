/**
 * An instance's identity (src/site-config.ts): its name (PARALLAX_SITE_NAME) and the time zone its pages show times
 * in (PARALLAX_TIME_ZONE). A trial running a Polish instance had found "Parallax" fixed in the header, the titles and
 * the feeds, and every time in UTC, with no setting for either.
 */
import { describe, expect, it } from 'vitest';
import { siteTimeZoneProblem } from '../../src/cli/build';
import { feedFor, feedTitle } from '../../src/site/feeds';
import { jsonFeedString, rssString } from '../../src/site/rss';
import { jsonLdText, newsArticleLd } from '../../src/site/meta';
import type { SiteData } from '../../src/site/data';
import { siteName, siteTimeZone, timeZoneProblem } from '../../src/site-config';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { runCli } from '../helpers';
import { fixtureSources, fixtureStories } from './load-fixture';

describe('siteName (PARALLAX_SITE_NAME)', () => {
  it.each([
    [undefined, 'Parallax'],
    ['', 'Parallax'],
    ['  \n ', 'Parallax'],
    ['Wiadomości Dnia', 'Wiadomości Dnia'],
    ['  Wiadomości\n\tDnia  ', 'Wiadomości Dnia'],
    ['Echo\u0000\u0007 Dnia\uFFFF', 'Echo Dnia'],
    ['Wiadomości & <Echo> "Dnia"', 'Wiadomości & <Echo> "Dnia"'],
  ])('%j → %j', (value, name) => {
    expect(siteName({ PARALLAX_SITE_NAME: value })).toBe(name);
  });
});

describe('siteTimeZone (PARALLAX_TIME_ZONE)', () => {
  it.each([
    [undefined, 'UTC'],
    ['', 'UTC'],
    ['UTC', 'UTC'],
    ['Etc/UTC', 'UTC'],
    ['Europe/Warsaw', 'Europe/Warsaw'],
    ['europe/warsaw', 'Europe/Warsaw'],
    [' America/New_York ', 'America/New_York'],
  ])('%j → %j', (value, zone) => {
    expect(siteTimeZone({ PARALLAX_TIME_ZONE: value })).toBe(zone);
    expect(timeZoneProblem({ PARALLAX_TIME_ZONE: value })).toBeNull();
  });

  it('refuses a name that is no time zone, naming the variable (an offset too: Intl does not take one)', () => {
    const message = (got: string): string => `PARALLAX_TIME_ZONE must be an IANA time zone name such as Europe/Warsaw, America/New_York or UTC (got "${got}")`;
    for (const bad of ['Mars/Olympus_Mons', '+02:00', 'CEST', 'Warsaw']) {
      expect(timeZoneProblem({ PARALLAX_TIME_ZONE: bad })).toBe(message(bad));
      expect(() => siteTimeZone({ PARALLAX_TIME_ZONE: bad })).toThrow(message(bad));
    }
    expect(siteTimeZoneProblem({ PARALLAX_TIME_ZONE: 'Europe/Warsw' })).toBe(`${message('Europe/Warsw')}; did you mean "Europe/Warsaw"?`);
    expect(siteTimeZoneProblem({ PARALLAX_TIME_ZONE: 'Mars/Olympus_Mons' })).toBe(message('Mars/Olympus_Mons'));
    expect(siteTimeZoneProblem({ PARALLAX_TIME_ZONE: 'Europe/Warsaw' })).toBeNull();
  });

  it('stops `parallax build` before anything is ingested or built, in one line (exit 2)', async () => {
    const r = await runCli(['build', '--no-ingest', '--content', '/nonexistent'], { PARALLAX_TIME_ZONE: 'Europe/Warsw', PARALLAX_SITE: 'https://news.example.org' });
    expect([r.code, r.err]).toEqual([
      2,
      'parallax: PARALLAX_TIME_ZONE must be an IANA time zone name such as Europe/Warsaw, America/New_York or UTC (got "Europe/Warsw"); did you mean "Europe/Warsaw"?\n',
    ]);
  });
});

describe('the name in feeds and structured data', () => {
  const sources = fixtureSources();
  const stories = fixtureStories();
  const data: SiteData = { sources, sourcesById: new Map(sources.map((s) => [s.id, s])), stories, storiesById: new Map(stories.map((s) => [s.id, s])), now: '2026-02-18T02:10:00Z' };
  const site = new URL('https://wiadomosci.example');
  const NAME = 'Wiadomości & <Echo> "Dnia"';

  it('titles every feed "<name>: …", escaped for XML and JSON', async () => {
    expect(feedTitle('top stories', NAME)).toBe('Wiadomości & <Echo> "Dnia": top stories');
    for (const [kind, key, title] of [
      ['top', '', 'top stories'],
      ['blindspot', '', 'blindspots'],
      ['source', 'frontier-wire', 'Frontier Wire'],
    ] as const) {
      const rss = feedFor(data, site, kind, key, false, NAME)!;
      const xml = await rssString(rss.channel, rss.items);
      expect(XMLValidator.validate(xml)).toBe(true);
      expect(xml).toContain(`<title>Wiadomości &amp; &lt;Echo&gt; &quot;Dnia&quot;: ${title}</title>`);
      expect(new XMLParser().parse(xml).rss.channel.title).toBe(`${NAME}: ${title}`);
      const json = feedFor(data, site, kind, key, true, NAME)!;
      expect((JSON.parse(jsonFeedString(json.channel, json.items)) as { title: string }).title).toBe(`${NAME}: ${title}`);
    }
  });

  it('is the JSON-LD publisher of a story page, and cannot close its script element', () => {
    const ld = newsArticleLd(stories[0]!, 'https://wiadomosci.example/story/x/', 'd', (id) => id, '</script><b>Echo');
    expect(ld.publisher).toEqual({ '@type': 'Organization', name: '</script><b>Echo' });
    expect(jsonLdText(ld)).not.toContain('</script>');
    expect(newsArticleLd(stories[0]!, 'u', 'd', (id) => id).publisher).toEqual({ '@type': 'Organization', name: 'Parallax' });
  });
});
