// Moves TypeScript modules and rewrites every relative import of them (and the moved files' own imports).
// Usage: node move-modules.mjs old=new ...  (paths relative to the repository root). Runs `git mv`.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const root = process.cwd();
const moves = new Map(process.argv.slice(2).map((arg) => arg.split('=').map((p) => resolve(root, p))));
const files = ['src', 'test', 'bench', 'scripts'].flatMap((dir) =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => resolve(e.parentPath, e.name)),
);
const rewritten = new Map();
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const at = moves.get(file) ?? file;
  const { importedFiles } = ts.preProcessFile(text, true, true);
  let out = text;
  for (const ref of [...importedFiles].sort((a, b) => b.pos - a.pos)) {
    if (!ref.fileName.startsWith('.')) continue;
    const target = resolve(dirname(file), ref.fileName);
    const moved = moves.get(target) ?? target;
    if (moved === target && at === file) continue;
    let spec = relative(dirname(at), moved);
    if (!spec.startsWith('.')) spec = `./${spec}`;
    if (spec === ref.fileName) continue;
    const start = text.indexOf(ref.fileName, ref.pos);
    if (start < 0 || start > ref.pos + 1) throw new Error(`${file}: ${ref.fileName} not found at ${ref.pos}`);
    out = out.slice(0, start) + spec + out.slice(start + ref.fileName.length);
  }
  if (out !== text) rewritten.set(file, out);
}
for (const [from, to] of moves) {
  execFileSync('mkdir', ['-p', dirname(to)]);
  execFileSync('git', ['mv', relative(root, from), relative(root, to)]);
}
for (const [file, text] of rewritten) writeFileSync(moves.get(file) ?? file, text);
console.log(`moved ${moves.size}, rewrote ${rewritten.size} files`);
