import { describe, expect, it } from 'vitest';
import { DEFAULT_CLUSTER_CONFIG } from '../../../src/core/config';
import { clusterDocs } from '../../../src/core/story/cluster';
import { calendarTerms } from '../../../src/core/story/tokenize';
import { buildTermModel, termCounts, toVector, vectorizeBatch } from '../../../src/core/story/vectorize';

const docs = [
  { title: 'Navalny Was Poisoned With Dart Frog Toxin, European Governments Say', text: 'Britain, France and Germany said Alexei Navalny was killed with epibatidine. The Kremlin denied it: "absurd", it said.\nMore follows.' },
  { title: 'Kremlin rejects claim it poisoned Navalny', text: 'The Kremlin on Tuesday rejected the European finding that Navalny died of epibatidine poisoning in an Arctic prison.' },
  { title: 'U.S. and Iran agree guiding principles in Geneva', text: null },
  { title: '東京で地震 (Tokyo earthquake)', text: 'Ein Erdbeben der Stärke 5 erschütterte Tokio am Dienstag. ' + 'word '.repeat(200) },
  { title: 'The', text: '' },
  // Edge cases of the character scanner: curly and straight apostrophes, inner dots and hyphens, marks (Devanagari),
  // accents, an emoji (surrogate pair) and no-break spaces, sentence ends at "..." / "?!" / ":" and CRLF, a word
  // ending in an inner punctuation mark at the end of the text.
  { title: 'O’Neill’s U.S. visit: Covid-19 talks… “Historic”', text: 'Café owners in Zürich said: prices rose.\r\nहिन्दी समाचार पढ़ें. Then what?!\u00a0Nothing... Really; Mr. Smith-\n\nJones met 3.5m people in 2023 😀 Sunday e-mail-' },
  { title: 'Tesla東京 opens. Sony-東 Deal Signed', text: 'Toyota said: Prius新型 sales rose. ไทย news. Then Honda.' },
  { title: 'Why It Matters: The Big Story Of The Day', text: 'Officials In Paris Said Nothing.  Police arrested 2 men.\tSee Page 3.' },
  // The same words in several languages: each text's language decides its stop words and stemming.
  { title: 'MIT researchers die in Alps crash', text: 'Three MIT scientists died.', language: 'en-US' },
  { title: 'Die Forscher will also kommen', text: 'Die Polizei sagt, die Forscher sind am MIT.', language: 'de' },
  { title: 'Hołownia w Sejmie na posiedzeniu', text: 'Marszałek Sejmu Szymon Hołownia powiedział, że to nie jest koniec.', language: 'PL' },
  { title: '東京で地震が発生', text: '気象庁によると、東京で地震があった。', language: 'ja' },
];

