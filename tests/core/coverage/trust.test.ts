/**
 * The coverage figures a reader has to trust, on hand-built stories: disputed sources, aggregators kept out,
 * syndicated copy, low-factuality coverage and the blindspot rule at its edges, percentages that sum to 100.
 */
import { describe, expect, it } from 'vitest';
import { blindspotBaseline, blindspotOf } from '../../../src/core/coverage/blindspot';
import { computeCoverage, disputedRatings, percentages, sourceFactuality, uncreditedWireSources } from '../../../src/core/coverage/coverage';
import { detectSyndication, sameCopy, wireCredit } from '../../../src/core/coverage/syndication';
import type { Bias, Factuality, Source } from '../../../src/core/schema/source';
import { CoverageSchema } from '../../../src/core/schema/story';
import { UNNAMED_WIRE, WIRE_UNCREDITED_MIN_STORIES } from '../../../src/core/config';

function source(id: string, bias: Bias[] = [], factuality: Factuality[] = [], extra: Partial<Source> = {}): Source {
  return {
    id,
    name: id,
    homepage: `https://${id}.example/`,
    feeds: [{ url: `https://${id}.example/rss`, file: null, topic: null }],
    country: 'US',
    language: 'en',
    bias: bias.map((value, i) => ({ value, rater: `Rater ${i}`, url: null, asOf: '2024-01-01' })),
    factuality: factuality.map((value, i) => ({ value, rater: `Rater ${i}`, url: null, asOf: '2024-01-01' })),
    ownership: null,
    discovered: false,
    ...extra,
  };
}
const map = (...s: Source[]): Map<string, Source> => new Map(s.map((x) => [x.id, x]));
const art = (id: string, sourceId: string, at = '2026-02-18T00:00:00Z', extra: { title?: string; summary?: string | null; author?: string | null; url?: string } = {}) => ({
  id,
  sourceId,
  published: at,
  firstSeen: at,
  ...extra,
});

describe('disputed sources', () => {
  it('are raters two steps apart or more, shown with each rating and counted on no side', () => {
    expect(disputedRatings(source('x', ['lean-left', 'center']))).toBeNull();
    expect(disputedRatings(source('x', ['lean-left', 'lean-right']))).toEqual([
      { value: 'lean-left', rater: 'Rater 0' },
      { value: 'lean-right', rater: 'Rater 1' },
    ]);
    const sources = map(source('d', ['left', 'lean-right']), source('l', ['left']), source('c', ['center']));
    const c = computeCoverage([art('1', 'd'), art('2', 'l'), art('3', 'c')], sources);
    expect(c.bias).toEqual({ left: 1, center: 1, right: 0, unrated: 0, disputed: 1 });
    expect(c.biasPercent).toEqual({ left: 50, center: 50, right: 0 });
    expect(c.biasDetail).toEqual({ center: 1, disputed: 1, left: 1 });
    expect(c.disputed).toEqual([{ sourceId: 'd', ratings: [{ value: 'left', rater: 'Rater 0' }, { value: 'lean-right', rater: 'Rater 1' }] }]);
    expect(c.bias.left + c.bias.center + c.bias.right + c.bias.unrated + c.bias.disputed).toBe(c.sourceCount);
    expect(CoverageSchema.parse(c)).toEqual(c);
  });
});

describe('aggregators', () => {
  it('are kept out of every count and never break a story', () => {
    const agg = source('gn', [], [], { flags: [{ value: 'aggregator', rater: 'Parallax', url: null, asOf: null }] });
    const sources = map(agg, source('l', ['left']));
    const c = computeCoverage([art('1', 'gn', '2026-02-18T00:00:00Z'), art('2', 'l', '2026-02-18T01:00:00Z')], sources);
    expect(c.sourceCount).toBe(1);
    expect(c.articleCount).toBe(1);
    expect(c.aggregators).toBe(1);
    expect(c.brokeBy.sourceId).toBe('l');
    // A source made up at run time from a Google News feed carries no flag: its domain says it.
    const discovered = source('news-google-com', [], [], { homepage: 'https://news.google.com/', discovered: true });
    expect(computeCoverage([art('1', 'news-google-com'), art('2', 'l')], map(discovered, source('l', ['left']))).aggregators).toBe(1);
    const only = computeCoverage([art('1', 'gn')], sources);
    expect([only.sourceCount, only.aggregators, only.brokeBy.sourceId]).toEqual([0, 1, 'gn']);
  });
});

