/**
 * A workflow linter for .github/workflows/*.yml, used as a test (actionlint is neither in Debian's archive here nor
 * a dependency): the YAML parses, and the structure follows GitHub's workflow syntax — known top-level, job and
 * step keys, valid triggers and cron lines, permission scopes and levels, `needs` naming existing jobs, each step
 * either `uses` or `run`, `steps.<id>` references naming an earlier step, expressions closed and using known
 * contexts — plus this project's policies: every action pinned to a full commit SHA, a timeout on every job.
 */
import { createRequire } from 'node:module';

const yaml = createRequire(import.meta.url)('js-yaml') as { load: (text: string) => unknown };

const TOP = new Set(['name', 'run-name', 'on', 'permissions', 'env', 'defaults', 'concurrency', 'jobs']);
const JOB = new Set(['name', 'needs', 'permissions', 'runs-on', 'environment', 'concurrency', 'outputs', 'env', 'defaults', 'if', 'steps', 'timeout-minutes', 'strategy', 'continue-on-error', 'container', 'services', 'uses', 'with', 'secrets']);
const STEP = new Set(['id', 'if', 'name', 'uses', 'run', 'working-directory', 'shell', 'with', 'env', 'continue-on-error', 'timeout-minutes']);
const EVENTS = new Set(['push', 'pull_request', 'pull_request_target', 'schedule', 'workflow_dispatch', 'workflow_call', 'workflow_run', 'release', 'merge_group', 'repository_dispatch']);
const SCOPES = new Set(['actions', 'attestations', 'checks', 'contents', 'deployments', 'discussions', 'id-token', 'issues', 'models', 'packages', 'pages', 'pull-requests', 'repository-projects', 'security-events', 'statuses']);
const CONTEXTS = new Set(['github', 'env', 'vars', 'job', 'jobs', 'steps', 'runner', 'secrets', 'strategy', 'matrix', 'needs', 'inputs']);
const EXPR_FUNCS = new Set(['always', 'success', 'failure', 'cancelled', 'contains', 'startsWith', 'endsWith', 'format', 'join', 'toJSON', 'fromJSON', 'hashFiles']);

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);

/** Cron: five fields, each within its range (GitHub's schedule syntax). */
export function validCron(line: string): boolean {
  const f = line.trim().split(/\s+/);
  if (f.length !== 5) return false;
  const ranges: Array<[number, number]> = [[0, 59], [0, 23], [1, 31], [1, 12], [0, 6]];
  return f.every((field, i) =>
    field.split(',').every((part) => {
      const m = /^(\*|\d+(?:-\d+)?)(?:\/(\d+))?$/.exec(part);
      if (!m) return false;
      if (m[1] === '*') return true;
      const [lo, hi = lo] = m[1]!.split('-').map(Number) as [number, number?];
      const [min, max] = ranges[i]!;
      return lo >= min && hi! <= max && lo <= hi!;
    }),
  );
}

