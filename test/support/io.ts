// A CliIo that records what a command printed, with a fixed clock.
import type { CliIo } from '../../src/cli/io.ts';

export function captureIo(cwd: string, now = new Date('2024-01-01T00:00:00Z')): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    cwd,
    now: () => now,
    isTty: false,
    env: {},
  };
}
