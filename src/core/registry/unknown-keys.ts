/**
 * Keys of a registry entry that the schema does not know. Zod drops them without a word, so a misspelt `"factualty"`
 * or `"Bias"` made a rated source unrated; `sources check` names each one and the key it was probably meant to be.
 */
import { BiasRatingSchema, FactualityRatingSchema, FeedRefSchema, OwnershipSchema, SourceFlagSchema, SourceSchema } from '../schema/source';
import { closestName } from './closest-name';

/** The keys each schema knows, taken from the schemas so that a field added there is known here. */
const SOURCE_KEYS = Object.keys(SourceSchema.shape);

/** The schema keys of the objects inside a source, by the source key that holds them (a list, or one object). */
const INNER_KEYS: Readonly<Record<string, readonly string[]>> = {
  feeds: Object.keys(FeedRefSchema.shape),
  bias: Object.keys(BiasRatingSchema.shape),
  factuality: Object.keys(FactualityRatingSchema.shape),
  flags: Object.keys(SourceFlagSchema.shape),
  ownership: Object.keys(OwnershipSchema.shape),
};

export interface UnknownKey {
  /** Path of the key inside the entry, the key last: ["factualty"], ["feeds", 0, "topc"]. */
  path: Array<string | number>;
  /** The known key it is probably a misspelling of (closestName), if any. */
  meant?: string;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function unknownIn(value: unknown, known: readonly string[], at: Array<string | number>): UnknownKey[] {
  if (!isObject(value)) return [];
  return Object.keys(value)
    .filter((key) => !known.includes(key))
    .map((key) => {
      const meant = closestName(key, known);
      return meant === undefined ? { path: [...at, key] } : { path: [...at, key], meant };
    });
}

/**
 * The keys of a registry entry (one source, as JSON.parse gave it) that SourceSchema does not know, and those of its
 * feeds, ratings, flags and ownership, in the entry's order. Values that are not objects are left to the schema's
 * own errors. Never throws.
 */
export function unknownKeys(entry: unknown): UnknownKey[] {
  if (!isObject(entry)) return [];
  const found = unknownIn(entry, SOURCE_KEYS, []);
  for (const [key, known] of Object.entries(INNER_KEYS)) {
    const inner = entry[key];
    if (Array.isArray(inner)) inner.forEach((item, n) => found.push(...unknownIn(item, known, [key, n])));
    else found.push(...unknownIn(inner, known, [key]));
  }
  return found;
}

/** How `sources check` and ingest word an unknown key: "PATH: unknown key, ignored[; did you mean KEY?]". */
export function describeUnknownKey(k: UnknownKey): string {
  return `${k.path.join('.')}: unknown key, ignored${k.meant === undefined ? '' : `; did you mean ${k.meant}?`}`;
}
