import { describe, expect, it } from 'vitest';
import { asksRatherThanTells, chooseHeadline, cleanHeadline, eligibleCandidates, isClickbait, ledByQuotation } from '../../../src/core/story/headline';
import type { Bias, Factuality, Source } from '../../../src/core/schema/source';
import { titleFromText } from '../../../src/core/story/build-stories';

function source(id: string, bias: Bias[] = [], factuality: Factuality[] = [], extra: Partial<Source> = {}): Source {
  return {
    id,
    name: id === 'guardian' ? 'The Guardian' : id,
    homepage: `https://www.${id}.example/`,
    feeds: [{ url: `https://${id}.example/rss`, file: null, topic: null }],
    country: 'GB',
    language: 'en',
    bias: bias.map((value, i) => ({ value, rater: `R${i}`, url: null, asOf: '2024-01-01' })),
    factuality: factuality.map((value, i) => ({ value, rater: `R${i}`, url: null, asOf: '2024-01-01' })),
    ownership: null,
    discovered: false,
    ...extra,
  };
}
const map = (...s: Source[]) => new Map(s.map((x) => [x.id, x]));

describe('cleanHeadline', () => {
  const guardian = source('guardian');
  it.each([
    ['Storm hits coast | The Guardian', 'Storm hits coast'],
    ['Storm hits coast - The Guardian', 'Storm hits coast'],
    ['Storm hits coast — guardian.example', 'Storm hits coast'],
    ['Storm hits coast | World news', 'Storm hits coast'],
    ['Storm hits coast - and the city floods', 'Storm hits coast - and the city floods'],
    ['STORM HITS COAST AS THOUSANDS FLEE', 'Storm hits coast as thousands flee'],
    ['BREAKING: Storm hits coast', 'Storm hits coast'],
    ['WATCH - Storm hits coast', 'Storm hits coast'],
    ['SHOCKING footage shows storm hitting NATO base!!!', 'Shocking footage shows storm hitting NATO base!'],
    ['Storm hits the NATO base in the north', 'Storm hits the NATO base in the north'],
  ])('%s → %s', (raw, clean) => expect(cleanHeadline(raw, guardian)).toBe(clean));
});

