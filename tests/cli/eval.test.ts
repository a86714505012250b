/** `parallax eval`: labelled JSONL, context articles (label null) clustered but not scored, halves. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../src/cli/eval';
import { labelHalf, parseLabelledJsonl } from '../../src/core/story/labelled-docs';
import { tempDir } from '../helpers';

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

  it('reads null labels and names a line whose label is missing', () => {
    expect(parseLabelledJsonl('{"id":"a","title":"t","label":null}\n')).toEqual([{ id: 'a', title: 't', label: null }]);
    expect(() => parseLabelledJsonl('{"id":"a","title":"t","label":null}\n{"id":"b","title":"t"}\n')).toThrow('line 2: needs string "id" and "title", and "label" a string or null');
  });
});
