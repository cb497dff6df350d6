// Two commands that write the archive (`run`, `check`) never run at once on the same output folder:
// they would number articles twice and race on git. A crashed holder's lock is recognised as stale.
import { mkdirSync } from 'node:fs';
import type { Config } from '../config/index.ts';
import { describeHolder, LockError, lockOutput, type Lock } from '../lock/index.ts';
import { EXIT_PARTIAL, type CliIo } from './io.ts';

export async function withOutputLock(config: Config, io: CliIo, command: string, fn: () => Promise<number>): Promise<number> {
  mkdirSync(config.output, { recursive: true });
  let lock: Lock;
  try {
    lock = await lockOutput(config.output, {
      onWait: (holder) => io.stderr(`${command}: waiting for ${describeHolder(holder)} to finish\n`),
      onStale: (holder, reason) => io.stderr(`${command}: removing a stale lock left by ${describeHolder(holder)}: ${reason}\n`),
    });
  } catch (error) {
    if (error instanceof LockError) {
      io.stderr(`${error.message}\n`);
      return EXIT_PARTIAL;
    }
    throw error;
  }
  try {
    return await fn();
  } finally {
    lock.release();
  }
}
