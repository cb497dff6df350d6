// Debian's epubcheck (the W3C's EPUB validator; `apt-get install epubcheck`, as .ci/run does). The package's
// /usr/bin/epubcheck is the jar itself, runnable only where binfmt_misc hands jars to java, so it is started
// with `java -jar`.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';

const JAR = '/usr/share/java/epubcheck.jar';

export interface EpubcheckResult {
  /** epubcheck's exit code: 0 when it found no error. */
  code: number;
  /** The ERROR and FATAL lines. */
  errors: string[];
  warnings: string[];
  output: string;
}

export function epubcheck(paths: readonly string[]): Promise<EpubcheckResult> {
  if (!existsSync(JAR)) throw new Error(`epubcheck: ${JAR} is missing; apt-get install -y epubcheck`);
  // epubcheck checks one file per run: each book gets its own JVM, one after another (two cores are shared).
  return paths.reduce<Promise<EpubcheckResult>>(
    async (previous, path) => {
      const before = await previous;
      const one = await new Promise<EpubcheckResult>((resolve) => {
        execFile('java', ['-jar', JAR, path], { maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
          const output = `${stdout}${stderr}`;
          const lines = output.split('\n');
          resolve({
            code: error ? (typeof error.code === 'number' ? error.code : 1) : 0,
            errors: lines.filter((line) => /^(ERROR|FATAL)\b/.test(line)),
            warnings: lines.filter((line) => /^WARNING\b/.test(line)),
            output,
          });
        });
      });
      return {
        code: Math.max(before.code, one.code),
        errors: [...before.errors, ...one.errors],
        warnings: [...before.warnings, ...one.warnings],
        output: `${before.output}${path}:\n${one.output}`,
      };
    },
    Promise.resolve({ code: 0, errors: [], warnings: [], output: '' }),
  );
}
