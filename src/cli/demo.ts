// `newsvault demo [DIR]`: serves the bundled sample feeds on loopback and runs a cycle against them into
// DIR (or a new temporary folder), which is made a git repository so the commit can be seen too. It leaves
// a config file in DIR, so `serve` and `search` work there afterwards (they only read the archive).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { configFromValue, DEFAULT_CONFIG_FILES } from '../config/index.ts';
import { DEMO_SOURCES } from '../demo/demo-sources.ts';
import { startDemoServer } from '../demo/server.ts';
import { EXIT_USAGE, type CliIo } from './io.ts';
import { runCommand } from './run.ts';

export const DEMO_CONFIG_FILE = 'newsvault.config.json';

/** The demo's config; paths relative to DIR, where it is written. */
function demoConfigValue(serverUrl: string, images: 'keep' | 'proxy' | 'archive'): Record<string, unknown> {
  return {
    output: 'archive',
    database: 'newsvault.sqlite',
    sources: DEMO_SOURCES.map((source) => ({
      id: source.id,
      name: source.name,
      url: `${serverUrl}/feeds/${source.file}`,
      fulltext: source.fulltext,
    })),
    // Images are downloaded into the archive, so the demo shows what a reader behind the firewall sees.
    images,
    git: { push: false },
  };
}

/** A config file some earlier demo wrote: every source is one of the demo's feeds on loopback. */
function isDemoConfig(file: string): boolean {
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as { sources?: { id?: unknown; url?: unknown }[] };
    const ids = DEMO_SOURCES.map((source) => source.id);
    return (
      Array.isArray(value.sources) &&
      value.sources.length === ids.length &&
      value.sources.every((source, i) => source.id === ids[i] && typeof source.url === 'string' && /^http:\/\/127\.0\.0\.1:\d+\/feeds\//.test(source.url))
    );
  } catch {
    return false; // unreadable or not JSON: not ours, so it is left alone
  }
}

/** A path to show the user: relative to where they are when that is shorter and inside it. */
function shown(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel === '' ? '.' : !rel.startsWith('..') && rel.length < path.length ? rel : path;
}

function shellQuote(path: string): string {
  return /^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}

export async function demoCommand(dir: string | undefined, io: CliIo, options: { images?: 'keep' | 'proxy' | 'archive' } = {}): Promise<number> {
  const root = dir ? resolve(io.cwd, dir) : mkdtempSync(join(tmpdir(), 'newsvault-demo-'));
  const configFile = join(root, DEMO_CONFIG_FILE);
  // Never overwrite the user's own config (`newsvault demo .` in a folder already set up).
  for (const name of DEFAULT_CONFIG_FILES) {
    const existing = join(root, name);
    if (existsSync(existing) && !(existing === configFile && isDemoConfig(existing))) {
      io.stderr(`demo: ${existing} exists and was not written by the demo; run the demo in an empty folder: newsvault demo DIR\n`);
      return EXIT_USAGE;
    }
  }
  const output = join(root, 'archive');
  // `run` gives the archive a repository of its own (git/own-repository.ts), so the commit can be seen.

  // The same port as last time keeps every URL (and so every archived article) identical across demo runs.
  mkdirSync(root, { recursive: true });
  const portFile = join(root, '.demo-port');
  const port = existsSync(portFile) ? Number(readFileSync(portFile, 'utf8').trim()) || 0 : 0;
  const server = await startDemoServer({ port });
  try {
    writeFileSync(portFile, `${new URL(server.url).port}\n`);
    io.stderr(`demo: serving sample feeds at ${server.url}/feeds/\n`);
    const value = demoConfigValue(server.url, options.images ?? 'archive');
    // Written before the run, so a failed run still leaves a folder the commands below work in.
    writeFileSync(configFile, `${JSON.stringify(value, null, 2)}\n`);
    const code = await runCommand(configFromValue(value, configFile, root), io);
    const at = shown(root, io.cwd);
    const cd = at === '.' ? '' : `cd ${shellQuote(at)} && `;
    const archive = shown(output, io.cwd);
    io.stdout(
      `demo: archive written to ${output}\n` +
        `  open ${join(archive, 'site', 'index.html')} in a browser, or try: ls ${archive}/articles/*  and  git -C ${archive} log --stat\n` +
        `demo: wrote ${shown(configFile, io.cwd)}; the reader and search work on the demo's archive there:\n` +
        `  ${cd}newsvault serve          (the reader at http://127.0.0.1:8080/)\n` +
        `  ${cd}newsvault search 习近平\n` +
        `  or from anywhere: newsvault search 习近平 --config ${shellQuote(configFile)}\n` +
        `  The demo's feeds were served by this command and are gone now: \`newsvault run\` with this config fails;\n` +
        `  run \`newsvault demo ${shellQuote(at)}\` again to repeat it, or archive real feeds in a folder of their own.\n`,
    );
    return code;
  } finally {
    await server.close();
  }
}