function checkExpressions(text: string, where: string, stepIds: ReadonlySet<string>, errors: string[]): void {
  let i = 0;
  while ((i = text.indexOf('${{', i)) !== -1) {
    const end = text.indexOf('}}', i);
    if (end === -1) {
      errors.push(`${where}: unclosed \${{`);
      return;
    }
    const expr = text.slice(i + 3, end);
    for (const m of expr.matchAll(/(?<![\w.'"-])([a-zA-Z_][\w-]*)(?=\s*[.([])/g)) {
      const name = m[1]!;
      if (!CONTEXTS.has(name) && !EXPR_FUNCS.has(name)) errors.push(`${where}: unknown context or function "${name}" in \${{${expr}}}`);
    }
    for (const m of expr.matchAll(/\bsteps\.([\w-]+)/g)) if (!stepIds.has(m[1]!)) errors.push(`${where}: steps.${m[1]} names no step with that id`);
    i = end + 2;
  }
}

function walkStrings(v: unknown, fn: (s: string, path: string) => void, path = ''): void {
  if (typeof v === 'string') fn(v, path);
  else if (Array.isArray(v)) v.forEach((x, i) => walkStrings(x, fn, `${path}[${i}]`));
  else if (isObj(v)) for (const [k, x] of Object.entries(v)) walkStrings(x, fn, path ? `${path}.${k}` : k);
}

function checkPermissions(p: unknown, where: string, errors: string[]): void {
  if (p === 'read-all' || p === 'write-all') return void errors.push(`${where}: ${p} is broader than least privilege`);
  if (!isObj(p)) return void errors.push(`${where}: permissions must be a map`);
  for (const [scope, level] of Object.entries(p)) {
    if (!SCOPES.has(scope)) errors.push(`${where}: unknown permission scope "${scope}"`);
    if (!['read', 'write', 'none'].includes(String(level))) errors.push(`${where}.${scope}: level must be read, write or none`);
  }
}

/** Lints one workflow's text; returns the problems (empty: fine). */
export function lintWorkflow(text: string): string[] {
  const errors: string[] = [];
  let doc: unknown;
  try {
    doc = yaml.load(text);
  } catch (error) {
    return [`YAML: ${(error as Error).message.split('\n')[0]}`];
  }
  if (!isObj(doc)) return ['not a mapping'];
  for (const k of Object.keys(doc)) if (!TOP.has(k)) errors.push(`unknown top-level key "${k}"`);
  const on = doc.on;
  const events = typeof on === 'string' ? [on] : Array.isArray(on) ? on.map(String) : isObj(on) ? Object.keys(on) : [];
  if (!events.length) errors.push('no trigger (on:)');
  for (const e of events) if (!EVENTS.has(e)) errors.push(`unknown event "${e}"`);
  if (isObj(on) && 'schedule' in on) {
    const s = on.schedule;
    if (!Array.isArray(s) || !s.length) errors.push('schedule: a list of { cron } entries');
    else for (const c of s) if (!isObj(c) || typeof c.cron !== 'string' || !validCron(c.cron)) errors.push(`schedule: invalid cron ${JSON.stringify(c)}`);
  }
  if (doc.permissions === undefined) errors.push('no top-level permissions (the default token is broad)');
  else checkPermissions(doc.permissions, 'permissions', errors);
  if (!isObj(doc.jobs) || !Object.keys(doc.jobs).length) return [...errors, 'no jobs'];
  const jobIds = new Set(Object.keys(doc.jobs));
  for (const [id, job] of Object.entries(doc.jobs)) {
    const where = `jobs.${id}`;
    if (!/^[A-Za-z_][\w-]*$/.test(id)) errors.push(`${where}: invalid job id`);
    if (!isObj(job)) {
      errors.push(`${where}: not a mapping`);
      continue;
    }
    for (const k of Object.keys(job)) if (!JOB.has(k)) errors.push(`${where}: unknown key "${k}"`);
    if (!job['runs-on'] && !job.uses) errors.push(`${where}: no runs-on`);
    if (typeof job['timeout-minutes'] !== 'number') errors.push(`${where}: no timeout-minutes`);
    const needs = job.needs === undefined ? [] : Array.isArray(job.needs) ? job.needs : [job.needs];
    for (const n of needs) if (!jobIds.has(String(n)) || n === id) errors.push(`${where}: needs "${n}", which is not another job`);
    if (job.permissions !== undefined) checkPermissions(job.permissions, `${where}.permissions`, errors);
    const steps = job.steps;
    if (!Array.isArray(steps) || !steps.length) {
      errors.push(`${where}: no steps`);
      continue;
    }
    const ids = new Set<string>();
    for (const s of steps) if (isObj(s) && typeof s.id === 'string') ids.add(s.id);
    steps.forEach((step, i) => {
      const sw = `${where}.steps[${i}]`;
      if (!isObj(step)) return void errors.push(`${sw}: not a mapping`);
      for (const k of Object.keys(step)) if (!STEP.has(k)) errors.push(`${sw}: unknown key "${k}"`);
      if (('uses' in step) === ('run' in step)) errors.push(`${sw}: exactly one of uses or run`);
      if (typeof step.uses === 'string' && !step.uses.startsWith('./') && !step.uses.startsWith('docker://')) {
        if (!/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/.test(step.uses)) errors.push(`${sw}: action not pinned to a commit SHA: ${step.uses}`);
      }
    });
    walkStrings(job, (s, p) => checkExpressions(s, `${where}.${p}`, ids, errors));
  }
  walkStrings({ ...doc, jobs: undefined }, (s, p) => checkExpressions(s, p, new Set(), errors));
  return errors;
}
