// The only code that reads argv and decides the exit code. Each command lives in its own file and is
// a plain function that tests call directly.
import { Command, CommanderError } from 'commander';
import { ConfigError, loadConfig, type Config } from '../config/index.ts';
import { demoCommand } from './demo.ts';
import { importCommand } from './import.ts';
import { EXIT_USAGE, processIo, type CliIo } from './io.ts';
import { parseCommand } from './parse.ts';
import { runCommand } from './run.ts';
import { statusCommand } from './status.ts';

export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let exitCode = 0;
  const program = new Command('newsvault')
    .description('A permanent, censorship-resistant archive of Chinese-language international news')
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
