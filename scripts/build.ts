// Builds dist/: the command bundled by esbuild from src/cli/main.ts, with the modules it loads on demand as
// chunks beside it. A cold `newsvault run` used to load about 325 separate files (95 of them zod's), and
// loading them was the largest part of an hourly cycle in which every feed answers 304 (README, Performance).
//
// Kept outside the bundle, and loaded from node_modules as before:
// - better-sqlite3: a native module, found by its own path;
// - jsdom, @mozilla/readability, sanitize-html, yaml, jschardet and undici's parts: the code requires them
//   through createRequire, on first use, so that a command that does not need them never loads them;
// - pg-native: pg's optional native binding, which newsvault does not install.
// The output sits two folders below the project (dist/cli/), as src/cli/ does, so that the paths the code
// finds from import.meta.url (../../package.json, ../../demo/) are the same under tsx and in the package.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

/** esbuild's options for the command's bundle; test/build-contents.test.ts builds with the same ones. */
export function bundleOptions(outdir: string): BuildOptions & { metafile: true } {
  return {
    absWorkingDir: root,
    entryPoints: ['src/cli/main.ts'],
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['better-sqlite3', 'pg-native'],
    // CommonJS dependencies in the bundle (commander, iconv-lite, pg…) call require() for Node's modules;
    // an ES module has none, so each output file gets one.
    banner: { js: "import { createRequire as __newsvaultRequire } from 'node:module'; const require = __newsvaultRequire(import.meta.url);" },
    chunkNames: 'chunk-[hash]',
    logLevel: 'warning',
    metafile: true,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const outdir = 'dist/cli';
  rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
  await build(bundleOptions(outdir));
}
