// srcset parsing (HTML Living Standard §4.8.4.3.10 "parse a srcset attribute"), keeping where each URL sits
// so callers can replace URLs without touching the descriptors or the separators. Shared by extract/ (lazy
// images, URL resolution) and media/ (the image proxy), so it lives here, before both stages.

export interface SrcsetCandidate {
  url: string;
  /** Offsets of the URL inside the attribute value. */
  start: number;
  end: number;
  /** Width descriptor (`640w`), if any. */
  width: number | null;
  /** Pixel density (`2x`), if any; 1 when neither is given. */
  density: number | null;
}

const SPACE = /[\t\n\f\r ]/;

export function parseSrcset(value: string): SrcsetCandidate[] {
  const out: SrcsetCandidate[] = [];
  let i = 0;
  const n = value.length;
  while (i < n) {
    // Skip whitespace and stray commas between candidates.
    while (i < n && (SPACE.test(value[i]!) || value[i] === ',')) i++;
    if (i >= n) break;
    const start = i;
    while (i < n && !SPACE.test(value[i]!)) i++;
    let end = i;
    let url = value.slice(start, end);
    let descriptors = '';
    if (url.endsWith(',')) {
      // "a.jpg," — a URL ending in commas ends the candidate (spec step 8.1).
      while (url.endsWith(',')) {
        url = url.slice(0, -1);
        end--;
      }
    } else {
      // Descriptors run to the next comma that is not inside parentheses.
      let depth = 0;
      const dStart = i;
      while (i < n) {
        const c = value[i]!;
        if (c === '(') depth++;
        else if (c === ')') depth = Math.max(0, depth - 1);
        else if (c === ',' && depth === 0) break;
        i++;
      }
      descriptors = value.slice(dStart, i);
      if (i < n) i++; // the comma
    }
    if (url === '') continue;
    let width: number | null = null;
    let density: number | null = null;
    for (const d of descriptors.trim().split(/\s+/)) {
      const m = /^(\d+(?:\.\d+)?)([wx])$/i.exec(d);
      if (!m) continue;
      if (m[2]!.toLowerCase() === 'w') width = Number(m[1]);
      else density = Number(m[1]);
    }
    if (width === null && density === null) density = 1;
    out.push({ url, start, end, width, density });
  }
  return out;
}

/** The candidate a wide, high-density screen would pick: the largest width, else the largest density. */
export function bestSrcsetUrl(value: string): string | null {
  let best: SrcsetCandidate | null = null;
  const score = (c: SrcsetCandidate): number => (c.width !== null ? c.width * 1000 : (c.density ?? 1));
  for (const c of parseSrcset(value)) if (best === null || score(c) > score(best)) best = c;
  return best?.url ?? null;
}
