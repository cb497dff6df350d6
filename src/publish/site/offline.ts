// The site's EPUB digests (`site/offline/`): for every day that is over (UTC+8), one book of all outlets and
// one per outlet; for every week that is over (ISO weeks, Monday first), one book of all outlets; and the
// page listing them with their sizes. The books themselves are made by publish/epub/, a pure function; this
// adapter only gathers each day's articles (from the store's list reads) and archived images.
//
// Incremental: each book's hash covers the settings and every article line it holds (outlet and file number,
// never the database id, which a store rebuilt from the archive may give anew; title, revision count, time of
// the current revision, status), so a new revision, a removal or an article published late
// into a day changes exactly the books of that day and its week. A book whose hash matches the state and
// whose file is there is not rebuilt, not even read.
//
// The page also lists the archive's monthly git bundle (offline-bundle.ts). The cycle makes it before publishing and
// passes it in (`bundle`); the state keeps it, so a publish without one lists the last. The page is rewritten only
// when the bundle passed differs from the one listed: a cycle that makes no new bundle leaves the page as it is.
//
// Only days and weeks that are over get books: the day in progress changes every hour, and the site is
// committed to git, so a book rebuilt hourly would add its images to the history every hour.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic, type WriteLog } from '../../files/atomic-write.ts';
// Types only: the EPUB maker (parse5, fflate) is loaded when a book is made, not by every hour that makes none.
import type { EpubChapter, EpubImage, EpubOutlet } from '../epub/index.ts';
import { resolveMediaLinks } from '../media-links.ts';
import type { DisplayCleaner, PageContext, PageSource } from '../pages/index.ts';
import { DAY_MS, dayOfUtc8, dayRangeUtc8 } from '../../time/utc8.ts';
import type { ArticleSummary, Store } from '../../store/types.ts';
import { formatOfflineState, readOfflineState, type OfflineBook, type OfflineState } from './offline-state.ts';
import { renderOfflinePage, type OfflineListing } from './offline-page.ts';
import { sameBundle, type ListedBundle } from './offline-bundle.ts';

/** Bump when the books change shape, so every digest is rebuilt once. */
export const EPUB_VERSION = 1;

export const offlinePaths = {
  index: 'offline/index.html',
  state: 'offline/.state.json',
  /** A file name that still says what it is when passed around alone. */
  day: (day: string): string => `offline/days/${day}.epub`,
  sourceDay: (sourceId: string, day: string): string => `offline/days/${day}-${sourceId}.epub`,
  week: (week: string): string => `offline/weeks/${week}.epub`,
};

export interface PublishOfflineOptions {
  store: Store;
  dir: string;
  siteTitle: string;
  sources: ReadonlyMap<string, PageSource>;
  /** The display cleaner, loaded when a book is first made. */
  loadClean: () => Promise<DisplayCleaner>;
  mediaDir: string;
  /** Days and weeks that end after this moment get no book yet. */
  nowMs: number;
  /** Rebuild every book whatever the state says. */
  force: boolean;
  /**
   * The cycle's change set (changes.ts): only the weeks of these articles' days, and of days that ended after
   * `sinceMs`, are looked at; null: every day.
   */
  changed?: readonly ArticleSummary[] | null;
  /** PublishState.daysOverMs: days that ended after it are due; null: unknown, every day is looked at. */
  sinceMs?: number | null;
  at(path: string): PageContext;
  write(path: string, content: string): boolean;
  log: WriteLog;
  /** The archive bundle to list (the cycle's, complete on disk); absent: the one the state lists, if any. */
  bundle?: ListedBundle;
}

