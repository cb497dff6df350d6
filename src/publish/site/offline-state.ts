// What the EPUB digests were built from, kept in `site/offline/.state.json`: for every book, the hash of the
// article list it was made from (see offline.ts) and what the listing page shows of it. A book whose hash is
// unchanged and whose file is there is not rebuilt. A missing or unreadable state rebuilds every digest once.
import { readFileSync } from 'node:fs';

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
  /** The archive bundle the page last listed (`name bytes`), so a new one re-renders the page; null: none. */
  bundle?: string | null;
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
    return { version: 1, books: Object.fromEntries(valid), bundle: typeof value.bundle === 'string' ? value.bundle : null };
  } catch {
    return { version: 1, books: {} }; // a damaged state only costs one rebuild of the digests
  }
}

export function formatOfflineState(state: OfflineState): string {
  const books = Object.fromEntries(Object.entries(state.books).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return `${JSON.stringify({ version: state.version, books, ...(state.bundle ? { bundle: state.bundle } : {}) }, null, 1)}\n`;
}
