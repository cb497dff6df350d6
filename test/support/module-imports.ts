// The relative imports of the project's TypeScript files, as the compiler's own pre-processor reads them
// (`import`, `import type`, `export … from` and `import()`), resolved to absolute paths. Used by the tests that
// hold the module graph to its rules: stages import only earlier stages, and dist/ holds only run-time code.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';

/** Every .ts file under `dir`, testdata included (a builder there imports code too). */
export function typeScriptFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** The files `file` imports by a relative specifier (packages and node: builtins are not followed). */
export function relativeImports(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return importedFiles.map((ref) => ref.fileName).filter((spec) => spec.startsWith('.')).map((spec) => resolve(dirname(file), spec));
}

/** Every file reachable from `entries` through relative imports. */
export function reachableFrom(entries: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...entries];
  for (let file = stack.pop(); file !== undefined; file = stack.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    stack.push(...relativeImports(file));
  }
  return seen;
}
