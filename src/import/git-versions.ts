// Every version of every article file in the archive's git history, read with two git processes (a
// `git log --raw` for the blob ids, one `git cat-file --batch` for their bytes) however long the history.
import { spawnSync } from 'node:child_process';
import { parseArticleFile } from '../archive-format/article-file.ts';
import { sha256 } from '../revision/fingerprint.ts';

export interface FileVersion {
  blob: string;
  html: string;
  sha256: string;
}

const ZERO = /^0+$/;

/** Path → its versions in history (oldest first), each with the sha256 of its archival HTML. */
export function articleVersions(dir: string): Map<string, FileVersion[]> {
  const versions = new Map<string, FileVersion[]>();
  const env = { ...process.env, LC_ALL: 'C' };
  const log = spawnSync(
    'git',
    ['-c', 'core.quotePath=false', 'log', '--reverse', '--raw', '--no-abbrev', '--no-renames', '--format=', '--relative', '--', 'articles'],
    { cwd: dir, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024, env },
  );
  if (log.error || log.status !== 0) return versions;
  const blobsByPath = new Map<string, string[]>();
  for (const line of log.stdout.split('\n')) {
    // ":100644 100644 <old> <new> M\t<path>"
    const match = /^:\d+ \d+ [0-9a-f]+ ([0-9a-f]+) \w+\t(.+)$/.exec(line);
    if (!match || ZERO.test(match[1]!) || !match[2]!.endsWith('.md')) continue;
    const list = blobsByPath.get(match[2]!) ?? [];
    if (!list.includes(match[1]!)) list.push(match[1]!);
    blobsByPath.set(match[2]!, list);
  }
  const unique = [...new Set([...blobsByPath.values()].flat())];
  if (unique.length === 0) return versions;
  const batch = spawnSync('git', ['cat-file', '--batch'], { cwd: dir, input: `${unique.join('\n')}\n`, maxBuffer: 4 * 1024 * 1024 * 1024, env });
  if (batch.error || batch.status !== 0) return versions;
  const bytes = batch.stdout as Buffer;
  const contents = new Map<string, string>();
  for (let offset = 0; offset < bytes.length; ) {
    const end = bytes.indexOf(0x0a, offset);
    const [blob, type, size] = bytes.subarray(offset, end).toString('utf8').split(' ');
    if (type !== 'blob') {
      offset = end + 1;
      continue;
    }
    const length = Number(size);
    contents.set(blob!, bytes.subarray(end + 1, end + 1 + length).toString('utf8'));
    offset = end + 1 + length + 1;
  }
  for (const [path, blobs] of blobsByPath) {
    const list: FileVersion[] = [];
    for (const blob of blobs) {
      const text = contents.get(blob);
      if (text === undefined) continue;
      try {
        const html = parseArticleFile(text, path).html;
        list.push({ blob, html, sha256: sha256(html) });
      } catch {
        // A version that is not an article file (hand-edited into something else): verify reports it by
        // its sha256 not matching any manifest line; a rebuild does not need it.
        list.push({ blob, html: '', sha256: '' });
      }
    }
    versions.set(path, list);
  }
  return versions;
}