/** Where an archived image's marker URL points while the book is made: the key of its bytes. */
const IN_BOOK = 'newsvault-media:';
const ARCHIVED = /\ssrc="newsvault-media:([0-9a-f]{2}\/[0-9a-f]{64}\.([a-z0-9]+))"/g;
const IMAGE_TYPES: Record<string, string> = { avif: 'image/avif', gif: 'image/gif', jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

/** ISO 8601 week of a day: `2023-W12`, and its Monday. */
export function isoWeek(day: string): { week: string; monday: string } {
  const date = Date.parse(`${day}T00:00:00Z`);
  const monday = date - ((new Date(date).getUTCDay() + 6) % 7) * DAY_MS;
  const thursday = new Date(monday + 3 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return { week: `${year}-W${String(week).padStart(2, '0')}`, monday: new Date(monday).toISOString().slice(0, 10) };
}

const hashOf = (parts: readonly unknown[]): string => createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32);
const line = (a: ArticleSummary): unknown[] => [a.sourceId, a.number, a.title, a.url, a.author, a.publishedMs, a.status, a.revisionCount, a.revisedMs];

/** The language of the digests of all outlets; an outlet's own falls back to it too (its chapters are shared). */
const BOOK_LANGUAGE = 'zh';

/** An article's chapter, made once for every book that holds it (its day's, its outlet's day and its week's). */
interface DayChapter {
  day: string;
  chapter: EpubChapter;
  /** The newest revision or status change. */
  changedMs: number;
}

type Epub = typeof import('../epub/index.ts');

interface PlannedBook {
  path: string;
  hash: string;
  /** The day a daily book holds; null for the week's. */
  day: string | null;
  /** Which articles, from the days loaded. */
  pick: (articles: readonly DayChapter[]) => DayChapter[];
  identifier: string;
  title: string;
  description: string;
  language: string;
}

/** The listing as written, or null when no week was due (nothing read: the page is as it was). */
export async function publishOffline(options: PublishOfflineOptions): Promise<OfflineListing | null> {
  const { store, dir } = options;
  const statePath = join(dir, offlinePaths.state);
  const settings = [EPUB_VERSION, options.siteTitle, [...options.sources.values()]];
  const outlet = (id: string): EpubOutlet => options.sources.get(id) ?? { id, name: id, language: null };

  // The weeks to look at: every week on a first or forced build; else those of the changed articles' days and
  // of the days that ended since the last publish. None: nothing is read, written or rendered.
  const sinceMs = options.sinceMs ?? null;
  const everyDay = options.force || options.changed === null || options.changed === undefined || sinceMs === null;
  const dueWeeks = new Set<string>();
  if (!everyDay) {
    for (const article of options.changed!) dueWeeks.add(isoWeek(dayOfUtc8(article.publishedMs)).week);
    for (let ms = sinceMs - DAY_MS; ms <= options.nowMs; ms += DAY_MS) {
      const day = dayOfUtc8(ms);
      const { endMs } = dayRangeUtc8(day);
      if (endMs > sinceMs && endMs <= options.nowMs) dueWeeks.add(isoWeek(day).week);
    }
  }
  const saved = readOfflineState(statePath);
  const bundle = options.bundle ?? saved.bundle ?? null;
  if (!everyDay && dueWeeks.size === 0 && existsSync(join(dir, offlinePaths.index)) && sameBundle(saved.bundle ?? null, bundle)) return null;
  // Forced: every book again, but the bundle is not a book: it stays listed.
  const before: OfflineState = options.force ? { version: 1, books: {} } : saved;

  // Days that are over, grouped by week; the newest week first.
  const weeks = new Map<string, { monday: string; days: { day: string; summaries: ArticleSummary[] }[] }>();
  for (const day of everyDay ? (await store.countByDay()).map((entry) => entry.day) : daysOfWeeks(dueWeeks)) {
    const { startMs, endMs } = dayRangeUtc8(day);
    if (endMs > options.nowMs) continue;
    const summaries = (await store.listSummariesPublishedBetween(startMs, endMs)).reverse();
    if (summaries.length === 0) continue;
    const { week, monday } = isoWeek(day);
    if (!weeks.has(week)) weeks.set(week, { monday, days: [] });
    weeks.get(week)!.days.push({ day, summaries });
  }

  // Books of the weeks not looked at stay as they are; those of the weeks looked at are planned again.
  const after: OfflineState = { version: 1, books: {}, bundle };
  const looked = (path: string): boolean => everyDay || dueWeeks.has(weekOfBook(path));
  for (const [path, book] of Object.entries(before.books)) if (!looked(path)) after.books[path] = book;
  for (const [week, { monday, days }] of weeks) {
    const weekOver = dayRangeUtc8(monday).startMs + 7 * DAY_MS <= options.nowMs;
    const planned: PlannedBook[] = [];
    const weekHashes: string[] = [];
    for (const { day, summaries } of days) {
      const hash = hashOf([settings, day, summaries.map(line)]);
      weekHashes.push(hash);
      const inDay = (articles: readonly DayChapter[]) => articles.filter((a) => a.day === day);
      planned.push({
        path: offlinePaths.day(day),
        hash,
        day,
        pick: inDay,
        identifier: `urn:newsvault:digest:day:${day}`,
        title: `${options.siteTitle} · ${day}`,
        description: `${day}（北京时间）各媒体的全部文章`,
        language: BOOK_LANGUAGE,
      });
      const ids = [...new Set(summaries.map((s) => s.sourceId))].sort();
      for (const sourceId of ids) {
        const own = summaries.filter((s) => s.sourceId === sourceId);
        const source = outlet(sourceId);
        planned.push({
          path: offlinePaths.sourceDay(sourceId, day),
          hash: hashOf([settings, day, sourceId, own.map(line)]),
          day,
          pick: (articles) => inDay(articles).filter((a) => a.chapter.outlet.id === sourceId),
          identifier: `urn:newsvault:digest:source:${sourceId}:${day}`,
          title: `${source.name} · ${day}`,
          description: `${source.name} ${day}（北京时间）的文章`,
          language: source.language ?? BOOK_LANGUAGE,
        });
      }
    }
    if (weekOver) {
      planned.unshift({
        path: offlinePaths.week(week),
        hash: hashOf([settings, week, weekHashes]),
        day: null,
        pick: (articles) => [...articles],
        identifier: `urn:newsvault:digest:week:${week}`,
        title: `${options.siteTitle} · ${week}`,
        description: `${week}（${monday} 起的一周，北京时间）各媒体的全部文章`,
        language: BOOK_LANGUAGE,
      });
    }

    // Books of this week to make: those whose hash changed or whose file went away.
    const stale = planned.filter((book) => before.books[book.path]?.hash !== book.hash || !existsSync(join(dir, book.path)));
    // The days they need, read once for the day's books and the week's: each article's chapter is made once
    // and the article record let go, so what the week holds is its chapters, deflated.
    const needed = new Set(stale.map((book) => book.day));
    const epub = stale.length === 0 ? null : await import('../epub/index.ts');
    const chapters = epub === null ? [] : await loadChapters(options, epub, days.filter(({ day }) => needed.has(null) || needed.has(day)));
    for (const book of planned) {
      const made = stale.includes(book) ? makeBook(options, book, chapters, epub!) : before.books[book.path]!;
      after.books[book.path] = made;
    }
  }

  // Books of days that no longer have articles (an archive rebuilt from another store, a removed outlet).
  for (const path of Object.keys(before.books)) {
    if (!(path in after.books)) rmSync(join(dir, path), { force: true });
  }
  const listing = { ...listingOf(after, outlet), bundle };
  options.write(offlinePaths.index, renderOfflinePage(options.at(offlinePaths.index), listing));
  writeFileAtomic(statePath, formatOfflineState(after), options.log); // last: a run killed before it redoes the books
  return listing;
}

/** The ISO week a book belongs to, from its path (offlinePaths). */
function weekOfBook(path: string): string {
  const week = /^offline\/weeks\/(\d{4}-W\d{2})\.epub$/.exec(path);
  if (week) return week[1]!;
  const day = /^offline\/days\/(\d{4}-\d{2}-\d{2})/.exec(path);
  return day ? isoWeek(day[1]!).week : '';
}

/** The seven days of each week, newest first. */
function daysOfWeeks(weeks: ReadonlySet<string>): string[] {
  const days: string[] = [];
  for (const week of weeks) {
    const [year, number] = week.split('-W').map(Number) as [number, number];
    // The Monday of ISO week 1 is the Monday on or before 4 January.
    const jan4 = Date.UTC(year, 0, 4);
    const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS + (number - 1) * 7 * DAY_MS;
    for (let i = 0; i < 7; i++) days.push(new Date(monday + i * DAY_MS).toISOString().slice(0, 10));
  }
  return days.sort().reverse();
}

/** What the listing page shows, from the books made: weeks and days newest first, outlets by id. */
function listingOf(state: OfflineState, outlet: (id: string) => EpubOutlet): Omit<OfflineListing, 'bundle'> {
  const weeks = new Map<string, { all: string | null; days: Map<string, string[]> }>();
  const weekOf = (week: string) => {
    if (!weeks.has(week)) weeks.set(week, { all: null, days: new Map() });
    return weeks.get(week)!;
  };
  for (const path of Object.keys(state.books)) {
    const week = /^offline\/weeks\/(\d{4}-W\d{2})\.epub$/.exec(path);
    if (week) {
      weekOf(week[1]!).all = path;
      continue;
    }
    const day = /^offline\/days\/(\d{4}-\d{2}-\d{2})(?:-(.+))?\.epub$/.exec(path);
    if (!day) continue;
    const entry = weekOf(isoWeek(day[1]!).week);
    if (!entry.days.has(day[1]!)) entry.days.set(day[1]!, []);
    if (day[2] !== undefined) entry.days.get(day[1]!)!.push(day[2]);
  }
  const newestFirst = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0);
  return {
    books: state.books,
    weeks: [...weeks.keys()].sort(newestFirst).map((week) => {
      const { all, days } = weeks.get(week)!;
      const first = [...days.keys()].sort()[0] ?? week;
      return {
        week,
        monday: isoWeek(first).monday,
        all,
        days: [...days.keys()].sort(newestFirst).map((day) => ({
          day,
          all: offlinePaths.day(day),
          sources: days.get(day)!.sort().map((id) => ({ source: outlet(id), path: offlinePaths.sourceDay(id, day) })),
        })),
      };
    }),
  };
}

