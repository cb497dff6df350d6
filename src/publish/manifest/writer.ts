// Appends to the months of the manifest what the store holds and the files lack: each month file is read,
// compared with the store's lines for that month (as multisets of line identities), and only the missing lines
// are appended, fsynced, never rewritten. A new month's file is written whole (atomically) with a header
// carrying the hash of the previous month's file as it then is.
//
// A run killed mid-append leaves a last line without its newline: the next run cuts the file back to its last
// complete line and appends the lines again from the store, so nothing is lost and the cut-off bytes never
// reach git (they are removed before the commit of that run).
//
// Re-check lines wait for a run that writes something else (a new article, a list), for at most
// CHECKS_WAIT_MS, so an hour with nothing but re-checks still makes no commit.
import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, ftruncateSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Store } from '../../store/types.ts';
import { makeWrittenDurable, writeFileAtomic, type WriteLog } from '../../files/atomic-write.ts';
import { gitBlobId } from '../blob-id.ts';
import { describeWriteError } from '../../files/disk-space.ts';
import { manifestMonths } from '../../archive-format/manifest-months.ts';
import {
  byTime,
  checkLine,
  healthLine,
  lineIdentity,
  lineTime,
  MANIFEST_VERSION,
  manifestPath,
  monthOf,
  monthRange,
  nextMonth,
  parseManifest,
  renderHeader,
  renderLines,
  revisionLine,
  statusLine,
  type ManifestHeader,
  type ManifestLine,
} from '../../archive-format/manifest.ts';

/** The longest re-check lines wait for another change to ride along with. */
export const CHECKS_WAIT_MS = 24 * 3600 * 1000;

export function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Every line the store has for one month, in time order. */
export async function storeLines(store: Store, month: string): Promise<ManifestLine[]> {
  const [from, to] = monthRange(month);
  return byTime<ManifestLine>([
    ...(await store.listRevisionsBetween(from, to)).map(revisionLine),
    ...(await store.listStatusEventsBetween(from, to)).map(statusLine),
    ...(await store.listChecksBetween(from, to)).map(checkLine),
    ...(await store.listHealthEventsBetween(from, to)).map(healthLine),
  ]);
}

export interface AppendManifestsOptions {
  /** The span of time whose months are compared with the store (at least the months in it are visited). */
  fromMs: number;
  toMs: number;
  nowMs: number;
  /** True when this run writes other files anyway: re-check lines go with them. */
  othersWritten: boolean;
  log?: WriteLog;
}

export interface AppendManifestsResult {
  /** The blob id of each month file written or repaired (for the store's record of what the checkout holds). */
  blobs: Map<string, string>;
  appended: number;
  /** Missing re-check lines left waiting for company (CHECKS_WAIT_MS). */
  withheld: number;
  /** Files whose cut-off last line was removed. */
  repaired: string[];
}

interface MonthFile {
  /** The file's bytes up to and including its last newline. */
  complete: Buffer;
  /** True when bytes followed the last newline (a cut-off write). */
  cut: boolean;
}

export async function appendManifests(store: Store, output: string, options: AppendManifestsOptions): Promise<AppendManifestsResult> {
  const result: AppendManifestsResult = { blobs: new Map(), appended: 0, withheld: 0, repaired: [] };
  // The manifest describes article files already written: they are on disk before it (atomic-write.ts).
  makeWrittenDurable();
  const first = monthOf(options.fromMs);
  const existing = manifestMonths(output);
  const last = [monthOf(options.toMs), existing.at(-1) ?? first].sort().at(-1)!;

  const plans: { month: string; file: MonthFile | null; missing: ManifestLine[] }[] = [];
  for (let month = first; month <= last; month = nextMonth(month)) {
    const path = manifestPath(month);
    const file = readMonthFile(join(output, path));
    const have = new Map<string, number>();
    if (file && file.complete.length > 0) {
      for (const line of parseManifest(file.complete.toString('utf8'), path).lines) {
        const identity = lineIdentity(line);
        have.set(identity, (have.get(identity) ?? 0) + 1);
      }
    }
    const missing = (await storeLines(store, month)).filter((line) => {
      const identity = lineIdentity(line);
      const count = have.get(identity) ?? 0;
      if (count > 0) have.set(identity, count - 1);
      return count === 0;
    });
    plans.push({ month, file, missing });
  }
  const missingLines = plans.flatMap((plan) => plan.missing);
  const flushChecks =
    options.othersWritten ||
    missingLines.some((line) => line.type !== 'check') ||
    missingLines.some((line) => line.type === 'check' && lineTime(line) <= options.nowMs - CHECKS_WAIT_MS);

  const before = existing.filter((month) => month < first).at(-1);
  let previous: Buffer | null = before ? readFileSync(join(output, manifestPath(before))) : null;
  for (const plan of plans) {
    const path = manifestPath(plan.month);
    const full = join(output, path);
    const lines = flushChecks ? plan.missing : plan.missing.filter((line) => line.type !== 'check');
    result.withheld += plan.missing.length - lines.length;
    let content = plan.file?.complete ?? null;
    if (plan.file?.cut) {
      truncateDurably(full, plan.file.complete.length);
      result.repaired.push(path);
      options.log?.written.push(full);
    }
    if (content !== null && content.length === 0) content = null;
    if (lines.length > 0) {
      const text = renderLines(lines);
      if (content === null) {
        const header: ManifestHeader = { manifest: MANIFEST_VERSION, month: plan.month, previous: null };
        if (previous) {
          header.previous = createHash('sha256').update(previous).digest('hex');
          header.previousBytes = previous.length;
        }
        content = Buffer.from(renderHeader(header) + text, 'utf8');
        writeFileAtomic(full, content, options.log);
      } else {
        appendDurably(full, Buffer.from(text, 'utf8'), content.length);
        content = Buffer.concat([content, Buffer.from(text, 'utf8')]);
        options.log?.written.push(full);
      }
      result.appended += lines.length;
    }
    if (content !== null && (lines.length > 0 || plan.file?.cut)) result.blobs.set(path, gitBlobId(content));
    if (content !== null) previous = content;
  }
  return result;
}

function readMonthFile(path: string): MonthFile | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new Error(`publish: reading ${path}: ${(cause as Error).message}`, { cause });
  }
  const end = bytes.lastIndexOf(0x0a) + 1;
  return { complete: bytes.subarray(0, end), cut: end < bytes.length };
}

function appendDurably(path: string, bytes: Buffer, originalLength: number): void {
  let fd: number | null = null;
  try {
    fd = openSync(path, 'a');
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    fsyncSync(fd);
  } catch (cause) {
    // Leave the file as it was (a full disk has room for that: truncating frees what was written).
    if (fd !== null) {
      try {
        ftruncateSync(fd, originalLength);
      } catch (truncateError) {
        (cause as Error).message += `; cutting the file back to ${originalLength} bytes also failed: ${(truncateError as Error).message}`;
      }
    }
    throw new Error(`publish: appending to ${path}: ${describeWriteError(cause as Error, dirname(path))}`, { cause });
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

function truncateDurably(path: string, length: number): void {
  const fd = openSync(path, 'r+');
  try {
    ftruncateSync(fd, length);
    fsyncSync(fd);
  } catch (cause) {
    throw new Error(`publish: cutting the interrupted last line of ${path}: ${(cause as Error).message}`, { cause });
  } finally {
    closeSync(fd);
  }
}
