// Images archived with `images: archive` live once under <output>/media/ and are linked from each
// Markdown article relative to its file (articles/<source>/<n>.md → ../../media/…). Pages elsewhere
// (site/articles/<source>/<n>.html, Atom feeds, the reader at /articles/:id) need another path to the
// same file. Display cleaning resolves relative URLs against the article's original URL, so archived
// links are swapped for a marker URL it leaves alone, then for the path the page needs.

export const MEDIA_DIR = 'media';
/** How a Markdown article links an archived image. */
export const MEDIA_PREFIX_FROM_ARTICLE = `../../${MEDIA_DIR}/`;

const MARKER = 'https://media.newsvault.invalid/';
const ARCHIVED_SRC = /(\ssrc\s*=\s*["']?)\.\.\/\.\.\/media\//gi;

/** Before display cleaning: archived image links become marker URLs. */
export function protectMediaLinks(html: string): string {
  return html.includes(MEDIA_PREFIX_FROM_ARTICLE) ? html.replace(ARCHIVED_SRC, `$1${MARKER}`) : html;
}

/** After display cleaning: marker URLs become `prefix` (a path relative to the page, or an absolute one). */
export function resolveMediaLinks(html: string, prefix: string): string {
  return html.includes(MARKER) ? html.replaceAll(MARKER, prefix) : html;
}
