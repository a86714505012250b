/** `parallax eval`: labelled JSONL, context articles (label null) clustered but not scored, halves. */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run, sharedDataHint } from '../../src/cli/eval';
import { UsageError } from '../../src/cli/ingest-options';
import { DEFAULT_CLUSTER_CONFIG } from '../../src/core/config';
import { labelHalf, parseLabelledJsonl, toClusterDocs, withOverrides } from '../../src/core/story/labelled-docs';
import { SHARED, tempDir } from '../helpers';

const rows = [
  { id: 'n1', title: 'Navalny was poisoned with dart frog toxin, European governments say', label: 'navalny' },
  { id: 'n2', title: 'Kremlin rejects claim it poisoned Navalny with dart frog toxin', label: 'navalny' },
  { id: 'g1', title: 'US and Iran agree guiding principles at Geneva nuclear talks', label: 'iran' },
  { id: 'g2', title: 'Iran says guiding principles agreed with US at Geneva nuclear talks', label: 'iran' },
  { id: 'c1', title: 'European states say Navalny killed with frog toxin epibatidine', label: null },
  { id: 'c2', title: 'Jesse Jackson, civil rights leader, dies at 84', label: null },
];

async function evaluate(args: string[]): Promise<Record<string, number>> {
  const file = path.join(await tempDir('parallax-eval-'), 'set.jsonl');
  await writeFile(file, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  expect(await run(['--data', file, '--json', ...args])).toBe(0);
  return JSON.parse(out) as Record<string, number>;
}

describe('parallax eval', () => {
  afterEach(() => vi.restoreAllMocks());

  it('clusters context articles with the labelled ones and scores only the labelled', async () => {
    const r = await evaluate([]);
    expect(r.items).toBe(4);
    expect(r.clustered).toBe(6);
    expect(r.goldClusters).toBe(2);
    expect(r.bcubedPrecision).toBe(1);
    expect(r.bcubedRecall).toBe(1);
  });

  it('keeps context articles in either half', async () => {
    for (const half of ['A', 'B'] as const) {
      const labelled = rows.filter((r) => r.label !== null && labelHalf(r.label) === half).length;
      const r = await evaluate(['--half', half]);
      expect(r.items).toBe(labelled);
      expect(r.clustered).toBe(labelled + 2);
    }
  });

  it('guesses the language of articles that give none, per source, and says so', async () => {
    const dir = await tempDir('parallax-eval-');
    const file = path.join(dir, 'set.jsonl');
    const polish = 'Na Islandii wprowadzono stan wyjątkowy z powodu obaw o erupcję wulkanu. Mieszkańcy Grindaviku zostali ewakuowani.';
    const english = 'Iceland has declared a state of emergency over fears of a volcanic eruption, and the town of Grindavik was evacuated.';
    const lines = [
      { id: 'p1', title: 'Stan wyjątkowy na Islandii', text: polish, source: 'tvn24', label: 'iceland' },
      { id: 'p2', title: 'Islandia: ewakuacja Grindaviku', text: polish, source: 'tvn24', label: 'iceland' },
      { id: 'e1', title: 'Iceland braces for eruption', text: english, source: 'bbc', label: 'iceland' },
      { id: 'e2', title: 'Grindavik evacuated', text: english, source: 'bbc', language: 'en', label: 'iceland' },
    ];
    await writeFile(file, lines.map((r) => JSON.stringify(r)).join('\n') + '\n');
    let out = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
    expect(await run(['--data', file, '--json'])).toBe(0);
    expect((JSON.parse(out) as { guessedLanguages: unknown }).guessedLanguages).toEqual({ pl: 2, en: 1 });
    out = '';
    expect(await run(['--data', file])).toBe(0);
    expect(out).toMatch(/languages {9}guessed for 3 articles without "language" \(per source, else per article\): pl 2, en 1 \(\d+(\.\d+)? s, not in the speed above; peak RSS includes ELD's database\)\n/);
  });

  it('scores labels holding a NUL as it scores plain ones (NMI had been NaN, printed null with --json)', async () => {
    const scoresOf = async (labels: Record<string, string>): Promise<Record<string, unknown>> => {
      const file = path.join(await tempDir('parallax-eval-'), 'set.jsonl');
      const lines = rows.map((r) => ({ ...r, language: 'en', label: r.label === null ? null : labels[r.label]! }));
      await writeFile(file, lines.map((r) => JSON.stringify(r)).join('\n') + '\n');
      let out = '';
      vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
      expect(await run(['--data', file, '--json'])).toBe(0);
      vi.restoreAllMocks();
      const r = JSON.parse(out) as Record<string, unknown>;
      return Object.fromEntries(['items', 'goldClusters', 'predictedClusters', 'bcubedPrecision', 'bcubedRecall', 'bcubedF1', 'pairwiseF1', 'nmi', 'ari'].map((k) => [k, r[k]]));
    };
    const plain = await scoresOf({ navalny: 'b', iran: 'a' });
    expect(plain).toEqual({ items: 4, goldClusters: 2, predictedClusters: 2, bcubedPrecision: 1, bcubedRecall: 1, bcubedF1: 1, pairwiseF1: 1, nmi: 1, ari: 1 });
    expect(await scoresOf({ navalny: 'a\u0000b', iran: 'a' })).toEqual(plain);
    expect(await scoresOf({ navalny: '\u0000', iran: '\u0000\u0000' })).toEqual(plain);
  });

  it('reads null labels and names a line whose label is missing', () => {
    expect(parseLabelledJsonl('{"id":"a","title":"t","label":null}\n')).toEqual([{ id: 'a', title: 't', label: null }]);
    expect(() => parseLabelledJsonl('{"id":"a","title":"t","label":null}\n{"id":"b","title":"t"}\n')).toThrow('line 2: needs string "id" and "title", and "label" a string or null');
  });
});

describe('parallax eval: bad input is named, never scored silently', () => {
  afterEach(() => vi.restoreAllMocks());

  async function file(name: string, text: string): Promise<string> {
    const f = path.join(await tempDir('parallax-eval-'), name);
    await writeFile(f, text);
    return f;
  }

  it('refuses a file with nothing to score, or a join threshold given twice', async () => {
    const allNull = await file('null.jsonl', '{"id":"a","title":"x","label":null}\n');
    await expect(run(['--data', allNull])).rejects.toThrow(/no labelled article to score \(1 line\(s\), every label null or none\)/);
    await expect(run(['--data', await file('empty.jsonl', '')])).rejects.toThrow(/no labelled article to score/);
    await expect(run(['--data', allNull, '--threshold', '0.2', '--set', 'threshold=0.5'])).rejects.toThrow('--threshold and --set threshold=… both set the join threshold: give one');
    await expect(run(['--data', allNull, '--threshold', 'abc'])).rejects.toThrow('--threshold abc: not a decimal number ≥ 0');
  });

  it('names a --data or --convert-uci path that is missing or a folder (raw ENOENT / EISDIR before)', async () => {
    const dir = await tempDir('parallax-eval-');
    await expect(run(['--data', path.join(dir, 'none.jsonl')])).rejects.toThrow(`--data: no file at ${path.join(dir, 'none.jsonl')}`);
    await expect(run(['--data', dir])).rejects.toThrow(`--data: ${dir} is a directory, not a file`);
    await expect(run(['--convert-uci', dir, '--out', path.join(dir, 'o.jsonl')])).rejects.toThrow(UsageError);
    // An --out into a folder that is not there: one line, exit 2 (it had been a raw ENOENT, exit 1).
    const csv = path.join(dir, 'uci.csv');
    await writeFile(csv, 'ID,TITLE,URL,PUBLISHER,CATEGORY,STORY,HOSTNAME,TIMESTAMP\n1,T,http://a.example/1,P,b,dA,a.example,1394470370698\n');
    await expect(run(['--convert-uci', csv, '--out', path.join(dir, 'missing', 'x.jsonl')])).rejects.toThrow(`--out: folder ${path.join(dir, 'missing')} does not exist`);
  });

  it('says where the data sets live when a path into a missing ../shared is given (it had said only "no file at …")', async () => {
    // A clone without ../shared beside it: the README's command, as a new user runs it.
    const clone = path.join(await tempDir('parallax-eval-'), 'parallax');
    const csv = path.join(clone, '..', 'shared', 'data', 'uci-news-aggregator-subset', 'uci-news-aggregator-first6366.csv');
    const hint = `${path.join(clone, '..', 'shared')} is not here: the evaluation data sets live in ../shared beside the repository in CI, not in it (README.md, "Stories: clustering, identity, evaluation")`;
    await expect(run(['--convert-uci', csv, '--out', path.join(path.dirname(clone), 'uci.jsonl')])).rejects.toThrow(`--convert-uci: no file at ${path.resolve(csv)}: ${hint}`);
    await expect(run(['--data', path.join(clone, '..', 'shared', 'stream.jsonl')])).rejects.toThrow(`--data: no file at ${path.resolve(clone, '..', 'shared', 'stream.jsonl')}: ${hint}`);
    // With the folder there, the file name is what is wrong: no hint.
    const shared = path.join(clone, '..', 'shared');
    await mkdir(shared);
    await expect(run(['--data', path.join(shared, 'nope.jsonl')])).rejects.toThrow(new RegExp(`^--data: no file at ${path.join(shared, 'nope.jsonl')}$`));
    expect(sharedDataHint('/tmp/elsewhere/x.csv')).toBeNull();
  });

  it('names a repeated id, a bad date and a byte order mark is no error', () => {
    expect(() => parseLabelledJsonl('{"id":"1","title":"a","label":"x"}\n{"id":"1","title":"b","label":"y"}\n')).toThrow('line 2: id "1" is already used on line 1');
    expect(() => parseLabelledJsonl('{"id":"1","title":"a","label":"x","published":"yesterday"}\n')).toThrow(/line 1: "published" is not a date/);
    expect(() => parseLabelledJsonl('{"id":"1","title":"a","label":"x","published":1690027200000}\n')).toThrow(/line 1: "published" is not a date/);
    // Not ISO-8601, or no zone (read in the host's zone, so scores could differ between machines): refused, as the
    // README says; a date-time with a zone and a date alone are taken.
    for (const bad of ['29 Nov 2026', 'Sun, 29 Nov 2026 09:02:00 GMT', '2026-02-30']) {
      expect(() => parseLabelledJsonl(`{"id":"1","title":"a","label":"x","published":"${bad}"}\n`)).toThrow(/line 1: "published" is not a date/);
    }
    // ISO-8601 but a local time: the message says what is missing.
    expect(() => parseLabelledJsonl('{"id":"1","title":"a","label":"x","published":"2026-11-29T09:02:00"}\n')).toThrow(
      'line 1: "published" has no time zone (add Z for UTC or an offset such as +02:00, e.g. 2023-07-22T11:00:00Z): "2026-11-29T09:02:00"',
    );
    for (const good of ['2026-11-29T09:02:00Z', '2026-11-29T10:02:00+01:00', '2026-11-29T09:02:00.250Z', '2026-11-29']) {
      expect(parseLabelledJsonl(`{"id":"1","title":"a","label":"x","published":"${good}"}\n`)[0]!.published).toBe(good);
    }
    expect(() => parseLabelledJsonl('{"id":"1","title":"a","label":"x","language":7}\n')).toThrow(/line 1: "language" is not a language tag/);
    const [row] = toClusterDocs(parseLabelledJsonl('{"id":"1","title":"Die Forscher","label":"x","language":"de-AT"}\n'));
    expect(row!.language).toBe('de-AT');
    expect(parseLabelledJsonl('\uFEFF{"id":"1","title":"a","label":"x"}\r\n')).toEqual([{ id: '1', title: 'a', label: 'x' }]);
  });

  it('gives an undated row the time of its dated neighbour, not a made-up one, and cuts titles as ingest does', () => {
    const t = (published?: string) => ({ id: String(Math.random()), title: 't', label: 'x', ...(published ? { published } : {}) });
    const at = Date.parse('2023-07-22T11:00:00Z');
    expect(toClusterDocs([t(), t('2023-07-22T11:00:00Z'), t(), t('2023-07-22T12:00:00Z'), t()]).map((d) => d.time)).toEqual([at, at, at, at + 3_600_000, at + 3_600_000]);
    const start = Date.parse('2000-01-01T00:00:00Z');
    expect(toClusterDocs([t(), t(), t()]).map((d) => d.time)).toEqual([start, start + 1000, start + 2000]);
    // Titles are cut as ingest cuts them: a 200,000-word title had taken 18 s to cluster.
    expect(toClusterDocs([{ ...t(), title: 'word '.repeat(200_000) }])[0]!.title.length).toBeLessThanOrEqual(300);
  });

  it('rejects config keys every object has, hexadecimal and fractional counts', () => {
    expect(() => withOverrides(DEFAULT_CLUSTER_CONFIG, ['toString=1'])).toThrow(/expected key=value with a key of the cluster config/);
    expect(() => withOverrides(DEFAULT_CLUSTER_CONFIG, ['threshold=0x10'])).toThrow('--set threshold=0x10: the value is not a decimal number ≥ 0');
    expect(() => withOverrides(DEFAULT_CLUSTER_CONFIG, ['threshold=-5'])).toThrow(/not a decimal number/);
    expect(() => withOverrides(DEFAULT_CLUSTER_CONFIG, ['candidateTerms=2.5'])).toThrow('--set candidateTerms=2.5: candidateTerms is a whole number');
    // A cosine above 1 joins nothing; storyMergeThreshold above 1 is how the merge step is turned off.
    expect(() => withOverrides(DEFAULT_CLUSTER_CONFIG, ['threshold=5'])).toThrow('--set threshold=5: threshold is a cosine, 0 to 1 (above 1 nothing would ever join)');
    expect(withOverrides(DEFAULT_CLUSTER_CONFIG, ['threshold=1', 'storyMergeThreshold=2'])).toMatchObject({ threshold: 1, storyMergeThreshold: 2 });
    expect(withOverrides(DEFAULT_CLUSTER_CONFIG, ['candidateTerms=12']).candidateTerms).toBe(12);
  });

  it('converts UCI\'s tab-separated newsCorpora.csv as well as the Kaggle CSV, and names a row it cannot read', async () => {
    const row = (id: number, story: string) => [id, `Title ${id}`, `http://a.example/${id}`, 'Reuters', 'b', story, 'a.example', 1394470370698 + id].join('\t');
    const tsv = await file('newsCorpora.csv', `${row(1, 'dA')}\n${row(2, 'dA')}\n`);
    const out = `${tsv}.jsonl`;
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    expect(await run(['--convert-uci', tsv, '--out', out])).toBe(0);
    expect(parseLabelledJsonl(await readFile(out, 'utf8'))).toEqual([
      { id: '1', title: 'Title 1', source: 'Reuters', published: '2014-03-10T16:52:50Z', label: 'dA' },
      { id: '2', title: 'Title 2', source: 'Reuters', published: '2014-03-10T16:52:50Z', label: 'dA' },
    ]);
    const bad = await file('other.csv', 'name,score\nx,1\n');
    await expect(run(['--convert-uci', bad, '--out', `${bad}.jsonl`])).rejects.toThrow(/row 1: expected the UCI columns ID, TITLE, URL, PUBLISHER, CATEGORY, STORY, HOSTNAME, TIMESTAMP/);
  });
});

describe('parallax eval on the UCI subset (../shared)', () => {
  afterEach(() => vi.restoreAllMocks());

  const uci = path.join(SHARED, 'data', 'uci-news-aggregator-subset', 'uci-news-aggregator-first6366.csv');
  it.skipIf(!existsSync(uci))('meets the UCI target with the defaults: BCubed F1 at least 0.80 at precision at least 0.85', async () => {
    // Issue 4's target on the UCI subset (6,366 headlines, 87 gold stories), which the defaults are not chosen on
    // (src/core/config.ts). Every row is a headline, so the title-only limits decide.
    const out = path.join(await tempDir('parallax-uci-'), 'uci.jsonl');
    let printed = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((printed += String(chunk)), true));
    expect(await run(['--convert-uci', uci, '--out', out])).toBe(0);
    printed = '';
    expect(await run(['--data', out, '--json'])).toBe(0);
    const r = JSON.parse(printed) as Record<string, number>;
    expect([r.items, r.goldClusters, r.withoutLead]).toEqual([6366, 87, 6366]);
    expect(r.bcubedPrecision).toBeGreaterThanOrEqual(0.85);
    expect(r.bcubedF1).toBeGreaterThanOrEqual(0.8);
  });
});
