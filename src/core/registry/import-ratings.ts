/**
 * Rating tables and ownership data to import, as DomainRecord[] (matched to registry sources by domain by the merge):
 * AllSides-style CSV, MBFC-style JSON (the MBFC extension's sources.json), Kite's media_data.json. Pure parsers; they
 * never throw on bad input. Rater labels that are not a bias position become flags (SOURCE_FLAGS), never a side.
 */
import { parseJsonText } from './json-lines';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Bias, Factuality, OwnershipCategory, SourceFlagValue } from '../schema/source';
import { hostOf } from './domain';
import type { DomainRecord } from './merge';

export interface RecordsResult {
  records: DomainRecord[];
  /** Rows skipped, by reason (e.g. "no domain", "author, not an outlet", "not a bias position: Mixed"). */
  skipped: Record<string, number>;
  errors: string[];
}

const skip = (into: Record<string, number>, reason: string): void => {
  into[reason] = (into[reason] ?? 0) + 1;
};

/** AllSides' labels (2023 snapshot: "Lean Left"; 2019 AllSideR: "left-center") on the 5-point scale. */
const ALLSIDES_BIAS: Record<string, Bias> = {
  left: 'left',
  'lean left': 'lean-left',
  'left-center': 'lean-left',
  center: 'center',
  'lean right': 'lean-right',
  'right-center': 'lean-right',
  right: 'right',
};
/** AllSides labels that are not a position. */
const ALLSIDES_FLAGS: Record<string, SourceFlagValue> = { mixed: 'mixed-bias', allsides: 'mixed-bias' };

export const ALLSIDES = 'AllSides';
export const MBFC = 'Media Bias/Fact Check';
export const KITE_OWNERSHIP = 'Kite media_data.json (kagisearch/kite-public, MIT)';

/** Paths that name a person or a profile, not an outlet's site (AllSides rates authors too). Only rows linking a
 * site's root are taken: a section (…/opinion) is rated apart from the outlet's news. */
const PROFILE_PATH = /\/(person|people|author|authors|contributor|contributors|profile|staff|topic|sites|in|user|users|column|columnists?)\//i;
const PROFILE_HOSTS = /(^|\.)(twitter\.com|x\.com|facebook\.com|linkedin\.com|muckrack\.com|instagram\.com|youtube\.com|substack\.com|medium\.com|wikipedia\.org)$/i;

/**
 * AllSides-style CSV: a header row with a name column (news_source | name), a link column (news_link | url | domain |
 * website) and a rating column (bias_rating | rating | bias). Rows whose link is a person's page or a profile on a
 * social site are skipped (AllSides rates authors too), as are rows without a link. `asOf` dates the table; a column
 * holding an allsides.com page (any column) becomes the rating's url.
 */
