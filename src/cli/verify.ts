// `newsvault verify`: checks every article file and every revision in git history against the archive's
// manifests and lists what differs. Exit 0 when everything matches, 3 when anything differs.
import type { Config } from '../config/index.ts';
import { verifyArchive } from '../import/index.ts';
import { EXIT_FAILED, EXIT_OK, type CliIo } from './io.ts';

export function verifyCommand(config: Config, io: CliIo, options: { json?: boolean } = {}): number {
  const report = verifyArchive(config.output);
  if (options.json) {
    io.stdout(`${JSON.stringify(report)}\n`);
  } else {
    for (const difference of report.differences) io.stdout(`differs: ${difference}\n`);
    io.stdout(
      `verify: ${report.months} monthly manifests, ${report.revisions} revisions, ${report.files} article files checked; ` +
        `${report.differences.length === 0 ? 'everything matches' : `${report.differences.length} differences`}\n`,
    );
  }
  return report.differences.length === 0 ? EXIT_OK : EXIT_FAILED;
}
