// The archive's own record of what it holds (`.newsvault/manifest/<YYYY-MM>.jsonl`, committed with the
// articles): one JSON line per revision and per status event, in time order, under a header that carries
// the sha256 of the previous month's file, so changing any earlier month breaks every later link.
// Enough to rebuild the store without its database (import/) and to verify the archive (cli/verify.ts).
import type { RevisionRecord, StatusEventRecord } from '../../store/types.ts';
import { articleFilePath } from '../markdown/format.ts';

export const MANIFEST_DIR = '.newsvault/manifest';
export const MANIFEST_VERSION = 1;

export interface ManifestHeader {
  manifest: number;
  month: string;
  /** sha256 of the previous month's manifest file (the nearest earlier one), null for the first. */
  previous: string | null;
}

export interface RevisionLine {
  type: 'revision';
  path: string;
  source: string;
  number: number;
  key: string;
  seq: number;
  archivedAt: string;
  /** Where this revision was seen: the feed, the article page, an import of the old archive, a re-check. */
  seenWhere: string;
  url: string | null;
  title: string;
  author: string | null;
  publishedMs: number;
  /** sha256 of the archival HTML (the article file's body). */
  sha256: string;
  /** What "the same article" is compared by (revision/fingerprint.ts), so a rebuilt store sees no edit. */
  fingerprint: string;
}

export interface StatusLine {
  type: 'status';
  path: string;
  source: string;
  number: number;
  kind: 'removed' | 'restored';
  at: string;
}

export type ManifestLine = RevisionLine | StatusLine;

export function monthOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 7);
}

export function monthRange(month: string): [number, number] {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  return [Date.UTC(year, mon - 1, 1), Date.UTC(year, mon, 1)];
}

export function nextMonth(month: string): string {
  return monthOf(monthRange(month)[1]);
}

export function manifestPath(month: string): string {
  return `${MANIFEST_DIR}/${month}.jsonl`;
}

export function revisionLine(revision: RevisionRecord): RevisionLine {
  return {
    type: 'revision',
    path: articleFilePath(revision),
    source: revision.sourceId,
    number: revision.number,
    key: revision.key,
    seq: revision.seq,
    archivedAt: new Date(revision.seenMs).toISOString(),
    seenWhere: revision.seenWhere,
    url: revision.url,
    title: revision.title,
    author: revision.author,
    publishedMs: revision.publishedMs,
    sha256: revision.sha256,
    fingerprint: revision.fingerprint,
  };
}

export function statusLine(event: StatusEventRecord): StatusLine {
  return {
    type: 'status',
    path: articleFilePath(event),
    source: event.sourceId,
    number: event.number,
    kind: event.kind,
    at: new Date(event.atMs).toISOString(),
  };
}

/** One month's file: the header, then revisions and status events merged by time (a revision first on a tie). */
export function renderMonth(
  month: string,
  previous: string | null,
  revisions: readonly RevisionRecord[],
  events: readonly StatusEventRecord[],
): string {
  const header: ManifestHeader = { manifest: MANIFEST_VERSION, month, previous };
  const lines = [JSON.stringify(header)];
  let r = 0;
  let e = 0;
  while (r < revisions.length || e < events.length) {
    if (e >= events.length || (r < revisions.length && revisions[r]!.seenMs <= events[e]!.atMs)) {
      lines.push(JSON.stringify(revisionLine(revisions[r++]!)));
    } else {
      lines.push(JSON.stringify(statusLine(events[e++]!)));
    }
  }
  return `${lines.join('\n')}\n`;
}

export class ManifestError extends Error {
  override readonly name = 'ManifestError';
}

export function parseManifest(text: string, path: string): { header: ManifestHeader; lines: ManifestLine[] } {
  const rows = text.split('\n').filter(Boolean);
  const parse = (row: string, index: number): unknown => {
    try {
      return JSON.parse(row);
    } catch (cause) {
      throw new ManifestError(`manifest: ${path} line ${index + 1} is not JSON: ${(cause as Error).message}`, { cause });
    }
  };
  const header = parse(rows[0] ?? '', 0) as ManifestHeader;
  if (typeof header?.manifest !== 'number' || typeof header.month !== 'string') {
    throw new ManifestError(`manifest: ${path} does not start with a manifest header`);
  }
  return { header, lines: rows.slice(1).map((row, index) => parse(row, index + 1) as ManifestLine) };
}
