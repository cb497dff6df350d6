// Two commands that write the archive (`run`, `check`) never run at once on the same output folder:
// they would number articles twice and race on git. A crashed holder's lock is recognised as stale.
import { mkdirSync, statSync } from 'node:fs';
import type { Config } from '../config/index.ts';
import { takeCleanRecord } from '../git/clean-record.ts';
import { describeHolder, LockError, lockOutput, type Lock } from '../lock/index.ts';
import { CliError, EXIT_FAILED, EXIT_USAGE, type CliIo } from './io.ts';

/**
 * Runs `fn` under the output folder's lock. `checkoutClean` says whether the last `run` left nothing uncommitted
 * (git/clean-record.ts); the record is taken here, before any command that holds the lock writes, so only `run`
 * saves it again.
 */
export async function withOutputLock(config: Config, io: CliIo, command: string, fn: (held: { checkoutClean: boolean }) => Promise<number>): Promise<number> {
  ensureOutputFolder(config.output);
  let lock: Lock;
  try {
    lock = await lockOutput(config.output, {
      onWait: (holder) => io.stderr(`${command}: waiting for ${describeHolder(holder)} to finish\n`),
      onStale: (holder, reason) => io.stderr(`${command}: removing a stale lock left by ${describeHolder(holder)}: ${reason}\n`),
    });
  } catch (error) {
    if (error instanceof LockError) {
      // The archive did not advance this time: a cycle that runs longer than the wait is worth a visible failure.
      io.stderr(`${error.message}\n`);
      return EXIT_FAILED;
    }
    throw error;
  }
  try {
    return await fn({ checkoutClean: takeCleanRecord(config.output) });
  } finally {
    lock.release();
  }
}

/** The output folder, created if missing; a file in its place is a config mistake, named as one. */
export function ensureOutputFolder(output: string): void {
  try {
    mkdirSync(output, { recursive: true });
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if ((code === 'EEXIST' || code === 'ENOTDIR') && !isFolder(output)) {
      throw new CliError(`output: ${output} is a file, not a folder; set \`output\` in the config to a folder`, EXIT_USAGE, { cause });
    }
    throw new CliError(`output: cannot create ${output}: ${(cause as Error).message}; set \`output\` in the config to a folder you can write`, EXIT_USAGE, { cause });
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false; // missing, or a path through a file: not a folder either way
  }
}
