// Rotating footers: blocks an intermediary appends to every item and changes from time to time. They are
// not part of the article, so a changed footer must not count as an edit (fingerprint.ts). The stored
// content keeps them: only the fingerprint ignores them.

export interface RotatingFooter {
  /** Who adds it. */
  name: string;
  /** Matches the footer at the very end of the HTML (trailing whitespace allowed). */
  pattern: RegExp;
  /** Why it rotates, and where it was seen. */
  note: string;
}

/** Sorted by name. Every pattern is anchored at the end, so text inside an article is never touched. */
export const ROTATING_FOOTERS: readonly RotatingFooter[] = [
  {
    name: 'feedx.net',
    // `<br><hr><div>获取更多RSS：<br><a href="https://feedx.net" …>https://feedx.net</a> <br><a href="https://feedx.site" …>…</a><br></div>`
    // The inner part may hold <br> and <a> but no other <div>, so the match cannot reach back into the article.
    pattern: /(?:<br\s*\/?>\s*)?(?:<hr\s*\/?>\s*)?<div>\s*获取更多RSS[：:](?:(?!<\/?div)[\s\S])*<\/div>\s*$/,
    note:
      'feedx.net full-text feeds end each item with links to its current mirror hosts; the second host rotates ' +
      '(feedx.xyz in 2020, feedx.best in 2023, feedx.site in 2025: duty-machine BBC/1047462 and dw/1022766); the pattern names no host, so the next one is covered too',
  },
];

/** The HTML without any rotating footer at its end (repeatedly, in case two intermediaries each add one). */
export function stripRotatingFooters(html: string, footers: readonly RotatingFooter[] = ROTATING_FOOTERS): string {
  let current = html;
  for (let changed = true; changed; ) {
    changed = false;
    for (const footer of footers) {
      const next = current.replace(footer.pattern, '');
      if (next !== current) {
        current = next;
        changed = true;
      }
    }
  }
  return current;
}
