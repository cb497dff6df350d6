// `newsvault parse [--content-type T] FILE…`: what the parser sees, one JSON object per file per line.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describeFeed } from '../normalize/describe.ts';
import type { CliIo } from './io.ts';

export function parseCommand(files: readonly string[], options: { contentType?: string }, io: CliIo): number {
  let failed = false;
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(resolve(io.cwd, file));
    } catch (error) {
      failed = true;
      io.stdout(`${JSON.stringify({ file, error: { kind: 'read', message: `parse: cannot read ${file}: ${(error as Error).message}` }, warnings: [] })}\n`);
      continue;
    }
    const view = describeFeed(bytes, { contentType: options.contentType ?? null, feedUrl: null, now: io.now() });
    if ('error' in view) failed = true;
    io.stdout(`${JSON.stringify({ file, ...view })}\n`);
  }
  return failed ? 1 : 0;
}
