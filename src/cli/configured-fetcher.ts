// The project's fetcher with the config file's settings applied (only the ones it sets).
import type { Config } from '../config/index.ts';
import { createFetcher } from '../fetch/index.ts';
import type { Fetcher } from '../fetch/types.ts';

export function configuredFetcher(config: Config): Fetcher {
  const { fetch } = config;
  return createFetcher({
    ...(fetch.userAgent ? { userAgent: fetch.userAgent } : {}),
    ...(fetch.timeoutMs ? { timeoutMs: fetch.timeoutMs } : {}),
    ...(fetch.maxBytes ? { maxBytes: fetch.maxBytes } : {}),
    ...(fetch.maxFeedBytes ? { maxStreamBytes: fetch.maxFeedBytes } : {}),
    ...(fetch.retries !== undefined ? { retries: fetch.retries } : {}),
    ...(fetch.concurrency ? { concurrency: fetch.concurrency } : {}),
    ...(fetch.perHostConcurrency ? { perHostConcurrency: fetch.perHostConcurrency } : {}),
    proxy: fetch.proxy ?? null,
  });
}
