// Text into HTML: the five characters that could end text or a quoted attribute, as entities. Every
// writer of our own HTML (site, reader, diffs, search snippets) escapes through this one function.
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}
