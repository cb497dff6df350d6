// The archive's own record of what it holds (`.newsvault/manifest/<YYYY-MM>.jsonl`, committed with the
// articles): one JSON line per revision, status event, re-check and source health event, under a header that
// carries the sha256 of the previous month's file, so changing any earlier month breaks every later link.
// Enough to rebuild the store without its database (import/) and to verify the archive (cli/verify.ts).
//
// Files are append-only (writer.ts): lines are added at the end, never rewritten, so a line's position is the
// order it was written, which is time order except where a run filled in lines a fresh checkout lacked.
// Readers sort by time. Format versions:
//   1  `previous` is the sha256 of the whole previous file (files were rewritten each run). Revision lines
//      lack fetchedUrl/httpStatus/etag; no check or health lines.
//   2  `previous` is the sha256 of the previous file's first `previousBytes` bytes (it may grow after this
//      month began: a line filled in later does not break the link, a changed line does).
import type { CheckOutcome, CheckRecord, HealthEvent, HealthEventKind, RevisionRecord, StatusEventRecord } from '../store/types.ts';
import { articleFilePath } from './markdown.ts';

export const MANIFEST_DIR = '.newsvault/manifest';
export const MANIFEST_VERSION = 2;

export interface ManifestHeader {
  manifest: number;
  month: string;
  /** sha256 of the previous month's manifest file (the nearest earlier one), null for the first. */
  previous: string | null;
  /** Version 2: how many bytes of the previous file `previous` covers. */
  previousBytes?: number;
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
  /** Version 2: the URL (after redirects) of the response the text came in, its HTTP status and ETag. */
  fetchedUrl?: string | null;
  httpStatus?: number | null;
  etag?: string | null;
}

export interface StatusLine {
  type: 'status';
  path: string;
  source: string;
  number: number;
  kind: 'removed' | 'restored';
  at: string;
}

/** One re-check of an article's URL (recheck/): when, what it answered. */
export interface CheckLine {
  type: 'check';
  path: string;
  source: string;
  number: number;
  at: string;
  outcome: CheckOutcome;
  httpStatus: number | null;
  /** Where redirects ended, written only when it is not the article's URL at the time (what was requested). */
  finalUrl?: string | null;
  detail?: string;
}

/** A change in a source's health (cycle/source-health.ts): fallback, stale, failing, selectors, recovered. */
export interface HealthLine {
  type: 'health';
  source: string;
  at: string;
  kind: HealthEventKind;
  feedUrl: string | null;
  detail: string;
}

export type ManifestLine = RevisionLine | StatusLine | CheckLine | HealthLine;

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

const iso = (ms: number) => new Date(ms).toISOString();

export function revisionLine(revision: RevisionRecord): RevisionLine {
  return {
    type: 'revision',
    path: articleFilePath(revision),
    source: revision.sourceId,
    number: revision.number,
    key: revision.key,
    seq: revision.seq,
    archivedAt: iso(revision.seenMs),
    seenWhere: revision.seenWhere,
    url: revision.url,
    title: revision.title,
    author: revision.author,
    publishedMs: revision.publishedMs,
    sha256: revision.sha256,
    fingerprint: revision.fingerprint,
    fetchedUrl: revision.fetchedUrl,
    httpStatus: revision.httpStatus,
    etag: revision.etag,
  };
}

export function statusLine(event: StatusEventRecord): StatusLine {
  return {
    type: 'status',
    path: articleFilePath(event),
    source: event.sourceId,
    number: event.number,
    kind: event.kind,
    at: iso(event.atMs),
  };
}

export function checkLine(check: CheckRecord): CheckLine {
  return {
    type: 'check',
    path: articleFilePath(check),
    source: check.sourceId,
    number: check.number,
    at: iso(check.checkedMs),
    outcome: check.outcome,
    httpStatus: check.httpStatus,
    ...((check.httpStatus === null ? null : check.articleUrl) === check.finalUrl ? {} : { finalUrl: check.finalUrl }),
    ...(check.detail === null ? {} : { detail: check.detail }),
  };
}

/** The final URL a check line stands for, given the article's URL at the time. */
export function checkFinalUrl(line: CheckLine, articleUrl: string | null): string | null {
  if (line.finalUrl !== undefined) return line.finalUrl;
  return line.httpStatus === null ? null : articleUrl;
}

