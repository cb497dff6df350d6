// `newsvault opml export [--output FILE]` and `newsvault opml import FILE`: sources in and out of feed readers.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Config } from '../config/index.ts';
import type { SourceConfig } from '../config/schema.ts';
import { writeFileAtomic } from '../files/atomic-write.ts';
import { formatOpml, OpmlError, parseOpml, safeSourceName, sourceIdFor } from '../sources/opml.ts';
import { EXIT_OK, EXIT_USAGE, type CliIo } from './io.ts';
import { applyEdit } from './sources.ts';

export function opmlExportCommand(config: Config, io: CliIo, options: { output?: string } = {}): number {
  const text = formatOpml(
    config.sources.map(({ id, name, url, language, fallbacks }) => ({ id, name, url, language, fallbacks })),
    { title: `${config.site.title} sources` },
  );
  if (options.output) {
    const path = resolve(io.cwd, options.output);
    writeFileAtomic(path, text);
    io.stderr(`opml: wrote ${config.sources.length} sources to ${path}\n`);
  } else {
    io.stdout(text);
  }
  return EXIT_OK;
}

export function opmlImportCommand(config: Config, io: CliIo, file: string): number {
  const path = resolve(io.cwd, file);
  let outlines;
  try {
    outlines = parseOpml(readFileSync(path, 'utf8'));
  } catch (error) {
    if (error instanceof OpmlError || (error as NodeJS.ErrnoException).code !== undefined) {
      io.stderr(`opml: cannot import ${path}: ${(error as Error).message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
  const knownUrls = new Set(config.sources.map((source) => source.url));
  const taken = new Set(config.sources.map((source) => source.id));
  const add: SourceConfig[] = [];
  let skipped = 0;
  for (const outline of outlines) {
    if (!/^https?:\/\//i.test(outline.url)) {
      io.stderr(`opml: skipping "${outline.name}": ${outline.url} is not an http(s) URL\n`);
      skipped++;
      continue;
    }
    if (knownUrls.has(outline.url)) {
      skipped++;
      continue;
    }
    const name = safeSourceName(outline.name);
    const id = sourceIdFor({ id: outline.id, name, url: outline.url }, taken);
    taken.add(id);
    knownUrls.add(outline.url);
    add.push({
      id,
      name,
      url: outline.url,
      ...(outline.language ? { language: outline.language } : {}),
      ...(outline.fallbacks?.length ? { fallbacks: outline.fallbacks.filter((fallback) => /^https?:\/\//i.test(fallback)) } : {}),
    });
  }
  if (add.length === 0) {
    io.stdout(`opml: nothing to add (${skipped} already configured or skipped)\n`);
    return EXIT_OK;
  }
  return applyEdit(config, io, { add }, () =>
    `opml: added ${add.length} sources (${add.map((source) => source.id).join(', ')}); ${skipped} already configured or skipped`,
  );
}
