/**
 * The values that flow between the pipeline's I/O edges and its pure core.
 */

/** A named, non-fatal problem with one feed or item. `kind` is snake_case (e.g. 'http_status', 'xml_malformed'). */
export interface NamedError {
  kind: string;
  message: string;
}

/** The raw bytes of one feed, as read from a folder or fetched live, before decoding. */
export interface FeedInput {
  /** Display name: the file name, or the feed URL for live fetches. */
  name: string;
  /** Registry source the feed belongs to, or null for a file the registry does not name. */
  sourceId: string | null;
  /** The feed's URL (base for relative links), or null when unknown. */
  url: string | null;
  /** HTTP Content-Type header (its charset is used for decoding), or null. */
  contentType: string | null;
  /** The body, or null when it could not be had (see `error`). */
  bytes: Uint8Array | null;
  /** Why there are no bytes (read or fetch failure), or null. */
  error: NamedError | null;
}
