// Which store the config names: a SQLite file (a path, relative to the config file) or a PostgreSQL server
// (a postgresql:// URL, kept as written). NEWSVAULT_DATABASE_URL, when set, names the store instead of the file's
// `database`, so a password need not be written into a committed config.
export const DATABASE_URL_ENV = 'NEWSVAULT_DATABASE_URL';

export function isPostgresUrl(value: string): boolean {
  return /^postgres(ql)?:\/\//i.test(value);
}

/** Something that looks like a URL (`scheme://`) but not one of PostgreSQL's: refused rather than taken for a file name. */
export function isOtherUrl(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(value) && !isPostgresUrl(value);
}
