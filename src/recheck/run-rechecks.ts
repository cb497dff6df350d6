// Runs the re-checks that are due (or all of them): fetch each article's URL, classify, keep the check,
// apply the evidence rule, and schedule the next check. Bounded: at most `limit` articles per call,
// most overdue first, a few at a time (the fetcher's per-host limit still applies).
import type { Fetcher } from '../fetch/types.ts';
import type { CheckOutcome, CheckTarget, Store } from '../store/index.ts';
import { classifyFailure, classifyResponse, type Classification } from './classify.ts';
import { judge } from './evidence.ts';
import { nextCheckAt } from './schedule.ts';
import type { CheckedRef, CheckErrorGroup, RecheckResult } from './types.ts';

export interface RecheckDeps {
  store: Store;
  fetcher: Fetcher;
  now: () => Date;
  /** Most articles to check in this call (config `recheck.perRun`). */
  limit: number;
  /** Ignore the schedule: every article with a URL is due now (`newsvault check --all`). */
  all?: boolean;
  /**
   * This process's name in the store's re-check leases (Store.claimRecheck): each article is re-checked only under
   * its lease, so processes re-checking one store at once (`newsvault check` on two machines, or beside a run's
   * re-check phase) never check an article twice or record its change twice. Absent: no leases are taken.
   */
  lease?: { holder: string; ttlMs?: number };
  /** Only these sources' articles (the sources this process fetched, when several share the store); absent: all. */
  sourceIds?: readonly string[];
  /** A per-source proxy (config `sources[].proxy`). */
  proxyFor?: (sourceId: string) => string | null;
  /** Requests in flight at once. */
  concurrency?: number;
  /** Page bodies above this are not needed to recognise an article. */
  maxBytes?: number;
  /**
   * Called with the page of an article that is still up: stores a new revision when the page's article
   * text differs from the archived one (full-text-from-page sources). Returns true when it did.
   */
  revise?: (article: CheckTarget, page: RecheckedPage) => Promise<boolean>;
}

export interface RecheckedPage {
  body: Uint8Array;
  contentType: string | null;
  finalUrl: string;
  /** The response's status and ETag, kept with a revision made from the page. */
  status: number;
  etag: string | null;
}

const PAGE_ACCEPT = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5';
const SCHEDULE_BATCH = 1000;
/**
 * How long an article's re-check lease lasts when its holder never releases it (killed): far longer than one
 * check (the page's fetch with its timeout and retries, and a revision made from it), short enough that the
 * article is checked again within the hour.
 */
export const RECHECK_LEASE_TTL_MS = 15 * 60_000;
/** How many earlier checks the evidence rule looks at. */
const HISTORY = 20;

export function emptyRecheckResult(): RecheckResult {
  const outcomes = { alive: 0, changed: 0, gone: 0, 'redirected-away': 0, blocked: 0, error: 0 } satisfies Record<CheckOutcome, number>;
  return { checked: 0, outcomes, removed: [], restored: [], revised: [], touchedSources: [], stillDue: 0, leftToOthers: 0, warnings: [], errorKinds: [] };
}

/** Gives every article that has none a first check time: one schedule interval after it was first seen. */
export async function scheduleNew(store: Store): Promise<number> {
  let scheduled = 0;
  for (;;) {
    const batch = await store.listUnscheduled(SCHEDULE_BATCH);
    if (batch.length === 0) return scheduled;
    // Only where still unscheduled: another process may have scheduled, even re-checked, one since it was listed.
    await store.scheduleFirstChecks(batch.map((article) => ({ articleId: article.id, atMs: nextCheckAt(article, article.firstSeenMs) })));
    scheduled += batch.length;
  }
}

