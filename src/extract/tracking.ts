// Removing click-tracking query parameters from links, so the archive does not carry (or leak) campaign ids.
// Only names known to be tracking are removed: an unknown parameter may select the content.

/** Exact parameter names (compared lower-case). Sorted. */
const TRACKING_PARAMS: readonly string[] = [
  '__twitter_impression', // Twitter embeds
  '_ga', // Google Analytics cross-domain linker
  '_gl', // Google tag linker
  '_hsenc', // HubSpot
  '_hsmi', // HubSpot
  'cmpid', // campaign id (FT, many others)
  'dclid', // Google Display
  'fbclid', // Facebook
  'gclid', // Google Ads
  'gclsrc', // Google Ads
  'igshid', // Instagram
  'mc_cid', // Mailchimp
  'mc_eid', // Mailchimp
  'mkt_tok', // Marketo
  'msclkid', // Microsoft Ads
  'ocid', // MSN / Microsoft
  'ref_src', // Twitter
  'spm', // Alibaba
  'twclid', // Twitter Ads
  'wt.mc_id', // Webtrends
  'yclid', // Yandex
];

/** Name prefixes (lower-case). Sorted. */
const TRACKING_PREFIXES: readonly string[] = [
  'at_', // AT Internet / Piano (BBC: at_medium, at_campaign, …)
  'mtm_', // Matomo
  'pk_', // Piwik / Matomo
  'utm_', // Urchin / Google Analytics
];

/** name=value pairs that are tracking only with that value (WeChat share links). Sorted. */
const TRACKING_PAIRS: readonly string[] = [
  'from=groupmessage',
  'from=singlemessage',
  'from=timeline',
  'isappinstalled=0',
];

function isTracking(pair: string): boolean {
  const eq = pair.indexOf('=');
  const rawName = eq === -1 ? pair : pair.slice(0, eq);
  let name: string;
  try {
    name = decodeURIComponent(rawName.replace(/\+/g, ' ')).toLowerCase();
  } catch {
    return false; // not percent-decodable: not one of ours, leave it as sent
  }
  if (TRACKING_PARAMS.includes(name)) return true;
  if (TRACKING_PREFIXES.some((p) => name.startsWith(p))) return true;
  return TRACKING_PAIRS.includes(`${name}=${eq === -1 ? '' : pair.slice(eq + 1).toLowerCase()}`);
}

/**
 * The URL without tracking parameters. Other parameters keep their order and exact encoding; a URL with
 * nothing to remove (or one that is not http(s)) is returned unchanged, byte for byte.
 */
export function stripTrackingParams(url: string): string {
  const q = url.indexOf('?');
  if (q === -1 || !/^https?:/i.test(url)) return url;
  const hash = url.indexOf('#', q);
  const query = url.slice(q + 1, hash === -1 ? undefined : hash);
  const pairs = query.split('&');
  const kept = pairs.filter((p) => p !== '' && !isTracking(p));
  if (kept.length === pairs.filter((p) => p !== '').length) return url;
  const fragment = hash === -1 ? '' : url.slice(hash);
  return url.slice(0, q) + (kept.length > 0 ? `?${kept.join('&')}` : '') + fragment;
}
