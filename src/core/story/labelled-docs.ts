/**
 * Labelled articles for clustering evaluation: one JSON object per line (JSONL),
 *   {"id", "title", "text"?, "source"?, "published"?, "label"}
 * A `label` of null marks a context article: it is clustered with the others (as the unlabelled articles of a day's
 * feeds are) but not scored, so a hand-labelled sample can be judged inside the whole stream it came from.
 * `published` is UTC ISO-8601 (or any Date.parse-able ISO form); without dates, file order is stream order (one
 * second apart, so time never separates them).
 */
import { createHash } from 'node:crypto';
import type { ClusterConfig, ClusterDoc } from './cluster';

export interface LabelledDoc {
  id: string;
  title: string;
  text?: string | null;
  source?: string | null;
  published?: string | null;
  /** Gold story label, or null for a context article (clustered, not scored). */
  label: string | null;
}

/** Parses JSONL text. Throws Error naming the line for a line that is not valid JSON, lacks a string id or title,
 * or whose label is neither a string nor null. */
export function parseLabelledJsonl(text: string): LabelledDoc[] {
  const out: LabelledDoc[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let row: Partial<LabelledDoc>;
    try {
      row = JSON.parse(line) as Partial<LabelledDoc>;
    } catch (error) {
      throw new Error(`line ${i + 1}: not JSON (${(error as Error).message})`);
    }
    if (typeof row.id !== 'string' || typeof row.title !== 'string' || (typeof row.label !== 'string' && row.label !== null)) {
      throw new Error(`line ${i + 1}: needs string "id" and "title", and "label" a string or null`);
    }
    out.push(row as LabelledDoc);
  });
  return out;
}

/** Cluster documents from labelled rows (time from `published`, else stream order at one-second steps). */
export function toClusterDocs(rows: LabelledDoc[]): ClusterDoc[] {
  const start = Date.parse('2000-01-01T00:00:00Z');
  return rows.map((r, i) => {
    const t = r.published ? Date.parse(r.published) : NaN;
    return { id: r.id, title: r.title, text: r.text ?? null, time: Number.isNaN(t) ? start + i * 1000 : t, source: r.source ?? null };
  });
}

/**
 * Rows of the UCI News Aggregator CSV (Gasparetti 2016; columns ID, TITLE, URL, PUBLISHER, CATEGORY, STORY, HOSTNAME,
 * TIMESTAMP in ms) as labelled docs: label = STORY, source = PUBLISHER, published from TIMESTAMP.
 */
export function fromUciRows(rows: Array<Record<string, string>>): LabelledDoc[] {
  return rows.map((r) => ({
    id: r.ID!,
    title: r.TITLE!,
    source: r.PUBLISHER ?? null,
    published: new Date(Number(r.TIMESTAMP)).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    label: r.STORY!,
  }));
}

/**
 * Which half of a labelled set a gold story belongs to: 'A' when the first byte of the SHA-1 of its label is even,
 * else 'B'. Whole stories fall in one half, so a parameter can be chosen on half A and reported on half B (and the
 * other way round) without fitting it to the stories it is judged on.
 */
export function labelHalf(label: string): 'A' | 'B' {
  return createHash('sha1').update(label).digest()[0]! % 2 === 0 ? 'A' : 'B';
}

/**
 * `config` with `key=value` overrides applied (values parsed as numbers). Throws Error naming the first override that
 * is not `key=value`, names a key `config` does not have, or whose value is not a finite number.
 */
export function withOverrides(config: Readonly<ClusterConfig>, overrides: readonly string[]): ClusterConfig {
  const out: ClusterConfig = { ...config };
  for (const o of overrides) {
    const eq = o.indexOf('=');
    const key = o.slice(0, eq);
    const value = Number(o.slice(eq + 1));
    if (eq <= 0 || !(key in config)) throw new Error(`--set ${o}: expected key=value with a key of the cluster config (${Object.keys(config).join(', ')})`);
    if (o.slice(eq + 1).trim() === '' || !Number.isFinite(value)) throw new Error(`--set ${o}: the value is not a number`);
    (out as unknown as Record<string, number>)[key] = value;
  }
  return out;
}
