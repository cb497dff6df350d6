// Politeness and resource limits: at most N requests in flight per host, and M overall. A FIFO
// semaphore per host, created on demand and dropped when idle so a long run with many hosts stays small.

export type Release = () => void;

export class Semaphore {
  readonly #limit: number;
  #active = 0;
  readonly #waiting: Array<() => void> = [];

  constructor(limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`fetch: concurrency limit must be a positive integer, got ${limit}`);
    this.#limit = limit;
  }

  get active(): number {
    return this.#active;
  }

  get idle(): boolean {
    return this.#active === 0 && this.#waiting.length === 0;
  }

  async acquire(): Promise<Release> {
    if (this.#active < this.#limit) {
      this.#active += 1;
    } else {
      // The slot is handed over directly by release(), so #active stays at the limit.
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.#waiting.shift();
      if (next === undefined) this.#active -= 1;
      else next();
    };
  }
}

export interface HostLimiter {
  /** Wait for a slot for this host and an overall slot; call the result exactly once when done. */
  acquire(host: string): Promise<Release>;
}

export function createHostLimiter(perHost: number, overall: number): HostLimiter {
  const global = new Semaphore(overall);
  const hosts = new Map<string, Semaphore>();
  return {
    async acquire(host) {
      let semaphore = hosts.get(host);
      if (semaphore === undefined) {
        semaphore = new Semaphore(perHost);
        hosts.set(host, semaphore);
      }
      const hostSemaphore = semaphore;
      // Host slot first: a request queued behind its own host must not sit on one of the overall slots
      // that requests to other hosts could use.
      const releaseHost = await hostSemaphore.acquire();
      const releaseGlobal = await global.acquire();
      return () => {
        releaseGlobal();
        releaseHost();
        if (hostSemaphore.idle && hosts.get(host) === hostSemaphore) hosts.delete(host);
      };
    },
  };
}