export function parseAllSidesCsv(text: string, asOf: string): RecordsResult {
  const skipped: Record<string, number> = {};
  let rows: Array<Record<string, string>>;
  try {
    rows = parseCsv(text, { columns: true, skip_empty_lines: true, relax_column_count: true, bom: true, trim: true }) as Array<Record<string, string>>;
  } catch (error) {
    return { records: [], skipped, errors: [`not a CSV table: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const first = rows[0] ?? {};
  const col = (names: string[]): string | undefined => Object.keys(first).find((k) => names.includes(k.toLowerCase()));
  const nameCol = col(['news_source', 'name', 'source', 'outlet']);
  const linkCol = col(['news_link', 'url', 'domain', 'website', 'link', 'homepage']);
  const ratingCol = col(['bias_rating', 'rating', 'bias']);
  if (!ratingCol) return { records: [], skipped, errors: ['no rating column (bias_rating, rating or bias)'] };
  const records: DomainRecord[] = [];
  for (const row of rows) {
    const label = (row[ratingCol] ?? '').trim().toLowerCase();
    const pageUrl = Object.values(row).find((v) => /^https?:\/\/(www\.)?allsides\.com\//i.test(v ?? '')) ?? null;
    const link = linkCol ? (row[linkCol] ?? '').trim() : '';
    const site = [link].find((v) => v && !/allsides\.com/i.test(v)) ?? '';
    if (!site) {
      skip(skipped, 'no outlet link');
      continue;
    }
    const host = hostOf(site);
    if (!host) {
      skip(skipped, 'link is not a URL');
      continue;
    }
    let path = '/';
    try {
      path = new URL(/^https?:/i.test(site) ? site : `https://${site}`).pathname;
    } catch {
      path = '/';
    }
    if (PROFILE_HOSTS.test(host) || PROFILE_PATH.test(`${path}/`)) {
      skip(skipped, 'author or profile page, not an outlet');
      continue;
    }
    if (path.split('/').filter(Boolean).length > 0) {
      skip(skipped, 'a section of a site (e.g. its opinion pages), not the outlet');
      continue;
    }
    const bias = ALLSIDES_BIAS[label];
    const flag = ALLSIDES_FLAGS[label];
    if (!bias && !flag) {
      skip(skipped, `unknown rating "${label}"`);
      continue;
    }
    const attribution = { rater: ALLSIDES, url: pageUrl, asOf };
    records.push({
      domain: host,
      name: nameCol ? (row[nameCol] ?? null) : null,
      bias: bias ? { value: bias, ...attribution } : null,
      flags: flag ? [{ value: flag, ...attribution }] : [],
    });
  }
  return { records, skipped, errors: [] };
}

const MBFC_BIAS: Record<string, Bias> = { left: 'left', 'left-center': 'lean-left', center: 'center', 'least-biased': 'center', 'right-center': 'lean-right', right: 'right' };
const MBFC_FLAGS: Record<string, SourceFlagValue> = {
  'fake-news': 'fake-news',
  questionable: 'fake-news',
  'conspiracy-pseudoscience': 'conspiracy-pseudoscience',
  conspiracy: 'conspiracy-pseudoscience',
  satire: 'satire',
  'pro-science': 'pro-science',
};
/**
 * An MBFC label as its tables key it: trimmed, lower-case, spaces and underscores as hyphens ("Very High", "very high"
 * and "very_high" are "very-high"; "Left Center" is "left-center").
 */
export function mbfcLabel(value: unknown): string {
  return typeof value === 'string' ? value.trim().toLowerCase().replace(/[\s_]+/g, '-') : '';
}

const FACTUALITY: Record<string, Factuality> = { 'very-high': 'very-high', high: 'high', 'mostly-factual': 'mostly-factual', mixed: 'mixed', low: 'low', 'very-low': 'very-low' };

/**
 * MBFC-style JSON: an array of {domain, name, url, bias, reporting} (the MBFC browser extension's sources.json).
 * MBFC's Left-Center / Right-Center are Lean Left / Lean Right; "Least Biased" (center) is Center; its other
 * categories (Questionable = fake-news, Conspiracy-Pseudoscience, Satire, Pro-Science) are flags, never a side.
 * Labels are read through mbfcLabel; a bias or reporting (factuality) label it does not know is counted in `skipped`.
 */
export function parseMbfcJson(text: string, asOf: string): RecordsResult {
  const skipped: Record<string, number> = {};
  const json = parseJsonText(text);
  if (!json.ok) return { records: [], skipped, errors: [json.error] };
  const doc = json.value;
  const rows = Array.isArray(doc) ? doc : doc && typeof doc === 'object' ? Object.values(doc as Record<string, unknown>) : [];
  if (!rows.length) return { records: [], skipped, errors: ['expected an array of sources'] };
  const records: DomainRecord[] = [];
  for (const r of rows as Array<Record<string, unknown>>) {
    const domain = typeof r?.domain === 'string' ? r.domain : null;
    if (!domain || domain.includes('/')) {
      skip(skipped, domain ? 'domain with a path (a section, not an outlet)' : 'no domain');
      continue;
    }
    const url = typeof r.url === 'string' && /^https?:\/\//.test(r.url) ? r.url : null;
    const attribution = { rater: MBFC, url, asOf };
    const label = mbfcLabel(r.bias);
    const reporting = mbfcLabel(r.reporting);
    const bias = MBFC_BIAS[label];
    const flag = MBFC_FLAGS[label];
    if (label && !bias && !flag) skip(skipped, `unknown bias label "${label}"`);
    const factuality = FACTUALITY[reporting];
    if (reporting && !factuality) skip(skipped, `unknown factuality label "${reporting}"`);
    if (!bias && !flag && !factuality) {
      skip(skipped, 'no usable rating');
      continue;
    }
    records.push({
      domain,
      name: typeof r.name === 'string' ? r.name : null,
      bias: bias ? { value: bias, ...attribution } : null,
      factuality: factuality ? { value: factuality, ...attribution } : null,
      flags: flag ? [{ value: flag, ...attribution }] : [],
    });
  }
  return { records, skipped, errors: [] };
}

/** Kite typologies → Parallax ownership categories (public broadcasters are not "state-funded"). */
const KITE_TYPOLOGY: Record<string, OwnershipCategory> = {
  'private media': 'corporation',
  'private enterprise': 'corporation',
  'print media': 'corporation',
  'independent media': 'independent',
  'private independent media': 'independent',
  'non-profit': 'non-profit',
  'state funded media': 'state-funded',
  'state media / digital': 'state-funded',
  'public media': 'public-broadcaster',
  'public broadcaster': 'public-broadcaster',
  'public agency (statutory, editorially independent)': 'public-broadcaster',
};

let countryCodes: Map<string, string> | undefined;
/** ISO 3166-1 alpha-2 code of an English country name (via Intl.DisplayNames), or null. */
export function countryCode(name: string): string | null {
  if (!countryCodes) {
    countryCodes = new Map();
    const names = new Intl.DisplayNames(['en'], { type: 'region' });
    for (let a = 65; a <= 90; a++)
      for (let b = 65; b <= 90; b++) {
        const code = String.fromCharCode(a, b);
        try {
          const n = names.of(code);
          if (n && n !== code && !countryCodes.has(n.toLowerCase())) countryCodes.set(n.toLowerCase(), code);
        } catch {
          /* not a region */
        }
      }
    for (const [alias, code] of [['usa', 'US'], ['united states of america', 'US'], ['uk', 'GB'], ['great britain', 'GB'], ['russian federation', 'RU'], ['south korea', 'KR'], ['czech republic', 'CZ'], ['turkey', 'TR'], ['ivory coast', 'CI']] as const) countryCodes.set(alias, code);
  }
  return countryCodes.get(name.trim().toLowerCase()) ?? null;
}

/** The owner's name from Kite's prose: its first sentence, at most 160 characters. */
function ownerName(prose: string): string {
  const first = prose.trim().split(/(?<=[a-z)][.;])\s+/u)[0] ?? '';
  return first.length > 160 ? `${first.slice(0, 159).replace(/\s+\S*$/u, '')}…` : first;
}