export async function runRechecks(deps: RecheckDeps): Promise<RecheckResult> {
  const { store } = deps;
  const result = emptyRecheckResult();
  if (deps.limit <= 0) return result;
  await scheduleNew(store);
  const nowMs = deps.now().getTime();
  const dueBefore = deps.all ? Number.MAX_SAFE_INTEGER : nowMs;
  const queue = await store.listDueChecks(dueBefore, deps.limit, deps.sourceIds);
  result.stillDue = await store.countDueChecks(dueBefore, deps.sourceIds) - queue.length;
  const touched = new Set<string>();
  const lease = deps.lease;

  const worker = async () => {
    for (let article = queue.shift(); article; article = queue.shift()) {
      // Claimed one at a time, just before its check: processes sharing the queue take turns through it.
      if (lease && !(await store.claimRecheck(article.id, article.nextCheckMs, lease.holder, lease.ttlMs ?? RECHECK_LEASE_TTL_MS))) {
        result.leftToOthers++; // another process is checking it, or has checked it since it was listed
        continue;
      }
      try {
        // Read again under the lease: another process's revision from the page may have landed after the listing
        // (`check --all` lists articles whatever their schedule), and the page is compared with the current text.
        const current = lease ? await store.getArticle(article.id) : article;
        if (current) await checkAndRecord({ ...article, ...current }, deps, result, touched);
      } finally {
        // After the revision too: a page's edit is stored by the one process holding the article.
        if (lease) await store.releaseRecheck(article.id, lease.holder);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, deps.concurrency ?? 4) }, worker));
  result.touchedSources = [...touched].sort();
  result.errorKinds.sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind));
  return result;
}

async function checkAndRecord(article: CheckTarget, deps: RecheckDeps, result: RecheckResult, touched: Set<string>): Promise<void> {
  const { classification, page } = await checkOne(article, deps);
  await record(article, classification, deps, result, touched);
  if (page && deps.revise && (classification.outcome === 'alive' || classification.outcome === 'changed')) {
    try {
      if (await deps.revise(article, page)) {
        result.revised.push({ id: article.id, sourceId: article.sourceId, number: article.number, title: article.title });
        touched.add(article.sourceId);
      }
    } catch (error) {
      result.warnings.push(`recheck: revising ${article.url}: ${(error as Error).message}`);
    }
  }
}

async function checkOne(article: CheckTarget, deps: RecheckDeps): Promise<{ classification: Classification; page: RecheckedPage | null }> {
  const url = article.url!;
  try {
    const response = await deps.fetcher.fetch({
      url,
      accept: PAGE_ACCEPT,
      proxy: deps.proxyFor?.(article.sourceId) ?? null,
      maxBytes: deps.maxBytes ?? 5 * 1024 * 1024,
    });
    const page =
      response.status === 200
        ? { body: response.body, contentType: response.contentType, finalUrl: response.finalUrl, status: response.status, etag: response.etag }
        : null;
    return { classification: classifyResponse(response, { url, title: article.title, content: article.content }), page };
  } catch (error) {
    return { classification: classifyFailure(error), page: null };
  }
}

async function record(article: CheckTarget, classification: Classification, deps: RecheckDeps, result: RecheckResult, touched: Set<string>): Promise<void> {
  const { store } = deps;
  // The time each check finished: with a fake clock in tests, the same moment for every check of a run.
  const checkedMs = deps.now().getTime();
  const check = { articleId: article.id, checkedMs, ...classification };
  // The evidence rule sees this check and the earlier ones, newest first, as the store lists them.
  const history = [{ ...check, id: Number.MAX_SAFE_INTEGER }, ...(await store.listChecks(article.id, HISTORY))]
    .sort((a, b) => b.checkedMs - a.checkedMs || b.id - a.id)
    .slice(0, HISTORY);
  const verdict = judge(article.status, history);
  const ref: CheckedRef = { id: article.id, sourceId: article.sourceId, number: article.number, title: article.title };
  const suspect = verdict.change === null && verdict.suspect;
  await store.recordCheckVerdict({
    check,
    status: verdict.change === null ? null : { status: verdict.change === 'removed' ? 'removed' : 'live', atMs: verdict.atMs },
    nextCheckMs: nextCheckAt(article, checkedMs, { suspect }),
  });
  if (verdict.change !== null) {
    (verdict.change === 'removed' ? result.removed : result.restored).push(ref);
    touched.add(article.sourceId);
  }
  result.checked++;
  result.outcomes[classification.outcome]++;
  if (classification.outcome === 'error') countError(result.errorKinds, classification.detail ?? 'internal: no detail');
}

/** classifyFailure writes an error's detail as `<kind>: <message>`. */
function countError(groups: CheckErrorGroup[], detail: string): void {
  const colon = detail.indexOf(': ');
  const kind = colon > 0 ? detail.slice(0, colon) : 'error';
  const sample = colon > 0 ? detail.slice(colon + 2) : detail;
  const group = groups.find((g) => g.kind === kind);
  if (group) group.count++;
  else groups.push({ kind, count: 1, sample });
}
