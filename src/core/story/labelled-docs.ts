/**
 * Labelled articles for clustering evaluation: one JSON object per line (JSONL),
 *   {"id", "title", "text"?, "source"?, "language"?, "published"?, "label"}
 * A `label` of null marks a context article: it is clustered with the others (as the unlabelled articles of a day's
 * feeds are) but not scored, so a hand-labelled sample can be judged inside the whole stream it came from.
 * `published` is ISO-8601: a date-time with a zone, or a date (UTC midnight). File order is stream order: without any dates the
 * rows are one second apart (so time never separates them); a row without a date, among dated ones, takes the time
 * of the dated row before it (or, at the start, the first one after it).
 */
import { createHash } from 'node:crypto';
import { z } from 'astro/zod';
import { TITLE_MAX_CHARS } from '../config';
import { canonicalUrl } from '../feed/canonical-url';
import { truncateText } from '../feed/clean-text';
import type { ClusterConfig, ClusterDoc } from './cluster';
import { articleIdFor } from './ids';

export interface LabelledDoc {
  id: string;
  title: string;
  text?: string | null;
  source?: string | null;
  /** BCP 47 tag of the article's language ("en", "pl"); absent or null: unknown (tokenize.ts's stop words for an
   * unknown language, English stemming). */
  language?: string | null;
  published?: string | null;
  /** Gold story label, or null for a context article (clustered, not scored). */
  label: string | null;
}

/** ISO-8601 date-times with a zone (RFC 3339), or a calendar date alone (read as UTC midnight). */
const ISO_DATE_TIME = z.string().datetime({ offset: true });
const ISO_DATE = z.string().date();
/** An ISO-8601 date-time without a zone ("2023-07-22T11:00:00"): a local time, of no one zone, so refused. */
const ISO_LOCAL_DATE_TIME = z.string().datetime({ local: true });

/**
 * Whether `text` is an ISO-8601 date-time with a zone ("2023-07-22T11:00:00Z", "…+02:00") or a date ("2023-07-22")
 * that names a real day. Date.parse had also taken "29 Nov 2026", RFC 2822 dates and zone-less times, the last read
 * in the host machine's zone, so one file could score differently on two machines.
 */
function isIsoDate(text: string): boolean {
  return (ISO_DATE_TIME.safeParse(text).success || ISO_DATE.safeParse(text).success) && !Number.isNaN(Date.parse(text));
}

/** Parses JSONL text (a leading byte order mark and CRLF line ends are accepted). Throws Error naming the line for
 * a line that is not valid JSON, lacks a string id or title, repeats an earlier id, has a label that is neither a
 * string nor null, a `published` that is not a date string, or a `language` that is not a string. */
export function parseLabelledJsonl(text: string): LabelledDoc[] {
  const out: LabelledDoc[] = [];
  const lineOf = new Map<string, number>();
  text.replace(/^\uFEFF/, '').split('\n').forEach((line, i) => {
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
    const earlier = lineOf.get(row.id);
    if (earlier !== undefined) throw new Error(`line ${i + 1}: id "${row.id}" is already used on line ${earlier}`);
    lineOf.set(row.id, i + 1);
    if (row.published !== undefined && row.published !== null && (typeof row.published !== 'string' || !isIsoDate(row.published))) {
      const zoneless = typeof row.published === 'string' && ISO_LOCAL_DATE_TIME.safeParse(row.published).success;
      throw new Error(`line ${i + 1}: "published" ${zoneless ? 'has no time zone (add Z for UTC or an offset such as +02:00' : 'is not a date (ISO-8601'}, e.g. 2023-07-22T11:00:00Z): ${JSON.stringify(row.published).slice(0, 60)}`);
    }
    if (row.language !== undefined && row.language !== null && typeof row.language !== 'string') {
      throw new Error(`line ${i + 1}: "language" is not a language tag (e.g. "en"): ${JSON.stringify(row.language).slice(0, 60)}`);
    }
    out.push(row as LabelledDoc);
  });
  return out;
}

/**
 * Article id → event id of a hand-labelled events file (tests/fixtures/snapshot-gold.json lists each article's `url`,
 * stream-gold.json its `link`), keyed as ingest keys articles: the id of the canonical URL. A link that is not an
 * http(s) URL is skipped.
 */
export function eventLabels(events: ReadonlyArray<{ id: string; articles: ReadonlyArray<{ url?: string; link?: string }> }>): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of events) {
    for (const a of e.articles) {
      const url = canonicalUrl(a.url ?? a.link ?? '');
      if (url) out.set(articleIdFor(url), e.id);
    }
  }
  return out;
}

/**
 * Cluster documents from labelled rows. Time (ms) from `published`; without any dates, stream order at one-second
 * steps from 2000-01-01; an undated row among dated ones takes the time of the dated row before it, or at the start
 * of the first dated row after it (so it is never set apart from its neighbours by a made-up date). Titles are cut
 * at TITLE_MAX_CHARS, as ingest cuts them.
 */
