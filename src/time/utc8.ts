// Dates as readers of the archive see them: UTC+8 (China, Hong Kong, Taiwan; no daylight saving), with UTC
// beside it where a page shows a moment, so nobody has to guess. One definition for the Markdown lists,
// the site, the reader and the search table.
export const UTC8_MS = 8 * 3600 * 1000;
export const DAY_MS = 24 * 3600 * 1000;

/** `2023-03-22 04:39`: a moment in UTC+8. */
export function formatUtc8(ms: number): string {
  return new Date(ms + UTC8_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** `2023-03-21 20:39`: the same moment in UTC (pages write " UTC" after it). */
export function formatUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}

/** RFC 3339 in UTC to the second, for `<time datetime>` and Atom dates (RFC 4287 §3.3). */
export function isoUtc(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** `2023-03-22`: the UTC+8 calendar day of a moment. */
export function dayOfUtc8(ms: number): string {
  return new Date(ms + UTC8_MS).toISOString().slice(0, 10);
}

/** The instant a UTC+8 day starts, or null for anything but a real YYYY-MM-DD date. */
export function dayStartUtc8(day: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const [year, month, date] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const utc = Date.UTC(year, month - 1, date);
  const check = new Date(utc);
  // Rejects 2023-02-30 and month 13, which Date.UTC would silently roll over.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date) return null;
  return utc - UTC8_MS;
}

/** The moments [start, end) that make up a UTC+8 day; throws on a string that is not a day. */
export function dayRangeUtc8(day: string): { startMs: number; endMs: number } {
  const startMs = dayStartUtc8(day);
  if (startMs === null) throw new RangeError(`time: ${JSON.stringify(day.slice(0, 40))} is not a day (YYYY-MM-DD)`);
  return { startMs, endMs: startMs + DAY_MS };
}

/** The neighbouring day, `delta` days away. */
export function addDaysUtc8(day: string, delta: number): string {
  return dayOfUtc8(dayRangeUtc8(day).startMs + delta * DAY_MS);
}
