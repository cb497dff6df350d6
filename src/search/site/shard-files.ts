// The index's files are JavaScript, not JSON: each one calls a function of the page's script
// (newsvaultSearch.t(segment, n, …), .d(…), .manifest(…)). A <script> tag loads a file from file:// as well as from any
// HTTP mirror, where fetch() and XMLHttpRequest of a file:// URL are refused by Chromium (and Firefox, for
// files outside the page's folder). One key per line keeps a shard's git diff as small as the change.
import type { DocEntry, SearchManifest, SegmentInfo } from './types.ts';

export const GLOBAL = 'newsvaultSearch';

function formatEntries(call: string, n: number, entries: [string, unknown][]): string {
  const lines = entries.map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`);
  return `${GLOBAL}.${call}(${n},{\n${lines.join(',\n')}\n});\n`;
}

function parseEntries(call: string, n: number, text: string): Record<string, unknown> | null {
  const prefix = `${GLOBAL}.${call}(${n},`;
  if (!text.startsWith(prefix) || !text.endsWith(');\n')) return null;
  try {
    const value: unknown = JSON.parse(text.slice(prefix.length, -3));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null; // not our format (a hand-edited or truncated file): the caller rebuilds the index
  }
}

/**
 * A token shard: one line per token, `token<TAB>postings`, sorted by code unit, inside a template literal.
 * Measured at 1,000 articles, 169,005 distinct tokens: a JSON object spent 7 bytes a token on quotes, colon
 * and comma; this spends 2. Tokens are letters and digits only (tokenize.ts) and postings come from
 * postings.ts's alphabet, so neither can hold a tab, a newline, a backtick, a backslash or a dollar sign.
 */
export function formatTokenShard(segment: number, n: number, postings: ReadonlyMap<string, string>): string {
  const lines: string[] = [];
  for (const [token, encoded] of [...postings].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (/[\t\n`\\$]/.test(token)) throw new TypeError(`search: site index: token ${JSON.stringify(token)} cannot be written to a shard`);
    lines.push(`${token}\t${encoded}\n`);
  }
  return `${GLOBAL}.t(${segment},${n},\`\n${lines.join('')}\`);\n`;
}

export function parseTokenShard(segment: number, n: number, text: string): Map<string, string> | null {
  const prefix = `${GLOBAL}.t(${segment},${n},\`\n`;
  if (!text.startsWith(prefix) || !text.endsWith('`);\n')) return null;
  const out = new Map<string, string>();
  const body = text.slice(prefix.length, -4);
  if (body === '') return out;
  if (!body.endsWith('\n')) return null;
  for (const line of body.slice(0, -1).split('\n')) {
    const tab = line.indexOf('\t');
    if (tab <= 0) return null;
    out.set(line.slice(0, tab), line.slice(tab + 1));
  }
  return out;
}

/** A doc shard: article id → its entry, ids ascending. */
export function formatDocShard(n: number, docs: ReadonlyMap<number, DocEntry>): string {
  return formatEntries('d', n, [...docs].sort(([a], [b]) => a - b).map(([id, entry]) => [String(id), entry]));
}

export function parseDocShard(n: number, text: string): Map<number, DocEntry> | null {
  const value = parseEntries('d', n, text);
  if (value === null) return null;
  const out = new Map<number, DocEntry>();
  for (const [id, entry] of Object.entries(value)) {
    if (!Array.isArray(entry) || entry.length !== 6) return null;
    out.set(Number(id), entry as DocEntry);
  }
  return out;
}

export function formatManifest(manifest: SearchManifest): string {
  return `${GLOBAL}.manifest(${JSON.stringify(manifest)});\n`;
}

export function parseManifest(text: string): SearchManifest | null {
  const prefix = `${GLOBAL}.manifest(`;
  if (!text.startsWith(prefix) || !text.endsWith(');\n')) return null;
  try {
    const value = JSON.parse(text.slice(prefix.length, -3)) as Partial<SearchManifest>;
    if (typeof value.version !== 'number' || typeof value.docs !== 'number' || typeof value.next !== 'number') return null;
    if (!Array.isArray(value.segments) || typeof value.d !== 'object' || typeof value.sources !== 'object') return null;
    for (const segment of value.segments as unknown[]) {
      const s = segment as Partial<SegmentInfo> | null;
      if (s === null || typeof s !== 'object' || typeof s.id !== 'number' || typeof s.shards !== 'number' || typeof s.docs !== 'number') return null;
      if (typeof s.sealed !== 'boolean' || typeof s.t !== 'object' || typeof s.drop !== 'string') return null;
    }
    return value as SearchManifest;
  } catch {
    return null; // unreadable manifest: the caller rebuilds the index
  }
}

/** The fold table as the browser needs it: OpenCC's simplified form of each traditional code unit. */
export function formatFoldTable(pairs: string): string {
  return `${GLOBAL}.fold(${JSON.stringify(pairs)});\n`;
}
