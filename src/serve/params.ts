// Query-string parameters of the reader, checked before any work is done. A bad value is a ParamError
// (a value, not thrown) that names the parameter, so the 400 page and the JSON error can say what to fix.
import { dayStartUtc8 as dayStart } from '../time/utc8.ts';

export class ParamError extends Error {
  override readonly name = 'ParamError';
  readonly kind = 'bad-param';
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(`serve: parameter ${parameter}: ${message}`);
  }
}

/** Pages beyond this are refused: deep pagination costs a walk over everything before it. */
export const MAX_PAGE = 500;
export const MAX_PAGE_SIZE = 100;

type Query = (name: string) => string | undefined;

/** The value of a parameter, or undefined when it is missing or blank (an empty form field). */
export function optional(query: Query, name: string): string | undefined {
  const value = query(name)?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function integer(query: Query, name: string, fallback: number, min: number, max: number): number | ParamError {
  const value = optional(query, name);
  if (value === undefined) return fallback;
  if (!/^\d{1,6}$/.test(value)) return new ParamError(name, `must be a whole number from ${min} to ${max}, got "${value.slice(0, 40)}"`);
  const n = Number(value);
  if (n < min || n > max) return new ParamError(name, `must be from ${min} to ${max}, got ${n}`);
  return n;
}

export function pageParam(query: Query): number | ParamError {
  return integer(query, 'page', 1, 1, MAX_PAGE);
}

export function limitParam(query: Query, fallback: number): number | ParamError {
  return integer(query, 'limit', fallback, 1, MAX_PAGE_SIZE);
}

/** A UTC+8 day: YYYY-MM-DD. Returns the instant it starts. */
export function dayParam(name: string, value: string): number | ParamError {
  const start = dayStart(value);
  if (start === null) return new ParamError(name, `must be a date YYYY-MM-DD (UTC+8), got "${value.slice(0, 40)}"`);
  return start;
}

export function choiceParam<T extends string>(query: Query, name: string, choices: readonly T[]): T | undefined | ParamError {
  const value = optional(query, name);
  if (value === undefined) return undefined;
  if ((choices as readonly string[]).includes(value)) return value as T;
  return new ParamError(name, `must be one of ${choices.join(', ')}, got "${value.slice(0, 40)}"`);
}

/** Article ids are the store's positive integer keys. */
export function idParam(value: string): number | ParamError {
  if (!/^[1-9]\d{0,14}$/.test(value)) return new ParamError('id', `must be a positive whole number, got "${value.slice(0, 40)}"`);
  return Number(value);
}
