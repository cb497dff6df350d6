// Headers on every response of the reader, whatever route or error produced it.
//
// Content-Security-Policy (CSP Level 3): nothing may run. There is no script-src at all, so default-src
// 'none' forbids every script, inline or not; inline style attributes are refused too (style-src 'self'
// without 'unsafe-inline'). Article images and media come from the outlets (or an image proxy), so they
// may load over http(s); frames only from the video hosts the display cleaner lets through (it sandboxes
// them). form-action 'self' keeps the search form on this server; frame-ancestors 'none' stops framing.
import { DEFAULT_IFRAME_HOSTS } from '../clean/iframe-hosts.ts';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "style-src 'self'",
  "img-src 'self' https: http: data:",
  'media-src https: http:',
  `frame-src ${DEFAULT_IFRAME_HOSTS.map((host) => `https://${host}`).join(' ')}`,
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

export function applySecurityHeaders(headers: Headers): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) headers.set(name, value);
}
