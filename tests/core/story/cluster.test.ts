import { describe, expect, it } from 'vitest';
import { DEFAULT_CLUSTER_CONFIG } from '../../../src/core/config';
import { clusterDocs, hasLead, type ClusterDoc } from '../../../src/core/story/cluster';

const H = 3_600_000;
const t0 = Date.parse('2026-02-17T12:00:00Z');

const docs: ClusterDoc[] = [
  { id: 'a1', title: 'Navalny was poisoned with dart frog toxin, European governments say', text: 'Britain, France, Germany, Sweden and the Netherlands said Alexei Navalny was killed with epibatidine, a toxin found in dart frogs.', time: t0 },
  { id: 'a2', title: 'Kremlin rejects claim it poisoned Navalny with dart frog toxin', text: 'The Kremlin on Tuesday rejected the European finding that Navalny died of epibatidine poisoning.', time: t0 + 2 * H },
  { id: 'a3', title: 'European states say Navalny killed with frog toxin epibatidine', text: 'Five European governments said Navalny was poisoned in prison with epibatidine.', time: t0 + 1 * H },
  { id: 'b1', title: 'US and Iran reach guiding principles in Geneva nuclear talks', text: 'Iran and the United States agreed on guiding principles at nuclear talks in Geneva, Araghchi said.', time: t0 },
  { id: 'b2', title: 'Iran says guiding principles agreed with US at Geneva nuclear talks', text: 'Foreign Minister Abbas Araghchi said Iran and the US agreed guiding principles for a nuclear deal.', time: t0 + 3 * H },
  { id: 'c1', title: 'Russia and Ukraine open peace talks in Geneva', text: 'Russian and Ukrainian delegations met in Geneva for US-brokered peace talks on the war.', time: t0 + H },
  { id: 'c2', title: 'Ukraine and Russia delegations hold peace talks in Geneva', text: 'Ukrainian and Russian negotiators began two days of peace talks in Geneva.', time: t0 + 2 * H },
  { id: 'd1', title: 'Jesse Jackson, civil rights leader, dies at 84', text: 'The Rev. Jesse Jackson, the civil rights leader and two-time presidential candidate, has died aged 84.', time: t0 },
];

function groups(result: ReturnType<typeof clusterDocs>): string[][] {
  return result.clusters.map((c) => c.map((m) => m.id).sort()).sort((x, y) => (x[0]! < y[0]! ? -1 : 1));
}

