/**
 * Merging imported records into a registry without clobbering hand edits. The rules:
 * - a feed is added only when no source lists the same feed (feedKey); a repeat is counted and named as a duplicate;
 * - a new feed joins the source of its outlet (outletKeyOf): the one whose homepage is the outlet's site, given by the
 *   record's homepage (an OPML htmlUrl) when it has one, else by the feed URL; without a homepage, also the one
 *   source whose feeds share the feed's site. Else a new, unrated source is made for it, its homepage the record's.
 *   Two records whose homepages are different sites never share a source; a record that joins a source under
 *   another name is reported (namesDiffer);
 * - a rating is added only when the source has no rating from that rater in that dimension (an existing one, set by
 *   hand or by an earlier import, is never overwritten; a different value is reported as kept);
 * - ownership and country are filled only when empty; flags are added, never removed;
 * - every value added carries its attribution (rater, url, date; or the ownership's attribution).
 * Rating tables and ownership data only enrich sources already in the registry: a rater's table is never copied in.
 */
import type { BiasRating, FactualityRating, FeedKind, Ownership, Source, SourceFlag } from '../schema/source';
import { slugify } from '../story/ids';
import { aggregatorOf, feedKey, homepageOfFeed, hostOf, isFeedHost, outletKeyOf, registrableDomain, siteHost, sourceKeyOf } from './domain';
import { languageFrom } from './check';

export interface FeedRecord {
  url: string;
  /** Name of the feed or outlet (OPML title), used when a new source is made. */
  name?: string | null;
  /** The outlet's site (OPML htmlUrl): which source the feed belongs to, and a new source's homepage. */
  homepage?: string | null;
  topic?: string | null;
  kind?: FeedKind;
  language?: string | null;
}

/** A row of a rating table or ownership file, keyed by the outlet's domain. */
export interface DomainRecord {
  domain: string;
  /** Outlet name in the table (for the report). */
  name?: string | null;
  bias?: BiasRating | null;
  factuality?: FactualityRating | null;
  flags?: SourceFlag[];
  ownership?: Ownership | null;
  country?: string | null;
}

export interface MergeReport {
  feedsRead: number;
  feedsAdded: number;
  /** Feed URLs seen more than once in the input or already in the registry, with what they duplicate. */
  duplicates: Array<{ url: string; sameAs: string; sourceId: string; exact: boolean }>;
  invalidUrls: string[];
  sourcesAdded: number;
  /** Feeds that joined a source of the same site under another name (an OPML title): kept in the one source. */
  namesDiffer: Array<{ url: string; name: string; sourceId: string; sourceName: string }>;
  /** Sources flagged as aggregators by this merge, with the aggregator domain. */
  aggregators: Array<{ sourceId: string; domain: string; feeds: number }>;
  recordsRead: number;
  /** Records whose domain matched a registry source. */
  recordsMatched: number;
  ratingsAdded: number;
  flagsAdded: number;
  ownershipFilled: number;
  countriesFilled: number;
  /** Existing values left as they were although the import says otherwise. */
  kept: Array<{ sourceId: string; field: string; existing: string; imported: string }>;
  /** Domains that match more than one source (not applied). */
  ambiguous: string[];
  /** New sources given the default language "en" because their record named none (OPML has no language). */
  languageAssumed: string[];
  /** New sources given "en" because their record's language is no language code ("xx"), with what it gave. */
  languageRefused: Array<{ sourceId: string; given: string }>;
  /** New sources whose record gave a country code as their language, with the language read from it ("gr" → "el"). */
  languageRead: Array<{ sourceId: string; given: string; language: string }>;
}

const PARALLAX_RULE = 'Parallax';

/** The language a new source gets when its record names none (the registry schema's default too). */
const DEFAULT_LANGUAGE = 'en';


function emptyReport(): MergeReport {
  return { feedsRead: 0, feedsAdded: 0, duplicates: [], invalidUrls: [], sourcesAdded: 0, namesDiffer: [], aggregators: [], recordsRead: 0, recordsMatched: 0, ratingsAdded: 0, flagsAdded: 0, ownershipFilled: 0, countriesFilled: 0, kept: [], ambiguous: [], languageAssumed: [], languageRefused: [], languageRead: [] };
}

/**
 * Domains a source is known by: its homepage's and its feeds' hosts, site hosts and registrable domains (not feed
 * hosts). A registrable domain shared by several sources names none of them (see sourceForDomain).
 */
export function domainsOf(source: Pick<Source, 'homepage' | 'feeds'>): string[] {
  const out = new Set<string>();
  for (const url of [source.homepage, ...source.feeds.map((f) => f.url)]) {
    if (isFeedHost(url)) continue;
    const host = hostOf(url);
    if (!host) continue;
    out.add(host);
    out.add(siteHost(host));
    out.add(registrableDomain(host));
  }
  return [...out];
}

