// Which endpoint a URL really is: the host as it is looked up (ASCII, punycode), its port, and
// whether it is a production endpoint of any API in the catalogue. A demo submission must never
// reach an endpoint that places charged orders, however the URL is spelt.
import { domainToUnicode } from 'node:url';
import { catalogues, type ApiCatalogue } from '../catalogue';
import { isLoopbackHost, type ResolvedEndpoint } from './endpoint';

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
    const sameUrl =
      production.scheme === at.scheme && production.port === at.port && production.path === at.path;
    if (sameUrl) return { api, sameUrl };
    hostOnly ??= { api, sameUrl };
  }
  return hostOnly;
}

/**
 * Why a demo submission may not go to this endpoint, or undefined when it may. The one exception
 * is a `testFlag` API's own production URL with its test flag sent (Comodo document 1.05: with
 * `test=Y` the order is a test order and is not charged; the command always sends it on demo).
 */
export function demoEndpointProblem(
  api: ApiCatalogue,
  endpoint: ResolvedEndpoint,
  settingKey: string,
): string | undefined {
  if (endpoint.environment !== 'demo') return undefined;
  const match = productionEndpointAt(endpoint.url);
  if (!match) return undefined;
  const ownTestMode =
    match.api === api && match.sameUrl && api.endpoints.demoMode === 'testFlag' && endpoint.testFlag;
  if (ownTestMode) return undefined;
  const where = match.sameUrl
    ? `the production URL of ${match.api.title}`
    : `on ${hostWords(endpoint.url)}, the host of ${match.api.title}'s production URL (${match.api.endpoints.production})`;
  const demo = api.endpoints.demo ? `its demo URL (${api.endpoints.demo})` : 'the default';
  return (
    `the demo URL ${displayUrl(endpoint.url)} (${settingKey}) is ${where}, where orders are placed and charged. ` +
    `A demo submission is never sent to a production endpoint: set ${settingKey} to ${demo} or remove it, ` +
    'or use Submit Order to Production to place a real order.'
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