describe('vectorizeBatch', () => {
  it.each([
    ['default options', DEFAULT_CLUSTER_CONFIG],
    ['short leads, no boost', { ...DEFAULT_CLUSTER_CONFIG, maxBodyTokens: 5, entityBoost: 1 }],
    ['one lead token', { ...DEFAULT_CLUSTER_CONFIG, maxBodyTokens: 1 }],
  ])('gives the same model and vectors as termCounts + buildTermModel + toVector (%s)', (_, options) => {
    const counted = docs.map((d) => termCounts(d, options));
    const model = buildTermModel(counted);
    const batch = vectorizeBatch(docs, options);
    expect(batch.model.terms).toEqual(model.terms);
    expect([...batch.model.df]).toEqual([...model.df]);
    expect([...batch.model.entity]).toEqual([...model.entity]);
    expect([...batch.model.idf]).toEqual([...model.idf]);
    counted.forEach((c, i) => {
      const v = toVector(c.counts, model, options.entityBoost);
      expect([...batch.vectors[i]!.ids]).toEqual([...v.ids]);
      expect([...batch.vectors[i]!.weights]).toEqual([...v.weights]);
    });
    expect(batch.vectors[4]!.ids.length).toBe(0);
    expect(['oneil', 'covid', '19', 'histor', 'cafe'].every((t) => batch.model.termIds.has(t))).toBe(true);
    // Name-like terms: "Kremlin" is capitalised inside sentence-case text; "poisoned" is not.
    expect(batch.model.entity[batch.model.termIds.get('kremlin')!]).toBe(1);
    expect(batch.model.entity[batch.model.termIds.get('poison')!]).toBe(0);
    // Language: English keeps "die" and "MIT" (both stop words of German, "mit" its "with"); Polish words get the
    // Polish light stemmer, not Porter ("posiedzeniu" → "posiedzen", which Porter leaves whole); Japanese particles (で, が, に) are stop words of Japanese.
    const termsOf = (i: number) => [...batch.vectors[i]!.ids].map((id) => batch.model.terms[id]);
    expect(termsOf(8)).toEqual(expect.arrayContaining(['die', 'mit', 'alp', 'crash']));
    expect(termsOf(9)).not.toContain('die');
    expect(termsOf(9)).not.toContain('will');
    expect(termsOf(9)).toEqual(expect.arrayContaining(['forscher', 'polizei']));
    expect(termsOf(10)).toEqual(expect.arrayContaining(['sejmi', 'holown', 'posiedzen']));
    expect(termsOf(10)).not.toContain('na');
    expect(termsOf(11)).toEqual(expect.arrayContaining(['東京', '地震']));
    expect(termsOf(11).some((t) => ['で', 'が', 'に'].includes(t!))).toBe(false);
  });

  it('never takes a month or weekday name for a name, though English capitalises it inside sentences', () => {
    const dated = [
      { title: 'Markets', text: 'Prices of chips rose sharply in February after Nvidia reported strong sales on Tuesday.', language: 'en' },
      { title: 'Weather', text: 'Snow fell in February across Ohio.', language: 'en' },
    ];
    for (const batch of [vectorizeBatch(dated, DEFAULT_CLUSTER_CONFIG), { model: buildTermModel(dated.map((d) => termCounts(d, DEFAULT_CLUSTER_CONFIG))) }]) {
      const entity = (term: string) => batch.model.entity[batch.model.termIds.get(term)!];
      expect(['februari', 'nvidia', 'ohio'].map(entity)).toEqual([0, 1, 1]);
    }
    expect([...calendarTerms()]).toEqual(expect.arrayContaining(['januari', 'februari', 'march', 'jan', 'septemb', 'sept', 'thu']));
  });
});