describe('clusterDocs', () => {
  it('groups articles of the same event and keeps two Geneva events apart', () => {
    expect(groups(clusterDocs(docs))).toEqual([['a1', 'a2', 'a3'], ['b1', 'b2'], ['c1', 'c2'], ['d1']]);
  });

  it('gives the same clusters whatever the input order', () => {
    const reversed = [...docs].reverse();
    const rotated = [...docs.slice(3), ...docs.slice(0, 3)];
    expect(groups(clusterDocs(reversed))).toEqual(groups(clusterDocs(docs)));
    expect(clusterDocs(rotated).clusters).toEqual(clusterDocs(docs).clusters);
  });

  it('does not link articles further apart in time than maxGapHours', () => {
    const far = docs.filter((d) => d.id.startsWith('b')).map((d, i) => ({ ...d, time: t0 + i * 100 * H }));
    expect(groups(clusterDocs(far))).toEqual([['b1'], ['b2']]);
  });

  it('records each member similarity to the centroid in 0..1, singletons at 1', () => {
    const result = clusterDocs(docs);
    for (const c of result.clusters) for (const m of c) expect(m.similarity).toBeGreaterThan(0.3);
    expect(result.clusters.find((c) => c[0]!.id === 'd1')![0]!.similarity).toBe(1);
  });

  it('handles empty input and documents with no content words', () => {
    expect(clusterDocs([]).clusters).toEqual([]);
    const r = clusterDocs([
      { id: 'x', title: 'The', text: null, time: t0 },
      { id: 'y', title: 'A', text: '', time: t0 },
    ]);
    expect(groups(r)).toEqual([['x'], ['y']]);
  });

  it('joins nothing by numbers alone: items of numbers only stay apart, numbers beside words still count', () => {
    // A hostile trial's feeds titled items "2023 0 1" (no lead): four outlets' items had made one story.
    const numbers = ['n1', 'n2', 'n3', 'n4'].map((id, i) => ({ id, title: '2023 0 1', text: i % 2 ? '2023, 0.5, 1' : null, time: t0 + i * H, source: `s${i}` }));
    const r = clusterDocs([...docs, ...numbers]);
    expect(groups(r)).toEqual([['a1', 'a2', 'a3'], ['b1', 'b2'], ['c1', 'c2'], ['d1'], ['n1'], ['n2'], ['n3'], ['n4']]);
    for (const id of ['n1', 'n2']) expect(r.vectors.get(id)!.ids.length).toBe(0);
    // Amounts and ordinals are numbers too (a second trial's "£10m $5bn" and "1st 2nd 3rd" had made stories).
    for (const title of ['£10m $5bn', '1st 2nd 3rd', '10k 5k']) {
      const same = ['u1', 'u2', 'u3'].map((id, i) => ({ id, title, text: null, time: t0 + i * H, source: `s${i}` }));
      expect(groups(clusterDocs([...docs, ...same])).filter((g) => g.some((id) => id.startsWith('u')))).toEqual([['u1'], ['u2'], ['u3']]);
    }
    // The same numbers with one word each: they are reports, and they join.
    const scored = ['m1', 'm2', 'm3'].map((id, i) => ({ id, title: `Lottery draw 2023: 7 14 21 ${i ? 'drawn' : 'winning numbers'}`, text: null, time: t0 + i * H, source: `s${i}` }));
    expect(groups(clusterDocs([...docs, ...scored])).find((g) => g.includes('m1'))).toEqual(['m1', 'm2', 'm3']);
  });

  it('re-running with its own result as fixed groups gives the same clusters (published assignments are kept)', () => {
    const first = clusterDocs(docs);
    const fixed = first.clusters.map((c) => c.map((m) => m.id));
    expect(clusterDocs(docs, undefined, fixed).clusters).toEqual(first.clusters);
  });

  it('keeps a fixed group together even when its articles are unrelated, and new articles still join it', () => {
    const r = clusterDocs([...docs, { ...docs[1]!, id: 'a4', time: t0 + 4 * H }], undefined, [['a1', 'd1']]);
    expect(groups(r)).toEqual([['a1', 'a2', 'a3', 'a4', 'd1'], ['b1', 'b2'], ['c1', 'c2']]);
  });

  it('closes a held story to new articles once it began more than maxSpanHours before them (groupStarts)', () => {
    // b1 is the window's only article of a story that began 90 h before it (its other articles left the window).
    const late = { ...docs.find((d) => d.id === 'b2')!, time: t0 + 10 * H };
    const held = [docs.find((d) => d.id === 'b1')!, late];
    expect(groups(clusterDocs(held, DEFAULT_CLUSTER_CONFIG, [['b1']], new Set(), [t0 - 80 * H]))).toEqual([['b1', 'b2']]);
    expect(groups(clusterDocs(held, DEFAULT_CLUSTER_CONFIG, [['b1']], new Set(), [t0 - 90 * H]))).toEqual([['b1'], ['b2']]);
    expect(groups(clusterDocs(held, DEFAULT_CLUSTER_CONFIG, [['b1']]))).toEqual([['b1', 'b2']]);
  });

  it('takes a late feed’s earlier-dated report into the published story it belongs to', () => {
    // b1 and b2 (12:00, 15:00) were published as one story; a late feed's report of the same talks, dated 10:00,
    // arrives in the next run. In time order it comes first and finds nothing; b1's article then takes its story in.
    const late: ClusterDoc = { id: 'b0', title: 'Iran and US agree guiding principles at Geneva nuclear talks', text: 'Iran and the United States agreed on guiding principles for a nuclear deal at talks in Geneva.', time: t0 - 2 * H };
    const talks = docs.filter((d) => d.id.startsWith('b'));
    expect(groups(clusterDocs([late, ...talks], undefined, [['b1', 'b2']]))).toEqual([['b0', 'b1', 'b2']]);
    expect(groups(clusterDocs([late, ...docs], undefined, [['b1', 'b2'], ['c1', 'c2']]))).toEqual([['a1', 'a2', 'a3'], ['b0', 'b1', 'b2'], ['c1', 'c2'], ['d1']]);
    // Two published stories are never joined this way, and an unrelated earlier report stays out.
    const other: ClusterDoc = { ...docs.find((d) => d.id === 'd1')!, id: 'd0', time: t0 - 3 * H };
    expect(groups(clusterDocs([other, ...talks], undefined, [['b1'], ['b2']]))).toEqual([['b1'], ['b2'], ['d0']]);
  });

  it('keeps one story when its words are in most of the window (a wire report copied by 400 outlets)', () => {
    // After the first 100 copies every term of the report is over the postings cap (max(100, 5 % of the window)),
    // and copies had found no candidate: 400 copies made 101 stories.
    const copies: ClusterDoc[] = Array.from({ length: 400 }, (_, i) => ({ ...docs[0]!, id: `w${String(i).padStart(3, '0')}`, source: `s${i}`, time: t0 + i * 60_000 }));
    const r = clusterDocs([...copies, ...docs.slice(3)]);
    expect(r.clusters.filter((c) => c.some((m) => m.id.startsWith('w'))).map((c) => c.length)).toEqual([400]);
    expect(groups(r).filter((g) => !g[0]!.startsWith('w'))).toEqual([['b1', 'b2'], ['c1', 'c2'], ['d1']]);
  });

  it('does not join reports of different events by a template title that outlets share ("Morning briefing")', () => {
    const leads = [
      'Floods in Kenya displace thousands of families near Mombasa after days of rain.',
      'Ukrainian drones strike an oil refinery in the Volgograd region overnight.',
      'Wildfire near Perth destroys dozens of homes as crews battle winds.',
      'Typhoon Lan lashes southern Japan with heavy rain and wind.',
      'Brazil’s Lula visits Angola for trade and energy talks.',
      'Floods in Kenya displace thousands of families near Mombasa after days of rain.',
    ];
    const briefings: ClusterDoc[] = leads.map((text, i) => ({ id: `m${i}`, title: 'Morning briefing', text, source: `brief${i}`, time: t0 + i * 300_000 }));
    // A day's other news, each report in words of its own, so that the briefing's two words are rare in the batch.
    const news: ClusterDoc[] = Array.from({ length: 300 }, (_, i) => ({ id: `x${i}`, title: `Report ${i.toString(36)}ka ${(i * 7).toString(36)}zo`, text: `Lead ${(i * 13).toString(36)}qu ${(i * 17).toString(36)}vy ${(i * 19).toString(36)}wo.`, source: `n${i % 20}`, time: t0 + i * 60_000 }));
    expect(groups(clusterDocs([...briefings, ...news])).filter((g) => g[0]!.startsWith('m'))).toEqual([['m0', 'm5'], ['m1'], ['m2'], ['m3'], ['m4']]);
    // Without leads, a short title that one outlet gives items a day apart is a series' name: six outlets' two days
    // of briefings had been one story.
    const daily: ClusterDoc[] = [0, 1].flatMap((day) => leads.map((_, i) => ({ id: `d${day}${i}`, title: 'Morning briefing', text: null, source: `brief${i}`, time: t0 + day * 24 * H + i * 300_000 })));
    expect(clusterDocs([...daily, ...news]).clusters.filter((c) => c[0]!.id.startsWith('d')).map((c) => c.length)).toEqual(Array(12).fill(1));
    // One event's short headline from four outlets over leads worded apart stays one story: two of the leads say
    // "died" (a hostile trial: the rule had parted them into four stories).
    const pope: ClusterDoc[] = [
      ['Pope Francis dies', 'The Vatican announced on Monday that the pontiff passed away at 88 at his residence in Casa Santa Marta.'],
      ['Pope Francis dies', 'Cardinal Kevin Farrell told the faithful that the Argentine-born leader of 1.4 billion Catholics died early this morning.'],
      ['Pope Francis has died', 'Jorge Mario Bergoglio, the first Latin American to head the Roman Catholic Church, has died following a long illness, officials said.'],
      ['Pope Francis dies', 'Tributes poured in from world leaders after news broke of the death of the first Jesuit pope, who was elected in 2013.'],
    ].map(([title, text], i) => ({ id: `p${i}`, title: title!, text: text!, source: `s${i}`, time: t0 + i * 300_000 }));
    expect(groups(clusterDocs([...pope, ...news])).filter((g) => g[0]!.startsWith('p'))).toEqual([['p0', 'p1', 'p2', 'p3']]);
    // One event's identical headline from three outlets, their leads worded apart, stays one story (5+ terms).
    const fired = ['The board said it had lost confidence in him.', 'Directors pushed out the chief executive on Friday afternoon.', 'Investors were stunned by the decision.'];
    const same: ClusterDoc[] = fired.map((text, i) => ({ id: `f${i}`, title: 'Sam Altman fired as chief executive of OpenAI', text, source: `s${i}`, time: t0 + i * 600_000 }));
    expect(groups(clusterDocs([...same, ...news])).filter((g) => g[0]!.startsWith('f'))).toEqual([['f0', 'f1', 'f2']]);
  });

  it('merges two stories that one article reaches when their centroids are close', () => {
    // a1 and a3 are held apart as two stories; a2, close to both, joins one and the two merge (even without the
    // story merge step).
    const navalny = docs.filter((d) => d.id.startsWith('a'));
    const noStep = { ...DEFAULT_CLUSTER_CONFIG, storyMergeThreshold: 2 };
    expect(groups(clusterDocs(navalny, noStep, [['a1'], ['a3']]))).toEqual([['a1', 'a2', 'a3']]);
  });

  it('merges a new story with a close one beyond the gap window in the story merge step, and only there', () => {
    // a3 and a4 come 40 h after a1 and a2: too late to be candidates for them (36 h gap), close enough for one
    // story (96 h span). The pass makes two stories; the merge step joins them.
    const later = [docs[0]!, docs[1]!, { ...docs[2]!, time: t0 + 40 * H }, { ...docs[1]!, id: 'a4', time: t0 + 41 * H }];
    expect(groups(clusterDocs(later))).toEqual([['a1', 'a2', 'a3', 'a4']]);
    expect(groups(clusterDocs(later, { ...DEFAULT_CLUSTER_CONFIG, storyMergeThreshold: 2 }))).toEqual([['a1', 'a2'], ['a3', 'a4']]);
    // Stories that gained nothing in this run are not compared again (the past is not re-clustered).
    expect(groups(clusterDocs(later, undefined, [['a1', 'a2'], ['a3', 'a4']]))).toEqual([['a1', 'a2'], ['a3', 'a4']]);
  });

  it('needs more than one shared term to join an article or merge two stories (minResidualSimilarity)', () => {
    // Two Kerala stories that share only the state's name (a topic, not an event), among unrelated headlines; the
    // Navalny pair shares three terms and joins either way.
    const others = ['Apple earnings beat forecasts', 'Chelsea sign striker', 'Oil prices climb', 'Senate passes budget', 'Storm batters coast', 'Vaccine trial succeeds', 'Museum returns artefacts', 'Airline cancels flights'];
    const batch: ClusterDoc[] = [
      { id: 'k1', title: 'Floods hit Kerala', text: null, time: t0 },
      { id: 'k2', title: 'Exams delayed in Kerala', text: null, time: t0 + H },
      { id: 'n1', title: 'Navalny killed with frog toxin, Europe says', text: null, time: t0 },
      { id: 'n2', title: 'Kremlin denies Navalny frog toxin claim', text: null, time: t0 + H },
      ...others.map((title, i) => ({ id: `o${i}`, title, text: null, time: t0 + i * 60_000 })),
    ];
    const multi = (r: ReturnType<typeof clusterDocs>) => groups(r).filter((g) => g.length > 1);
    const ungated = { ...DEFAULT_CLUSTER_CONFIG, minResidualSimilarity: 0, titleOnlyResidualSimilarity: 0 };
    expect(multi(clusterDocs(batch, ungated))).toEqual([['k1', 'k2'], ['n1', 'n2']]);
    expect(multi(clusterDocs(batch))).toEqual([['n1', 'n2']]);
    // The same in the story merge step: two 2-article Kerala stories 40 h apart (beyond the pass's gap window).
    const later = [
      ...batch,
      { id: 'k3', title: 'Kerala floods force evacuations', text: null, time: t0 + 10 * 60_000 },
      { id: 'k4', title: 'Kerala exams postponed', text: null, time: t0 + 41 * H },
    ].map((d) => (d.id === 'k2' ? { ...d, time: t0 + 40 * H } : d));
    expect(multi(clusterDocs(later, ungated))).toEqual([['k1', 'k2', 'k3', 'k4'], ['n1', 'n2']]);
    expect(multi(clusterDocs(later))).toEqual([['k1', 'k3'], ['k2', 'k4'], ['n1', 'n2']]);
  });

  it('uses the title-only threshold and residual when both sides lack a lead, the lead ones otherwise', () => {
    // (Without their leads, the two Geneva talks share "Geneva" and "talks" in this 8-headline batch and would merge:
    // the Russia–Ukraine ones are left out of the headline-only cases.)
    const titlesOnly = docs.filter((d) => !d.id.startsWith('c')).map((d) => ({ ...d, text: null }));
    const strict = { ...DEFAULT_CLUSTER_CONFIG, threshold: 0.99, storyMergeThreshold: 0.99 };
    // Headlines alone are judged by titleOnlyThreshold (0.22), so the lead threshold of 0.99 does not part them…
    expect(groups(clusterDocs(titlesOnly, strict))).toEqual([['a1', 'a2', 'a3'], ['b1', 'b2'], ['d1']]);
    // …while the same articles with their leads, or one side with a lead, are judged by it.
    expect(groups(clusterDocs(docs, strict))).toEqual(docs.map((d) => [d.id]));
    const mixed = docs.map((d) => (d.id === 'a1' || d.id === 'b1' ? { ...d, text: null } : d));
    expect(groups(clusterDocs(mixed, strict))).toEqual(docs.map((d) => [d.id]));
    // And the other way round: a strict title-only threshold keeps headlines apart and leaves articles with leads be.
    const strictTitles = { ...DEFAULT_CLUSTER_CONFIG, titleOnlyThreshold: 0.99 };
    expect(groups(clusterDocs(titlesOnly, strictTitles))).toEqual(titlesOnly.map((d) => [d.id]));
    expect(groups(clusterDocs(docs, strictTitles))).toEqual(groups(clusterDocs(docs)));
    // The title-only residual holds too: no two of these headlines stay that alike once their top term is left out.
    expect(groups(clusterDocs(titlesOnly, { ...DEFAULT_CLUSTER_CONFIG, titleOnlyResidualSimilarity: 0.99 }))).toEqual(titlesOnly.map((d) => [d.id]));
  });

  it('counts as a lead only text that is more than the title again', () => {
    expect(hasLead({ title: 'Floods hit Kerala', text: 'Rain has cut off villages in three districts.' })).toBe(true);
    expect(hasLead({ title: 'Floods hit Kerala', text: null })).toBe(false);
    expect(hasLead({ title: 'Floods hit Kerala', text: '  floods  HIT kerala ' })).toBe(false);
    expect(hasLead({ title: 'Floods hit Kerala', text: ' … ' })).toBe(false);
    expect(hasLead({ title: 'Floods hit Kerala', text: 'Floods hit Kerala, killing 12' })).toBe(true);
    expect(hasLead({ title: 'Floods hit Kerala', text: 'Floods hitKerala' })).toBe(true);
    expect(hasLead({ title: 'Floods hit Kerala', text: 'Floods hit Kerala\u00a0today' })).toBe(true);
    expect(hasLead({ title: 'Floods hit Kerala', text: 'Floods\u00a0hit\n\nKerala' })).toBe(false);
    expect(hasLead({ title: 'Floods hit', text: 'Floods hit Kerala' })).toBe(true);
  });

  it('offers one-article stories to the merge step as the pass left each story, not to a centroid that absorbed some', () => {
    // l1 and l2 come more than maxGapHours after the Grindavik story and after each other, so only the merge step can
    // join them. l1 is close to the story as the pass left it; l2 only to the story once l1 is in it (its centroid
    // drifted towards the power plant): l2 stays alone. It had joined, because a story that absorbed a lone article
    // was visited again in the same first round, where lone articles are still offered.
    const others = ['Apple earnings beat forecasts', 'Chelsea sign striker', 'Oil prices climb', 'Senate passes budget', 'Storm batters coast', 'Vaccine trial succeeds', 'Museum returns artefacts', 'Airline cancels flights'];
    const batch: ClusterDoc[] = [
      { id: 's1', title: 'Volcano erupts near Grindavik', text: 'A volcano erupted near the Icelandic town of Grindavik on Monday, forcing evacuations.', time: t0 },
      { id: 's2', title: 'Iceland volcano erupts, Grindavik evacuated', text: 'The eruption near Grindavik forced residents to leave as lava flowed.', time: t0 + H },
      { id: 'l1', title: 'Lava from Grindavik volcano reaches Svartsengi power plant', text: 'Lava from the eruption near Grindavik reached the Svartsengi geothermal power plant and the Blue Lagoon.', time: t0 + 40 * H },
      { id: 'l2', title: 'Svartsengi power plant and Blue Lagoon shut as lava nears', text: 'The Svartsengi geothermal power plant and the Blue Lagoon spa closed as lava approached.', time: t0 + 80 * H },
      ...others.map((title, i) => ({ id: `o${i}`, title, text: `${title} on Monday, officials said.`, time: t0 + i * 60_000 })),
    ];
    const multi = (config = DEFAULT_CLUSTER_CONFIG) => groups(clusterDocs(batch, config)).filter((g) => g.length > 1);
    expect(multi({ ...DEFAULT_CLUSTER_CONFIG, storyMergeThreshold: 2 })).toEqual([['s1', 's2']]); // the pass alone
    expect(multi()).toEqual([['l1', 's1', 's2']]);
  });

  it('never lets an isolated article join or be joined', () => {
    const r = clusterDocs(docs, undefined, [], new Set(['a1']));
    expect(groups(r)).toEqual([['a1'], ['a2', 'a3'], ['b1', 'b2'], ['c1', 'c2'], ['d1']]);
  });
});
