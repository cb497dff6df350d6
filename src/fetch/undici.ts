// The three parts of undici the fetcher uses, loaded on their own: undici's index loads everything it offers
// (fetch, WebSocket, caches, mocks, interceptors: 112 modules, about 90 ms of every cold `newsvault run`, issue 15),
// while the Agent and the request API are two files and what they need. undici has no exports map, so these paths
// are public to require; the lockfile pins the version, and every fetch test goes through them. ProxyAgent comes
// from the index, on first use: it relies on the API methods the index adds to every dispatcher (connect).
import { createRequire } from 'node:module';
import type * as Undici from 'undici';

const require = createRequire(import.meta.url);

export const Agent = require('undici/lib/dispatcher/agent.js') as typeof Undici.Agent;

export function loadProxyAgent(): typeof Undici.ProxyAgent {
  return (require('undici') as typeof Undici).ProxyAgent;
}

type RequestOptions = Omit<Undici.Dispatcher.RequestOptions, 'origin' | 'path'> & { dispatcher: Undici.Dispatcher };
const dispatchRequest = require('undici/lib/api/api-request.js') as (this: Undici.Dispatcher, options: Undici.Dispatcher.RequestOptions) => Promise<Undici.Dispatcher.ResponseData>;

/** undici's `request(url, options)`: the URL split into origin and path, as its index does, then the dispatcher's request. */
export function request(url: string, options: RequestOptions): Promise<Undici.Dispatcher.ResponseData> {
  const { dispatcher, ...rest } = options;
  const parsed = new URL(url);
  return dispatchRequest.call(dispatcher, { ...rest, origin: parsed.origin, path: parsed.search ? `${parsed.pathname}${parsed.search}` : parsed.pathname });
}
