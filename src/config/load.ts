// Reads the config file once into a typed Config. Paths inside it are relative to the file's folder.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, resolve } from 'node:path';
import type * as z from 'zod/mini';
import { BUILTIN_SOURCES } from './builtin-sources.ts';
import { DATABASE_URL_ENV, isPostgresUrl } from './database.ts';
import { configSchema, type ParsedConfig } from './schema.ts';
import { ConfigError } from './error.ts';

export { ConfigError, type ConfigErrorKind } from './error.ts';

export type FulltextMode = ParsedConfig['fulltext'];
export type ImageMode = ParsedConfig['images'];

export interface Source {
  id: string;
  name: string;
  url: string;
  /** Feeds tried in order when the one before fails or is stale; empty when none. */
  fallbacks: string[];
  enabled: boolean;
  language: string | null;
  fulltext: FulltextMode;
  selectors: { keep: string[]; drop: string[] } | null;
  images: ImageMode;
  proxy: string | null;
}

export interface Config {
  /** The file it came from, or null for the built-in defaults. */
  file: string | null;
  /** Absolute. */
  output: string;
  /** An absolute path of a SQLite file, or a postgresql:// URL (config/database.ts). */
  database: string;
  sources: Source[];
  fetch: ParsedConfig['fetch'];
  imageProxy: string;
  listSize: number;
  git: ParsedConfig['git'];
  recheck: ParsedConfig['recheck'];
  site: SiteConfig;
}

export interface SiteConfig {
  enabled: boolean;
  /** Absolute. */
  dir: string;
  pageSize: number;
  atomEntries: number;
  title: string;
  baseUrl: string | null;
}

// The yaml package is needed only for a YAML config: required then (synchronously, like the rest of
// loading), not imported by every command.
const require = createRequire(import.meta.url);
const parseYaml = (text: string): unknown => (require('yaml') as typeof import('yaml')).parse(text);

export const DEFAULT_CONFIG_FILES = ['newsvault.config.json', 'newsvault.config.yaml', 'newsvault.config.yml'];

/** Finds the config file: the one named, else a default name in `cwd`, else none (built-in outlets). */
export function findConfigFile(explicit: string | null | undefined, cwd: string): string | null {
  if (explicit) {
    const path = resolve(cwd, explicit);
    if (!existsSync(path)) throw new ConfigError('not-found', path, `config: ${path} does not exist`);
    return path;
  }
  for (const name of DEFAULT_CONFIG_FILES) {
    const path = resolve(cwd, name);
    if (existsSync(path)) return path;
  }
  return null;
}

export function loadConfig(options: { file?: string | null; cwd: string; env?: NodeJS.ProcessEnv }): Config {
  const config = loadConfigFile(options);
  const url = options.env?.[DATABASE_URL_ENV];
  if (url === undefined || url === '') return config;
  if (!isPostgresUrl(url)) {
    throw new ConfigError('invalid', null, `config: ${DATABASE_URL_ENV} must be a postgresql:// URL; unset it to use the config's \`database\``);
  }
  return { ...config, database: url };
}

function loadConfigFile(options: { file?: string | null; cwd: string }): Config {
  const file = findConfigFile(options.file, options.cwd);
  if (file === null) return configFromValue({}, null, options.cwd);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new ConfigError('not-found', file, `config: cannot read ${file}: ${(cause as Error).message}`, { cause });
  }
  return configFromValue(parseConfigText(text, file), file, dirname(file));
}

export function parseConfigText(text: string, file: string): unknown {
  const isJson = extname(file).toLowerCase() === '.json';
  try {
    return isJson ? JSON.parse(text) : parseYaml(text);
  } catch (cause) {
    throw new ConfigError('syntax', file, `config: ${file} is not valid ${isJson ? 'JSON' : 'YAML'}: ${(cause as Error).message}`, {
      cause,
    });
  }
}

/** Validates a config value; `base` is the folder relative paths are resolved against. */
export function configFromValue(value: unknown, file: string | null, base: string): Config {
  const where = file ?? 'config';
  if (value === null || value === undefined) value = {};
  const parsed = configSchema.safeParse(value);
  if (!parsed.success) {
    throw new ConfigError('invalid', file, `config: ${where} is invalid:\n${describeIssues(parsed.error)}`);
  }
  const config = parsed.data;
  const output = resolve(base, config.output);
  const sources = (config.sources ?? BUILTIN_SOURCES).map(
    (source): Source => ({
      id: source.id,
      name: source.name,
      url: source.url,
      fallbacks: source.fallbacks ?? [],
      enabled: source.enabled ?? true,
      language: source.language ?? null,
      fulltext: source.fulltext ?? config.fulltext,
      selectors: source.selectors ? { keep: source.selectors.keep ?? [], drop: source.selectors.drop ?? [] } : null,
      images: source.images ?? config.images,
      proxy: source.proxy ?? config.fetch.proxy ?? null,
    }),
  );
  return {
    file,
    output,
    database: config.database !== undefined && isPostgresUrl(config.database) ? config.database : resolve(base, config.database ?? 'newsvault.sqlite'),
    sources,
    fetch: config.fetch,
    imageProxy: config.imageProxy,
    listSize: config.listSize,
    git: config.git,
    recheck: config.recheck,
    site: {
      enabled: config.site.enabled,
      dir: config.site.dir ? resolve(base, config.site.dir) : resolve(output, 'site'),
      pageSize: config.site.pageSize,
      atomEntries: config.site.atomEntries,
      title: config.site.title,
      baseUrl: config.site.baseUrl ?? null,
    },
  };
}

function describeIssues(error: z.core.$ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.length > 0 ? formatPath(issue.path) : '(top level)';
      return `  - ${path}: ${issue.message}`;
    })
    .join('\n');
}

function formatPath(path: PropertyKey[]): string {
  return path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? String(part) : `.${String(part)}`))
    .join('');
}
