// The undici dispatchers a fetcher owns: one Agent for direct connections and one ProxyAgent per proxy
// URL in use, created on first use and closed with the fetcher. ProxyAgent tunnels with CONNECT, for
// http: targets too, so the proxy sees only host:port and the bytes stay end-to-end.
import type { Dispatcher, ProxyAgent } from 'undici';
import { Agent, loadProxyAgent } from './undici.ts';
import { fetchError } from './errors.ts';
import { parseHttpUrl } from './redirect.ts';

export interface DispatcherOptions {
  timeoutMs: number;
  bodyTimeoutMs: number;
}

export interface Dispatchers {
  /** The dispatcher for a proxy URL, or the direct one for null. Throws FetchError 'invalid-url'. */
  forProxy(proxy: string | null, requestUrl: string): Dispatcher;
  close(): Promise<void>;
}

export function createDispatchers(options: DispatcherOptions): Dispatchers {
  // undici's own timers are a backstop; body.ts and client.ts enforce the limits with clear errors.
  const common = {
    connect: { timeout: options.timeoutMs },
    headersTimeout: options.timeoutMs,
    bodyTimeout: options.bodyTimeoutMs,
  };
  const direct = new Agent(common);
  const proxies = new Map<string, ProxyAgent>();
  return {
    forProxy(proxy, requestUrl) {
      if (proxy === null || proxy === '') return direct;
      const parsed = parseHttpUrl(proxy);
      if (parsed === null) throw fetchError('invalid-url', requestUrl, `proxy is not an http(s) URL: ${proxy}`);
      let agent = proxies.get(parsed.href);
      if (agent === undefined) {
        agent = new (loadProxyAgent())({ uri: parsed.href, ...common });
        proxies.set(parsed.href, agent);
      }
      return agent;
    },
    async close() {
      const all: Dispatcher[] = [direct, ...proxies.values()];
      proxies.clear();
      await Promise.all(all.map((dispatcher) => dispatcher.close()));
    },
  };
}
