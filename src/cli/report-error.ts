// What a command that threw prints and which exit code it gets. Ordinary failures (a bad config, a
// database that cannot be opened, a port in use) are one line that names the problem and what to do;
// anything else is a bug: one line saying so, and the stack only with --debug.
import { CommanderError } from 'commander';
import { ConfigError } from '../config/error.ts';
import { GitError } from '../git/index.ts';
import { LockError } from '../lock/index.ts';
import { CliError, EXIT_FAILED, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, type CliIo } from './io.ts';

async function ordinary(error: unknown): Promise<{ message: string; exitCode: number } | null> {
  if (error instanceof CliError) return { message: error.message, exitCode: error.exitCode };
  if (error instanceof ConfigError) return { message: error.message, exitCode: EXIT_USAGE };
  if (error instanceof LockError) return { message: error.message, exitCode: EXIT_FAILED };
  if (error instanceof GitError) {
    if (error.kind === 'missing-git') return { message: `${error.message}; install git, or set \`git: { commit: false }\` in the config`, exitCode: EXIT_USAGE };
    return { message: error.message, exitCode: EXIT_FAILED };
  }
  // Loaded here, not at the top: the store module brings the SQLite driver, which commands that never
  // open a database (and a failure before one was opened) need not load.
  const { StoreError } = await import('../store/index.ts');
  if (error instanceof StoreError) {
    // A path that is a folder, a folder that cannot be written, a file that is not SQLite, a newer schema.
    if (error.kind === 'open') {
      return { message: `${error.message}; set \`database\` in the config to a file in a folder you can write`, exitCode: EXIT_USAGE };
    }
    // A PostgreSQL server that cannot be reached, refuses the login or has no such database.
    if (error.kind === 'connect') {
      return { message: `${error.message}; check that the server is running and \`database\` (or NEWSVAULT_DATABASE_URL) names it`, exitCode: EXIT_USAGE };
    }
    if (error.kind === 'migrate') return { message: error.message, exitCode: EXIT_USAGE };
    return { message: error.message, exitCode: EXIT_FAILED };
  }
  return null;
}

export async function reportError(error: unknown, io: Pick<CliIo, 'stderr'>, options: { debug: boolean }): Promise<number> {
  // Commander has already printed its message (and --help or --version their text, with exit code 0).
  if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
  const known = await ordinary(error);
  if (known) {
    io.stderr(`${oneLine(known.message)}\n`);
    if (options.debug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    return known.exitCode;
  }
  if (options.debug) {
    io.stderr(`newsvault: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  } else {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`newsvault: internal error: ${oneLine(message)} (run with --debug for the stack)\n`);
  }
  return EXIT_INTERNAL;
}

/** Messages that carry a child's output (git's stderr) can span lines; a log line must not. */
function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, ' ').trim();
}