export function healthLine(event: HealthEvent): HealthLine {
  return { type: 'health', source: event.sourceId, at: iso(event.atMs), kind: event.kind, feedUrl: event.feedUrl, detail: event.detail };
}

/** When a line happened, in epoch ms. */
export function lineTime(line: ManifestLine): number {
  return Date.parse(line.type === 'revision' ? line.archivedAt : line.at);
}

/**
 * What a line is about, so the writer can tell which of the store's lines a file already holds. Two checks of
 * one article at one moment have the same identity: files and store are compared as multisets.
 */
export function lineIdentity(line: ManifestLine): string {
  switch (line.type) {
    case 'revision':
      return `r ${line.source}/${line.number} ${line.seq}`;
    case 'status':
      return `s ${line.source}/${line.number} ${line.kind} ${line.at}`;
    case 'check':
      return `c ${line.source}/${line.number} ${line.at}`;
    case 'health':
      return `h ${line.source} ${line.kind} ${line.at}`;
  }
}

const TYPE_ORDER: Record<ManifestLine['type'], number> = { revision: 0, status: 1, check: 2, health: 3 };

/** Lines in time order; on a tie a revision first (an article exists before anything happens to it). */
export function byTime<T extends ManifestLine>(lines: readonly T[]): T[] {
  return lines
    .map((line, index) => ({ line, index, time: lineTime(line) }))
    .sort((a, b) => a.time - b.time || TYPE_ORDER[a.line.type] - TYPE_ORDER[b.line.type] || a.index - b.index)
    .map((entry) => entry.line);
}

export function renderHeader(header: ManifestHeader): string {
  return `${JSON.stringify(header)}\n`;
}

export function renderLines(lines: readonly ManifestLine[]): string {
  return lines.map((line) => `${JSON.stringify(line)}\n`).join('');
}

/** A month's whole file at version 2, lines in time order (the writer appends; this is for tests and tools). */
export function renderMonth(month: string, previous: { sha256: string; bytes: number } | null, lines: readonly ManifestLine[]): string {
  const header: ManifestHeader = { manifest: MANIFEST_VERSION, month, previous: previous?.sha256 ?? null };
  if (previous) header.previousBytes = previous.bytes;
  return renderHeader(header) + renderLines(byTime(lines));
}

export class ManifestError extends Error {
  override readonly name = 'ManifestError';
}

export interface ParsedManifest {
  header: ManifestHeader;
  lines: ManifestLine[];
  /**
   * Set when the file does not end with a newline: a write was cut off (a killed run, a full disk). Its last,
   * partial line is not in `lines`; the writer truncates it and writes the lines again from the store.
   */
  partial: { completeBytes: number } | null;
}

export function parseManifest(text: string, path: string): ParsedManifest {
  let partial: ParsedManifest['partial'] = null;
  if (text.length > 0 && !text.endsWith('\n')) {
    const cut = text.lastIndexOf('\n') + 1;
    partial = { completeBytes: Buffer.byteLength(text.slice(0, cut), 'utf8') };
    text = text.slice(0, cut);
  }
  const rows = text.split('\n').filter(Boolean);
  const parse = (row: string, index: number): unknown => {
    try {
      return JSON.parse(row);
    } catch (cause) {
      throw new ManifestError(`manifest: ${path} line ${index + 1} is not JSON: ${(cause as Error).message}`, { cause });
    }
  };
  if (rows.length === 0) {
    throw new ManifestError(`manifest: ${path} has no complete header line${partial ? ' (its first write was cut off)' : ''}`);
  }
  const header = parse(rows[0]!, 0) as ManifestHeader;
  if (typeof header?.manifest !== 'number' || typeof header.month !== 'string') {
    throw new ManifestError(`manifest: ${path} does not start with a manifest header`);
  }
  if (header.manifest > MANIFEST_VERSION) {
    throw new ManifestError(`manifest: ${path} is format version ${header.manifest}, newer than this newsvault reads (${MANIFEST_VERSION}); upgrade newsvault`);
  }
  return { header, lines: rows.slice(1).map((row, index) => parse(row, index + 1) as ManifestLine), partial };
}
