/** The GitHub workflows pass the workflow linter, and publish.yml keeps its publishing guarantees. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers';
import { lintWorkflow, validCron } from './lint-workflow';

const yaml = createRequire(import.meta.url)('js-yaml') as { load: (text: string) => any };
const DIR = path.join(ROOT, '.github', 'workflows');
const files = readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f)).sort();

describe('workflow lint', () => {
  it.each(files)('%s passes', (f) => {
    expect(lintWorkflow(readFileSync(path.join(DIR, f), 'utf8'))).toEqual([]);
  });

  it('catches what it is meant to catch', () => {
    const bad = `
name: x
on: { schedule: [{ cron: '61 * * * *' }], pushh: {} }
permissions: write-all
jobs:
  a:
    runs-on: ubuntu-24.04
    needs: b
    steps:
      - uses: actions/checkout@v4
      - run: echo \${{ stepz.x.outputs.y }} \${{ steps.nope.outputs.z }}
        uses: foo/bar@0123456789012345678901234567890123456789
`;
    const errors = lintWorkflow(bad).join('\n');
    for (const want of ['invalid cron', 'unknown event "pushh"', 'write-all', 'needs "b"', 'not pinned', 'exactly one of uses or run', 'unknown context or function "stepz"', 'steps.nope', 'no timeout-minutes']) {
      expect(errors).toContain(want);
    }
    expect(lintWorkflow('on: [push\n')[0]).toMatch(/^YAML/);
  });

  it('validates cron lines', () => {
    expect(['17 * * * *', '*/15 0-6 * * 1-5', '0 0 1,15 * *'].every(validCron)).toBe(true);
    expect(['60 * * * *', '* * * *', '* 24 * * *', 'x * * * *'].some(validCron)).toBe(false);
  });
});

describe('publish.yml', () => {
  const wf = yaml.load(readFileSync(path.join(DIR, 'publish.yml'), 'utf8'));
  it('runs hourly and on demand, one run at a time, never cancelling a run in progress', () => {
    expect(wf.on.schedule).toEqual([{ cron: '17 * * * *' }]);
    expect(wf.on).toHaveProperty('workflow_dispatch');
    expect(wf.concurrency).toEqual({ group: 'publish', 'cancel-in-progress': false });
  });
  it('grants nothing by default and each job only what it needs', () => {
    expect(wf.permissions).toEqual({});
    expect(wf.jobs.fetch.permissions).toEqual({ contents: 'read' });
    expect(wf.jobs['ingest-and-build'].permissions).toEqual({ contents: 'write' });
    expect(wf.jobs.deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
  });
  it('fans fetching out over 4 shards and merges them before one clustering step', () => {
    expect(wf.jobs.fetch.strategy.matrix.shard).toEqual([1, 2, 3, 4]);
    const runs = (job: string): string => wf.jobs[job].steps.map((s: { run?: string }) => s.run ?? '').join('\n');
    expect(runs('fetch')).toContain('--shard "${{ matrix.shard }}/4" --fetch-only --out shards');
    expect(runs('ingest-and-build')).toContain('ingest --merge shards --content content');
  });
  it('commits content/ only, and only when it changed', () => {
    const commit = wf.jobs['ingest-and-build'].steps.find((s: { name?: string }) => s.name === 'Commit content/ when it changed').run as string;
    expect(commit).toContain('git add content\n');
    expect(commit).toContain('if ! git diff --cached --quiet; then');
    expect(commit).not.toMatch(/git add (-A|\.|--all)/);
  });
});
