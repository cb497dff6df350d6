// Archival HTML: the source's bytes, minus what could run script or navigate to script, on one line.
import { toOneLine } from '../one-line.ts';
import { cleanPass, MODES } from './pass.ts';
import { escapePrescanMetas } from './prescan.ts';

export interface ArchivalResult {
  html: string;
  /** what was removed, human-readable (`script`, `onclick attribute on img`, `javascript: URL in a href`) */
  removed: string[];
}

// Every round only removes bytes (after the first, which may also turn newlines into spaces or `&#10;`),
// so the loop settles; the cap is a guard against a bug, not a limit real input reaches.
const MAX_ROUNDS = 64;

// The readings (MODES) differ only where a tokenizer can switch state: raw-text and RCDATA elements,
// <noscript>, SVG/MathML (which make <style>/<title> markup and allow CDATA), comments and other `<!`
// or `<?` constructs. HTML with none of these is tokenized identically in every mode, so one reading
// is the same as five; most articles are such plain markup, and this makes cleaning them ~4x cheaper.
const MODE_SENSITIVE =
  /<[\s\/]*(?:iframe|math|noembed|noframes|noscript|plaintext|script|style|svg|template|textarea|title|xmp)|<[!?]/i;

export function cleanArchival(html: string): ArchivalResult {
  const removed: string[] = [];
  let out = html;
  // NUL becomes U+FFFD in tag names and is dropped in text by browsers, but older parsers skipped it
  // (`<scr\0ipt>`); no article needs it, so it goes before anything is read.
  if (out.includes('\0')) {
    out = out.replace(/\0/g, '');
    removed.push('NUL character');
  }
  // ESC starts the charset switches of ISO-2022-JP (ESC $ B, ESC ( B): a browser that decodes the file
  // that way, because it was told to or guessed it, reads a quote after ESC $ B as half of a two-byte
  // character, and attribute text becomes markup. No article text needs ESC (it renders as nothing).
  if (out.includes('\x1b')) {
    out = out.replace(/\x1b/g, '');
    removed.push('ESC character');
  }
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const before = out;
    // Re-reading the output in every mode until nothing changes: a removal must not create markup that
    // another reading would execute (`<scr<b onclick=x>ipt>`).
    const modes = MODE_SENSITIVE.test(out) ? MODES : MODES.slice(0, 1);
    for (const mode of modes) out = cleanPass(out, mode, removed);
    out = escapePrescanMetas(toOneLine(out), removed);
    if (out === before) return { html: out, removed };
  }
  removed.push('everything: the cleaner did not settle, all markup escaped');
  return { html: out.replace(/&/g, '&amp;').replace(/</g, '&lt;'), removed };
}
