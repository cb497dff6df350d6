// The only code that reads argv and decides the exit code. Each command lives in its own file and is
// a plain function that tests call directly.
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { ConfigError, loadConfig, type Config } from '../config/index.ts';
import { checkCommand } from './check.ts';
import { demoCommand } from './demo.ts';
import { importCommand } from './import.ts';
import { EXIT_USAGE, processIo, type CliIo } from './io.ts';
import { parseCommand } from './parse.ts';
import { opmlExportCommand, opmlImportCommand } from './opml.ts';
import { runCommand } from './run.ts';
import { sourcesAddCommand, sourcesListCommand, sourcesRemoveCommand } from './sources.ts';
import { reindexCommand } from './reindex.ts';
import { searchCommand } from './search.ts';
import { serveCommand } from './serve.ts';
import { statusCommand } from './status.ts';

function packageVersion(): string {
  // package.json is two folders up from both src/cli/ (tsx) and dist/cli/ (compiled).
  const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  return (JSON.parse(text) as { version: string }).version;
}

export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let exitCode = 0;
  const program = new Command('newsvault')
    .description('A permanent, censorship-resistant archive of Chinese-language international news')
    .version(packageVersion(), '-V, --version')
    .option('-c, --config <file>', 'config file (JSON or YAML; default newsvault.config.json)')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  const config = (): Config => loadConfig({ file: program.opts<{ config?: string }>().config ?? null, cwd: io.cwd });

  program
    .command('run')
    .description('one full cycle: fetch every source, store, publish, commit')
    .option('--json', 'print the run result as JSON instead of a table')
    .action(async (options: { json?: boolean }) => {
      exitCode = await runCommand(config(), io, options);
    });

  program
    .command('parse')
    .description('print what the parser sees, one JSON object per file per line')
    .argument('<files...>', 'feed files')
    .option('--content-type <type>', 'stands in for the Content-Type header a server would have sent')
    .action((files: string[], options: { contentType?: string }) => {
      exitCode = parseCommand(files, options, io);
    });

  program
    .command('import')
    .description('read an archive in the compatible layout into the store')
    .argument('<dir>', 'archive folder (holding articles/)')
    .action((dir: string) => {
      exitCode = importCommand(dir, config(), io);
    });

  program
    .command('demo')
    .description('serve bundled sample feeds on loopback and run a cycle against them')
    .argument('[dir]', 'folder to write into (default: a new temporary folder)')
    .action(async (dir: string | undefined) => {
      exitCode = await demoCommand(dir, io);
    });

  program
    .command('status')
    .description('per-source health: last success, failures in a row, last new article, flags')
    .option('--json', 'print JSON instead of a table')
    .action((options: { json?: boolean }) => {
      exitCode = statusCommand(config(), io, options);
    });

  program
    .command('serve')
    .description('the local web reader: search, outlets, days, articles with revisions (read-only)')
    .option('--port <n>', 'port to listen on (0 picks a free one)', '8080')
    .option('--host <host>', 'address to listen on (default loopback only)', '127.0.0.1')
    .action(async (options: { port: string; host: string }) => {
      exitCode = await serveCommand(config(), options, io);
    });

  program
    .command('search')
    .description('full-text search of the archive (简/繁 alike); filters: source:ID from:DATE to:DATE status:removed')
    .argument('<query...>', 'words, "phrases", -excluded')
    .option('--json', 'print the result as JSON instead of a table')
    .option('--source <id>', 'only this source')
    .option('--limit <n>', 'hits to show (1-100, default 20)')
    .allowUnknownOption() // so that -word (exclusion) reaches the query instead of failing as an option
    .action((query: string[], options: { json?: boolean; source?: string; limit?: string }) => {
      exitCode = searchCommand(query, config(), options, io);
    });

  program
    .command('reindex')
    .description('rebuild the search index from the store')
    .action(() => {
      exitCode = reindexCommand(config(), io);
    });

  program
    .command('check')
    .description('re-check archived articles at their source (the due ones, or --all now); mark removals')
    .option('--all', 'ignore the schedule and re-check every article now')
    .option('--json', 'print the result as JSON')
    .action(async (options: { all?: boolean; json?: boolean }) => {
      exitCode = await checkCommand(config(), io, options);
    });

  const sources = program.command('sources').description('list, add and remove the sources in the config file');
  sources
    .command('list', { isDefault: true })
    .description('list the configured sources')
    .option('--json', 'print JSON instead of a table')
    .action((options: { json?: boolean }) => {
      exitCode = sourcesListCommand(config(), io, options);
    });
  sources
    .command('add')
    .description('add a feed to the config file (created with the built-in outlets if missing)')
    .argument('<url>', 'feed URL')
    .option('--id <id>', 'short id (default: derived from the name or URL)')
    .option('--name <name>', 'display name (default: the host name)')
    .option('--language <tag>', 'BCP 47 tag of its text, e.g. zh-Hans or zh-Hant')
    .action((url: string, options: { id?: string; name?: string; language?: string }) => {
      exitCode = sourcesAddCommand(config(), io, url, options);
    });
  sources
    .command('remove')
    .description('remove a source from the config file (its archived articles stay)')
    .argument('<id>', 'source id')
    .action((id: string) => {
      exitCode = sourcesRemoveCommand(config(), io, id);
    });

  const opml = program.command('opml').description('sources as OPML, to and from feed readers');
  opml
    .command('export')
    .description('print the configured sources as OPML 2.0')
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .action((options: { output?: string }) => {
      exitCode = opmlExportCommand(config(), io, options);
    });
  opml
    .command('import')
    .description('add the feeds of an OPML file to the config file')
    .argument('<file>', 'OPML file')
    .action((file: string) => {
      exitCode = opmlImportCommand(config(), io, file);
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      return error.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    if (error instanceof ConfigError) {
      io.stderr(`${error.message}\n`);
      return EXIT_USAGE;
    }
    io.stderr(`newsvault: ${(error as Error).stack ?? String(error)}\n`);
    return 1;
  }
  return exitCode;
}