describe('syndicated copy', () => {
  const text = 'Officials said on Tuesday that the bridge would stay closed for at least a week while engineers inspect the damage caused by the storm.';
  it('reads wire credits from bylines and datelines, not from mentions', () => {
    expect(wireCredit({ author: 'The Associated Press', summary: null })).toBe('AP');
    expect(wireCredit({ author: null, summary: `LONDON (Reuters) - ${text}` })).toBe('Reuters');
    expect(wireCredit({ author: null, summary: `PARIS (AFP) — ${text}` })).toBe('AFP');
    expect(wireCredit({ author: null, summary: `The minister told the Associated Press that ${text}` })).toBeNull();
  });

  it('reads ABC News’ /wireStory/ links as wire copy of an agency they do not name, and takes a name an earlier copy gives', () => {
    const abc = 'https://abcnews.go.com/International/wireStory/kenyas-main-airport-resumes-operations-after-2-day-130228676';
    expect(wireCredit({ author: null, summary: text, url: abc })).toBe(UNNAMED_WIRE);
    // The text's own credit names the agency; a query, a fragment or another section's path says nothing.
    expect(wireCredit({ author: null, summary: `NAIROBI, Kenya (AP) — ${text}`, url: abc })).toBe('AP');
    expect(wireCredit({ author: null, summary: text, url: 'https://abcnews.go.com/International/story?id=1&from=wireStory/' })).toBeNull();
    expect(wireCredit({ author: null, summary: text, url: 'not a url /wireStory/' })).toBeNull();
    // ABC News' hosts only, the path in any case (a hostile pass's abc.net.au and example.com links had counted).
    expect(wireCredit({ author: null, summary: text, url: 'https://abcnews.com/US/WireStory/x-1' })).toBe(UNNAMED_WIRE);
    expect(wireCredit({ author: null, summary: text, url: 'https://www.abc.net.au/news/wireStory/x' })).toBeNull();
    expect(wireCredit({ author: null, summary: text, url: 'https://example.com/wireStory/x' })).toBeNull();
    // Alone in its story (the demo's ABC International items): not ABC's own reporting, via no named agency.
    const alone = detectSyndication([{ id: 'abc', sourceId: 'abc-news', title: 'Airport reopens', summary: text, author: null, url: abc, at: '2026-02-18T01:00:00Z' }]);
    expect(alone).toEqual({ syndicated: [{ articleId: 'abc', sourceId: 'abc-news', via: UNNAMED_WIRE, copyOf: null }], ownReporting: 0, uncredited: [] });
    // After NPR's copy credited to AP, ABC's copy is AP's; after ABC's, a later uncredited copy is via what ABC's is.
    const npr = { id: 'npr', sourceId: 'npr', title: 'Storm closes bridge for a week', summary: text, author: 'The Associated Press', at: '2026-02-18T00:00:00Z' };
    const abcCopy = { id: 'abc', sourceId: 'abc-news', title: 'Storm closes bridge for a week', summary: text, author: null, url: abc, at: '2026-02-18T01:00:00Z' };
    const later = { id: 'jt', sourceId: 'japan-today', title: 'Storm closes the bridge for a week', summary: text, author: null, at: '2026-02-18T02:00:00Z' };
    expect(detectSyndication([npr, abcCopy, later]).syndicated.map((s) => [s.articleId, s.via])).toEqual([['npr', 'AP'], ['abc', 'AP'], ['jt', 'AP']]);
    expect(detectSyndication([{ ...abcCopy, at: npr.at }, { ...later, at: abcCopy.at }]).syndicated.map((s) => [s.articleId, s.via, s.copyOf])).toEqual([
      ['abc', UNNAMED_WIRE, null],
      ['jt', UNNAMED_WIRE, 'abc'],
    ]);
    // A named credit after the unnamed one names the group for the copies after it.
    const reuters = { ...later, id: 'rt', sourceId: 'nbc', summary: text, author: 'Reuters', at: '2026-02-18T01:30:00Z' };
    expect(detectSyndication([{ ...abcCopy, at: npr.at }, reuters, later]).syndicated.map((s) => [s.articleId, s.via])).toEqual([['abc', UNNAMED_WIRE], ['rt', 'Reuters'], ['jt', 'Reuters']]);
    // The agency's own article stays its own reporting after ABC's copy of it (it had been "Wire copy" of ABC's).
    const apOwn = { id: 'ap', sourceId: 'ap', title: 'Storm closes bridge for a week', summary: text, author: null, at: '2026-02-18T01:05:00Z' };
    const own = detectSyndication([abcCopy, apOwn], (sourceId, agency) => sourceId === 'ap' && agency === 'AP');
    expect(own).toEqual({ syndicated: [{ articleId: 'abc', sourceId: 'abc-news', via: UNNAMED_WIRE, copyOf: null }], ownReporting: 1, uncredited: [] });
    // …unless it credits another agency: Reuters running AP's copy is AP's wire copy.
    const reutersRunsAp = { ...apOwn, id: 'rt', sourceId: 'reuters', summary: `TOKYO (AP) — ${text}` };
    const isReuters = (sourceId: string, agency: string) => sourceId === 'reuters' && agency === 'Reuters';
    expect(detectSyndication([reutersRunsAp], isReuters)).toEqual({ syndicated: [{ articleId: 'rt', sourceId: 'reuters', via: 'AP', copyOf: null }], ownReporting: 0, uncredited: [] });
    // computeCoverage passes the link on: the story's own-reporting count leaves ABC's wire copy out.
    const story = [art('1', 'abc-news', '2026-02-18T00:00:00Z', { title: 'Airport reopens', summary: text, url: abc }), art('2', 'bbc', '2026-02-18T01:00:00Z', { title: 'Strike ends at Nairobi airport', summary: 'Flights resumed at the main airport after a two-day strike by aviation workers ended on Thursday.' })];
    const c = computeCoverage(story, new Map([source('abc-news'), source('bbc')].map((s) => [s.id, s])));
    expect([c.ownReporting, c.syndicated]).toEqual([1, [{ articleId: '1', sourceId: 'abc-news', via: UNNAMED_WIRE, copyOf: null }]]);
  });

  it('finds near-identical copies across sources and counts own reporting', () => {
    expect(sameCopy({ title: 'Storm closes bridge for a week', summary: text }, { title: 'Storm closes the bridge for a week', summary: text.replace('Tuesday', 'Tuesday,') })).toBe(true);
    expect(sameCopy({ title: 'Storm closes bridge for a week', summary: text }, { title: 'Engineers fear bridge damage is worse than thought', summary: 'The bridge damage may take months to repair, according to a report seen by this newspaper on Wednesday evening.' })).toBe(false);

    const articles = [
      { id: 'ap1', sourceId: 'ap', title: 'Storm closes bridge', summary: `WASHINGTON (AP) — ${text}`, author: null, at: '2026-02-18T00:00:00Z' },
      { id: 'x1', sourceId: 'x', title: 'Storm closes bridge', summary: `WASHINGTON (AP) — ${text}`, author: null, at: '2026-02-18T01:00:00Z' },
      { id: 'y1', sourceId: 'y', title: 'Storm closes the bridge', summary: text, author: null, at: '2026-02-18T02:00:00Z' },
      { id: 'z1', sourceId: 'z', title: 'Why the bridge failed', summary: 'Our reporters spent the night with the engineers who inspected the damaged bridge, and what they found was worrying.', author: 'Jane Doe', at: '2026-02-18T03:00:00Z' },
    ];
    const r = detectSyndication(articles, (sourceId, agency) => sourceId === 'ap' && agency === 'AP');
    expect(r.syndicated).toEqual([
      { articleId: 'x1', sourceId: 'x', via: 'AP', copyOf: 'ap1' },
      { articleId: 'y1', sourceId: 'y', via: 'AP', copyOf: 'ap1' },
    ]);
    expect(r.ownReporting).toBe(2); // AP itself and z
  });

  it('calls the copies after an article that credits an agency wire copy via it (the demo’s AP story), not those before', () => {
    const r = detectSyndication([
      { id: 'jt', sourceId: 'japan-today', title: "Australia won't repatriate 34 women and children from Syria", summary: 'The Australian government will not repatriate from Syria a group of 34 women and children with alleged ties to the Islamic State group, Prime Minister Anthony Albanese said…', author: null, at: '2026-02-17T05:56:43Z' },
      { id: 'npr', sourceId: 'npr', title: "Australia won't repatriate 34 women and children from Syria", summary: 'The Australian government will not repatriate from Syria a group of 34 women and children with alleged ties to the Islamic State group, Prime Minister Anthony Albanese said Tuesday.', author: 'The Associated Press', at: '2026-02-17T07:07:39Z' },
      { id: 'abc', sourceId: 'abc-news', title: "Australia won't repatriate 34 women and children linked to IS from Syria", summary: 'Australian Prime Minister Anthony Albanese says his government will not repatriate from Syria a group of 34 women and children with alleged ties to the militant Islamic State group', author: null, at: '2026-02-17T09:18:00Z' },
    ]);
    // ABC had been "Copy of Japan Today's article": it does not name AP, NPR did two hours before.
    expect(r.syndicated).toEqual([
      { articleId: 'npr', sourceId: 'npr', via: 'AP', copyOf: 'jt' },
      { articleId: 'abc', sourceId: 'abc-news', via: 'AP', copyOf: 'jt' },
    ]);
    expect(r.ownReporting).toBe(1);
    // An outlet's own report that AP re-runs later, or that another outlet runs later with AP's credit, stays its own.
    const lead = 'A sinkhole opened under a Tampa apartment block overnight, forcing 40 residents out before dawn, city officials said on Monday.';
    const tampa = { id: 'tb', sourceId: 'tampabay', title: 'Sinkhole forces 40 from Tampa apartments', summary: lead, author: null, at: '2026-02-17T08:00:00Z' };
    const rerun = (sourceId: string) => ({ id: sourceId, sourceId, title: 'Sinkhole forces 40 from Tampa apartments', summary: `TAMPA, Fla. (AP) — ${lead}`, author: null, at: '2026-02-17T14:00:00Z' });
    expect(detectSyndication([tampa, rerun('apnews')], (sourceId, agency) => sourceId === 'apnews' && agency === 'AP')).toEqual({ syndicated: [], ownReporting: 2, uncredited: [] });
    // (the Tampa outlet ran, uncredited, a copy another outlet credits to AP: the window counts such stories)
    expect(detectSyndication([tampa, rerun('miami')])).toEqual({ syndicated: [{ articleId: 'miami', sourceId: 'miami', via: 'AP', copyOf: 'tb' }], ownReporting: 1, uncredited: ['tampabay'] });
  });

  it('calls a first, uncredited copy the agency’s when its source runs wire copy uncredited, as the window shows (the demo’s Japan Today)', () => {
    // The demo's AP story: Japan Today first and uncredited, NPR's copy credits AP an hour later.
    const repatriate = 'The Australian government will not repatriate from Syria a group of 34 women and children with alleged ties to the Islamic State group, Prime Minister Anthony Albanese said Tuesday.';
    const syria = [
      art('jt1', 'japan-today', '2026-02-17T05:56:43Z', { title: "Australia won't repatriate 34 women and children from Syria", summary: repatriate, author: null }),
      art('npr1', 'npr', '2026-02-17T07:07:39Z', { title: "Australia won't repatriate 34 women and children from Syria", summary: repatriate, author: 'The Associated Press' }),
    ];
    // The demo's AFP story: Japan Today first, Dawn's copy credits AFP.
    const court = 'The man accused of the Bondi Beach attack appeared in a Sydney court by video link on Tuesday, where prosecutors asked for more time to prepare the case against him.';
    const bondi = [
      art('jt2', 'japan-today', '2026-02-16T23:10:00Z', { title: 'Accused Bondi Beach killer appears in court by video link', summary: court, author: null }),
      art('dawn2', 'dawn', '2026-02-17T02:00:00Z', { title: 'Accused Bondi Beach killer appears in court by video link', summary: court, author: 'AFP' }),
    ];
    // An outlet's own report that another outlet runs later with AP's credit (AP re-ran it): once only.
    const lead = 'A sinkhole opened under a Tampa apartment block overnight, forcing 40 residents out before dawn, city officials said on Monday.';
    const sinkhole = [
      art('tb', 'tampabay', '2026-02-17T08:00:00Z', { title: 'Sinkhole forces 40 from Tampa apartments', summary: lead, author: null }),
      art('mi', 'miami', '2026-02-17T14:00:00Z', { title: 'Sinkhole forces 40 from Tampa apartments', summary: `TAMPA, Fla. (AP) — ${lead}`, author: null }),
    ];
    const sources = map(source('japan-today'), source('npr'), source('dawn'), source('tampabay'), source('miami'));
    expect(WIRE_UNCREDITED_MIN_STORIES).toBe(2);
    expect(uncreditedWireSources([syria, bondi, sinkhole], sources)).toEqual(['japan-today']);
    expect(uncreditedWireSources([syria, sinkhole], sources)).toEqual([]);
    const runs = new Set(['japan-today']);
    const c = computeCoverage(syria, sources, runs);
    expect([c.ownReporting, c.syndicated]).toEqual([0, [{ articleId: 'jt1', sourceId: 'japan-today', via: 'AP', copyOf: null }, { articleId: 'npr1', sourceId: 'npr', via: 'AP', copyOf: 'jt1' }]]);
    // Without the window's evidence, a first copy is its source's own reporting, as the sinkhole report stays.
    expect(computeCoverage(syria, sources).ownReporting).toBe(1);
    expect(computeCoverage(sinkhole, sources, runs).ownReporting).toBe(1);
    // A hostile pass's: an outlet's bylined scoops, or scoops the agency itself re-ran, that a third outlet then ran
    // with the agency's credit, are no evidence (the agency re-ran the outlet's story), and stay its own when flagged.
    const scoop = (n: number, author: string | null, withAgency: boolean) => {
      const text = `The Hillsborough County school board voted 5-2 on Tuesday to fire its superintendent after a year of disputes, case ${n}.`;
      return [
        art(`tb${n}`, 'tampabay', '2026-02-17T08:00:00Z', { title: `School board fires superintendent ${n}`, summary: text, author }),
        ...(withAgency ? [art(`ap${n}`, 'apnews', '2026-02-17T14:00:00Z', { title: `School board fires superintendent ${n}`, summary: `TAMPA, Fla. (AP) — ${text}`, author: null })] : []),
        art(`mi${n}`, 'miami', '2026-02-17T15:00:00Z', { title: `School board fires superintendent ${n}`, summary: `TAMPA, Fla. (AP) — ${text}`, author: null }),
      ];
    };
    const withAp = map(source('tampabay'), source('miami'), source('apnews', [], [], { homepage: 'https://apnews.com/' }));
    expect(uncreditedWireSources([scoop(1, 'Jane Reporter', false), scoop(2, 'Jane Reporter', false)], withAp)).toEqual([]);
    expect(uncreditedWireSources([scoop(1, null, true), scoop(2, null, true)], withAp)).toEqual([]);
    expect(computeCoverage(scoop(3, null, true), withAp, new Set(['tampabay'])).syndicated.map((x) => x.sourceId)).toEqual(['miami']);
    // Its own reporting, that no copy credits to an agency, stays its own.
    const own = [art('jt3', 'japan-today', '2026-02-17T01:00:00Z', { title: 'Tokyo opens a new ferry line', summary: 'A new ferry line across Tokyo Bay opened on Tuesday, cutting the trip to Chiba to twenty minutes, the city said.' }), syria[1]!];
    expect(computeCoverage(own, sources, runs).syndicated.map((x) => x.articleId)).toEqual(['npr1']);
  });

  it('never calls an article a copy of its own source’s, nor one of two copies of one time the earlier (a hostile trial’s)', () => {
    const copy = { title: 'Storm closes bridge for a week', summary: 'Officials said on Tuesday that the bridge would stay closed for at least a week while engineers inspect the damage caused by the storm.', author: null };
    // S's report, T's copy of it, S's repost after that: the repost is a copy of T's, not "the same text as S's own"
    const repost = detectSyndication([
      { id: 'a1', sourceId: 's', ...copy, at: '2026-02-17T01:00:00Z' },
      { id: 'b1', sourceId: 't', ...copy, at: '2026-02-17T02:00:00Z' },
      { id: 'a2', sourceId: 's', ...copy, at: '2026-02-17T03:00:00Z' },
    ]);
    expect(repost.syndicated).toEqual([
      { articleId: 'b1', sourceId: 't', via: null, copyOf: 'a1' },
      { articleId: 'a2', sourceId: 's', via: null, copyOf: 'b1' },
    ]);
    // one time (a date-only feed's midnight): which came first is not known, so neither is the copy, and the credit
    // of one does not reach the other
    const tie = detectSyndication([
      { id: 'o', sourceId: 'own', ...copy, at: '2026-02-17T00:00:00Z' },
      { id: 'c1', sourceId: 'wire-user', ...copy, summary: `TAMPA, Fla. (AP) — ${copy.summary}`, at: '2026-02-17T00:00:00Z' },
    ]);
    expect(tie.syndicated).toEqual([{ articleId: 'c1', sourceId: 'wire-user', via: 'AP', copyOf: null }]);
    expect(tie.ownReporting).toBe(1);
  });

  it('calls a re-headlined copy a copy: the same text under an outlet’s own headline, "U.S." written "US"', () => {
    const ndtv = { title: '18-Year-Old Man Arrested After Running Toward US Capitol With Shotgun: Cops', summary: 'An 18-year-old man ran toward the US Capitol with a loaded shotgun on Tuesday before police arrested him without incident, said US Capitol Police Chief Michael Sullivan.' };
    const japanToday = { title: 'Man arrested after running toward U.S. capitol with loaded shotgun, say police', summary: 'An 18-year-old man ran toward the U.S. Capitol with a loaded shotgun on Tuesday before police arrested him without incident, said U.S. Capitol Police Chief Michael Sullivan. The…' };
    expect(sameCopy(ndtv, japanToday)).toBe(true);
    // Own reporting on one event under a like headline shares names, not the text's sentences.
    const own = { title: 'Man with shotgun arrested near US Capitol, police say', summary: 'Capitol Police detained a teenager carrying a shotgun near the west front on Tuesday; Chief Michael Sullivan said the weapon was loaded and nobody was hurt.' };
    expect(sameCopy(ndtv, own)).toBe(false);
    expect(sameCopy(japanToday, own)).toBe(false);
    // Two outlets opening with one 50-word statement, then each its own sentence (0.81 of the word pairs): not a copy.
    const statement = '"We condemn this abhorrent promotion of antisemitic and racist hate in the strongest terms, which runs against our core values as Americans. It is unacceptable to repeat the hideous lie behind the most fatal act of antisemitism in American history, at any time," White House spokesman Andrew Bates said on Friday.';
    expect(sameCopy(
      { title: 'White House condemns Musk for "abhorrent promotion" of antisemitism', summary: `${statement} Musk had endorsed a post on X.` },
      { title: 'White House condemns Musk for antisemitic post', summary: `${statement} Advertisers including IBM paused spending.` },
    )).toBe(false);
  });

  it('calls a teaser cut from an agency’s copy a copy of it, behind the other’s byline and dateline (the demo’s Reuters story)', () => {
    const title = "Hezbollah rejects disarmament plan and government's four-month timeline";
    const lead = "Armed group Hezbollah rejected on Tuesday the Lebanese government's decision to grant the army at least four months to advance the second phase of a nationwide disarmament plan";
    const alMonitor = { id: 'am', sourceId: 'al-monitor', title, summary: `By Laila Bassam and Tala Ramadan DUBAI, Feb 17 (Reuters) - ${lead}, saying it would not accept what it sees as a move serving Israel's interests. The group said the plan ignored the occupation of Lebanese land.`, author: null, at: '2026-02-17T17:36:42Z' };
    const japanToday = { id: 'jt', sourceId: 'japan-today', title, summary: `${lead},…`, author: null, at: '2026-02-17T21:51:11Z' };
    expect(sameCopy(alMonitor, japanToday)).toBe(true);
    const r = detectSyndication([alMonitor, japanToday]);
    expect(r.syndicated).toEqual([
      { articleId: 'am', sourceId: 'al-monitor', via: 'Reuters', copyOf: null },
      { articleId: 'jt', sourceId: 'japan-today', via: 'Reuters', copyOf: 'am' },
    ]);
    expect(r.ownReporting).toBe(0);
    // a teaser of the same event written anew under a like headline is no copy
    expect(sameCopy(alMonitor, { ...japanToday, summary: 'Hezbollah said on Tuesday it would not accept a four-month timeline the cabinet gave the army to disarm it north of the Litani river.' })).toBe(false);
  });

  it('calls a report written anew from the same facts no copy, though it shares most of the words', () => {
    // A trial's pair: 0.78 of the words, 0.24 of the word pairs (the copy above shares all of its sentences).
    const original = { title: 'Port workers strike in Riverton over pay, cargo halted', summary: 'Riverton port workers went on strike Monday over pay, halting cargo at the harbor terminals.' };
    const rewrite = { title: 'Riverton port workers strike over pay; cargo terminals idle', summary: 'Port workers in Riverton went on strike over pay on Monday, leaving cargo terminals at the harbor idle.' };
    expect(sameCopy(original, rewrite)).toBe(false);
    // The same lead with the credit cut and a word changed stays a copy.
    expect(sameCopy(original, { title: original.title, summary: original.summary.replace('Monday', 'on Monday') })).toBe(true);
  });

  it('calls no undated article the copy or the original of another: which came first is unknown', () => {
    const copy = { title: 'Storm closes bridge', summary: text, author: null };
    const r = detectSyndication([
      { id: 'a', sourceId: 'a', ...copy, at: '2026-02-18T00:00:00Z' },
      { id: 'b', sourceId: 'b', ...copy, at: '2026-02-18T01:00:00Z', dated: false },
      { id: 'c', sourceId: 'c', ...copy, at: '2026-02-18T01:00:00Z', dated: false },
      { id: 'd', sourceId: 'd', ...copy, at: '2026-02-18T02:00:00Z' },
    ]);
    // Undated b and c had been "copies" of a (and c of b, by id, at a tie of first-seen times).
    expect(r.syndicated).toEqual([{ articleId: 'd', sourceId: 'd', via: null, copyOf: 'a' }]);
    expect(r.ownReporting).toBe(3);
  });

  it('is part of the coverage', () => {
    const sources = map(source('apnews', [], [], { homepage: 'https://apnews.com/' }), source('x'), source('z'));
    const c = computeCoverage(
      [
        art('a', 'apnews', '2026-02-18T00:00:00Z', { title: 'Storm closes bridge', summary: `WASHINGTON (AP) — ${text}` }),
        art('b', 'x', '2026-02-18T01:00:00Z', { title: 'Storm closes bridge', summary: `WASHINGTON (AP) — ${text}` }),
        art('c', 'z', '2026-02-18T02:00:00Z', { title: 'Why the bridge failed', summary: 'Our own long report on the bridge, the storm and what the engineers found inside it on a long night.' }),
      ],
      sources,
    );
    expect(c.ownReporting).toBe(2);
    expect(c.syndicated).toEqual([{ articleId: 'b', sourceId: 'x', via: 'AP', copyOf: 'a' }]);
  });
});

