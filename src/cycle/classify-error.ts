// Turns whatever a stage threw into a SourceError, once, at the cycle's boundary.
import { FetchError } from '../fetch/types.ts';
import { ParseError } from '../parse/types.ts';
import { StoreError } from '../store/index.ts';
import type { SourceError } from './types.ts';

export function classifyError(sourceId: string, error: unknown): SourceError {
  if (error instanceof FetchError) return { source: sourceId, kind: error.kind, message: error.message };
  if (error instanceof ParseError) return { source: sourceId, kind: error.kind, message: error.message };
  if (error instanceof StoreError) return { source: sourceId, kind: 'store', message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { source: sourceId, kind: 'internal', message: `internal error: ${message}` };
}
