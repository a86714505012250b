import { describe, expect, it } from 'vitest';
import { DEFAULT_CLUSTER_CONFIG } from '../../../src/core/config';
import { categoryTopics, indexedSurnames, keyTerms, storyTopics } from '../../../src/core/story/topics';
import { buildTermModel, centroid, termCounts, toVector } from '../../../src/core/story/vectorize';

const arts = [
  { title: 'Hungary election: Orban faces strongest challenge', categories: ['Europe', 'Elections', 'internal-open-access'] },
  { title: "Orban's rival leads polls before Hungary vote", categories: ['europe', 'Politics'] },
  { title: 'Rubio praises Orban ahead of Hungary election', categories: ['World', 'Elections'] },
];

/** The term model of `window` (titles, leads, languages) and the centroid of its first `size` articles (all by default). */
function modelOf(window: ReadonlyArray<{ title: string; summary?: string | null; language?: string }>, size = window.length) {
  const counts = window.map((a) => termCounts({ title: a.title, text: a.summary ?? null, language: a.language ?? null }, DEFAULT_CLUSTER_CONFIG));
  const model = buildTermModel(counts);
  return { model, centre: centroid(counts.slice(0, size).map((c) => toVector(c.counts, model, DEFAULT_CLUSTER_CONFIG.entityBoost))) };
}

