/**
 * The one place the site decides what an outlet is called when it shows an article's source.
 *
 * A story can hold articles of a source the site no longer knows: one removed from content/sources.json (or taken
 * out of a folder run's feeds, or a discovered feed no longer read). Ingest (src/pipeline.ts) keeps every stored
 * article whatever its source, so such articles stay in their stories while those are active (an article within the
 * 7-day RETENTION_WINDOW_HOURS, src/core/config.ts), and archived stories keep them for good; state/sources.json, which the site reads,
 * lists only the sources of the last run, so the source has no name, page or ratings there. Its articles had shown
 * under the raw id ("plains-courier · Unrated"); they now show under their site's address ("plainscourier.com"),
 * unlinked (there is no source page), still Unrated. README.md ("Sources and ratings") says what removing a source does.
 */
import type { Source } from '../core/schema/source';
import { hostOf, siteHost } from '../core/registry/domain';

/** What outletName reads from an article: its source id and URL. */
export interface SourcedArticle {
  sourceId: string;
  url: string;
}

/**
 * The name shown for the outlet `sourceId`: its registry name (`sourcesById`, the site's sources); else, for a source
 * no longer in the registry, the site of the first of `articles` from it (its URL's host without "www." and feed-server
 * labels: "https://www.plainscourier.com/2026/…" → "plainscourier.com"); else the id itself (no article of it given,
 * or none with an http(s) URL). Never throws.
 */
export function outletName(sourceId: string, sourcesById: ReadonlyMap<string, Pick<Source, 'name'>>, articles: readonly SourcedArticle[] = []): string {
  const known = sourcesById.get(sourceId);
  if (known) return known.name;
  for (const a of articles) {
    if (a.sourceId !== sourceId) continue;
    const host = hostOf(a.url);
    if (host) return siteHost(host);
  }
  return sourceId;
}
