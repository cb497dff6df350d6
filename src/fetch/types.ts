// The fetch stage's boundary: what a caller asks for and what it gets back.
import type { FetchedBody } from './spool.ts';

export type { FetchedBody } from './spool.ts';

export type FetchErrorKind =
  | 'invalid-url' // not http(s), or unparseable
  | 'timeout' // connect or read took too long (including a slow drip)
  | 'network' // DNS, refused, reset mid-body, TLS
  | 'http-status' // a 4xx/5xx that retries did not cure
  | 'rate-limited' // 429 that retries did not cure
  | 'too-large' // body (after decompression) over the cap
  | 'too-many-redirects'
  | 'redirect-loop'
  | 'decompression'; // corrupt gzip/deflate/br

/** An error a user can act on: what kind, which URL, and the cause kept. */
export class FetchError extends Error {
  override readonly name = 'FetchError';
  readonly kind: FetchErrorKind;
  readonly url: string;
  readonly status: number | null;

  constructor(kind: FetchErrorKind, url: string, message: string, options: { cause?: unknown; status?: number } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    this.url = url;
    this.status = options.status ?? null;
  }
}

/** Validators from an earlier response (RFC 9110 §13.1). Empty fields send nothing. */
export interface Conditional {
  etag?: string | null;
  lastModified?: string | null;
}

export interface FetchRequest {
  url: string;
  conditional?: Conditional;
  /** Accept header; the fetcher picks a feed-friendly default. */
  accept?: string;
  /** Per-request proxy URL (http://host:port), overriding the fetcher's. */
  proxy?: string | null;
  /** Per-request body cap in bytes, overriding the fetcher's. */
  maxBytes?: number;
  signal?: AbortSignal;
}

export interface FetchResult {
  requestedUrl: string;
  /** After redirects. */
  finalUrl: string;
  status: number;
  /** True on 304: body is empty, nothing to parse. */
  notModified: boolean;
  /** The Content-Type header as sent, or null. */
  contentType: string | null;
  /** Decompressed body bytes (not yet charset-decoded). */
  body: Uint8Array;
  etag: string | null;
  lastModified: string | null;
  /** Set when a permanent redirect (301/308) was followed: the URL the source should use from now on. */
  permanentRedirect: string | null;
  /** How many retries it took. */
  retries: number;
}

/** A fetch whose body is read back in chunks (from memory, or from a spool file when it is large). */
export interface StreamedFetchResult extends Omit<FetchResult, 'body'> {
  /** Empty on 304. The caller disposes of it when done. */
  body: FetchedBody;
}

export interface Fetcher {
  fetch(request: FetchRequest): Promise<FetchResult>;
  /** For feeds: the body spooled rather than held, capped by maxStreamBytes unless the request says otherwise. */
  fetchStream(request: FetchRequest): Promise<StreamedFetchResult>;
  close(): Promise<void>;
}

export interface FetcherOptions {
  userAgent: string;
  /** Per attempt: connect + headers. */
  timeoutMs: number;
  /** Max gap between body chunks (slow drip) and overall body time. */
  bodyTimeoutMs: number;
  /** Cap on a body held in memory (pages, images, re-checks). */
  maxBytes: number;
  /**
   * Cap on a streamed body (feeds): it is spooled to disk and parsed one item at a time, so the cap guards
   * the disk and the run's time rather than memory.
   */
  maxStreamBytes: number;
  /** Folder for spool files of streamed bodies. */
  spoolDir: string;
  /** Streamed bodies up to this size stay in memory. */
  spoolAboveBytes: number;
  maxRedirects: number;
  /** Retries after the first attempt, on network errors, 5xx and 429. */
  retries: number;
  /** Never spend more than this on one request including retries and backoff. */
  maxTotalMs: number;
  perHostConcurrency: number;
  concurrency: number;
  proxy: string | null;
  /** Injected for tests: how to wait between retries. */
  sleep: (ms: number) => Promise<void>;
  /** Injected for tests: jitter source in [0,1). */
  random: () => number;
  /** Injected for tests: the clock (epoch ms) for the total budget and Retry-After HTTP dates. */
  now: () => number;
}
