// Dates on the site: readers live in UTC+8 (China, Hong Kong, Taiwan), so days and the main time are in
// UTC+8; the UTC time is shown beside it so nobody has to guess.
const UTC8_MS = 8 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

const pad = (value: number): string => String(value).padStart(2, '0');

function parts(ms: number): string {
  const date = new Date(ms);
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
}

/** `2023-03-22`: the calendar day of a moment in UTC+8. */
export function dayKeyUtc8(ms: number): string {
  const date = new Date(ms + UTC8_MS);
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** The moments [start, end) that make up a UTC+8 day key. */
export function dayRangeUtc8(day: string): { startMs: number; endMs: number } {
  const startMs = Date.parse(`${day}T00:00:00+08:00`);
  return { startMs, endMs: startMs + DAY_MS };
}

/** `2023-03-22 04:39` (UTC+8). */
export function formatUtc8(ms: number): string {
  return parts(ms + UTC8_MS);
}

/** `2023-03-21 20:39` (UTC). */
export function formatUtc(ms: number): string {
  return parts(ms);
}

/** RFC 3339 in UTC, for `<time datetime>` and Atom dates (RFC 4287 §3.3). */
export function isoUtc(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
