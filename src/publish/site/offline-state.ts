// What the EPUB digests were built from, kept in `site/offline/.state.json`: for every book, the hash of the
// article list it was made from (see offline.ts) and what the listing page shows of it. A book whose hash is
// unchanged and whose file is there is not rebuilt. A missing or unreadable state rebuilds every digest once.
// It also keeps the archive bundle the page lists (offline-bundle.ts): a cycle that makes no bundle lists this one.
import { readFileSync } from 'node:fs';
import { parseListedBundle, type ListedBundle } from './offline-bundle.ts';

export interface OfflineBook {
  /** Hash of the settings and of every article line the book holds. */
  hash: string;
  bytes: number;
  articles: number;
}

export interface OfflineState {
  version: 1;
  /** Site path of the book → what it was built from. */
  books: Record<string, OfflineBook>;
  /** The archive bundle the page lists; null or absent: none. */
  bundle?: ListedBundle | null;
}

export function readOfflineState(path: string): OfflineState {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, books: {} };
    throw new Error(`offline: reading ${path}: ${(cause as Error).message}`, { cause });
  }
  try {
    const value = JSON.parse(text) as Partial<OfflineState>;
    const books = value.version === 1 && typeof value.books === 'object' && value.books !== null ? value.books : {};
    const valid = Object.entries(books).filter(
      ([, book]) => typeof book?.hash === 'string' && typeof book.bytes === 'number' && typeof book.articles === 'number',
    );
    return { version: 1, books: Object.fromEntries(valid), bundle: parseListedBundle(value.bundle) };
  } catch {
    return { version: 1, books: {} }; // a damaged state only costs one rebuild of the digests
  }
}

export function formatOfflineState(state: OfflineState): string {
  const books = Object.fromEntries(Object.entries(state.books).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  // The bundle's keys in one order whoever built it, so the same bundle always writes the same bytes.
  const bundle = state.bundle ? parseListedBundle(state.bundle) : null;
  return `${JSON.stringify({ version: state.version, books, ...(bundle ? { bundle } : {}) }, null, 1)}\n`;
}