/** The chapters of the articles of `days`, oldest first, with the bytes of their archived images. */
async function loadChapters(options: PublishOfflineOptions, epub: Epub, days: readonly { day: string; summaries: ArticleSummary[] }[]): Promise<DayChapter[]> {
  const images = new Map<string, EpubImage | null>(); // a photo shown by many articles is read once
  const image = (file: string, ext: string): EpubImage | null => {
    if (!images.has(file)) {
      const path = join(options.mediaDir, file);
      const mediaType = IMAGE_TYPES[ext];
      images.set(file, mediaType && existsSync(path) ? { bytes: readFileSync(path), mediaType } : null);
    }
    return images.get(file)!;
  };
  const out: DayChapter[] = [];
  const clean = await options.loadClean();
  // Oldest day first; a book groups by outlet in the order outlets first appear, so sorting by the
  // configured order first gives every book the same order of outlets.
  const order = [...options.sources.keys()];
  const rank = (sourceId: string): number => (order.includes(sourceId) ? order.indexOf(sourceId) : order.length);
  for (const { day, summaries } of [...days].sort((a, b) => (a.day < b.day ? -1 : 1))) {
    for (const summary of summaries) {
      const article = await options.store.getArticle(summary.id);
      if (!article) continue;
      const html = resolveMediaLinks(clean(article.content, article.url), IN_BOOK);
      const shown = new Map<string, EpubImage>();
      for (const [, file, ext] of html.matchAll(ARCHIVED)) {
        const bytes = image(file!, ext!);
        if (bytes) shown.set(`${IN_BOOK}${file}`, bytes);
      }
      const chapter = epub.makeChapter(
        {
          id: `${article.sourceId}-${article.number}`,
          title: article.title,
          outlet: options.sources.get(article.sourceId) ?? { id: article.sourceId, name: article.sourceId, language: null },
          publishedMs: article.publishedMs,
          author: article.author,
          url: article.url,
          removed: article.status === 'removed',
          html,
          images: shown,
        },
        BOOK_LANGUAGE,
      );
      out.push({ day, chapter, changedMs: Math.max(summary.publishedMs, summary.revisedMs, summary.statusChangedMs ?? 0) });
    }
  }
  return out.sort((a, b) => rank(a.chapter.outlet.id) - rank(b.chapter.outlet.id) || a.chapter.outlet.id.localeCompare(b.chapter.outlet.id));
}

function makeBook(options: PublishOfflineOptions, book: PlannedBook, loaded: readonly DayChapter[], epub: Epub): OfflineBook {
  const picked = book.pick(loaded);
  // dcterms:modified from the articles, never the clock: an unchanged book rebuilds to the same bytes.
  const modifiedMs = picked.reduce((newest, a) => Math.max(newest, a.changedMs), 0);
  const bytes = epub.assembleEpub(
    {
      identifier: book.identifier,
      title: book.title,
      language: book.language,
      modifiedMs,
      publisher: options.siteTitle,
      description: book.description,
    },
    picked.map((a) => a.chapter),
  );
  writeFileAtomic(join(options.dir, book.path), bytes, options.log);
  return { hash: book.hash, bytes: bytes.byteLength, articles: picked.length };
}