/** Site hosts of a source's homepage and feeds (not feed hosts). */
function hostsOf(source: Pick<Source, 'homepage' | 'feeds'>): Set<string> {
  const out = new Set<string>();
  for (const url of [source.homepage, ...source.feeds.map((f) => f.url)]) {
    if (isFeedHost(url)) continue;
    const host = hostOf(url);
    if (host) out.add(siteHost(host));
  }
  return out;
}

/** A mutable registry with the indexes a merge needs. */
export class RegistryMerger {
  readonly sources: Source[];
  readonly report: MergeReport = emptyReport();
  private byFeedKey = new Map<string, { url: string; sourceId: string }>();
  /** Outlet key of a source's homepage (or the key it was made under) → the source. */
  private byHome = new Map<string, Source>();
  /** Outlet key of a feed URL → the sources with a feed there (several when a host serves many outlets). */
  private byFeedSite = new Map<string, Set<Source>>();
  private byDomain = new Map<string, Set<Source>>();
  private ids = new Set<string>();

  /** `registry` is copied (deeply), never mutated. */
  constructor(registry: readonly Source[]) {
    this.sources = structuredClone(registry) as Source[];
    for (const s of this.sources) this.index(s);
  }

  private index(s: Source): void {
    this.ids.add(s.id);
    for (const f of s.feeds) {
      const key = feedKey(f.url);
      if (key && !this.byFeedKey.has(key)) this.byFeedKey.set(key, { url: f.url, sourceId: s.id });
      this.indexFeedSite(s, f.url);
    }
    const hk = sourceKeyOf(s.homepage);
    if (hk && !aggregatorOf(s.homepage) && !this.byHome.has(hk)) this.byHome.set(hk, s);
    this.indexDomains(s, domainsOf(s));
  }

  private indexFeedSite(s: Source, url: string): void {
    const sk = sourceKeyOf(url);
    if (!sk) return;
    let set = this.byFeedSite.get(sk);
    if (!set) this.byFeedSite.set(sk, (set = new Set()));
    set.add(s);
  }

  /**
   * The source a feed record belongs to: the one whose homepage is its outlet's site; without a homepage in the
   * record, else the one source with feeds on the feed's site (none when several share it: a host serving many
   * outlets names none of them).
   */
  private sourceFor(key: string, hasHomepage: boolean): Source | undefined {
    const home = this.byHome.get(key);
    if (home || hasHomepage) return home;
    const shared = this.byFeedSite.get(key);
    return shared?.size === 1 ? [...shared][0] : undefined;
  }

  private indexDomains(s: Source, domains: string[]): void {
    for (const d of domains) {
      let set = this.byDomain.get(d);
      if (!set) this.byDomain.set(d, (set = new Set()));
      set.add(s);
    }
  }

  private freshId(base: string): string {
    let id = slugify(base).replace(/^story$/, 'source');
    for (let n = 2; this.ids.has(id); n++) id = `${slugify(base)}-${n}`;
    return id;
  }

  /** Adds one feed (see the module rules). */
  addFeed(rec: FeedRecord): void {
    this.report.feedsRead++;
    const url = rec.url.trim();
    const key = feedKey(url);
    const agg = aggregatorOf(url);
    // The outlet's site, when the record names one (not for an aggregator's feed: all of it is one aggregator).
    const homepage = !agg && rec.homepage && sourceKeyOf(rec.homepage) ? rec.homepage.trim() : null;
    const sk = outletKeyOf(url, homepage);
    if (!key || !sourceKeyOf(url) || !sk) {
      this.report.invalidUrls.push(url);
      return;
    }
    const dup = this.byFeedKey.get(key);
    if (dup) {
      this.report.duplicates.push({ url, sameAs: dup.url, sourceId: dup.sourceId, exact: url === dup.url });
      return;
    }
    let source = this.sourceFor(sk, homepage !== null);
    const feed = { url, file: null, topic: rec.topic ?? null, kind: rec.kind ?? 'news' } as const;
    const name = rec.name?.trim() || null;
    if (!source) {
      const given = rec.language?.trim() ?? '';
      const language = languageFrom(given);
      source = {
        id: this.freshId(sk),
        name: agg ?? (name || sk),
        homepage: homepage ?? homepageOfFeed(url)!, // an http(s) URL: sourceKeyOf(url) was checked above
        feeds: [],
        country: null,
        language: language ?? DEFAULT_LANGUAGE,
        bias: [],
        factuality: [],
        ownership: null,
        discovered: false,
        flags: agg ? [{ value: 'aggregator', rater: PARALLAX_RULE, url: null, asOf: null }] : [],
      };
      this.sources.push(source);
      this.ids.add(source.id);
      this.byHome.set(sk, source);
      this.report.sourcesAdded++;
      if (language === null && given) this.report.languageRefused.push({ sourceId: source.id, given });
      else if (language === null) this.report.languageAssumed.push(source.id);
      else if (language !== given) this.report.languageRead.push({ sourceId: source.id, given, language });
      if (agg) this.report.aggregators.push({ sourceId: source.id, domain: agg, feeds: 0 });
    } else {
      if (agg && !source.flags?.some((f) => f.value === 'aggregator')) {
        (source.flags ??= []).push({ value: 'aggregator', rater: PARALLAX_RULE, url: null, asOf: null });
        this.report.flagsAdded++;
        this.report.aggregators.push({ sourceId: source.id, domain: agg, feeds: 0 });
      }
      if (name && !agg && name.toLowerCase() !== source.name.trim().toLowerCase()) this.report.namesDiffer.push({ url, name, sourceId: source.id, sourceName: source.name });
    }
    source.feeds.push(feed);
    this.indexFeedSite(source, url);
    if (!agg) this.indexDomains(source, domainsOf({ homepage: source.homepage, feeds: [feed] }));
    this.byFeedKey.set(key, { url, sourceId: source.id });
    const flagged = this.report.aggregators.find((a) => a.sourceId === source.id);
    if (flagged) flagged.feeds++;
    this.report.feedsAdded++;
  }

