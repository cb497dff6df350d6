// createFetcher: one GET with everything a feed fetcher needs (DESIGN.md "fetch"). Redirects,
// decompression and body limits are handled here rather than by undici so every limit is ours and
// every failure has a kind. Side effects that tests need to control (sleep, jitter, clock) are options.
import { tmpdir } from 'node:os';
import type { Readable } from 'node:stream';
import type { Dispatcher } from 'undici';
import { request } from './undici.ts';
import { readBody, readBodyInto, type ReadBodyOptions } from './body.ts';
import { conditionalHeaders, headerValue, validatorsFrom } from './conditional.ts';
import { classifyError, fetchError, isRetryable } from './errors.ts';
import { createHostLimiter } from './host-limit.ts';
import { createDispatchers } from './proxy.ts';
import { RedirectChain, isRedirect, parseHttpUrl } from './redirect.ts';
import { backoffDelay, parseRetryAfter } from './retry.ts';
import { memoryBody, spoolSink, type FetchedBody } from './spool.ts';
import { FetchError, type FetchRequest, type FetchResult, type Fetcher, type FetcherOptions } from './types.ts';

export const DEFAULT_ACCEPT =
  'application/rss+xml, application/atom+xml, application/rdf+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, text/html;q=0.7, */*;q=0.5';

export const DEFAULT_OPTIONS: FetcherOptions = {
  userAgent: 'newsvault/0.1 (+https://github.com/newsvault/newsvault)',
  timeoutMs: 20_000,
  bodyTimeoutMs: 30_000,
  maxBytes: 20 * 1024 * 1024,
  // A feed is parsed one item at a time from its spool file, so this guards the disk and the run's time,
  // not memory: 256 MiB is over ten times the largest full-text feeds seen, and what an endless body or a
  // decompression bomb can cost at most before it is cut off.
  maxStreamBytes: 256 * 1024 * 1024,
  spoolDir: tmpdir(),
  spoolAboveBytes: 4 * 1024 * 1024,
  maxRedirects: 5,
  retries: 2,
  maxTotalMs: 60_000,
  perHostConcurrency: 2,
  concurrency: 16,
  proxy: null,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
  now: Date.now,
};

/**
 * Throw a body away without waiting for it: undici reads at most a byte more, then closes it, and keeps
 * its own error listener so an abandoned body cannot crash the process.
 */
function discard(body: Dispatcher.ResponseData['body']): void {
  void body.dump({ limit: 1 });
}

/** What one attempt (a redirect chain ending in a final response) produced. */
type Attempt<B> = { ok: true; result: Response<B> } | { ok: false; error: FetchError; retryAfterMs: number | null };
type Response<B> = Omit<FetchResult, 'body'> & { body: B };

/** How a response body is read: into memory, or into a spool. `empty` is the body of a 304. */
interface BodyReader<B> {
  read(body: Readable, options: ReadBodyOptions): Promise<B>;
  empty(): B;
  maxBytes: number;
}

