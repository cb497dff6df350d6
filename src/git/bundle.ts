// A git bundle of the archive (`site/offline/newsvault-YYYY-MM.bundle`): the whole history in one file that a
// reader downloads from any mirror of the site and clones with no network (`git clone newsvault-2026-12.bundle
// archive`), for when every git host is blocked. Made after the cycle's commit (git is after publish; the site's
// offline page lists what is there at the next publish), and only when the month (UTC+8, as the site's days)
// changed since the last one or the file is missing: a bundle is as big as the archive, so remaking it hourly
// would rewrite that much on every mirror each hour.
//
// The bundle must not go into the archive it bundles: the site folder is inside the archive by default, and a
// committed bundle would be in the next bundle, each month's file holding the last (growth without bound). So
// ignore.ts excludes BUNDLE_PATTERN from `git add`; a site served from the archive's own git host (Pages) will
// not have the file, a site copied or synced from the folder will.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { TEMP_SUFFIX } from '../files/atomic-write.ts';
import { BUNDLE_NAME, bundleName, monthOfUtc8 } from '../publish/site/offline-bundle.ts';
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
  /** Made now (the month changed, or there was none). */
  | { kind: 'made'; path: string; bytes: number; month: string; replaced: string[] }
  /** This month's bundle is there: nothing done. */
  | { kind: 'current'; path: string; bytes: number; month: string }
  /** The repository has no commit yet: nothing to bundle. */
  | { kind: 'empty' }
  | { kind: 'failed'; message: string };

export async function refreshBundle(options: BundleOptions): Promise<BundleResult> {
  const month = monthOfUtc8(options.nowMs);
  const path = join(options.dir, bundleName(month));
  if (existsSync(path)) return { kind: 'current', path, bytes: statSync(path).size, month };

  const head = await git(options.repo, ['rev-parse', '--verify', '--quiet', 'HEAD']);
  if (head.code !== 0) return { kind: 'empty' };
  const branch = await git(options.repo, ['symbolic-ref', '--quiet', '--short', 'HEAD']);
  // HEAD too, so `git clone` of the bundle checks the branch out; a detached HEAD is bundled as HEAD alone.
  const refs = branch.code === 0 ? ['HEAD', branch.stdout.trim()] : ['HEAD'];
  // Written under a temporary name (never committed, removed by a later run if this one is killed) and renamed:
  // a mirror never serves half a bundle under the real name.
  const temporary = join(options.dir, `.${bundleName(month)}.${process.pid}${TEMP_SUFFIX}`);
  try {
    mkdirSync(options.dir, { recursive: true });
  } catch (cause) {
    return { kind: 'failed', message: `git: bundle: creating ${options.dir}: ${(cause as Error).message}` };
  }
  const made = await git(options.repo, ['bundle', 'create', '--quiet', temporary, ...refs]);
  if (made.code !== 0) {
    rmSync(temporary, { force: true });
    return { kind: 'failed', message: `git: bundle create failed: ${made.stderr.trim()}` };
  }
  try {
    renameSync(temporary, path);
  } catch (cause) {
    rmSync(temporary, { force: true });
    return { kind: 'failed', message: `git: bundle: renaming to ${path}: ${(cause as Error).message}` };
  }
  // Last month's bundle is replaced, not kept: each holds everything the older ones did.
  const replaced: string[] = [];
  for (const name of readdirSync(options.dir)) {
    if (BUNDLE_NAME.test(name) && name !== bundleName(month)) {
      rmSync(join(options.dir, name), { force: true });
      replaced.push(name);
    }
  }
  return { kind: 'made', path, bytes: statSync(path).size, month, replaced };
}
