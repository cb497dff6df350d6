// Edits the `sources` list of the user's config file for `newsvault sources add/remove` and
// `opml import`. JSON is rewritten (it has no comments to keep); YAML is edited through the yaml
// package's Document API, which keeps comments, order and formatting of everything untouched.
// The edited value is validated with the same schema as `run` before anything is written.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname } from 'node:path';
import { isMap, isSeq, parseDocument, type Document } from 'yaml';
import { configFromValue, ConfigError } from '../config/index.ts';
import type { SourceConfig } from '../config/schema.ts';
import { writeFileAtomic } from '../files/atomic-write.ts';
import { BUILTIN_SOURCES } from '../config/builtin-sources.ts';

export interface SourceEdit {
  add?: readonly SourceConfig[];
  removeIds?: readonly string[];
}

export interface SourceEditResult {
  added: string[];
  removed: string[];
  /** True when the file did not exist and was created (starting from the built-in outlets). */
  created: boolean;
}

/** Applies the edit to `file` (created as JSON with the built-in outlets when missing). */
export function editConfigSources(file: string, edit: SourceEdit): SourceEditResult {
  const created = !existsSync(file);
  const text = created ? '{}\n' : readFileSync(file, 'utf8');
  const yaml = ['.yaml', '.yml'].includes(extname(file).toLowerCase());
  const result = yaml ? editYaml(text, file, edit) : editJson(text, file, edit);
  configFromValue(result.value, file, dirname(file)); // throws ConfigError naming the field
  writeFileAtomic(file, result.text);
  return { added: result.added, removed: result.removed, created };
}

interface Edited {
  text: string;
  value: unknown;
  added: string[];
  removed: string[];
}

function editJson(text: string, file: string, edit: SourceEdit): Edited {
  let value: Record<string, unknown>;
  try {
    value = (JSON.parse(text) ?? {}) as Record<string, unknown>;
  } catch (cause) {
    throw new ConfigError('syntax', file, `config: ${file} is not valid JSON: ${(cause as Error).message}`, { cause });
  }
  const sources = Array.isArray(value['sources']) ? [...(value['sources'] as SourceConfig[])] : BUILTIN_SOURCES.map((source) => ({ ...source }));
  const removed: string[] = [];
  const kept = sources.filter((source) => {
    const drop = edit.removeIds?.some((id) => id.toLowerCase() === String(source.id).toLowerCase()) ?? false;
    if (drop) removed.push(source.id);
    return !drop;
  });
  const added = (edit.add ?? []).map((source) => source.id);
  value['sources'] = [...kept, ...(edit.add ?? [])];
  return { text: `${JSON.stringify(value, null, 2)}\n`, value, added, removed };
}

function editYaml(text: string, file: string, edit: SourceEdit): Edited {
  const document: Document = parseDocument(text);
  if (document.errors.length > 0) {
    throw new ConfigError('syntax', file, `config: ${file} is not valid YAML: ${document.errors[0]!.message}`);
  }
  if (document.contents === null) document.contents = document.createNode({}) as Document['contents'];
  let sources = document.get('sources');
  if (!isSeq(sources)) {
    document.set('sources', document.createNode(BUILTIN_SOURCES.map((source) => ({ ...source }))));
    sources = document.get('sources');
  }
  if (!isSeq(sources)) throw new ConfigError('invalid', file, `config: ${file}: sources must be a list`);
  const removed: string[] = [];
  for (const id of edit.removeIds ?? []) {
    const index = sources.items.findIndex((item) => isMap(item) && String(item.get('id')).toLowerCase() === id.toLowerCase());
    if (index >= 0) {
      removed.push(String((sources.items[index] as { get(key: string): unknown }).get('id')));
      sources.items.splice(index, 1);
    }
  }
  for (const source of edit.add ?? []) sources.add(document.createNode({ ...source }));
  return { text: document.toString(), value: document.toJS(), added: (edit.add ?? []).map((source) => source.id), removed };
}