export function createFetcher(overrides: Partial<FetcherOptions> = {}): Fetcher {
  const options: FetcherOptions = { ...DEFAULT_OPTIONS, ...overrides };
  const limiter = createHostLimiter(options.perHostConcurrency, options.concurrency);
  const dispatchers = createDispatchers(options);

  const inMemory: BodyReader<Uint8Array> = { read: readBody, empty: () => new Uint8Array(0), maxBytes: options.maxBytes };
  const spooled: BodyReader<FetchedBody> = {
    read: (body, readOptions) => readBodyInto(body, readOptions, spoolSink({ dir: options.spoolDir, memoryBytes: options.spoolAboveBytes })),
    empty: () => memoryBody(new Uint8Array(0)),
    maxBytes: options.maxStreamBytes,
  };

  async function exchange<B>(req: FetchRequest, start: URL, signal: AbortSignal, reader: BodyReader<B>): Promise<Response<B>> {
    const requestedUrl = start.href;
    const chain = new RedirectChain(requestedUrl, options.maxRedirects);
    const proxy = req.proxy === undefined ? options.proxy : req.proxy;
    const headers = {
      'user-agent': options.userAgent,
      accept: req.accept ?? DEFAULT_ACCEPT,
      'accept-encoding': 'gzip, deflate, br',
      ...conditionalHeaders(req.conditional),
    };
    let url = requestedUrl;
    for (;;) {
      const dispatcher = dispatchers.forProxy(proxy, url);
      const release = await limiter.acquire(new URL(url).host);
      try {
        // Connect + response headers must arrive within timeoutMs; the total budget is the caller's signal.
        const headerTimeout = new AbortController();
        const timer = setTimeout(
          () => headerTimeout.abort(fetchError('timeout', url, `no response headers within ${options.timeoutMs} ms from ${url}`)),
          options.timeoutMs,
        );
        let response: Awaited<ReturnType<typeof request>>;
        try {
          response = await request(url, { method: 'GET', headers, dispatcher, signal: AbortSignal.any([signal, headerTimeout.signal]) });
        } catch (error) {
          throw headerTimeout.signal.aborted ? (headerTimeout.signal.reason as FetchError) : classifyError(error, url);
        } finally {
          clearTimeout(timer);
        }
        const status = response.statusCode;
        const location = headerValue(response.headers, 'location');
        if (isRedirect(status) && location !== null) {
          discard(response.body);
          url = chain.follow(url, status, location);
          continue;
        }
        const notModified = status === 304;
        if (status >= 300 && !notModified) {
          discard(response.body);
          if (isRedirect(status)) chain.follow(url, status, null);
          const kind = status === 429 ? 'rate-limited' : 'http-status';
          const error = fetchError(kind, url, `HTTP ${status} from ${url}`, { status });
          throw Object.assign(error, { retryAfter: headerValue(response.headers, 'retry-after') });
        }
        const contentLength = headerValue(response.headers, 'content-length');
        const body = notModified
          ? (discard(response.body), reader.empty())
          : await reader.read(response.body, {
              url,
              contentEncoding: headerValue(response.headers, 'content-encoding'),
              contentLength: contentLength === null ? null : Number(contentLength),
              maxBytes: req.maxBytes ?? reader.maxBytes,
              bodyTimeoutMs: options.bodyTimeoutMs,
              signal,
            });
        return {
          requestedUrl,
          finalUrl: url,
          status,
          notModified,
          contentType: headerValue(response.headers, 'content-type'),
          body,
          ...validatorsFrom(response.headers, notModified, req.conditional),
          permanentRedirect: chain.permanentRedirect,
          retries: 0,
        };
      } finally {
        release();
      }
    }
  }

  async function attempt<B>(req: FetchRequest, start: URL, signal: AbortSignal, reader: BodyReader<B>): Promise<Attempt<B>> {
    try {
      return { ok: true, result: await exchange(req, start, signal, reader) };
    } catch (thrown) {
      const error = signal.aborted && signal.reason instanceof FetchError ? signal.reason : classifyError(thrown, start.href);
      const retryAfter = (thrown as { retryAfter?: string | null }).retryAfter;
      return { ok: false, error, retryAfterMs: parseRetryAfter(retryAfter, options.now()) };
    }
  }

  async function fetchWith<B>(req: FetchRequest, reader: BodyReader<B>): Promise<Response<B>> {
    const start = parseHttpUrl(req.url);
    if (start === null) throw fetchError('invalid-url', req.url, `not an http(s) URL: ${JSON.stringify(req.url)}`);
    start.hash = '';
    const startedAt = options.now();
    const deadline = startedAt + options.maxTotalMs;
    // The whole request, retries and backoff included, is bounded by maxTotalMs.
    const budget = new AbortController();
    const budgetTimer = setTimeout(
      () => budget.abort(fetchError('timeout', start.href, `gave up on ${start.href} after ${options.maxTotalMs} ms in total`)),
      options.maxTotalMs,
    );
    const caller = req.signal;
    const signal = caller === undefined ? budget.signal : AbortSignal.any([caller, budget.signal]);
    try {
      for (let retries = 0; ; retries += 1) {
        const outcome = await attempt(req, start, signal, reader);
        if (outcome.ok) return { ...outcome.result, retries };
        const { error, retryAfterMs } = outcome;
        if (caller?.aborted) throw fetchError('network', start.href, `request for ${start.href} aborted by the caller`, { cause: caller.reason });
        if (!isRetryable(error) || retries >= options.retries || budget.signal.aborted) throw error;
        const delay = retryAfterMs ?? backoffDelay(retries, options.random);
        const remaining = deadline - options.now();
        if (delay > remaining) {
          const why = retryAfterMs === null ? `backoff of ${delay} ms` : `Retry-After of ${Math.ceil(delay / 1000)} s`;
          throw new FetchError(error.kind, error.url, `${error.message}; not retrying: ${why} exceeds the ${remaining} ms left of the ${options.maxTotalMs} ms budget`, {
            cause: error,
            ...(error.status === null ? {} : { status: error.status }),
          });
        }
        await options.sleep(delay);
      }
    } finally {
      clearTimeout(budgetTimer);
    }
  }

  return {
    fetch: (req) => fetchWith(req, inMemory),
    fetchStream: (req) => fetchWith(req, spooled),
    close: () => dispatchers.close(),
  };
}
