// What the display cleaner's tests and benchmark feed it (test and bench only: no run-time module
// imports it, so the bundle in dist/ never holds it): the real article bodies in testdata/ and the fragments generated markup is made of.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const TESTDATA = fileURLToPath(new URL('./testdata/', import.meta.url));

export interface RealBody {
  /** The file under testdata/ it is line 5 of. */
  file: string;
  html: string;
  /** The article's link (its first Markdown link), the base its relative URLs resolve against. */
  baseUrl: string | null;
}

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (name.endsWith('.md') || name.endsWith('.txt')) out.push(path);
  }
  return out;
}

/** The real article bodies of the old archive and the two seeds (line 5 of each file): 21. */
export function realArticleBodies(): RealBody[] {
  return [...walk(join(TESTDATA, 'duty-machine/articles')), ...walk(join(TESTDATA, 'seeds'))].map((file) => {
    const text = readFileSync(file, 'utf8');
    return { file, html: text.split('\n')[4] as string, baseUrl: /^\[[^\n]*\]\((\S+)\)$/m.exec(text)?.[1] ?? null };
  });
}

/** Tags, text and entities that generated markup joins at random: nesting, foster parenting, raw text, hostile attributes. */
export const MARKUP_FRAGMENTS = [
  '<p>', '</p>', '<div>', '</div>', '<a href="https://x.org/a">', '<a href="/rel">', '</a>', '<b>', '</b>', '<em>', '</em>',
  '<ul>', '<li>', '</li>', '</ul>', '<table>', '<tr>', '<td>', '</td>', '</tr>', '</table>', '<figure>', '<figcaption>',
  '</figcaption>', '</figure>', '<img src="https://x.org/a.jpg">', '<img>', '<br>', '</br>', '<hr/>', '<wbr>',
  '<iframe src="https://evil.example/">', '<iframe src="https://www.youtube.com/embed/a">', '<iframe>', '</iframe>',
  '<script>', '</script>', '<style>', '</style>', '<noscript>', '</noscript>', '<svg>', '</svg>', '<math>', '</math>',
  '<textarea>', '</textarea>', '<template>', '</template>', '<title>', '</title>', '<custom-el>', '</custom-el>',
  '<span class="x" onclick="y()">', '</span>', '<h2>', '</h2>', '<pre>', '</pre>', '<select>', '<option>', '</select>',
  '<!--', '-->', 'text', '中文', ' ', '&amp;', '&', '<', '>', '"', '<video src="https://x.org/v.mp4">', '</video>',
  '<source src="https://x.org/v.webm">', '<ruby>', '<rt>', '</rt>', '</ruby>',
];
