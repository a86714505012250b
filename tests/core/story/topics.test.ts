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
    // ties: more of their words in the titles first
    const obituary = { title: 'Frederick Vreeland, diplomat and spy, dies at 98', categories: ['Deaths (Obituaries)', 'Vreeland, Diana', 'Vreeland, Frederick'] };
    expect(categoryTopics([obituary], 1)).toEqual(['frederick vreeland']);
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
    // a given name beside the full name its surname became is not a topic of its own
    const colby = [{ title: 'Elbridge Colby: NATO is actually stronger than ever', summary: 'An interview with the Pentagon policy chief.', categories: [] }];
    const c = modelOf(colby);
    const colbyTopics = storyTopics(colby, c.centre, c.model, indexedSurnames([{ categories: ['Colby, Elbridge A'] }]));
    expect(colbyTopics).toContain('elbridge colby');
    expect(colbyTopics).not.toContain('elbridge');
    // a tag with a curly apostrophe, titles with a straight one
    const curly = indexedSurnames([{ categories: ['O’Brien, Conan C'] }]);
    expect(storyTopics(host, m.centre, m.model, curly)).toContain('conan o’brien');
    // a tag without a middle initial, where the story writes the name; not where it does not
    const plain = indexedSurnames([{ categories: ['Newsom, Gavin', 'Politics, Government'] }]);
    expect(Object.fromEntries(plain)).toEqual({ newsom: ['gavin newsom'], politics: ['government politics'] });
    const newsom = [
      { title: 'Newsom signs climate bill', summary: 'California Governor Gavin Newsom signed the bill on Tuesday.', categories: [] },
      { title: 'Newsom backs new climate law', summary: 'The governor said the law would cut emissions.', categories: [] },
    ];
    const n = modelOf(newsom);
    expect(storyTopics(newsom, n.centre, n.model, plain)).toContain('gavin newsom');
    expect(storyTopics(newsom, n.centre, n.model, plain)).not.toContain('newsom');
    // already a category of the story: not twice, not the father's name beside the son's tag
    const taggedSon = herzog.map((a) => ({ ...a, categories: ['Trump, Donald J Jr'] }));
    expect(topicsOf(taggedSon).filter((t) => t.includes('trump'))).toEqual(['donald trump jr']);
  });

  it('writes an index-style tag without a middle initial as the name only where the story writes that name', () => {
    const story = [
      { title: 'After trip to Germany, AOC expresses frustrations', summary: 'Alexandria Ocasio-Cortez spoke in Berlin.', categories: ['Ocasio-Cortez, Alexandria', 'Politics, Government'] },
      { title: 'AOC in Berlin', summary: 'Ocasio-Cortez met German lawmakers.', categories: ['Ocasio-Cortez, Alexandria', 'Politics, Government'] },
    ];
    expect(categoryTopics(story)).toEqual(['alexandria ocasio-cortez', 'politics, government']);
    // the same tag over a story that never writes the name is left as the feed wrote it
    expect(categoryTopics(story.map((a) => ({ ...a, summary: 'The congresswoman spoke in Berlin.' })))).toContain('ocasio-cortez, alexandria');
  });

  it('takes a given name written beside a surname already taken as part of it, not as a topic of its own', () => {
    const story = [
      { title: 'Peru votes to impeach President José Jerí', summary: 'Lawmakers voted to remove José Jerí after four months.', categories: [] },
      { title: 'Peru’s Congress ousts interim President José Jerí', summary: 'The vote came amid a corruption probe.', categories: [] },
      { title: 'Jerí removed as Peru’s president amid corruption probe', summary: 'Congress removed José Jerí on Tuesday.', categories: [] },
      { title: 'Congress removes Jerí over corruption probe', summary: 'Jerí had been in office since October.', categories: [] },
      { title: 'Who is Jerí, the ousted president?', summary: 'Jerí, 39, led Congress before.', categories: [] },
    ];
    const { model, centre } = modelOf(story);
    const terms = keyTerms(story, centre, model, 10);
    expect(terms).toEqual(expect.arrayContaining(['jerí', 'peru']));
    expect(terms).not.toContain('josé');
    expect(terms).not.toContain('josé jerí'); // 2 of "jerí"'s 5 titles
  });

  it('writes a name of three words whole when its third word follows it wherever it is written', () => {
    // A reader trial's chip "elana meyers" (Elana Meyers Taylor); "kim jong" likewise.
    const bobsled = [
      { title: 'Bobsledder Elana Meyers Taylor, 41, wins gold in 5th Olympic appearance', summary: 'Elana Meyers Taylor has won her first Olympic gold in women’s monobob.', categories: [] },
      { title: 'Bobsledder Elana Meyers Taylor captures gold, her sixth Olympic medal', summary: 'American bobsledder Elana Meyers Taylor won her first gold Olympic medal.', categories: [] },
    ];
    const b = modelOf(bobsled);
    expect(keyTerms(bobsled, b.centre, b.model, 10)).toContain('elana meyers taylor');
    expect(keyTerms(bobsled, b.centre, b.model, 10)).not.toContain('taylor');
    const summit = [
      { title: 'Kim Jong Un oversees missile test', summary: 'North Korean leader Kim Jong Un watched the launch, state media said.', categories: [] },
      { title: 'Kim Jong Un vows more launches', summary: 'Kim Jong Un said the tests would go on.', categories: [] },
    ];
    const k = modelOf(summit);
    expect(keyTerms(summit, k.centre, k.model, 10)).toContain('kim jong un');
    // not a word that follows a name in lower case, nor one that follows it in only some of its uses
    const starmer = [
      { title: 'Keir Starmer Seeks Powers Over Online Access', summary: 'Keir Starmer said on Sunday he would seek powers over internet access.', categories: [] },
      { title: 'Keir Starmer Seeks Faster Defence Spending', summary: 'Keir Starmer told reporters Britain must step up.', categories: [] },
    ];
    const st = modelOf(starmer);
    expect(keyTerms(starmer, st.centre, st.model, 10)).toContain('keir starmer');
    expect(keyTerms(starmer, st.centre, st.model, 10).filter((t) => t.startsWith('keir starmer '))).toEqual([]);
  });

  it('takes the particle a lead capitalises before a name ("New York"), and writes acronyms in capitals', () => {
    // An operator trial's topic pages "York", "Uk", "Ai".
    const story = [
      { title: 'New York sues AI firm over chatbot', summary: 'New York state sued an AI company on Monday, saying its new chatbot misled users in the UK and the US.', categories: [] },
      { title: 'New York lawsuit targets AI chatbot maker', summary: 'The New York attorney general said the AI firm had a new plan.', categories: [] },
      { title: 'UK regulator joins New York in AI chatbot probe', summary: 'The UK regulator opened its own inquiry into the AI chatbot.', categories: [] },
    ];
    const { model, centre } = modelOf(story);
    const topics = storyTopics(story, centre, model);
    expect(topics).toContain('new york');
    expect(topics).not.toContain('york');
    expect(topics).toContain('AI');
    expect(topics.filter((t) => t === 'ai' || t === 'uk')).toEqual([]);
    // "Prime Minister Keir Starmer": an office before a name is not part of it
    const starmer = [
      { title: 'Prime Minister Keir Starmer seeks powers over online access', summary: 'British Prime Minister Keir Starmer said on Sunday he would seek broader powers.', categories: [] },
      { title: 'Prime Minister Keir Starmer says Britain must spend faster', summary: 'Prime Minister Keir Starmer told reporters Britain must step up.', categories: [] },
    ];
    const st = modelOf(starmer);
    expect(keyTerms(starmer, st.centre, st.model, 10).filter((t) => /minister keir|prime minister/.test(t))).toEqual([]);
  });

  it('is not fooled by shouted or Title Case headlines, and keeps names that begin with an office word (a hostile trial’s)', () => {
    const shouted = [
      { title: 'SENATE PASSES STOPGAP FUNDING BILL TO AVERT SHUTDOWN', summary: 'The Senate passed a stopgap funding bill on Friday to avert a government shutdown.', categories: [] },
      { title: 'Senate passes stopgap funding bill to avert shutdown', summary: 'Senators voted 77-19 for the stopgap bill, sending it to President Joe Biden.', categories: [] },
    ];
    const sh = modelOf(shouted);
    const shoutedTopics = storyTopics(shouted, sh.centre, sh.model);
    expect(shoutedTopics.length).toBeGreaterThan(0);
    expect(shoutedTopics.filter((t) => t !== t.toLowerCase())).toEqual([]);
    const musk = [
      { title: 'Elon Musk Says Tesla Will Build Robotaxi Factory', summary: 'The carmaker plans a new plant for its driverless taxis.', categories: [] },
      { title: 'Tesla To Build Robotaxi Factory In Texas, Elon Musk Says', summary: 'The plant would open in two years.', categories: [] },
      { title: 'Elon Musk Says Robotaxi Factory Will Open In 2027', summary: 'Production would start within two years, the company said.', categories: [] },
    ];
    const mu = modelOf(musk);
    expect(keyTerms(musk, mu.centre, mu.model, 10)).toContain('elon musk');
    expect(keyTerms(musk, mu.centre, mu.model, 10).filter((t) => t.startsWith('elon musk '))).toEqual([]);
    const league = [
      { title: 'Arsenal go top of the Premier League', summary: 'Arsenal beat Chelsea to go top of the Premier League on Sunday.', categories: [] },
      { title: 'Premier League: Arsenal top after Chelsea win', summary: 'The Premier League leaders won 2-0 at home.', categories: [] },
    ];
    const le = modelOf(league);
    expect(keyTerms(league, le.centre, le.model, 10)).toContain('premier league');
    const pm = [
      { title: 'Bangladesh PM Tarique Rahman sworn in', summary: 'Tarique Rahman was sworn in as prime minister on Tuesday.', categories: [] },
      { title: 'PM Tarique Rahman names his cabinet', summary: 'Bangladesh’s new prime minister Tarique Rahman named 25 ministers.', categories: [] },
    ];
    const p = modelOf(pm);
    const pmTopics = storyTopics(pm, p.centre, p.model);
    expect(pmTopics).toContain('tarique rahman');
    expect(pmTopics.filter((t) => /^(?:pm|prime)$/iu.test(t))).toEqual([]);
    // a second hostile pass's: offices of two words, abbreviated offices, and a hyphenated given name
    const offices = [
      { title: 'Attorney General Pam Bondi sues Gov. Newsom over Jean-Luc Mélenchon visit', summary: 'Attorney General Pam Bondi sued Gov. Gavin Newsom after Jean-Luc Mélenchon visited Sacramento.', categories: [] },
      { title: 'Vice President JD Vance backs Attorney General Pam Bondi as Jean-Luc Mélenchon leaves', summary: 'Vice President JD Vance said Pam Bondi was right; Jean-Luc Mélenchon left on Friday.', categories: [] },
    ];
    const o = modelOf(offices);
    const officeTopics = storyTopics(offices, o.centre, o.model);
    expect(officeTopics).toContain('pam bondi');
    expect(officeTopics).toContain('jean-luc mélenchon');
    expect(officeTopics.filter((t) => /^(?:gov|vice|attorney|general|attorney general.*|luc mélenchon)$/u.test(t))).toEqual([]);
  });

  it('joins two words a story writes together wherever it writes either, twice at least; not one Title Case headline’s', () => {
    const lanka = [
      { title: "'People Don't Think MPs Deserve It': Sri Lanka Scraps Lawmaker Pensions", summary: 'Sri Lanka’s parliament voted to end pensions for former lawmakers.', categories: [] },
    ];
    const l = modelOf(lanka);
    const lankaTerms = keyTerms(lanka, l.centre, l.model, 10);
    expect(lankaTerms).toContain('sri lanka');
    expect(lankaTerms).not.toContain('lanka');
    expect(lankaTerms).not.toContain('sri');
    const skating = [{ title: 'Japan Wins Pairs Figure Skating, Knocking China From the Top', summary: 'The Japanese pair won gold ahead of the Chinese pair.', categories: [] }];
    const k = modelOf(skating);
    const skatingTerms = keyTerms(skating, k.centre, k.model, 10);
    expect(skatingTerms).toContain('china');
    expect(skatingTerms).not.toContain('knocking china');
  });

  it('takes a hyphenated name as one, but two names joined by a hyphen that the story also writes apart as two', () => {
    const aoc = [
      { title: 'Ocasio-Cortez weighs Senate run', summary: 'Alexandria Ocasio-Cortez is said to be considering a run.', categories: [] },
      { title: 'Ocasio-Cortez says no decision yet', summary: 'Ocasio-Cortez told reporters she had not decided.', categories: [] },
    ];
    const a = modelOf(aoc);
    const aocTerms = keyTerms(aoc, a.centre, a.model, 10);
    expect(aocTerms).toContain('ocasio-cortez');
    expect(aocTerms).not.toContain('ocasio');
    expect(aocTerms).not.toContain('cortez');
    const talks = [
      { title: 'Russia-Ukraine talks end in Geneva', summary: 'Russia and Ukraine ended a first day of talks. Ukraine said Russia made no offer.', categories: [] },
      { title: 'Russia-Ukraine peace talks resume', summary: 'Delegations from Russia and Ukraine met again.', categories: [] },
    ];
    const t = modelOf(talks);
    const talkTerms = keyTerms(talks, t.centre, t.model, 10);
    expect(talkTerms).toEqual(expect.arrayContaining(['russia', 'ukraine']));
    expect(talkTerms).not.toContain('russia-ukraine');
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
