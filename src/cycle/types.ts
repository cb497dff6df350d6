// The cycle's boundary: what one run reports, per source and overall.
import type { CommitResult } from '../git/index.ts';
import type { RecheckResult } from '../recheck/index.ts';

export type SourceErrorKind =
  // fetch
  | 'invalid-url'
  | 'timeout'
  | 'network'
  | 'http-status'
  | 'rate-limited'
  | 'too-large'
  | 'too-many-redirects'
  | 'redirect-loop'
  | 'decompression'
  // parse
  | 'not-a-feed'
  | 'malformed'
  | 'empty'
  | 'decode'
  // ours
  | 'store'
  | 'internal';

/** Why a source failed, in words the operator can act on. */
export interface SourceError {
  source: string;
  kind: SourceErrorKind;
  message: string;
}

export type HealthFlag =
  | { kind: 'failing'; runs: number }
  | { kind: 'stale'; sinceMs: number; expectedIntervalMs: number }
  /** The primary failed or was stale at the last run; its items came from this fallback. */
  | { kind: 'fallback'; url: string }
  /** The source's keep selectors matched nothing on `misses` pages since `sinceMs` (Readability was used). */
  | { kind: 'selectors'; sinceMs: number; misses: number };

export interface ArticleRef {
  id: number;
  number: number;
  title: string;
}

export interface SourceResult {
  sourceId: string;
  name: string;
  url: string;
  outcome: 'ok' | 'not-modified' | 'failed' | 'skipped';
  newCount: number;
  changedCount: number;
  unchangedCount: number;
  newArticles: ArticleRef[];
  changedArticles: ArticleRef[];
  error: SourceError | null;
  warnings: string[];
  /** Set when a permanent redirect moved the feed; the store now uses this URL. */
  movedTo: string | null;
  health: HealthFlag[];
  /** The feed this run took the source's items from (the primary or a fallback); null when none answered. */
  feedUrl: string | null;
  /** True when the primary failed or was stale and a fallback was read instead. */
  onFallback: boolean;
  durationMs: number;
}

export interface CycleResult {
  runId: number;
  startedAt: string;
  endedAt: string;
  sources: SourceResult[];
  imported: number;
  /** The bounded share of re-checks this run did: removals, restorations, edits found on pages. */
  rechecks: RecheckResult;
  articlesWritten: number;
  filesWritten: string[];
  /**
   * 'left-to-other': another process sharing the store (PostgreSQL) was publishing, so this one wrote and
   * committed nothing; the other publishes what this one stored (cycle/publish-turn.ts).
   */
  publishing: 'published' | 'left-to-other';
  /** Wall time of each phase, for the operator and the benchmark. */
  timings: { sourcesMs: number; recheckMs: number; publishMs: number; commitMs: number };
  commit: CommitResult | null;
  /** Things the run repaired or noticed outside any one source (a manifest line a killed run cut off). */
  warnings: string[];
  /** Problems outside any one source (import, re-checks, publishing, git); any one means exit code 3. */
  errors: string[];
  exitCode: CycleExitCode;
}

/**
 * The cycle's share of the CLI's exit codes (src/cli/io.ts): 0 everything archived, published, committed
 * and pushed; 1 some sources failed, the rest went all the way through; 3 the archive could not advance.
 */
export type CycleExitCode = 0 | 1 | 3;
