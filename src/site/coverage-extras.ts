/**
 * Coverage fields that the pipeline may or may not write yet (disputed sources, syndication, aggregators, own
 * reporting): read defensively from the story's coverage so pages render them when present and nothing otherwise.
 */
import { UNNAMED_WIRE } from '../core/config';
import type { Bias } from '../core/schema/source';
import type { Coverage } from '../core/schema/story';

export interface DisputedRow {
  sourceId: string;
  ratings: Array<{ value: Bias; rater: string }>;
}
export interface SyndicatedRow {
  articleId: string;
  sourceId: string;
  via: string | null;
  copyOf: string | null;
}
export interface CoverageExtras {
  disputed: DisputedRow[];
  syndicated: SyndicatedRow[];
  aggregators: number;
  ownReporting: number | null;
}

const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

export function coverageExtras(coverage: Coverage): CoverageExtras {
  const c = coverage as unknown as Record<string, unknown>;
  return {
    disputed: arr(c.disputed)
      .map(obj)
      .filter((d) => typeof d.sourceId === 'string')
      .map((d) => ({
        sourceId: d.sourceId as string,
        ratings: arr(d.ratings).map(obj).filter((r) => typeof r.value === 'string' && typeof r.rater === 'string').map((r) => ({ value: r.value as Bias, rater: r.rater as string })),
      })),
    syndicated: arr(c.syndicated)
      .map(obj)
      .filter((s) => typeof s.articleId === 'string' && typeof s.sourceId === 'string')
      .map((s) => ({ articleId: s.articleId as string, sourceId: s.sourceId as string, via: str(s.via), copyOf: str(s.copyOf) })),
    aggregators: typeof c.aggregators === 'number' ? c.aggregators : 0,
    ownReporting: typeof c.ownReporting === 'number' ? c.ownReporting : null,
  };
}

/**
 * How a page names wire copy (a syndicated article's `via`): "wire copy via AP", "wire copy" when the agency is not
 * known (UNNAMED_WIRE), null when `via` is null (a copy of another outlet's text, not wire copy).
 */
export function wireCopyPhrase(via: string | null): string | null {
  if (via === null) return null;
  return via === UNNAMED_WIRE ? 'wire copy' : `wire copy via ${via}`;
}

/**
 * The wire copy phrase of the article that broke the story (coverage.brokeBy), or null when that article is its
 * source's own reporting or a copy of another outlet's text: the outlet first published it, an agency wrote it.
 */
export function brokeByWirePhrase(coverage: Coverage): string | null {
  const first = coverageExtras(coverage).syndicated.find((s) => s.articleId === coverage.brokeBy.articleId);
  return first ? wireCopyPhrase(first.via) : null;
}
