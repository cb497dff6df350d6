import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Semaphore, createHostLimiter } from './host-limit.ts';

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('Semaphore', () => {
  test('admits up to the limit, then hands slots over in FIFO order', async () => {
    const semaphore = new Semaphore(2);
    const order: number[] = [];
    const releases = await Promise.all([semaphore.acquire(), semaphore.acquire()]);
    const waiting = [3, 4].map((n) => semaphore.acquire().then((release) => (order.push(n), release)));
    await tick();
    assert.deepEqual(order, []);
    assert.equal(semaphore.active, 2);
    releases[0]?.();
    await tick();
    assert.deepEqual(order, [3]);
    releases[1]?.();
    releases[1]?.(); // releasing twice must not free a second slot
    await tick();
    assert.deepEqual(order, [3, 4]);
    for (const release of await Promise.all(waiting)) release();
    assert.equal(semaphore.active, 0);
    assert.ok(semaphore.idle);
  });

  test('rejects a non-positive limit', () => {
    assert.throws(() => new Semaphore(0), RangeError);
  });
});

describe('createHostLimiter', () => {
  test('per-host and overall limits', async () => {
    const limiter = createHostLimiter(1, 2);
    const got: string[] = [];
    const take = (host: string, label: string) => limiter.acquire(host).then((release) => (got.push(label), release));
    const a1 = take('a', 'a1');
    const a2 = take('a', 'a2'); // waits for a1 (per-host 1)
    const b1 = take('b', 'b1');
    const c1 = take('c', 'c1'); // waits: overall 2 already used by a1 and b1
    await tick();
    assert.deepEqual(got, ['a1', 'b1']);
    (await a1)();
    await tick();
    // a1's overall slot goes to the first waiter for an overall slot: a2 got its host slot at once.
    assert.equal(got.length, 3);
    (await b1)();
    await tick();
    assert.deepEqual(got.sort(), ['a1', 'a2', 'b1', 'c1']);
    (await a2)();
    (await c1)();
  });
});
