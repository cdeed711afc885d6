// The question asked before sending to an endpoint that a workspace's settings chose. The demo
// URLs are resource-scoped, so any repository can set them, and the credentials go wherever the
// URL points (Comodo's demo is the real account with `test=Y`).
import type { ApiCatalogue } from '../catalogue';
import { ipVersion } from '../ip';
import type { ResolvedEndpoint } from './endpoint';
import { displayUrl, endpointIdentity, hostWords, isLoopbackUrl } from './endpointIdentity';
import { credentialField } from './order';

export interface EndpointQuestion {
  /**
   * `loopback`: a port on this machine, which on a shared machine anyone can listen on; asked once
   * per workspace and URL. `undocumented`: a host the vendor's document does not name; asked
   * every time. `address`: an IP address that is not loopback; asked every time (see
   * `addressQuestion`). Only `loopback` is ever remembered.
   */
  kind: 'loopback' | 'undocumented' | 'address';
  message: string;
}

function credentialWords(api: ApiCatalogue, endpoint: ResolvedEndpoint): string {
  const user = credentialField(api, 'user').name;
  const secret = credentialField(api, 'secret').name;
  return `Your ${endpoint.environment} ${user} and ${secret}`;
}

/**
 * The question for a URL the workspace's settings chose, or undefined for a host the vendor
 * documents. Every host is named in its ASCII (punycode) form with its port, and a host written
 * with non-ASCII characters says so: `secure.comodo.cοm` with a Greek ο is not Comodo's.
 */
export function workspaceEndpointQuestion(
  api: ApiCatalogue,
  endpoint: ResolvedEndpoint,
): EndpointQuestion | undefined {
  const at = endpointIdentity(endpoint.url);
  if (!at) return undefined;
  const url = displayUrl(endpoint.url);
  const orders = `This workspace's settings send ${api.title} ${endpoint.environment} orders to ${url}`;
  const credentials = credentialWords(api, endpoint);
  if (isLoopbackUrl(endpoint.url)) {
    const clear = at.scheme === 'http:' ? ' in clear text (http)' : '';
    return {
      kind: 'loopback',
      message:
        `${orders}: ${hostWords(endpoint.url)} on this machine. ${credentials} would be sent${clear} ` +
        'to whatever program listens on that port; on a shared machine any user can listen there. ' +
        'Send only if that port is your own sandbox. This is asked once for this workspace and URL.',
    };
  }
  const address = addressQuestion(endpoint.url, orders, credentials);
  if (address) return address;
  const documented = [api.endpoints.production, api.endpoints.demo].map((u) =>
    u ? endpointIdentity(u)?.host : undefined,
  );
  if (documented.includes(at.host)) return undefined;
  return {
    kind: 'undocumented',
    message:
      `${orders}: ${hostWords(endpoint.url)}, a host the vendor's document does not name. ` +
      `${credentials} would be sent there. Send only if you trust this workspace and that host. ` +
      'This is asked every time.',
  };
}

/**
 * A host written as an IP address that is not loopback (`https://192.168.1.20:8443/`, `10.0.0.5`,
 * `[fd00::5]`, `0.0.0.0`, `[::ffff:127.0.0.1]`; WHATWG parsing has already turned `2130706433`
 * or `0x7f.1` into 127.0.0.1, which is loopback). Asked every time, like an undocumented host,
 * and never remembered like a loopback port, because a yes cannot stay true: loopback is always
 * this machine, but an address names whichever machine holds it on the network joined at the
 * time (192.168.1.20 is the user's box at home and a stranger's on the next Wi-Fi or VPN), and
 * the workspace's settings travel with the repository from network to network. No vendor
 * document names an endpoint by address, so it is never a documented host either. The question
 * says it is an address, with host and port, so the user can tell which machine they mean.
 */
function addressQuestion(url: string, orders: string, credentials: string): EndpointQuestion | undefined {
  const host = endpointIdentity(url)?.host.replace(/^\[|\]$/g, '') ?? '';
  if (ipVersion(host) === undefined) return undefined;
  return {
    kind: 'address',
    message:
      `${orders}: ${hostWords(url)}, an IP address, not a host name the vendor's document names. ` +
      `${credentials} would be sent to whichever machine holds that address on the network you are on now. ` +
      'Send only if you trust this workspace and know that machine. This is asked every time.',
  };
}
