// Runs `newsvault` from src/ as a real child process, for what only a process shows: its exit code, exactly
// what reaches stdout and stderr, and a SIGKILL. It runs in its own process group, so a test can kill it
// together with the git it may be running (as a runner that is thrown away or a killed systemd unit would).
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('./newsvault-cli.ts', import.meta.url));
// Resolved here, not from the child's working folder (a temporary folder with no node_modules).
const TSX = import.meta.resolve('tsx');

export interface CliRun {
  child: ChildProcess;
  /** Resolves when the process has exited: its code (null when killed) and what it printed. */
  done: Promise<ProcessOutcome>;
  killGroup(): void;
}

export interface ProcessOutcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** The command line that runs the CLI from src/ (through tsx), for a test that needs it as a program. */
export const CLI_COMMAND: readonly string[] = [process.execPath, '--import', TSX, CLI];

/** What a child process printed, and how it ended. */
export function outcomeOf(child: ChildProcess): Promise<ProcessOutcome> {
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

export function startCli(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): CliRun {
  const [node, ...nodeArgs] = CLI_COMMAND;
  const child = spawn(node!, [...nodeArgs, ...args], {
    cwd,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_OPTIONS: '', ...env },
  });
  const done = outcomeOf(child);
  return {
    child,
    done,
    killGroup() {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch (error) {
        // Already gone: the run finished before the kill came.
        if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
      }
    },
  };
}

export async function runCliProcess(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  return startCli(args, cwd, env).done;
}
