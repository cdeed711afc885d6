// Which endpoint a URL really is: the host as it is looked up (ASCII, punycode), its port, and
// whether it is a production endpoint of any API in the catalogue. A demo submission must never
// reach an endpoint that places charged orders, however the URL is spelt.
import { domainToUnicode } from 'node:url';
import { apiSettingKey, catalogues, type ApiCatalogue } from '../catalogue';
import type { SubmissionSettings } from '../settings';
import { isLoopbackHost, resolveEndpoint, type ResolvedEndpoint } from './endpoint';

/** A URL as it is connected to: WHATWG parsing (host lower-cased and punycoded, default port dropped). */
export interface EndpointIdentity {
  scheme: string;
  /** ASCII form, no trailing dot (`secure.comodo.net.` is the same name in DNS). */
  host: string;
  /** The port connected to: the scheme's default when the URL names none. */
  port: number;
  /** Percent-decoded, lower-cased, repeated and trailing slashes dropped. */
  path: string;
}

const DEFAULT_PORTS: Record<string, number> = { 'https:': 443, 'http:': 80 };

function decodePath(pathname: string): string {
  let decoded = pathname;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    // A stray "%" stays as written.
  }
  return decoded
    .replace(/\/{2,}/g, '/')
    .replace(/\/+$/, '')
    .toLowerCase();
}

/** Undefined for a string that is not a URL. User name, password, query and fragment do not count. */
export function endpointIdentity(url: string): EndpointIdentity | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  const port = parsed.port !== '' ? Number(parsed.port) : (DEFAULT_PORTS[parsed.protocol] ?? 0);
  return {
    scheme: parsed.protocol,
    host: parsed.hostname.replace(/\.$/, ''),
    port,
    path: decodePath(parsed.pathname),
  };
}

/** Whether two URLs are one endpoint: the same scheme, host, port and path, however each is spelt. */
export function sameEndpoint(a: string, b: string): boolean {
  const x = endpointIdentity(a);
  const y = endpointIdentity(b);
  return (
    x !== undefined &&
    y !== undefined &&
    x.scheme === y.scheme &&
    x.host === y.host &&
    x.port === y.port &&
    x.path === y.path
  );
}

export interface ProductionMatch {
  api: ApiCatalogue;
  /** The same scheme, host, port and path as that API's production URL (not only its host). */
  sameUrl: boolean;
}

/**
 * The API whose documented production endpoint is on the URL's host, whatever the port or path:
 * any path there may place charged orders. Undefined when none is.
 */
export function productionEndpointAt(url: string): ProductionMatch | undefined {
  const at = endpointIdentity(url);
  if (!at) return undefined;
  let hostOnly: ProductionMatch | undefined;
  for (const api of catalogues) {
    const production = endpointIdentity(api.endpoints.production);
    if (!production || production.host !== at.host) continue;
    const sameUrl = sameEndpoint(api.endpoints.production, url);
    if (sameUrl) return { api, sameUrl };
    hostOnly ??= { api, sameUrl };
  }
  return hostOnly;
}

/**
 * The API whose production URL in effect (`certOrder.<api>.productionUrl`, else the document's)
 * is this URL, in any spelling. Only the same URL: a production URL the user set may be a gateway
 * that serves other paths too, which the document does not say place orders.
 */
function configuredProductionAt(url: string, settings: SubmissionSettings): ApiCatalogue | undefined {
  return catalogues.find((api) => sameEndpoint(resolveEndpoint(api, 'production', settings).url, url));
}

/**
 * Why a demo submission may not go to this endpoint, or undefined when it may: a URL on the host
 * of any API's documented production URL, or the production URL in effect of any API (the user's
 * own `productionUrl` included). The one exception is a `testFlag` API's own production URL with
 * its test flag sent (Comodo document 1.05: with `test=Y` the order is a test order and is not
 * charged; the command always sends it on demo). `settingKey` names where the demo URL was set.
 */
export function demoEndpointProblem(
  api: ApiCatalogue,
  endpoint: ResolvedEndpoint,
  settings: SubmissionSettings,
  settingKey: string,
): string | undefined {
  if (endpoint.environment !== 'demo') return undefined;
  const ownTestMode = (of: ApiCatalogue, sameUrl: boolean): boolean =>
    of === api && sameUrl && api.endpoints.demoMode === 'testFlag' && endpoint.testFlag;
  const documented = productionEndpointAt(endpoint.url);
  const configured = configuredProductionAt(endpoint.url, settings);
  let where: string | undefined;
  if (documented && !ownTestMode(documented.api, documented.sameUrl))
    where = documented.sameUrl
      ? `the production URL of ${documented.api.title}`
      : `on ${hostWords(endpoint.url)}, the host of ${documented.api.title}'s production URL (${documented.api.endpoints.production})`;
  else if (configured && !ownTestMode(configured, true))
    where = `the production URL of ${configured.title} in your settings (${apiSettingKey(configured, 'productionUrl')})`;
  if (!where) return undefined;
  const demo = api.endpoints.demo ? `its demo URL (${api.endpoints.demo})` : 'the default';
  return (
    `the demo URL ${displayUrl(endpoint.url)} (${settingKey}) is ${where}, where orders are placed and charged. ` +
    `A demo submission is never sent to a production endpoint: set ${settingKey} to ${demo} or remove it, ` +
    'or submit to production to place a real order.'
  );
}

/** The URL with its host in ASCII (punycode), as it is looked up: `https://xn--...`. */
export function displayUrl(url: string): string {
  try {
    return new URL(url.trim()).href;
  } catch {
    return url;
  }
}

/** Whether the host was written with characters outside ASCII (punycode labels included). */
export function hostHasNonAscii(hostname: string): boolean {
  return domainToUnicode(hostname) !== hostname;
}

/**
 * The host in words for a question: its ASCII form and port, and, when it is written with
 * non-ASCII characters, that fact and how it looks (a look-alike of a vendor's host).
 */
export function hostWords(url: string): string {
  const at = endpointIdentity(url);
  if (!at) return url;
  const port = `port ${at.port}`;
  if (!hostHasNonAscii(at.host)) return `${at.host} ${port}`;
  return `${at.host} ${port} (a host name with non-ASCII characters, shown as ${domainToUnicode(at.host)}: it is not the ASCII name it may look like)`;
}

/** Whether the URL's host is this machine (127.0.0.0/8, ::1, localhost). */
export function isLoopbackUrl(url: string): boolean {
  const at = endpointIdentity(url);
  return at !== undefined && isLoopbackHost(at.host);
}
