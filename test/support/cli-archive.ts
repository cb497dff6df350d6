// An archive for tests that run the real CLI: an output folder that is a git repository with a bare
// remote, the database outside it (as in the GitHub Actions flow), and a config file naming both.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { git } from '../../src/git/exec.ts';

export interface CliArchive {
  root: string;
  output: string;
  remote: string;
  database: string;
  configFile: string;
}

export async function createCliArchive(
  sources: { id: string; name: string; url: string }[],
  extra: Record<string, unknown> = {},
  root = mkdtempSync(join(tmpdir(), 'nv-cli-')),
): Promise<CliArchive> {
  const output = join(root, 'archive');
  const remote = join(root, 'remote.git');
  mkdirSync(output, { recursive: true });
  await git(root, ['init', '--quiet', '--bare', '--initial-branch=main', remote]);
  await git(output, ['init', '--quiet', '--initial-branch=main']);
  await git(output, ['remote', 'add', 'origin', remote]);
  const database = join(root, 'db', 'newsvault.sqlite');
  mkdirSync(join(root, 'db'), { recursive: true });
  const configFile = join(root, 'newsvault.config.json');
  writeFileSync(
    configFile,
    JSON.stringify({ output, database, fulltext: 'feed', recheck: { perRun: 0 }, sources, ...extra }, null, 2),
  );
  return { root, output, remote, database, configFile };
}

/** Every path in every commit's tree, over the whole history. */
export async function pathsInHistory(repo: string): Promise<Set<string>> {
  const paths = new Set<string>();
  const commits = (await git(repo, ['rev-list', '--all'])).stdout.trim().split('\n').filter(Boolean);
  for (const commit of commits) {
    for (const path of (await git(repo, ['ls-tree', '-r', '--name-only', commit])).stdout.split('\n')) if (path) paths.add(path);
  }
  return paths;
}
