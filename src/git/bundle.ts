// A git bundle of the archive (`site/offline/newsvault-YYYY-MM.bundle`): the whole history in one file that a
// reader downloads from any mirror of the site and clones with no network (`git clone newsvault-2026-12.bundle
// archive`), for when every git host is blocked. The cycle calls this before publishing (cycle/bundle-phase.ts), so
// the bundle holds the archive's HEAD as it stands (the previous cycle's commit) and the offline page written in
// the same cycle lists it. A bundle is made only when the month (UTC+8, as the site's days) has none yet: a bundle
// is as big as the archive, and remade hourly it would rewrite that much on every mirror each hour.
//
// The bundle must not go into the archive it bundles: the site folder is inside the archive by default, and a
// committed bundle would be in the next bundle, each month's file holding the last (growth without bound). So
// ignore.ts excludes BUNDLE_PATTERN from `git add`; a site served from the archive's own git host (Pages) will
// not have the file, a site copied or synced from the folder will.
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { TEMP_SUFFIX } from '../files/atomic-write.ts';
import { BUNDLE_DIR, BUNDLE_NAME, bundleName, monthOfUtc8, type ListedBundle } from '../publish/site/offline-bundle.ts';
import { git } from './exec.ts';

export { BUNDLE_PATTERN } from '../publish/site/offline-bundle.ts';

export interface BundleOptions {
  /** The archive repository (its work tree). */
  repo: string;
  /** The folder the bundle goes in (absolute): the site's offline folder (BUNDLE_DIR). */
  dir: string;
  /** The clock, as a parameter so tests can change the month. */
  nowMs: number;
}

export type BundleResult =
  /** Made now (the month had none). */
  | { kind: 'made'; bundle: ListedBundle; replaced: string[] }
  /** This month's bundle was there already: described, not remade. */
  | { kind: 'current'; bundle: ListedBundle }
  /** The repository has no commit yet: nothing to bundle. */
  | { kind: 'empty' }
  | { kind: 'failed'; message: string };

export async function refreshBundle(options: BundleOptions): Promise<BundleResult> {
  const month = monthOfUtc8(options.nowMs);
  const name = bundleName(month);
  const path = join(options.dir, name);
  if (existsSync(path)) {
    const described = await describe(options.repo, path, month);
    // A file git cannot read as a bundle (damaged on disk) is made again rather than listed.
    if (described !== null) return { kind: 'current', bundle: described };
  }

  const head = await git(options.repo, ['rev-parse', '--verify', '--quiet', 'HEAD']);
  if (head.code !== 0) return { kind: 'empty' };
  const branch = await git(options.repo, ['symbolic-ref', '--quiet', '--short', 'HEAD']);
  // HEAD too, so `git clone` of the bundle checks the branch out; a detached HEAD is bundled as HEAD alone.
  const refs = branch.code === 0 ? ['HEAD', branch.stdout.trim()] : ['HEAD'];
  try {
    mkdirSync(options.dir, { recursive: true });
  } catch (cause) {
    return { kind: 'failed', message: `git: bundle: creating ${options.dir}: ${(cause as Error).message}` };
  }
  removeStaleTemporaries(options.dir);
  // Written under a temporary name (excluded from commits, removed by a later run if this one is killed), made
  // durable, then renamed: the real name only ever names a whole bundle, so a half-written one is never listed.
  const temporary = join(options.dir, `.${name}.${process.pid}${TEMP_SUFFIX}`);
  const made = await git(options.repo, ['bundle', 'create', '--quiet', temporary, ...refs]);
  if (made.code !== 0) {
    rmSync(temporary, { force: true });
    return { kind: 'failed', message: `git: bundle create failed: ${made.stderr.trim()}` };
  }
  try {
    const fd = openSync(temporary, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (cause) {
    rmSync(temporary, { force: true });
    return { kind: 'failed', message: `git: bundle: renaming to ${path}: ${(cause as Error).message}` };
  }
  const bundle = await describe(options.repo, path, month);
  if (bundle === null) return { kind: 'failed', message: `git: bundle: ${path} was made but git cannot read its heads` };
  // Last month's bundle is replaced, not kept: each holds everything the older ones did.
  const replaced: string[] = [];
  for (const other of readdirSync(options.dir)) {
    if (BUNDLE_NAME.test(other) && other !== name) {
      rmSync(join(options.dir, other), { force: true });
      replaced.push(other);
    }
  }
  return { kind: 'made', bundle, replaced };
}

/** What the page says of a bundle on disk: its size, the commit its HEAD names and that commit's date; null if unreadable. */
async function describe(repo: string, path: string, month: string): Promise<ListedBundle | null> {
  const heads = await git(repo, ['bundle', 'list-heads', path]);
  if (heads.code !== 0) return null;
  const lines = heads.stdout.split('\n').map((line) => line.trim().split(' '));
  const commit = (lines.find(([, ref]) => ref === 'HEAD') ?? lines[0])?.[0];
  if (commit === undefined || !/^[0-9a-f]{40,64}$/.test(commit)) return null;
  const date = await git(repo, ['show', '-s', '--format=%ct', commit]);
  const seconds = Number(date.stdout.trim());
  if (date.code !== 0 || !Number.isFinite(seconds) || date.stdout.trim() === '') return null;
  const name = bundleName(month);
  return { path: `${BUNDLE_DIR}/${name}`, name, month, bytes: statSync(path).size, commit, committedMs: seconds * 1000 };
}

/** A killed run's half-written bundles (this folder may lie outside the archive, where git/commit.ts never looks). */
function removeStaleTemporaries(dir: string): void {
  for (const other of readdirSync(dir)) {
    if (other.startsWith('.newsvault-') && other.endsWith(TEMP_SUFFIX)) rmSync(join(dir, other), { force: true });
  }
}
