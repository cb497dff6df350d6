// The config's error on its own, without the schema: the CLI's edge recognises it before (or without)
// loading zod and yaml, which `--version` and `--help` never need.
export type ConfigErrorKind = 'not-found' | 'syntax' | 'invalid';

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly kind: ConfigErrorKind,
    readonly file: string | null,
    message: string,
    options: { cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
  }
}