describe('feed templates', () => {
  // A Hacker News-style feed: every summary is the same boilerplate around the links; the titles are unrelated.
  const topics = ['Rust compiler release notes', 'Diamond prices plunge', 'SQLite version control', 'Colocation providers in Texas', 'Beg bounties explained', 'Film lights damaged aircraft window', 'Humans versus GPT-4 on abstraction', 'Raspberry Pi storage board', 'Open source maintainers burnout', 'Database indexing deep dive', 'Quantum error correction milestone', 'Lisp machines history', 'Browser extension privacy audit', 'Solar panel recycling startup', 'Keyboard firmware hacking', 'Postgres vacuum tuning', 'Satellite imagery of glaciers', 'Type theory for programmers', 'Bicycle supply chain', 'Mechanical watch repair', 'Container image slimming', 'Ocean shipping emissions', 'Chess engine evaluation', 'Printer ink economics', 'Audio codec comparison'];
  const hn = topics.map((title, i) => ({ title, text: `Article URL: https://example.com/${i} Comments URL: https://news.ycombinator.com/item?id=${i} Points: ${i + 3} # Comments: ${i}`, source: 'hn' }));
  const other = [{ title: 'Readers flood comments section after court ruling', text: 'The comments poured in.', source: 'paper' }];
  const terms = (batch: ReturnType<typeof vectorizeBatch>, i: number) => [...batch.vectors[i]!.ids].map((id) => batch.model.terms[id]);

  it("leaves a source's template terms out of its own vectors only, and only with enough of its articles", () => {
    const batch = vectorizeBatch([...hn, ...other], DEFAULT_CLUSTER_CONFIG);
    for (let i = 0; i < hn.length; i++) {
      expect(terms(batch, i)).not.toContain('comment');
      expect(terms(batch, i)).not.toContain('url');
    }
    expect(terms(batch, 0)).toEqual(expect.arrayContaining(['rust', 'compil']));
    expect(terms(batch, hn.length)).toContain('comment'); // another source's word stays
    // Under feedTemplateMinDocs articles, or with the rule off, nothing is left out.
    const few = vectorizeBatch(hn.slice(0, DEFAULT_CLUSTER_CONFIG.feedTemplateMinDocs - 1), DEFAULT_CLUSTER_CONFIG);
    expect(terms(few, 0)).toContain('comment');
    expect(terms(vectorizeBatch(hn, { ...DEFAULT_CLUSTER_CONFIG, feedTemplateShare: 2 }), 0)).toContain('comment');
  });

  it("keeps a feed's unrelated items apart that its boilerplate had made one story", () => {
    // In a batch of many sources (the feed's items 5 % of it), as in the 7-day stream where 480 Hacker News items
    // had made stories of 239 and 134.
    const t0 = Date.parse('2026-02-17T12:00:00Z');
    const docs = [
      ...hn.map((d, i) => ({ ...d, id: `hn${i}`, time: t0 + i * 600_000 })),
      ...Array.from({ length: 500 }, (_, i) => ({ id: `x${i}`, title: `Item${i} about topic${i % 250}`, text: null, time: t0 + i * 30_000, source: `s${i % 50}` })),
    ];
    const multi = (config: typeof DEFAULT_CLUSTER_CONFIG) => clusterDocs(docs, config).clusters.filter((c) => c.length > 1 && c[0]!.id.startsWith('hn')).length;
    expect(multi({ ...DEFAULT_CLUSTER_CONFIG, feedTemplateShare: 2 })).toBeGreaterThan(0);
    expect(multi(DEFAULT_CLUSTER_CONFIG)).toBe(0);
  });

  it('leaves out the credit line a source begins unrelated leads with, not a name its titles carry too', () => {
    // The demo's AllAfrica items from one partner, each lead begun "[Capital FM] Nairobi --", an airport strike, a
    // tobacco bill, State House spending and a golf tournament, had made one story by those words.
    const credit = (title: string, lead: string) => ({ title, text: `[Capital FM] Nairobi -- ${lead}`, source: 'allafrica' });
    const kenya = [
      credit('Kenya: State House spending soars', 'State House overspends.'),
      credit('Kenya: Tobacco bill worries traders', 'Senate weighs tobacco law.'),
      credit('Kenya: Open golf champions return', 'Golf champions are back.'),
      credit('Aviation workers end strike', 'Airport strike called off in Nairobi.'),
    ];
    // A source's reports on one man begin with his name, which their titles carry: the lead keeps it.
    const wire = (title: string, rest: string) => ({ title, text: `President Joe Biden said on Wednesday ${rest}`, source: 'wire' });
    const biden = [
      wire('Biden says Xi summit made progress', 'the summit made progress on fentanyl.'),
      wire('Biden and Xi agree to resume military talks', 'military talks would resume.'),
      wire('Biden calls Xi a dictator', 'that Xi is a dictator.'),
    ];
    const batch = vectorizeBatch([...kenya, ...biden], DEFAULT_CLUSTER_CONFIG);
    const terms = (i: number) => [...batch.vectors[i]!.ids].map((id) => batch.model.terms[id]);
    for (let i = 0; i < kenya.length; i++) {
      expect(terms(i)).not.toContain('capit');
      expect(terms(i)).not.toContain('fm');
    }
    expect(terms(0)).not.toContain('nairobi');
    expect(terms(3)).toEqual(expect.arrayContaining(['strike', 'airport'])); // the rest of the lead stays
    for (let i = kenya.length; i < kenya.length + biden.length; i++) expect(terms(i)).toEqual(expect.arrayContaining(['biden', 'joe'])); // "President": a stop word
    // One outlet's reports of one event, all begun alike under titles worded apart, go on about the event: kept (a
    // hostile trial's four eruption reports had lost "Iceland", "eruption" and "Grindavík" and left their story).
    const lava = (title: string, rest: string) => ({ title, text: `Iceland's Meteorological Office said the Reykjanes eruption near Grindavík ${rest} The eruption showed no sign of ending near Grindavík.`, source: 'alpha' });
    const eruption = [
      lava('Lava fountains reach fifty metres overnight', 'sent lava fountains fifty metres high.'),
      lava('Blue Lagoon shut, guests moved out', 'forced the Blue Lagoon to close.'),
      lava('Power plant defences hold', 'has not reached the power plant.'),
    ];
    const kept = vectorizeBatch(eruption, DEFAULT_CLUSTER_CONFIG);
    for (let i = 0; i < eruption.length; i++) expect([...kept.vectors[i]!.ids].map((id) => kept.model.terms[id])).toEqual(expect.arrayContaining(['iceland', 'erupt', 'grindavik']));
    // Two leads so begun are not enough.
    const two = vectorizeBatch(kenya.slice(0, 2), DEFAULT_CLUSTER_CONFIG);
    expect([...two.vectors[0]!.ids].map((id) => two.model.terms[id])).toContain('fm');
  });
});
