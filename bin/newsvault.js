#!/usr/bin/env node
// The command. The CLI itself is bundled into dist/ (scripts/build.ts), which `npm ci` and `npm pack` build through the
// `prepare` script. Node exits with 1 on an uncaught error, and automation reads 1 as "some sources failed":
// whatever escapes main() exits 4 instead, the code of an internal error, in one line (the stack with --debug).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const debug = process.argv.includes('--debug');
function internalError(error) {
  const text = debug
    ? String(error?.stack ?? error)
    : `${String(error?.message ?? error).replace(/\s*\n\s*/g, ' ')} (run with --debug for the stack)`;
  process.stderr.write(`newsvault: internal error: ${text}\n`);
  process.exit(4);
}
process.on('uncaughtException', internalError);
process.on('unhandledRejection', internalError);

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write(
    `newsvault: ${fileURLToPath(entry)} is missing: this copy was never built; run \`npm run build\` in ` +
      `${fileURLToPath(new URL('..', import.meta.url))}, or install a package made by \`npm pack\`\n`,
  );
  process.exit(4);
}
// The process's own GC policy (src/cli/heap-growth.ts): set before any work, in the command only, so tests
// that call main() in their own process keep Node's defaults.
const { main, limitHeapGrowth } = await import(entry.href);
limitHeapGrowth(process.execArgv, (await import('node:v8')).setFlagsFromString);
process.exitCode = await main(process.argv.slice(2));
