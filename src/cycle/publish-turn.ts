// Publishing when several processes share one store (PostgreSQL, several machines): one of them at a time holds
// the publish lock (store/lease.ts PublishLock) and renders; a process that finds it held leaves publishing to
// the holder and says so. Nothing is lost by leaving: the holder, after releasing the lock, looks whether the
// store holds anything still unpublished (written by a process that found the lock held while it was
// publishing) and, if so, takes the lock again and publishes that too. A process that wrote before finding the
// lock held is therefore always covered by the holder's next look. Without a lock (SQLite) it just publishes.
import type { PublishLock } from '../store/lease.ts';
import type { Store } from '../store/index.ts';

/** Rounds one process publishes in one cycle at most: others' late writes, then the next cycle. */
export const PUBLISH_ROUNDS = 3;

export type PublishTurn = 'published' | 'left-to-other';

export async function publishInTurn(lock: PublishLock | null | undefined, store: Store, publish: () => Promise<void>): Promise<PublishTurn> {
  if (!lock) {
    await publish();
    return 'published';
  }
  for (let round = 0; round < PUBLISH_ROUNDS; round++) {
    const release = await lock.tryAcquire();
    if (release === null) return round === 0 ? 'left-to-other' : 'published';
    try {
      await publish();
    } finally {
      await release();
    }
    // After the release: whoever found the lock held had written before it looked, so its writes show here.
    if ((await store.pendingPublish(1)).length === 0) break;
  }
  return 'published';
}
