// `newsvault demo [DIR]`: serves the bundled sample feeds on loopback and runs a cycle against them into
// DIR (or a new temporary folder), which is made a git repository so the commit can be seen too.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { configFromValue } from '../config/index.ts';
import { DEMO_SOURCES } from '../demo/demo-sources.ts';
import { startDemoServer } from '../demo/server.ts';
import { git } from '../git/exec.ts';
import { isGitRepository } from '../git/index.ts';
import type { CliIo } from './io.ts';
import { runCommand } from './run.ts';

export async function demoCommand(dir: string | undefined, io: CliIo, options: { images?: 'keep' | 'proxy' | 'archive' } = {}): Promise<number> {
  const root = dir ? resolve(io.cwd, dir) : mkdtempSync(join(tmpdir(), 'newsvault-demo-'));
  const output = join(root, 'archive');
  mkdirSync(output, { recursive: true });
  if (!(await isGitRepository(output))) await git(output, ['init', '--quiet']);

  // The same port as last time keeps every URL (and so every archived article) identical across demo runs.
  const portFile = join(root, '.demo-port');
  const port = existsSync(portFile) ? Number(readFileSync(portFile, 'utf8').trim()) || 0 : 0;
  const server = await startDemoServer({ port });
  writeFileSync(portFile, `${new URL(server.url).port}\n`);
  try {
    io.stderr(`demo: serving sample feeds at ${server.url}/feeds/\n`);
    const config = configFromValue(
      {
        output,
        database: join(root, 'newsvault.sqlite'),
        sources: DEMO_SOURCES.map((source) => ({
          id: source.id,
          name: source.name,
          url: `${server.url}/feeds/${source.file}`,
          fulltext: source.fulltext,
        })),
        // Images are downloaded into the archive, so the demo shows what a reader behind the firewall sees.
        images: options.images ?? 'archive',
        git: { push: false },
      },
      null,
      root,
    );
    const code = await runCommand(config, io);
    io.stdout(
      `demo: archive written to ${output}\n` +
        `  open ${join(output, 'site', 'index.html')} in a browser, or try: ls ${output}/articles/*  and  git -C ${output} log --stat\n`,
    );
    return code;
  } finally {
    await server.close();
  }
}
