// The CLI as a real child process runs it (`node --import tsx test/support/newsvault-cli.ts run …`):
// end-to-end tests kill it, time it and read its exit code like an operator's scheduler would.
import { main } from '../../src/cli/main.ts';

process.exitCode = await main(process.argv.slice(2));