/** Kite media_data.json: [{country, organization, domains[], owner, typology}] → ownership and country by domain. */
export function parseKiteMediaData(text: string): RecordsResult {
  const skipped: Record<string, number> = {};
  const json = parseJsonText(text);
  if (!json.ok) return { records: [], skipped, errors: [json.error] };
  const doc = json.value;
  if (!Array.isArray(doc)) return { records: [], skipped, errors: ['expected an array of outlets'] };
  const records: DomainRecord[] = [];
  for (const r of doc as Array<Record<string, unknown>>) {
    const domains = Array.isArray(r?.domains) ? r.domains.filter((d): d is string => typeof d === 'string') : [];
    if (!domains.length) {
      skip(skipped, 'no domain');
      continue;
    }
    const typology = typeof r.typology === 'string' ? r.typology.trim().toLowerCase() : '';
    const category = KITE_TYPOLOGY[typology];
    const owner = typeof r.owner === 'string' ? ownerName(r.owner) : '';
    if (typology && !category) skip(skipped, `unknown typology "${typology}"`);
    const ownership = category && owner ? { owner, category, sourceUrl: null, attribution: KITE_OWNERSHIP } : null;
    const country = typeof r.country === 'string' && r.country ? countryCode(r.country) : null;
    if (!ownership && !country) {
      skip(skipped, 'no owner or country');
      continue;
    }
    for (const domain of domains) records.push({ domain, name: typeof r.organization === 'string' ? r.organization : null, ownership, country });
  }
  return { records, skipped, errors: [] };
}
