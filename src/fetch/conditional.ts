// Conditional GET (RFC 9110 §13.1): send back the validators of the last response so an unchanged feed
// costs a 304 with no body. A header is sent only when there is a value for it.
import type { Conditional } from './types.ts';

export function conditionalHeaders(conditional: Conditional | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  const etag = conditional?.etag?.trim();
  const lastModified = conditional?.lastModified?.trim();
  if (etag) headers['if-none-match'] = etag;
  // §13.1.3: a recipient must ignore If-Modified-Since when If-None-Match is present, but sending both
  // helps servers that only implement one of them.
  if (lastModified) headers['if-modified-since'] = lastModified;
  return headers;
}

/** One header value from undici's header record (first one if repeated). */
export function headerValue(headers: Record<string, string | string[] | undefined>, name: string): string | null {
  const value = headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first === '' ? null : first;
}

/**
 * The validators to store for next time. A 304 may omit them (§15.4.5 only says SHOULD for ETag), and then
 * the ones we sent are still the current ones.
 */
export function validatorsFrom(
  headers: Record<string, string | string[] | undefined>,
  notModified: boolean,
  sent: Conditional | undefined,
): { etag: string | null; lastModified: string | null } {
  const etag = headerValue(headers, 'etag');
  const lastModified = headerValue(headers, 'last-modified');
  if (!notModified) return { etag, lastModified };
  return { etag: etag ?? sent?.etag ?? null, lastModified: lastModified ?? sent?.lastModified ?? null };
}