describe('chooseHeadline', () => {
  it('heads a story that has moved on by its last 12 hours’ titles, when three sources or more wrote them', () => {
    const sources = map(source('npr'), source('cbs'), source('bbc'), source('nyt'));
    const iran = [
      { title: 'US and Iran to meet for second round of nuclear talks', sourceId: 'npr', similarity: 0.8, at: '2026-02-17T11:48:42Z' },
      { title: 'Iran says guiding principles agreed with US at nuclear talks', sourceId: 'bbc', similarity: 0.7, at: '2026-02-17T21:38:33Z' },
      { title: 'US and Iran make good progress in Geneva talks', sourceId: 'nyt', similarity: 0.6, at: '2026-02-17T23:18:51Z' },
      { title: 'US and Iran wrap up second round of nuclear talks', sourceId: 'cbs', similarity: 0.65, at: '2026-02-18T00:52:00Z' },
    ];
    expect(chooseHeadline(iran, sources)).toBe('Iran says guiding principles agreed with US at nuclear talks');
    // two sources in the last 12 hours: one late report does not retitle the story
    expect(chooseHeadline(iran.filter((c) => c.sourceId !== 'nyt'), sources)).toBe('US and Iran to meet for second round of nuclear talks');
    // all within 12 hours: the best of all
    expect(chooseHeadline(iran.map((c) => ({ ...c, at: '2026-02-17T20:00:00Z' })), sources)).toBe('US and Iran to meet for second round of nuclear talks');
    // undated titles (no `at`: read later as a backlog) are never the recent ones
    const backlog = ['u1', 'u2', 'u3'].map((id) => ({ title: `Iran talks: live updates ${id}`, sourceId: id, similarity: 0.9 }));
    const withBacklog = map(source('npr'), source('cbs'), source('bbc'), source('u1'), source('u2'), source('u3'));
    expect(chooseHeadline([...iran.filter((c) => c.sourceId !== 'nyt'), ...backlog], withBacklog)).toBe('Iran talks: live updates u1');
    expect(chooseHeadline([...iran, ...backlog], withBacklog)).toBe('Iran says guiding principles agreed with US at nuclear talks');
  });
  it('picks the title closest to the centre, preferring higher factuality by a small margin', () => {
    const sources = map(source('a', [], ['very-low']), source('b', [], ['very-high']));
    expect(chooseHeadline([{ title: 'A title', sourceId: 'a', similarity: 0.6 }, { title: 'B title', sourceId: 'b', similarity: 0.57 }], sources)).toBe('B title');
    expect(chooseHeadline([{ title: 'A title', sourceId: 'a', similarity: 0.7 }, { title: 'B title', sourceId: 'b', similarity: 0.57 }], sources)).toBe('A title');
  });

  it('never takes a stand-in title made from an article\'s text when an outlet wrote one (a cut-off description had headed a story)', () => {
    const sources = map(source('a'), source('b'));
    const standIn = { title: 'Lava reached the edge of the town overnight as residents who had left were told…', sourceId: 'a', similarity: 0.9, derived: true };
    expect(chooseHeadline([standIn, { title: 'Iceland volcano erupts near Grindavik', sourceId: 'b', similarity: 0.5 }], sources)).toBe('Iceland volcano erupts near Grindavik');
    expect(chooseHeadline([standIn], sources)).toBe(standIn.title);
    const text = 'Lava reached the edge of the town overnight as residents who had left were told they could not go back for weeks, officials said on Tuesday.';
    // The parser's stand-in for this text (parse-feed.ts: its first DERIVED_TITLE_MAX_CHARS, cut at a word).
    expect(titleFromText({ title: 'Lava reached the edge of the town overnight as residents who had left were told they could not go back for weeks,…', summary: text })).toBe(true);
    expect(titleFromText({ title: 'Lava reaches Grindavik', summary: text })).toBe(false);
    expect(titleFromText({ title: 'Magazine printables - February 27, 2026', summary: 'Magazine printables - February 27, 2026' })).toBe(false);
    expect(titleFromText({ title: 'Iceland volcano erupts', summary: 'Lava reached the town.' })).toBe(false);
  });

  it('takes the title in the language most of the story’s sources write in (a Polish title had headed an English story)', () => {
    const sources = map(source('a'), source('b'), source('p', [], [], { language: 'pl' }));
    const peru = [
      { title: 'Peru: Kongres odwołał prezydenta José Jeríego', sourceId: 'p', similarity: 0.8, language: 'pl' },
      { title: 'Peru’s Congress removes President José Jerí', sourceId: 'a', similarity: 0.7, language: 'en' },
      { title: 'Peru lawmakers oust President Jerí', sourceId: 'b', similarity: 0.6, language: 'en-GB' },
    ];
    expect(chooseHeadline(peru, sources)).toBe('Peru’s Congress removes President José Jerí');
    // One source in each language: no main language, the closest title heads it; unknown languages never go.
    expect(chooseHeadline(peru.slice(0, 2), sources)).toBe('Peru: Kongres odwołał prezydenta José Jeríego');
    expect(chooseHeadline([{ ...peru[0]!, language: null }, peru[1]!, peru[2]!], sources)).toBe('Peru: Kongres odwołał prezydenta José Jeríego');
    // Aggregators do not vote: one English outlet beside two Polish aggregators heads the story.
    const flags = [{ value: 'aggregator' as const, rater: 'Parallax', url: null, asOf: null }];
    const withAggregators = map(source('g'), source('agg1', [], [], { language: 'pl', flags }), source('agg2', [], [], { language: 'pl', flags }));
    const krakow = [
      { title: 'Kraków: Nowa Huta ewakuowana przez powódź', sourceId: 'agg1', similarity: 0.9, language: 'pl' },
      { title: 'Powódź w Krakowie: ewakuacja Nowej Huty', sourceId: 'agg2', similarity: 0.8, language: 'pl' },
      { title: 'Kraków floods force Nowa Huta evacuation', sourceId: 'g', similarity: 0.5, language: 'en' },
    ];
    expect(chooseHeadline(krakow, withAggregators)).toBe('Kraków floods force Nowa Huta evacuation');
  });

  it('passes over clickbait when a plain title is near', () => {
    expect(isClickbait("You won't believe what the minister said")).toBe(true);
    expect(isClickbait('Opinion: the minister is wrong')).toBe(true);
    const sources = map(source('a'), source('b'));
    expect(chooseHeadline([{ title: "You won't believe what the minister said", sourceId: 'a', similarity: 0.8 }, { title: 'Minister resigns over budget', sourceId: 'b', similarity: 0.6 }], sources)).toBe('Minister resigns over budget');
    expect(chooseHeadline([{ title: "You won't believe what the minister said", sourceId: 'a', similarity: 0.8 }], sources)).toBe("You won't believe what the minister said");
  });

  it('passes over a title that asks rather than tells when a report’s title is near', () => {
    // A reader trial's demo stories: "Where Are the Next Winter Olympics?", "How Epstein got so rich".
    expect(asksRatherThanTells('Where Are the Next Winter Olympics?')).toBe(true);
    expect(asksRatherThanTells('How Epstein got so rich', 'en')).toBe(true);
    expect(asksRatherThanTells('Is this the end of the line for Orban?”')).toBe(true);
    expect(asksRatherThanTells('Czy to koniec?', 'pl')).toBe(true);
    expect(asksRatherThanTells('Who scored: a guide', 'pl')).toBe(false); // a question word only in English
    expect(asksRatherThanTells('Howard Lutnick resigns as commerce secretary', 'en')).toBe(false);
    // a hostile trial's: the World Health Organization and the consumer magazine are no questions
    expect(asksRatherThanTells('WHO declares mpox a global health emergency', 'en')).toBe(false);
    expect(asksRatherThanTells('Which? investigation finds faulty smoke alarms', 'en')).toBe(false);
    expect(asksRatherThanTells('“Are we next?” residents ask as floods spread', 'en')).toBe(false);
    // an explainer's tail: a reader trial's "…: What We Know" headed a story beside a report's title
    expect(asksRatherThanTells("Tumbler Ridge: Canada's Deadliest School Shooting in Decades: What We Know", 'en')).toBe(true);
    expect(asksRatherThanTells('Storm hits the coast – what to know', 'en')).toBe(true);
    expect(asksRatherThanTells("Budget 2026: here's everything you need to know so far", 'en')).toBe(true);
    expect(asksRatherThanTells('Police say they know what happened at the school', 'en')).toBe(false);
    const sources = map(source('a'), source('b'));
    const olympics = [
      { title: 'Where Are the Next Winter Olympics?', sourceId: 'a', similarity: 0.62, language: 'en' },
      { title: 'Milan Cortina Olympics close with medal ceremony', sourceId: 'b', similarity: 0.5, language: 'en' },
    ];
    expect(chooseHeadline(olympics, sources)).toBe('Milan Cortina Olympics close with medal ceremony');
    // not when the report's title is far from the centre, nor when the story has only questions
    expect(chooseHeadline([olympics[0]!, { ...olympics[1]!, similarity: 0.3 }], sources)).toBe('Where Are the Next Winter Olympics?');
    expect(chooseHeadline([olympics[0]!], sources)).toBe('Where Are the Next Winter Olympics?');
  });

  it('passes over a title led by a quotation when a report’s own words are near (a reader trial’s top story)', () => {
    expect(ledByQuotation("'Agreed On Guiding Principles For Deal': Iran On US Nuclear Talks")).toBe(true);
    expect(ledByQuotation('“We will not back down” — minister')).toBe(true);
    expect(ledByQuotation("'It's over': Trump ends talks")).toBe(true); // an apostrophe inside does not end it
    // a quoted name opening a sentence, a quotation later in the title
    expect(ledByQuotation('‘Playmakers’ underscores the serious business of making toys')).toBe(false);
    expect(ledByQuotation('Elbridge Colby: ‘NATO Is Actually Stronger Than Ever.’')).toBe(false);
    expect(ledByQuotation("Iran says 'guiding principles' agreed with US at nuclear talks")).toBe(false);
    const sources = map(source('a'), source('b'));
    const talks = [
      { title: "'Agreed On Guiding Principles For Deal': Iran On US Nuclear Talks", sourceId: 'a', similarity: 0.66, language: 'en' },
      { title: "Iran says 'guiding principles' agreed with US at nuclear talks", sourceId: 'b', similarity: 0.6, language: 'en' },
    ];
    expect(chooseHeadline(talks, sources)).toBe("Iran says 'guiding principles' agreed with US at nuclear talks");
    expect(chooseHeadline([talks[0]!, { ...talks[1]!, similarity: 0.5 }], sources)).toBe("'Agreed On Guiding Principles For Deal': Iran On US Nuclear Talks");
  });

  it('passes over a title in capitals when one in the usual case is near: sentence case would lose "WHO"', () => {
    const sources = map(source('a'), source('b'));
    const who = [
      { title: 'WHO DECLARES MPOX GLOBAL HEALTH EMERGENCY', sourceId: 'a', similarity: 0.7, language: 'en' },
      { title: 'WHO declares mpox a global health emergency', sourceId: 'b', similarity: 0.6, language: 'en' },
    ];
    expect(chooseHeadline(who, sources)).toBe('WHO declares mpox a global health emergency');
    expect(chooseHeadline([who[0]!], sources)).toBe('Who declares mpox global health emergency'); // alone, it is cleaned
  });

  it('never takes wording only one side uses when several sides cover the story', () => {
    const sources = map(source('left1', ['left'], ['very-high']), source('left2', ['lean-left']), source('right1', ['right']), source('center1', ['center'], ['mixed']));
    const candidates = [
      { title: 'Cruel border crackdown tears families apart', sourceId: 'left1', similarity: 0.9 },
      { title: 'Border crackdown tears families apart, critics say', sourceId: 'left2', similarity: 0.5 },
      { title: 'Border bill passes Senate vote', sourceId: 'right1', similarity: 0.6 },
      { title: 'Senate passes border bill in close vote', sourceId: 'center1', similarity: 0.55 },
    ];
    const eligible = eligibleCandidates(candidates, sources).map((c) => c.sourceId);
    expect(eligible).toEqual(['right1', 'center1']);
    expect(chooseHeadline(candidates, sources)).toBe('Border bill passes Senate vote');
    // One side only: its best title is fine.
    expect(chooseHeadline(candidates.slice(0, 2), sources)).toBe('Cruel border crackdown tears families apart');
  });

  it('prefers an outlet over an aggregator', () => {
    const sources = map(source('gn', [], [], { flags: [{ value: 'aggregator', rater: 'Parallax', url: null, asOf: null }] }), source('b'));
    expect(chooseHeadline([{ title: 'Storm - BBC', sourceId: 'gn', similarity: 0.9 }, { title: 'Storm hits coast', sourceId: 'b', similarity: 0.2 }], sources)).toBe('Storm hits coast');
  });

  it("takes an opinion or analysis title only when no news article's is there", () => {
    const sources = map(source('a'), source('b'));
    const column = { title: 'Opinion: The bridge vote was the easy part', sourceId: 'a', similarity: 0.9, kind: 'opinion' as const };
    expect(chooseHeadline([column, { title: 'Council approves bridge money', sourceId: 'b', similarity: 0.3 }], sources)).toBe('Council approves bridge money');
    expect(chooseHeadline([column, { ...column, title: 'Analysis: what the vote means', kind: 'analysis' as const, similarity: 0.5 }], sources)).toBe('Opinion: The bridge vote was the easy part');
  });

  it('throws without candidates', () => {
    expect(() => chooseHeadline([], new Map())).toThrow(/no candidates/);
  });
});
