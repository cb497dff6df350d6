// Runs one real cycle (the objects `newsvault run` builds) in a child process of a test and prints, as one
// JSON line, what the cycle did and the process's peak resident set size — getrusage's ru_maxrss, exact,
// no sampling — taken twice: when the last source was stored, and at the end (after publishing).
// The search index is left out: indexing tens of MB of text takes a minute and says nothing about fetching.
// Usage: node --import tsx test/support/cycle-child.ts CONFIG_FILE
import { loadConfig } from '../../src/config/index.ts';
import { createContentPipeline } from '../../src/cycle/prepare-content.ts';
import { runCycle } from '../../src/cycle/run-cycle.ts';
import { createFetcher } from '../../src/fetch/index.ts';
import { SqliteStore } from '../../src/store/index.ts';

const file = process.argv[2];
if (file === undefined) throw new Error('cycle-child: give the config file');
const config = loadConfig({ file, cwd: process.cwd() });
const store = SqliteStore.open(config.database);
const fetcher = createFetcher({});
let sourcesPeakKiB = 0;
try {
  const result = await runCycle({
    config,
    store,
    fetcher,
    now: () => new Date(),
    content: createContentPipeline({ config, fetcher }),
    onSourceDone: (_source, done, total) => {
      if (done === total) sourcesPeakKiB = process.resourceUsage().maxRSS;
    },
  });
  const sources = result.sources.map(({ sourceId, outcome, newCount, error, warnings }) => ({ sourceId, outcome, newCount, error, warnings }));
  process.stdout.write(`${JSON.stringify({ sources, errors: result.errors, sourcesPeakKiB, peakKiB: process.resourceUsage().maxRSS })}\n`);
} finally {
  await fetcher.close();
  await store.close();
}