  /** The one source a domain names, or null (none, or several: then the domain is reported as ambiguous). */
  sourceForDomain(domain: string): Source | null {
    const host = hostOf(domain);
    if (!host) return null;
    // The record's own host or site, never a parent domain: a rating of economictimes.indiatimes.com is not one of
    // timesofindia.indiatimes.com.
    // A source on exactly that host (or site) first: "euronews.com" is the source at euronews.com, not also the one
    // at fr.euronews.com that shares its registrable domain.
    const exact = new Set([...(this.byDomain.get(host) ?? [])].filter((s) => hostsOf(s).has(siteHost(host))));
    if (exact.size === 1) return [...exact][0]!;
    const hit = this.byDomain.get(host) ?? this.byDomain.get(siteHost(host));
    if (!hit || hit.size === 0) return null;
    if (hit.size > 1) {
      if (!this.report.ambiguous.includes(host)) this.report.ambiguous.push(host);
      return null;
    }
    return [...hit][0]!;
  }

  /** Applies one rating-table or ownership record to the source its domain names (fill-only). */
  applyRecord(rec: DomainRecord): void {
    this.report.recordsRead++;
    const source = this.sourceForDomain(rec.domain);
    if (!source) return;
    if (aggregatorOf(source.homepage) && (rec.bias || rec.factuality)) return; // an aggregator is not rated as an outlet
    this.report.recordsMatched++;
    for (const dim of ['bias', 'factuality'] as const) {
      const rating = rec[dim];
      if (!rating) continue;
      const list = source[dim] as Array<BiasRating | FactualityRating>;
      const existing = list.find((r) => r.rater === rating.rater);
      if (existing) {
        if (existing.value !== rating.value) this.report.kept.push({ sourceId: source.id, field: `${dim} (${rating.rater})`, existing: existing.value, imported: rating.value });
        continue;
      }
      list.push(rating);
      this.report.ratingsAdded++;
    }
    for (const flag of rec.flags ?? []) {
      const flags = (source.flags ??= []);
      if (flags.some((f) => f.value === flag.value)) continue;
      flags.push(flag);
      this.report.flagsAdded++;
    }
    if (rec.ownership) {
      if (source.ownership === null) {
        source.ownership = rec.ownership;
        this.report.ownershipFilled++;
      } else if (source.ownership.category !== rec.ownership.category) {
        this.report.kept.push({ sourceId: source.id, field: 'ownership.category', existing: source.ownership.category, imported: rec.ownership.category });
      }
    }
    if (rec.country) {
      if (source.country === null) {
        source.country = rec.country;
        this.report.countriesFilled++;
      }
    }
  }

  /** The merged registry, sorted by id, every field spelled out (so a re-import of the same data is a no-op). */
  result(): Source[] {
    return [...this.sources]
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((s) => ({
        id: s.id,
        name: s.name,
        homepage: s.homepage,
        feeds: s.feeds.map((f) => ({ url: f.url, file: f.file, topic: f.topic, kind: f.kind ?? 'news' })),
        country: s.country,
        language: s.language,
        // optional in the schema: written only when set, so registries without it stay as they were
        ...(s.timeZone ? { timeZone: s.timeZone } : {}),
        bias: s.bias,
        factuality: s.factuality,
        ownership: s.ownership ? { owner: s.ownership.owner, category: s.ownership.category, sourceUrl: s.ownership.sourceUrl, attribution: s.ownership.attribution ?? null } : null,
        discovered: s.discovered,
        flags: s.flags ?? [],
        // kept through every import: without it, a renamed source's old articles would stay under its old id
        ...(s.formerIds?.length ? { formerIds: s.formerIds } : {}),
      }));
  }
}
