// Several `newsvault run` processes (on several machines) sharing one database: each source is fetched by one of
// them per cycle. A process claims a source before fetching it and releases it when done; a claim fails while
// another holder's lease is live, or when the source was finished after the claiming cycle began (another
// process already fetched it in this round). A lease that is never released (a killed process) expires.
// Times are the database's clock, which every machine shares.

export interface SourceLeases {
  /** The start of a cycle on the database's clock: what claims compare a source's last finish against. */
  cycleStart(): Promise<number>;
  /** True when `holder` now holds the source for `ttlMs`; false when another process holds it or fetched it since `cycleStartMs`. */
  claim(sourceId: string, holder: string, cycleStartMs: number, ttlMs: number): Promise<boolean>;
  /** Ends the holder's lease and records the source as finished now. Does nothing when the lease is no longer the holder's. */
  release(sourceId: string, holder: string): Promise<void>;
}

/** One process alone on its store (SQLite; the output folder's lock keeps a second away): every claim succeeds. */
export const SOLE_PROCESS: SourceLeases = {
  cycleStart: async () => Date.now(),
  claim: async () => true,
  release: async () => undefined,
};

/**
 * Publishing when several processes share the store: one of them at a time renders and commits. Null from
 * tryAcquire means another process is publishing now; otherwise the caller holds the lock until it calls the
 * release function it got.
 */
export interface PublishLock {
  tryAcquire(): Promise<(() => Promise<void>) | null>;
}
