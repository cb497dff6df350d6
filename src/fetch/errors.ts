// One place that turns whatever undici, Node's net/tls/zlib or our own timers threw into a FetchError
// a user can act on. Dispatch is on error codes (stable API), never on class names.
import { FetchError, type FetchErrorKind } from './types.ts';

const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']);

/** Codes along the cause chain (undici and fetch wrap the system error in `cause`). */
function codes(error: unknown): string[] {
  const found: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') found.push(code);
    current = (current as { cause?: unknown }).cause;
  }
  return found;
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = codes(error)[0];
    return code === undefined ? error.message : `${error.message} (${code})`;
  }
  return String(error);
}

/** Classify a thrown value from one HTTP exchange. FetchErrors pass through unchanged. */
export function classifyError(error: unknown, url: string): FetchError {
  if (error instanceof FetchError) return error;
  const found = codes(error);
  if (found.some((code) => TIMEOUT_CODES.has(code))) {
    return new FetchError('timeout', url, `fetch: timed out on ${url}: ${describe(error)}`, { cause: error });
  }
  return new FetchError('network', url, `fetch: network error on ${url}: ${describe(error)}`, { cause: error });
}

export function fetchError(kind: FetchErrorKind, url: string, message: string, options: { cause?: unknown; status?: number } = {}): FetchError {
  return new FetchError(kind, url, `fetch: ${message}`, options);
}

/** Kinds worth another attempt: the server or the path to it may recover. */
export function isRetryable(error: FetchError): boolean {
  if (error.kind === 'network' || error.kind === 'timeout' || error.kind === 'rate-limited') return true;
  return error.kind === 'http-status' && error.status !== null && error.status >= 500;
}

/** "20 MiB" for messages. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}
