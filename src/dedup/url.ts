// Canonical form of an article URL, so that re-crawls of one page (tracking links, AMP and mobile
// variants, case and port differences) share one key. Used for URL versions, never for syndication.

/** Query parameters that only track the visit: utm_* (Google Analytics campaign tags), click ids of ad
 *  networks (fbclid, gclid, dclid, msclkid, yclid, twclid, igshid, mc_cid/mc_eid of Mailchimp), and
 *  common referral tags. Generic names such as `id`, `src` or `cid` are kept: some sites
 *  address articles with them. Prefix entries end with `_`. */
const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'gclsrc', 'dclid', 'msclkid', 'yclid', 'twclid', 'igshid', 'mc_cid', 'mc_eid',
  'mkt_tok', 'ocid', 'cmpid', 'ncid', 'sr_share', 'ref', 'ref_src', 'ref_url', 'smid', 'soc_src',
  'soc_trk', 'outputtype', 'amp', '_ga', '_gl',
]);
const TRACKING_PREFIXES = ['utm_', 'at_', 'pk_', 'mtm_', 'hsa_', 'itm_'];

/** Host prefixes of mobile and AMP editions of the same site (m.example.com, amp.example.com). */
const EDITION_HOST_RE = /^(?:m|mobile|amp|www)\./;
/** AMP path forms: /amp, /amp/, /amp.html suffixes and an /amp/ path prefix. */
const AMP_SUFFIX_RE = /\/amp(?:\.html?)?\/?$|\.amp(?:\.html?)?$/;
const AMP_PREFIX_RE = /^\/amp\//;
/** Directory index documents that name the same resource as the directory. */
const INDEX_FILE_RE = /\/(?:index|default)\.(?:html?|php|aspx?)$/;
const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' };

function isTracking(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_PARAMS.has(lower) || TRACKING_PREFIXES.some((p) => lower.startsWith(p));
}

/**
 * The canonical form: lower-case scheme and host, http and https folded to https, no default port,
 * no `www.`/`m.`/`mobile.`/`amp.` host prefix, no fragment, no tracking parameters, remaining
 * parameters sorted, AMP path variants and index documents removed, no trailing slash.
 * Something that does not parse as an absolute URL is returned trimmed and unchanged.
 */
export function canonicalUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return url.trim();
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return u.href;
  let host = u.hostname.toLowerCase().replace(/\.$/, '');
  while (EDITION_HOST_RE.test(host) && host.split('.').length > 2) host = host.replace(EDITION_HOST_RE, '');
  const port = u.port && u.port !== DEFAULT_PORTS[u.protocol] ? `:${u.port}` : '';

  let path = u.pathname.replace(/\/{2,}/g, '/');
  path = path.replace(AMP_SUFFIX_RE, '').replace(AMP_PREFIX_RE, '/').replace(INDEX_FILE_RE, '/');
  // Trailing slashes cut by a scan: /\/+$/ retried the run from each of its slashes (quadratic).
  let end = path.length;
  while (end > 1 && path.charCodeAt(end - 1) === 0x2f) end--;
  path = path.slice(0, end);
  if (path === '/') path = '';

  const kept = [...u.searchParams.entries()].filter(([name]) => !isTracking(name));
  kept.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  const query = kept.length > 0 ? `?${new URLSearchParams(kept).toString()}` : '';
  return `https://${host}${port}${path}${query}`;
}
