// Reads the XSS corpus (testdata/xss-vectors.txt) for the unit and browser tests. The file keeps one
// vector per line; control characters are written as {LF} {CR} {TAB} {NUL} {FF} and {N} is the vector's
// number, which its payload passes to __xss(n).
import { readFileSync } from 'node:fs';

const CONTROLS: Record<string, string> = { CR: '\r', FF: '\f', LF: '\n', NUL: '\0', TAB: '\t' };

export function loadXssVectors(): string[] {
  const text = readFileSync(new URL('./testdata/xss-vectors.txt', import.meta.url), 'utf8');
  return text
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line, n) => line.replace(/\{(N|LF|CR|TAB|NUL|FF)\}/g, (_m, k: string) => (k === 'N' ? String(n) : CONTROLS[k] ?? '')));
}
