// Text into HTML and XML, for every writer of newsvault's own markup (site, reader, Atom, OPML, diffs,
// search snippets). A leaf module: the first stage that writes markup (sources/, for OPML) can use it.
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** The five characters that could end text or a quoted attribute, as entities. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

/**
 * Escapes text for element content and quoted attribute values, in HTML and in XML alike. Characters
 * XML 1.0 forbids (C0 controls other than tab/newline/return, lone surrogates, U+FFFE/U+FFFF) are dropped,
 * so a stray control character in a feed title cannot make an Atom or OPML file ill-formed.
 */
export function escapeText(text: string): string {
  return escapeHtml(
    text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, ''),
  );
}
