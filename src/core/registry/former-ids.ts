/**
 * A source's id is permanent: stored articles, story coverage and the source's page are keyed by it. A registry
 * entry whose id was changed anyway names its old ids in `formerIds` (src/core/schema/source.ts), and its stored
 * articles follow it (adoptFormerIds); an old id no source names is warned about while articles of it are stored
 * (renamedSourceWarnings). A trial changed an outlet's id in sources.json: the articles still in its feed moved to
 * the new id, the older ones stayed under the old one, and stories showed the outlet twice ("libertyherald.example ·
 * Unrated" and "Liberty Herald · Right"), its counts split.
 */
import type { Article } from '../schema/article';
import type { Source } from '../schema/source';
import { aggregatorOf, hostOf, registrableDomain, siteOwners } from './domain';

/**
 * Former id → the id of the registry source that names it in `formerIds`. A former id that is some source's id
 * now, or that two sources name, maps to nothing (`sources check` reports both: former_id_in_use,
 * duplicate_former_id).
 */
export function formerIdMap(registry: readonly Source[]): Map<string, string> {
  const ids = new Set(registry.map((s) => s.id));
  const claims = new Map<string, string[]>();
  for (const s of registry) for (const former of s.formerIds ?? []) claims.set(former, [...(claims.get(former) ?? []), s.id]);
  const out = new Map<string, string>();
  for (const [former, by] of claims) if (!ids.has(former) && new Set(by).size === 1) out.set(former, by[0]!);
  return out;
}

/**
 * The stored articles (by id, as readArticles gives them) with the source ids that registry entries name in
 * `formerIds` replaced by those entries' ids (formerIdMap); `moved` counts the articles moved, by former id. The
 * article ids are unchanged (they hash the URL, not the source). The map is a new one; articles moved are new objects.
 */
export function adoptFormerIds(stored: ReadonlyMap<string, Article>, registry: readonly Source[]): { articles: Map<string, Article>; moved: Map<string, number> } {
  const formers = formerIdMap(registry);
  const moved = new Map<string, number>();
  const articles = new Map<string, Article>();
  for (const [id, a] of stored) {
    const now = formers.get(a.sourceId);
    if (now === undefined) articles.set(id, a);
    else {
      articles.set(id, { ...a, sourceId: now });
      moved.set(a.sourceId, (moved.get(a.sourceId) ?? 0) + 1);
    }
  }
  return { articles, moved };
}

/**
 * One warning for each source id of `articles` that is not `known` (the registry's ids, and the sources discovered
 * in this run) while more than half of its articles are on the site of one registry source with another id (siteOwners:
 * the one source whose homepage is on the article's registrable domain; an aggregator's site counts for none). The articles' own URLs are the evidence, so the warning comes on every run while such articles are
 * stored, not only on the first run after the change. Sorted by id; [] when none.
 */
export function renamedSourceWarnings(articles: Iterable<Article>, registry: readonly Source[], known: ReadonlySet<string>): string[] {
  const siteOwner = siteOwners(registry);
  // unknown source id → owner of each article's site ('' for none, or an aggregator's) → articles
  const orphans = new Map<string, Map<string, number>>();
  for (const a of articles) {
    if (known.has(a.sourceId)) continue;
    const owner = aggregatorOf(a.url) ? '' : siteOwner(a.url)?.id ?? '';
    const counts = orphans.get(a.sourceId) ?? new Map<string, number>();
    orphans.set(a.sourceId, counts.set(owner, (counts.get(owner) ?? 0) + 1));
  }
  const out: string[] = [];
  for (const id of [...orphans.keys()].sort()) {
    const counts = orphans.get(id)!;
    const total = [...counts.values()].reduce((x, y) => x + y, 0);
    const [owner, n] = [...counts].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0]!;
    if (!owner || n * 2 <= total || owner === id) continue;
    const domain = registrableDomain(hostOf(registry.find((s) => s.id === owner)!.homepage)!);
    out.push(
      `source id ${id} is not in the registry, but its site ${domain} now belongs to ${owner}: ids are permanent; its ${total} stored ` +
        `article${total === 1 ? ' stays' : 's stay'} under ${id}, counted apart and Unrated. Give ${owner} its old id back, or add "formerIds": ["${id}"] to ${owner} so they move to it`,
    );
  }
  return out;
}
