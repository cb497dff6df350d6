// What never belongs in an archive's history (temporary files, the lock, the archive's own bundle), kept out of
// `git add` by the repository's own exclude file (`.git/info/exclude`): it works in a fresh clone without
// committing a .gitignore the old archive lacked, and it is rewritten before every staging, so a checkout that
// lost it gets it back.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { TEMP_SUFFIX } from '../files/atomic-write.ts';
import { BUNDLE_PATTERN } from './bundle.ts';
import { git, GitError } from './exec.ts';

/** The ending every atomic write's temporary file has (publish comes before git, so git may use it). */
export const TEMP_PATTERN = `*${TEMP_SUFFIX}`;

const EXCLUDES = [
  '# newsvault: temporary files of atomic writes and the lock of a folder that was not yet a repository',
  TEMP_PATTERN,
  '.newsvault.lock',
  // The monthly bundle of the archive (bundle.ts) lives in the site folder, inside the archive by default: committed,
  // every bundle would hold the one before it and the archive would grow by its own size each month.
  BUNDLE_PATTERN,
];

export async function ensureExcludes(dir: string): Promise<void> {
  const path = resolve(dir, (await git(dir, ['rev-parse', '--git-path', 'info/exclude'])).stdout.trim());
  const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const lines = new Set(text.split('\n'));
  const missing = EXCLUDES.filter((line) => !lines.has(line));
  if (missing.length === 0) return;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${text}${text === '' || text.endsWith('\n') ? '' : '\n'}${missing.join('\n')}\n`);
  } catch (cause) {
    throw new GitError('commit', `git: writing the exclude file ${path}: ${(cause as Error).message}`, { cause });
  }
}

/**
 * Deletes temporary files a killed run left in the work tree. Called under the output lock, after
 * publishing: no write of this run is in flight, so every such file is stale. Returns their paths.
 */
export async function removeStaleTemporaries(dir: string, scope: string): Promise<string[]> {
  const listed = await git(dir, ['ls-files', '-z', '--others', '--ignored', `--exclude=${TEMP_PATTERN}`, '--', scope]);
  if (listed.code !== 0) throw new GitError('commit', `git: listing temporary files in ${dir} failed: ${listed.stderr.trim()}`);
  const paths = listed.stdout.split('\0').filter(Boolean);
  for (const path of paths) rmSync(join(dir, path), { force: true });
  return paths;
}