describe('topics', () => {
  it('keeps feed categories shared by two articles (or the only article’s), without internal tags', () => {
    expect(categoryTopics(arts)).toEqual(['elections', 'europe']);
    expect(categoryTopics([arts[0]!])).toEqual(['elections', 'europe']);
  });
  it('adds the heaviest centroid terms used by two titles, in their usual spelling', () => {
    const { model, centre } = modelOf(arts);
    const terms = keyTerms(arts, centre, model);
    expect(terms.length).toBeLessThanOrEqual(3);
    expect(terms).toEqual(expect.arrayContaining(['orban', 'hungary']));
    expect(terms).not.toContain('rubio'); // one title only
    const topics = storyTopics(arts, centre, model);
    expect(topics.slice(0, 2)).toEqual(['elections', 'europe']);
    expect(new Set(topics).size).toBe(topics.length);
  });
  it('reads titles in their language, as the clustering did (Polish words get the Polish stemmer, not Porter)', () => {
    const polish = [
      { title: 'Hołownia w Sejmie: pierwsze posiedzenie', categories: [], language: 'pl' },
      { title: 'Posiedzenie w Sejmie. Hołownia marszałkiem', categories: [], language: 'pl' },
    ];
    const { model, centre } = modelOf(polish);
    expect(keyTerms(polish, centre, model)).toEqual(expect.arrayContaining(['sejmie', 'hołownia', 'posiedzenie']));
    // Read as English, "posiedzenie" becomes Porter's "posiedzeni", not the Polish stem "posiedzen" the model has.
    expect(keyTerms(polish.map((a) => ({ ...a, language: 'en' })), centre, model)).not.toContain('posiedzenie');
  });

  it('turns index-style person tags into names and drops snake_case internal tags and section names', () => {
    const tagged = [
      { title: 'a', categories: ['Trump, Donald J', 'Putin, Vladimir V', 'homepage_regional_europe', 'Economy, Business and Finance', 'Biden, Joseph R Jr', 'News', 'World'] },
      { title: 'b', categories: ['trump, donald j', 'PUTIN, VLADIMIR V', 'homepage_regional_europe', 'economy, business and finance', 'news', 'world'] },
    ];
    expect(categoryTopics(tagged)).toEqual(['donald trump', 'economy, business and finance', 'vladimir putin']);
    expect(categoryTopics([tagged[0]!])).toContain('joseph biden jr');
    expect(categoryTopics([{ title: 'c', categories: ['Trump, Donald J Jr.', 'Trump, Donald J'] }])).toEqual(['donald trump', 'donald trump jr']);
    expect(categoryTopics([{ title: 'd', categories: ['Fans (persons)', 'Olympic Games (event)', 'Liverpool (England)'] }])).toEqual(['fans', 'liverpool (england)', 'olympic games']);
  });

  it('writes a surname the window’s feeds tag index-style as the full name the story writes, so both share one topic', () => {
    const tagged = [
      { title: 'x', categories: ['Trump, Donald J', 'Putin, Vladimir V', 'Jordan, Michael B'] },
      { title: 'y', categories: ['Trump, Donald J'] },
      { title: 'z', categories: ['Trump, Donald J Jr.', 'Economy, Business and Finance'] },
    ];
    const surnames = indexedSurnames(tagged);
    expect(Object.fromEntries(surnames)).toEqual({ trump: ['donald trump', 'donald trump jr'], putin: ['vladimir putin'], jordan: ['michael jordan'] });
    const topicsOf = (story: Array<{ title: string; summary?: string; categories: string[] }>) => {
      const { model, centre } = modelOf(story);
      return storyTopics(story, centre, model, surnames);
    };
    const herzog = [
      { title: 'Trump attacks Herzog over pardon request', summary: 'President Donald J. Trump said on Monday that Israel’s president should pardon Netanyahu.', categories: [] },
      { title: 'Herzog rejects Trump criticism', summary: 'Herzog said he would not bow to pressure from Trump.', categories: [] },
    ];
    const topics = topicsOf(herzog);
    expect(topics).toContain('donald trump');
    expect(topics).toContain('herzog');
    expect(topics).not.toContain('trump');
    // the son, where the story writes him
    const son = herzog.map((a) => ({ ...a, summary: a.summary.replace('President Donald J. Trump', 'Donald Trump Jr.') }));
    expect(topicsOf(son)).toContain('donald trump jr');
    // a surname with an apostrophe, written as the text splits it
    const obrien = indexedSurnames([{ categories: ["O'Brien, Conan C"] }]);
    const host = [
      { title: "O'Brien to host the Oscars again", summary: "Conan O'Brien will host the Academy Awards again next year.", categories: [] },
      { title: "Oscars bring back O'Brien", summary: 'The academy said the host was a hit.', categories: [] },
    ];
    const m = modelOf(host);
    expect(storyTopics(host, m.centre, m.model, obrien)).toContain("conan o'brien");
    // a surname the story never writes with the given name stays the word: the country is not the basketball player
    const country = [
      { title: 'Jordan recalls ambassador to Israel', summary: 'Jordan said it recalled its ambassador in protest.', categories: [] },
      { title: 'Jordan recalls envoy over Gaza', summary: 'Amman recalled its ambassador to Israel.', categories: [] },
    ];
    expect(topicsOf(country)).toContain('jordan');
    expect(topicsOf(country)).not.toContain('michael jordan');
    // already a category of the story: not twice, not the father's name beside the son's tag
    const taggedSon = herzog.map((a) => ({ ...a, categories: ['Trump, Donald J Jr'] }));
    expect(topicsOf(taggedSon).filter((t) => t.includes('trump'))).toEqual(['donald trump jr']);
  });

  it('takes no number written as a word, nor the obituary’s "aged"', () => {
    const story = [
      { title: 'France arrests nine over killing of activist', categories: [] },
      { title: 'Nine arrested in France over activist death', categories: [] },
      { title: 'Jesse Jackson dies aged 84', categories: [] },
      { title: 'Civil rights leader Jesse Jackson dies, aged 84', categories: [] },
    ];
    const { model, centre } = modelOf(story);
    const terms = keyTerms(story, centre, model, 10);
    expect(terms).toEqual(expect.arrayContaining(['france', 'jesse jackson']));
    expect(terms).not.toContain('nine');
    expect(terms).not.toContain('aged');
  });

  it('takes words many other stories use only as names, and two names written together as one', () => {
    // The window: the story's four reports, and other stories' reports that also say "identified" and "suspect".
    const story = [
      { title: 'Rhode Island rink shooting: suspect identified', categories: [] },
      { title: 'Police in Rhode Island name rink shooting suspect', categories: [] },
      { title: 'Rhode Island shooting at ice rink leaves two dead', categories: [] },
      { title: 'Suspect identified after Rhode Island rink attack', categories: [] },
    ];
    const others = ['Suspect identified in Paris museum theft', 'Bank robbery suspect identified by police', 'Victim identified after suspect arrested in Ohio', 'Second suspect identified in Texas case', 'Suspect in Berlin attack identified'].map((title) => ({ title, categories: [] }));
    const { model, centre } = modelOf([...story, ...others], story.length);
    const terms = keyTerms(story, centre, model);
    expect(terms).toContain('rhode island');
    expect(terms).toContain('rink');
    expect(terms).not.toContain('rhode');
    expect(terms).not.toContain('identified'); // 2 of its 7 titles are the story's
    expect(terms).not.toContain('suspect');
  });
});
