// The only code that reads argv and decides the exit code. Each command lives in its own file and is
// a plain function that tests call directly.
//
// Start-up cost: this file imports only commander and what every command shares. Each command's module
// (and with it jsdom, undici, sanitize-html, hono, SQLite, OpenCC, zod…) is imported inside its action,
// so `--version` and `--help` load none of them and `search` loads only what searching needs. The
// specifiers are string literals so that the bundler (scripts/build.ts) makes each one a chunk of its own.
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import type { Config } from '../config/index.ts';
import { processIo, type CliIo } from './io.ts';
import { reportError } from './report-error.ts';

function packageVersion(): string {
  // package.json is two folders up from both src/cli/ (tsx) and dist/cli/ (bundled, scripts/build.ts).
  const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  return (JSON.parse(text) as { version: string }).version;
}

// The command's own GC policy, which bin/newsvault.js applies before calling main (heap-growth.ts).
export { limitHeapGrowth } from './heap-growth.ts';

export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let exitCode = 0;
  const program = new Command('newsvault')
    .description('A permanent, censorship-resistant archive of Chinese-language international news')
    .version(packageVersion(), '-V, --version')
    .option('-c, --config <file>', 'config file (JSON or YAML; default newsvault.config.json)')
    .option('--debug', 'print the stack trace of an unexpected error')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  const config = async (): Promise<Config> => {
    const { loadConfig } = await import('../config/index.ts');
    return loadConfig({ file: program.opts<{ config?: string }>().config ?? null, cwd: io.cwd, env: io.env });
  };

  program
    .command('run')
    .description('one full cycle: fetch every source, store, publish, commit')
    .option('--json', 'print the run result as JSON instead of a table')
    .action(async (options: { json?: boolean }) => {
      const { runCommand } = await import('./run.ts');
      exitCode = await runCommand(await config(), io, options);
    });

  program
    .command('parse')
    .description('print what the parser sees, one JSON object per file per line')
    .argument('<files...>', 'feed files')
    .option('--content-type <type>', 'stands in for the Content-Type header a server would have sent')
    .action(async (files: string[], options: { contentType?: string }) => {
      const { parseCommand } = await import('./parse.ts');
      exitCode = parseCommand(files, options, io);
    });

  program
    .command('import')
    .description('read an archive in the compatible layout into the store')
    .argument('<dir>', 'archive folder (holding articles/)')
    .action(async (dir: string) => {
      const { importCommand } = await import('./import.ts');
      exitCode = await importCommand(dir, await config(), io);
    });

  program
    .command('demo')
    .description('serve bundled sample feeds on loopback and run a cycle against them')
    .argument('[dir]', 'folder to write into (default: a new temporary folder)')
    .action(async (dir: string | undefined) => {
      const { demoCommand } = await import('./demo.ts');
      exitCode = await demoCommand(dir, io);
    });

  program
    .command('status')
    .description('per-source health: last success, failures in a row, last new article, flags')
    .option('--json', 'print JSON instead of a table')
    .action(async (options: { json?: boolean }) => {
      const { statusCommand } = await import('./status.ts');
      exitCode = await statusCommand(await config(), io, options);
    });

  program
    .command('serve')
    .description('the local web reader: search, outlets, days, articles with revisions (read-only)')
    .option('--port <n>', 'port to listen on (0 picks a free one)', '8080')
    .option('--host <host>', 'address to listen on (default loopback only)', '127.0.0.1')
    .action(async (options: { port: string; host: string }) => {
      const { serveCommand } = await import('./serve.ts');
      exitCode = await serveCommand(await config(), options, io);
    });

  program
    .command('search')
    .description('full-text search of the archive (简/繁 alike); filters: source:ID from:DATE to:DATE status:removed')
    .argument('<query...>', 'words, "phrases", -excluded')
    .option('--json', 'print the result as JSON instead of a table')
    .option('--source <id>', 'only this source')
    .option('--limit <n>', 'hits to show (1-100, default 20)')
    .allowUnknownOption() // so that -word (exclusion) reaches the query instead of failing as an option
    .action(async (query: string[], options: { json?: boolean; source?: string; limit?: string }) => {
      const { searchCommand } = await import('./search.ts');
      exitCode = await searchCommand(query, await config(), options, io);
    });

  program
    .command('reindex')
    .description('rebuild the search index from the store')
    .action(async () => {
      const { reindexCommand } = await import('./reindex.ts');
      exitCode = await reindexCommand(await config(), io);
    });

  program
    .command('migrate')
    .description('copy the store into an empty store of the other engine (PostgreSQL or SQLite), checked by counts and hashes')
    .requiredOption('--to <database>', 'a postgresql:// URL or a SQLite file')
    .action(async (options: { to: string }) => {
      const { migrateCommand } = await import('./migrate.ts');
      exitCode = await migrateCommand(await config(), options, io);
    });

  program
    .command('verify')
    .description('check every article file and every revision in git history against the archive\'s manifests')
    .option('--json', 'print the report as JSON')
    .action(async (options: { json?: boolean }) => {
      const { verifyCommand } = await import('./verify.ts');
      exitCode = verifyCommand(await config(), io, options);
    });

  program
    .command('check')
    .description('re-check archived articles at their source (the due ones, or --all now); mark removals')
    .option('--all', 'ignore the schedule and re-check every article now')
    .option('--json', 'print the result as JSON')
    .action(async (options: { all?: boolean; json?: boolean }) => {
      const { checkCommand } = await import('./check.ts');
      exitCode = await checkCommand(await config(), io, options);
    });

  const sources = program.command('sources').description('list, add and remove the sources in the config file');
  sources
    .command('list', { isDefault: true })
    .description('list the configured sources')
    .option('--json', 'print JSON instead of a table')
    .action(async (options: { json?: boolean }) => {
      const { sourcesListCommand } = await import('./sources.ts');
      exitCode = sourcesListCommand(await config(), io, options);
    });
  sources
    .command('add')
    .description('add a feed to the config file (created with the built-in outlets if missing)')
    .argument('<url>', 'feed URL')
    .option('--id <id>', 'short id (default: derived from the name or URL)')
    .option('--name <name>', 'display name (default: the host name)')
    .option('--language <tag>', 'BCP 47 tag of its text, e.g. zh-Hans or zh-Hant')
    .action(async (url: string, options: { id?: string; name?: string; language?: string }) => {
      const { sourcesAddCommand } = await import('./sources.ts');
      exitCode = sourcesAddCommand(await config(), io, url, options);
    });
  sources
    .command('remove')
    .description('remove a source from the config file (its archived articles stay)')
    .argument('<id>', 'source id')
    .action(async (id: string) => {
      const { sourcesRemoveCommand } = await import('./sources.ts');
      exitCode = sourcesRemoveCommand(await config(), io, id);
    });

  const opml = program.command('opml').description('sources as OPML, to and from feed readers');
  opml
    .command('export')
    .description('print the configured sources as OPML 2.0')
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .action(async (options: { output?: string }) => {
      const { opmlExportCommand } = await import('./opml.ts');
      exitCode = opmlExportCommand(await config(), io, options);
    });
  opml
    .command('import')
    .description('add the feeds of an OPML file to the config file')
    .argument('<file>', 'OPML file')
    .action(async (file: string) => {
      const { opmlImportCommand } = await import('./opml.ts');
      exitCode = opmlImportCommand(await config(), io, file);
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    // argv as well as the parsed flag: an error can come before commander has parsed the options.
    return await reportError(error, io, { debug: program.opts<{ debug?: boolean }>().debug === true || argv.includes('--debug') });
  }
  return exitCode;
}
