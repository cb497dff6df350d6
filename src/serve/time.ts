// Dates as the archive shows them: calendar days in UTC+8 (China Standard Time, no daylight saving), which
// is how the lists of the Markdown archive date their lines, with UTC beside it on the article page.
import { DAY_MS, dayOfUtc8, formatUtc8, UTC8_MS } from '../time/utc8.ts';

export { DAY_MS, formatUtc8, UTC8_MS };

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** `2023-03-21 20:39 UTC`. */
export function formatUtc(ms: number): string {
  return `${iso(ms).slice(0, 16).replace('T', ' ')} UTC`;
}

/** `2023-03-22`: the UTC+8 calendar day of an instant. */
export const dayOf = dayOfUtc8;

/** `03-22 04:39` in UTC+8, for compact listings. */
export function formatShort(ms: number): string {
  return iso(ms + UTC8_MS).slice(5, 16).replace('T', ' ');
}

/** The instant a UTC+8 day starts, or null for anything but a real YYYY-MM-DD date. */
export function dayStart(day: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const [year, month, date] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const utc = Date.UTC(year, month - 1, date);
  const check = new Date(utc);
  // Rejects 2023-02-30 and month 13, which Date.UTC would silently roll over.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date) return null;
  return utc - UTC8_MS;
}

/** The neighbouring day, `delta` days away. */
export function addDays(day: string, delta: number): string {
  const start = dayStart(day);
  if (start === null) throw new RangeError(`serve: ${day} is not a day`);
  return dayOf(start + delta * DAY_MS);
}
