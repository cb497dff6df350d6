// Dates on the site: readers live in UTC+8 (China, Hong Kong, Taiwan), so days and the main time are in
// UTC+8; the UTC time is shown beside it so nobody has to guess.
import { DAY_MS, dayOfUtc8, formatUtc8 } from '../../time/utc8.ts';

export { formatUtc8 };

const pad = (value: number): string => String(value).padStart(2, '0');

function parts(ms: number): string {
  const date = new Date(ms);
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
}

/** `2023-03-22`: the calendar day of a moment in UTC+8. */
export const dayKeyUtc8 = dayOfUtc8;

/** The moments [start, end) that make up a UTC+8 day key. */
export function dayRangeUtc8(day: string): { startMs: number; endMs: number } {
  const startMs = Date.parse(`${day}T00:00:00+08:00`);
  return { startMs, endMs: startMs + DAY_MS };
}

/** `2023-03-21 20:39` (UTC). */
export function formatUtc(ms: number): string {
  return parts(ms);
}

/** RFC 3339 in UTC, for `<time datetime>` and Atom dates (RFC 4287 §3.3). */
export function isoUtc(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
