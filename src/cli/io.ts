// The process edge for commands: where they write and what time it is. Tests pass their own.
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  now: () => Date;
  isTty: boolean;
  env: NodeJS.ProcessEnv;
}

export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    now: () => new Date(),
    isTty: Boolean(process.stderr.isTTY),
    env: process.env,
  };
}

/** Exit codes (DESIGN.md): 0 success, 1 some sources failed (the rest was archived), 2 bad usage or config. */
export const EXIT_OK = 0;
export const EXIT_PARTIAL = 1;
export const EXIT_USAGE = 2;
