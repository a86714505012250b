/**
 * The run's clock: the build shows times relative to the ingest run that wrote the content (state/run.json), never
 * to Date.now(), so building the same content twice gives the same pages.
 */
import fs from 'node:fs';
import path from 'node:path';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/;

/** `now` from the text of run.json, or undefined when absent or unusable (never throws). */
export function parseRunNow(text: string | undefined): string | undefined {
  if (!text) return undefined;
  try {
    const data: unknown = JSON.parse(text);
    if (data && typeof data === 'object' && 'now' in data) {
      const now = (data as { now: unknown }).now;
      if (typeof now === 'string' && ISO.test(now) && !Number.isNaN(Date.parse(now))) return now;
    }
  } catch {
    /* fall through */
  }
  return undefined;
}

/**
 * The clock to build with: run.json's `now`; else the latest `lastUpdated` among the stories; else the Unix epoch
 * (an empty instance), all deterministic.
 */
export function resolveNow(runNow: string | undefined, lastUpdated: readonly string[]): string {
  if (runNow) return runNow;
  let max: string | undefined;
  for (const t of lastUpdated) if (max === undefined || t > max) max = t;
  return max ?? '1970-01-01T00:00:00Z';
}

/** Read `<contentDir>/state/run.json` (absent is fine). */
export function readRunNow(contentDir: string): string | undefined {
  try {
    return parseRunNow(fs.readFileSync(path.join(contentDir, 'state', 'run.json'), 'utf8'));
  } catch {
    return undefined;
  }
}
