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
  /** How a live fetch went (absent for a folder of files). */
  fetch?: FetchInfo;
}

/** The HTTP side of a live fetch, kept in the per-feed state (conditional GET, health). */
export interface FetchInfo {
  /** ok: a body; not_modified: 304 to a conditional GET (nothing to parse); failed: see FeedInput.error. */
  status: 'ok' | 'not_modified' | 'failed';
  /** Last HTTP status seen, or null when no response came. */
  httpStatus: number | null;
  attempts: number;
  redirects: number;
  /**
   * The URL the response came from, after redirects (absolute http(s); the feed URL itself when none was followed):
   * the base for the feed's relative links (RFC 3986 §5.1.3: the base is the URI used to retrieve the
   * representation, the last one after redirects). FeedInput.url stays the registry's URL, which names the feed
   * (its state, its validators, its registry entry). Absent when no response came.
   */
  finalUrl?: string;
  /**
   * The feed's new URL when the server said it moved for good: every redirect followed was a 301 or 308 (HttpResult
   * .movedTo, src/io/http-client.ts). Absent when no redirect was followed or any was temporary (302, 303, 307).
   */
  movedTo?: string;
  /** Wall time of the fetch including retries, ms. */
  ms: number;
  /** Validators to send next time. */
  etag: string | null;
  lastModified: string | null;
}

/** Stored validators per feed URL, handed to the fetcher for conditional GETs. */
export type FeedValidators = ReadonlyMap<string, { etag: string | null; lastModified: string | null }>;
