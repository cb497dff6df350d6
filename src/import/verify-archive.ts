// Checks the archive against its own manifest: the chain of month hashes, every revision the manifest
// lists against the versions in git history, every article file on disk against the manifest's latest
// revision of it, and every version in history against some manifest line. Lists what differs.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { manifestPath, parseManifest, type RevisionLine } from '../archive-format/manifest.ts';
import { manifestMonths } from '../archive-format/manifest-months.ts';
import { sha256 } from '../revision/fingerprint.ts';
import { parseArticleFile } from '../archive-format/article-file.ts';
import { articleVersions } from './git-versions.ts';

export interface VerifyReport {
  months: number;
  revisions: number;
  files: number;
  differences: string[];
}

export function verifyArchive(dir: string): VerifyReport {
  const report: VerifyReport = { months: 0, revisions: 0, files: 0, differences: [] };
  const differ = (text: string) => report.differences.push(text);
  const months = manifestMonths(dir);
  if (months.length === 0) {
    differ(`${dir} has no manifest (.newsvault/manifest/): nothing to verify against`);
    return report;
  }
  const versions = articleVersions(dir);
  const latest = new Map<string, RevisionLine>();
  const listed = new Map<string, Set<string>>();
  // The previous month's bytes: version 2 headers cover its first `previousBytes` (it may have grown since),
  // version 1 headers the whole file.
  let previous: Buffer | null = null;
  let previousPath = '';
  for (const month of months) {
    const path = manifestPath(month);
    const bytes = readFileSync(join(dir, path));
    report.months++;
    let parsed;
    try {
      parsed = parseManifest(bytes.toString('utf8'), path);
    } catch (error) {
      differ((error as Error).message);
      previous = bytes;
      previousPath = path;
      continue;
    }
    if (parsed.partial) differ(`${path}: ends in a cut-off line (a write was interrupted; the next run cuts it and writes its lines again)`);
    if (parsed.header.month !== month) differ(`${path}: its header says month ${parsed.header.month}`);
    const claimed = parsed.header.previous;
    if (previous === null) {
      if (claimed !== null) differ(`${path}: names a previous manifest (${claimed.slice(0, 12)}…) but it is the first`);
    } else {
      const covered = parsed.header.previousBytes ?? previous.length;
      const actual = covered <= previous.length ? createHash('sha256').update(previous.subarray(0, covered)).digest('hex') : null;
      if (actual === null) {
        differ(`${path}: says ${previousPath} had ${covered} bytes when this month began; it has ${previous.length}: an earlier month was cut short`);
      } else if (actual !== claimed) {
        differ(
          `${path}: the hash of ${previousPath}${parsed.header.previousBytes === undefined ? '' : ` (its first ${covered} bytes)`} is ` +
            `${actual.slice(0, 12)}…, this file says ${String(claimed).slice(0, 12)}…: an earlier month was changed`,
        );
      }
    }
    for (const line of parsed.lines) {
      if (line.type !== 'revision') continue;
      report.revisions++;
      // By seq, not position: a line a run filled in later sits after newer ones.
      if ((latest.get(line.path)?.seq ?? 0) < line.seq) latest.set(line.path, line);
      const shas = listed.get(line.path) ?? new Set<string>();
      shas.add(line.sha256);
      listed.set(line.path, shas);
      if (!versions.get(line.path)?.some((version) => version.sha256 === line.sha256)) {
        differ(`${line.path}: revision ${line.seq} (archived ${line.archivedAt}, sha256 ${line.sha256.slice(0, 12)}…) is not in the git history`);
      }
    }
    previous = bytes;
    previousPath = path;
  }

  // Every version git holds must be one the manifest lists: an altered and re-committed file shows here.
  for (const [path, list] of versions) {
    const shas = listed.get(path);
    if (!shas) continue;
    for (const version of list) {
      if (!shas.has(version.sha256)) differ(`${path}: git history holds a version (blob ${version.blob.slice(0, 12)}…) that no manifest lists`);
    }
  }

  // The files on disk: each the manifest's latest revision of it, none unknown to the manifest.
  const articles = join(dir, 'articles');
  for (const source of existsSync(articles) ? readdirSync(articles) : []) {
    const folder = join(articles, source);
    if (!statSync(folder).isDirectory()) continue;
    for (const name of readdirSync(folder)) {
      if (!name.endsWith('.md')) continue;
      const path = `articles/${source}/${name}`;
      report.files++;
      const line = latest.get(path);
      if (!line) {
        differ(`${path}: not in any manifest`);
        continue;
      }
      let html: string;
      try {
        html = parseArticleFile(readFileSync(join(folder, name), 'utf8'), path).html;
      } catch (error) {
        differ(`${path}: ${(error as Error).message}`);
        continue;
      }
      if (sha256(html) !== line.sha256) differ(`${path}: differs from its latest revision in the manifest (archived ${line.archivedAt})`);
    }
  }
  for (const path of latest.keys()) {
    if (!existsSync(join(dir, path))) differ(`${path}: listed in the manifest but missing`);
  }
  return report;
}
