// `newsvault sources [list|add|remove]`: the configured outlets, and edits to the config file's list.
import { join } from 'node:path';
import type { Config } from '../config/index.ts';
import { ConfigError } from '../config/index.ts';
import type { SourceConfig } from '../config/schema.ts';
import { editConfigSources } from '../sources/config-file.ts';
import { safeSourceName, sourceIdFor } from '../sources/opml.ts';
import { EXIT_OK, EXIT_USAGE, type CliIo } from './io.ts';

/** The file `sources add/remove` and `opml import` edit: the loaded one, else a new one in cwd. */
export function configFileToEdit(config: Config, io: CliIo): string {
  return config.file ?? join(io.cwd, 'newsvault.config.json');
}

export function sourcesListCommand(config: Config, io: CliIo, options: { json?: boolean } = {}): number {
  if (options.json) {
    io.stdout(`${JSON.stringify(config.sources.map(({ id, name, url, enabled, language }) => ({ id, name, url, enabled, language })))}\n`);
    return EXIT_OK;
  }
  const width = Math.max(2, ...config.sources.map((source) => source.id.length));
  const origin = config.file ? `from ${config.file}` : 'built-in (no config file)';
  io.stdout(`${config.sources.length} sources, ${origin}\n`);
  for (const source of config.sources) {
    const flags = source.enabled ? '' : '  (disabled)';
    io.stdout(`${source.id.padEnd(width)}  ${source.name}  ${source.url}${flags}\n`);
  }
  return EXIT_OK;
}

export interface AddOptions {
  id?: string;
  name?: string;
  language?: string;
}

export function sourcesAddCommand(config: Config, io: CliIo, url: string, options: AddOptions = {}): number {
  let host: string;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('not http(s)');
    host = parsed.hostname;
  } catch {
    io.stderr(`sources: "${url}" is not an http(s) URL\n`);
    return EXIT_USAGE;
  }
  const existing = config.sources.find((source) => source.url === url);
  if (existing) {
    io.stderr(`sources: ${url} is already configured as "${existing.id}"\n`);
    return EXIT_USAGE;
  }
  const name = safeSourceName(options.name ?? host);
  const id = options.id ?? sourceIdFor({ id: null, name, url }, new Set(config.sources.map((source) => source.id)));
  const source: SourceConfig = { id, name, url, ...(options.language ? { language: options.language } : {}) };
  return applyEdit(config, io, { add: [source] }, () => `sources: added "${id}" (${name}) ${url}`);
}

export function sourcesRemoveCommand(config: Config, io: CliIo, id: string): number {
  if (!config.sources.some((source) => source.id.toLowerCase() === id.toLowerCase())) {
    io.stderr(`sources: no source "${id}" (see \`newsvault sources\`)\n`);
    return EXIT_USAGE;
  }
  return applyEdit(config, io, { removeIds: [id] }, () => `sources: removed "${id}"; its articles stay in the archive`);
}

export function applyEdit(
  config: Config,
  io: CliIo,
  edit: Parameters<typeof editConfigSources>[1],
  message: () => string,
): number {
  const file = configFileToEdit(config, io);
  try {
    const result = editConfigSources(file, edit);
    io.stdout(`${message()}\n${result.created ? `sources: created ${file} (with the built-in outlets)\n` : `sources: updated ${file}\n`}`);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr(`${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}