describe('blindspot with factuality and disputes', () => {
  const balanced = { left: 10, center: 10, right: 10 };
  it('low-factuality-only coverage from one side does not make a blindspot on its own', () => {
    const sources = map(
      source('l1', ['left'], ['low']),
      source('l2', ['left'], ['very-low']),
      source('l3', ['lean-left'], ['low']),
      source('l4', ['left'], ['low']),
      source('c1', ['center'], ['high']),
    );
    const c = computeCoverage(['l1', 'l2', 'l3', 'l4', 'c1'].map((s, i) => art(String(i), s)), sources);
    expect(c.bias.left).toBe(4); // still shown as Left coverage
    expect(c.blindspotBasis).toEqual({ left: 0, center: 1, right: 0 });
    expect(blindspotOf(c.bias, balanced)).toBe('right'); // what the plain counts would say
    expect(blindspotOf(c, balanced)).toBeNull();
  });

  it('the same story from credible sources is a blindspot', () => {
    const sources = map(...['l1', 'l2', 'l3', 'l4'].map((id) => source(id, ['left'], ['high'])), source('c1', ['center'], ['mixed']));
    const c = computeCoverage(['l1', 'l2', 'l3', 'l4', 'c1'].map((s, i) => art(String(i), s)), sources);
    expect(blindspotOf(c, balanced)).toBe('right');
  });

  it.each([
    // rated < 4: never
    ['3 left, 0 right', { left: 3, center: 0, right: 0 }, balanced, null],
    // exactly 4 rated
    ['4 left, 0 right', { left: 4, center: 0, right: 0 }, balanced, 'right'],
    // right share 1/12 ≤ 1/3 × 1/4 = 1/12 against a baseline of 1 right in 4: the exact edge counts
    ['right share exactly 1/3 of a 1/4 baseline', { left: 8, center: 3, right: 1 }, { left: 2, center: 1, right: 1 }, 'right'],
    ['one more right source', { left: 8, center: 2, right: 2 }, { left: 2, center: 1, right: 1 }, null],
    // the other side must reach its own baseline share
    ['left below its baseline', { left: 1, center: 5, right: 0 }, balanced, null],
    ['no rated baseline', { left: 5, center: 0, right: 0 }, { left: 0, center: 0, right: 0 }, null],
    ['baseline without the right', { left: 5, center: 0, right: 0 }, { left: 5, center: 5, right: 0 }, null],
    ['mirror: left blindspot', { left: 0, center: 1, right: 4 }, balanced, 'left'],
  ] as const)('%s', (_name, basis, baseline, expected) => {
    expect(blindspotOf(basis, baseline)).toBe(expected);
  });

  it('the baseline leaves out disputed, aggregator and low-factuality sources', () => {
    const sources = map(
      source('l', ['left'], ['high']),
      source('r', ['right'], ['low']),
      source('d', ['left', 'right']),
      source('c', ['center']),
      source('g', ['center'], [], { flags: [{ value: 'aggregator', rater: 'Parallax', url: null, asOf: null }] }),
    );
    expect(blindspotBaseline(['l', 'r', 'd', 'c', 'g', 'l'], sources)).toEqual({ left: 1, center: 1, right: 0 });
    expect(sourceFactuality(source('x', [], ['high', 'low', 'mixed']))).toBe('mixed');
    expect(sourceFactuality(source('x', [], ['high', 'low']))).toBe('low');
  });
});

describe('percentages never rank a tie', () => {
  it('for every split of up to 12 sources: within half a point of the exact share, equal counts equal, sum 99–101', () => {
    for (let l = 0; l <= 12; l++)
      for (let c = 0; l + c <= 12; c++)
        for (let r = 0; l + c + r <= 12; r++) {
          if (l + c + r === 0) continue;
          const p = percentages({ left: l, center: c, right: r });
          expect(Math.abs(p.left + p.center + p.right - 100)).toBeLessThanOrEqual(1);
          for (const [k, n] of [['left', l], ['center', c], ['right', r]] as const) expect(Math.abs(p[k] - (n * 100) / (l + c + r))).toBeLessThanOrEqual(0.5);
          if (l === c) expect(p.left).toBe(p.center);
          if (c === r) expect(p.center).toBe(p.right);
          if (l === r) expect(p.left).toBe(p.right);
        }
  });
});