export function toClusterDocs(rows: LabelledDoc[]): ClusterDoc[] {
  const times = rows.map((r) => (r.published ? Date.parse(r.published) : NaN));
  const firstDated = times.find((t) => !Number.isNaN(t));
  const start = Date.parse('2000-01-01T00:00:00Z');
  let previous = firstDated;
  return rows.map((r, i) => {
    let time = times[i]!;
    if (Number.isNaN(time)) time = previous ?? start + i * 1000;
    else previous = time;
    // Titles cut as ingest cuts them (TITLE_MAX_CHARS), so eval clusters what the pipeline would.
    return { id: r.id, title: truncateText(r.title, TITLE_MAX_CHARS), text: r.text ?? null, time, source: r.source ?? null, language: r.language ?? null };
  });
}

/**
 * Rows of the UCI News Aggregator CSV (Gasparetti 2016; columns ID, TITLE, URL, PUBLISHER, CATEGORY, STORY, HOSTNAME,
 * TIMESTAMP in ms) as labelled docs: label = STORY, source = PUBLISHER, published from TIMESTAMP. Throws Error naming
 * the first row without an ID, TITLE, STORY or a numeric TIMESTAMP.
 */
export function fromUciRows(rows: Array<Record<string, string>>): LabelledDoc[] {
  return rows.map((r, i) => {
    const ms = Number(r.TIMESTAMP);
    if (!r.ID || !r.TITLE || !r.STORY || !/^\d+$/.test(r.TIMESTAMP ?? '') || Number.isNaN(new Date(ms).getTime())) {
      throw new Error(`row ${i + 1}: expected the UCI columns ${UCI_COLUMNS.join(', ')} (TIMESTAMP in ms since 1970), got ${JSON.stringify(r).slice(0, 120)}`);
    }
    return { id: r.ID, title: r.TITLE, source: r.PUBLISHER || null, published: new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z'), label: r.STORY };
  });
}

/** The UCI News Aggregator's columns, in file order (UCI_readme.txt: newsCorpora.csv is tab-delimited, no header). */
export const UCI_COLUMNS = ['ID', 'TITLE', 'URL', 'PUBLISHER', 'CATEGORY', 'STORY', 'HOSTNAME', 'TIMESTAMP'] as const;

/**
 * Which half of a labelled set a gold story belongs to: 'A' when the first byte of the SHA-1 of its label is even,
 * else 'B'. Whole stories fall in one half, so a parameter can be chosen on half A and reported on half B (and the
 * other way round) without fitting it to the stories it is judged on.
 */
export function labelHalf(label: string): 'A' | 'B' {
  return createHash('sha1').update(label).digest()[0]! % 2 === 0 ? 'A' : 'B';
}

/** Cluster config fields that count things (whole numbers). */
const INTEGER_KEYS: ReadonlySet<string> = new Set(['candidateTerms', 'maxBodyTokens', 'feedTemplateMinDocs']);
/** Cluster config fields that are cosines, 0..1 (storyMergeThreshold and feedTemplateShare are not: above 1 turns
 * their step off, ClusterConfig). */
const COSINE_KEYS: ReadonlySet<string> = new Set(['threshold', 'titleOnlyThreshold', 'minPairSimilarity', 'minResidualSimilarity', 'titleOnlyResidualSimilarity']);

/**
 * `config` with `key=value` overrides applied (values parsed as numbers). Throws Error naming the first override that
 * is not `key=value`, names a key `config` does not have, has a value that is not a plain decimal number ≥ 0, gives
 * a fraction for a field that counts things (INTEGER_KEYS) or more than 1 for a cosine (COSINE_KEYS).
 */
export function withOverrides(config: Readonly<ClusterConfig>, overrides: readonly string[]): ClusterConfig {
  const out: ClusterConfig = { ...config };
  for (const o of overrides) {
    const eq = o.indexOf('=');
    const key = o.slice(0, eq);
    const value = Number(o.slice(eq + 1));
    if (eq <= 0 || !Object.hasOwn(config, key)) throw new Error(`--set ${o}: expected key=value with a key of the cluster config (${Object.keys(config).join(', ')})`);
    if (!/^\d+(\.\d+)?$/.test(o.slice(eq + 1).trim())) throw new Error(`--set ${o}: the value is not a decimal number ≥ 0`);
    if (INTEGER_KEYS.has(key) && !Number.isInteger(value)) throw new Error(`--set ${o}: ${key} is a whole number`);
    if (COSINE_KEYS.has(key) && value > 1) throw new Error(`--set ${o}: ${key} is a cosine, 0 to 1 (above 1 nothing would ever join)`);
    (out as unknown as Record<string, number>)[key] = value;
  }
  return out;
}
