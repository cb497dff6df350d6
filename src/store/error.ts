// The store's one error type, shared by every implementation.
export type StoreErrorKind = 'open' | 'connect' | 'migrate' | 'constraint' | 'corrupt';

export class StoreError extends Error {
  override readonly name = 'StoreError';
  constructor(
    /** `open`: a SQLite file that cannot be opened; `connect`: a database server that cannot be reached or refused us. */
    readonly kind: StoreErrorKind,
    message: string,
    options: { cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
  }
}
