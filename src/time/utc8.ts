// Dates as readers of the archive see them: UTC+8 (China, Hong Kong, Taiwan; no daylight saving).
// One definition for the Markdown lists, the site, the reader and the search table.
export const UTC8_MS = 8 * 3600 * 1000;
export const DAY_MS = 24 * 3600 * 1000;

/** `2023-03-22 04:39`: a moment in UTC+8. */
export function formatUtc8(ms: number): string {
  return new Date(ms + UTC8_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** `2023-03-22`: the UTC+8 calendar day of a moment. */
export function dayOfUtc8(ms: number): string {
  return new Date(ms + UTC8_MS).toISOString().slice(0, 10);
}
