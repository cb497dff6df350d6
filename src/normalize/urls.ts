// Absolute item URLs. Relative links resolve against the nearest base (XML Base: the item's xml:base,
// then the feed's), then the feed's own link, then the URL the feed was fetched from; the result is
// serialized by the WHATWG URL parser, which is what the archive writes (raw Chinese paths come out
// percent-encoded).

/** `value` resolved against `base`; null when it does not parse to an absolute URL. */
export function resolveUrl(value: string | null | undefined, base: string | null): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  try {
    return new URL(trimmed, base ?? undefined).href;
  } catch {
    return null;
  }
}

export function isWebUrl(url: string): boolean {
  return url.startsWith('https://') || url.startsWith('http://');
}

/** The base for the feed's items, built outwards-in: fetch URL, then feed link, then feed xml:base. */
export function feedBase(feedUrl: string | null | undefined, link: string | null, xmlBase: string | null): string | null {
  let base = resolveUrl(feedUrl, null);
  for (const next of [link, xmlBase]) {
    const resolved = resolveUrl(next, base);
    if (resolved !== null && isWebUrl(resolved)) base = resolved;
  }
  return base;
}
