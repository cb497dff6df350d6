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

/**
 * Exit codes, the contract automation relies on (README, docs/automation.md, deploy/): a cron line, the
 * systemd unit and the GitHub Actions step treat 0 and 1 as success and everything else as a failure.
 */
/** Everything archived, published, committed and pushed. */
export const EXIT_OK = 0;
/** Some sources failed; the rest went all the way through. */
export const EXIT_PARTIAL = 1;
/** Bad usage or config: fix the command line or the config file. */
export const EXIT_USAGE = 2;
/** The archive could not advance: every source failed, or import, publish, commit or push failed. */
export const EXIT_FAILED = 3;
/** An unexpected internal error (a bug): one line on stderr, the stack with --debug. */
export const EXIT_INTERNAL = 4;

/** An ordinary failure a user can act on: printed as its one-line message, no stack, and exits with `exitCode`. */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    message: string,
    readonly exitCode: number,
    options: { cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
  }
}
