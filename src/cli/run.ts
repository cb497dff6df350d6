// `newsvault run [--config FILE]`: one full cycle.
import type { Config } from '../config/index.ts';
import { runCycle } from '../cycle/run-cycle.ts';
import { createFetcher } from '../fetch/index.ts';
import { SqliteStore } from '../store/index.ts';
import type { CliIo } from './io.ts';
import { formatProgress, formatSummary } from './summary.ts';
import { createContentPreparer } from '../cycle/prepare-content.ts';

export async function runCommand(config: Config, io: CliIo, options: { json?: boolean } = {}): Promise<number> {
  const store = SqliteStore.open(config.database);
  const fetcher = createFetcher({
    ...(config.fetch.userAgent ? { userAgent: config.fetch.userAgent } : {}),
    ...(config.fetch.timeoutMs ? { timeoutMs: config.fetch.timeoutMs } : {}),
    ...(config.fetch.maxBytes ? { maxBytes: config.fetch.maxBytes } : {}),
    ...(config.fetch.retries !== undefined ? { retries: config.fetch.retries } : {}),
    ...(config.fetch.concurrency ? { concurrency: config.fetch.concurrency } : {}),
    ...(config.fetch.perHostConcurrency ? { perHostConcurrency: config.fetch.perHostConcurrency } : {}),
    proxy: config.fetch.proxy ?? null,
  });
  try {
    const result = await runCycle({
      config,
      store,
      fetcher,
      now: io.now,
      prepareContent: createContentPreparer({ config, store, fetcher }),
      onSourceDone: io.isTty ? (source, done, total) => io.stderr(`${formatProgress(source, done, total)}\n`) : undefined,
    });
    io.stdout(options.json ? `${JSON.stringify(result)}\n` : formatSummary(result));
    return result.exitCode;
  } finally {
    await fetcher.close();
    store.close();
  }
}
