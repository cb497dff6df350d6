// `newsvault run [--config FILE]`: one full cycle.
import type { Config } from '../config/index.ts';
import { runCycle } from '../cycle/run-cycle.ts';
import { createFetcher } from '../fetch/index.ts';
import { SqliteStore } from '../store/index.ts';
import { EXIT_PARTIAL, type CliIo } from './io.ts';
import { mkdirSync } from 'node:fs';
import { describeHolder, LockError, lockOutput, type Lock } from '../lock/index.ts';
import { formatProgress, formatSummary } from './summary.ts';
import { createContentPipeline } from '../cycle/prepare-content.ts';

export async function runCommand(config: Config, io: CliIo, options: { json?: boolean } = {}): Promise<number> {
  // Locked here, around the whole cycle (store, fetch, publish, commit): two cycles on one output folder
  // would number articles twice and race on git. A crashed cycle's lock is recognised as stale.
  mkdirSync(config.output, { recursive: true });
  let lock: Lock;
  try {
    lock = await lockOutput(config.output, {
      onWait: (holder) => io.stderr(`run: waiting for ${describeHolder(holder)} to finish\n`),
      onStale: (holder, reason) => io.stderr(`run: removing a stale lock left by ${describeHolder(holder)}: ${reason}\n`),
    });
  } catch (error) {
    if (error instanceof LockError) {
      io.stderr(`${error.message}\n`);
      return EXIT_PARTIAL;
    }
    throw error;
  }
  try {
    return await runLocked(config, io, options);
  } finally {
    lock.release();
  }
}

async function runLocked(config: Config, io: CliIo, options: { json?: boolean }): Promise<number> {
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
      content: createContentPipeline({ config, fetcher }),
      onSourceDone: io.isTty ? (source, done, total) => io.stderr(`${formatProgress(source, done, total)}\n`) : undefined,
    });
    io.stdout(options.json ? `${JSON.stringify(result)}\n` : formatSummary(result));
    return result.exitCode;
  } finally {
    await fetcher.close();
    store.close();
  }
}
