// How far V8 lets the heap grow past what survived its last full collection. By default it may grow it up
// to 4× when the program allocates fast, and a first cycle does (15,000 article pages, chapters and search
// records are short-lived strings): with 90–160 MB live, the heap was let grow to 500+ MB of mostly garbage,
// and the process peaked at 580–720 MiB. 30% more than the live heap before the next full collection
// measured the same CPU and a peak about 200 MiB lower (README, "Feeds and cycles"). Like Go's
// debug.SetGCPercent, the command sets this for itself, so no operator needs to tune node (NODE_OPTIONS refuses
// this V8 flag anyway); one who starts it as `node --heap-growing-percent=N …/newsvault` keeps theirs.
export const HEAP_GROWING_PERCENT = 30;

const FLAG = /--heap[-_]growing[-_]percent/;

/** The V8 flag to set, or null when the operator already chose one on node's command line. */
export function heapGrowthFlag(execArgv: readonly string[]): string | null {
  if (execArgv.some((arg) => FLAG.test(arg))) return null;
  return `--heap-growing-percent=${HEAP_GROWING_PERCENT}`;
}

/**
 * Sets the growth limit for this process. V8 reads it at every full collection's new limit, so setting it
 * after start-up takes effect from the next collection on.
 */
export function limitHeapGrowth(execArgv: readonly string[], setFlags: (flags: string) => void): string | null {
  const flag = heapGrowthFlag(execArgv);
  if (flag !== null) setFlags(flag);
  return flag;
}
