// Starts `newsvault` as a child process in its own process group, so a test can SIGKILL it together with
// the git it may be running (as a runner that is thrown away or a killed systemd unit would).
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('./newsvault-cli.ts', import.meta.url));
// Resolved here, not from the child's working folder (a temporary folder with no node_modules).
const TSX = import.meta.resolve('tsx');

export interface CliRun {
  child: ChildProcess;
  /** Resolves when the process has exited: its code (null when killed) and what it printed. */
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
  killGroup(): void;
}

export function startCli(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): CliRun {
  const child = spawn(process.execPath, ['--import', TSX, CLI, ...args], {
    cwd,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_OPTIONS: '', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
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
