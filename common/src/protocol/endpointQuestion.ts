// The question asked before sending to an endpoint that a workspace's settings chose. The demo
// URLs are resource-scoped, so any repository can set them, and the credentials go wherever the
// URL points (Comodo's demo is the real account with `test=Y`).
import type { ApiCatalogue } from '../catalogue';
import type { ResolvedEndpoint } from './endpoint';
import { displayUrl, endpointIdentity, hostWords, isLoopbackUrl } from './endpointIdentity';
import { credentialField } from './order';

export interface EndpointQuestion {
  /**
   * `loopback`: a port on this machine, which on a shared machine anyone can listen on; asked once
   * per workspace and URL. `undocumented`: a host the vendor's document does not name; asked
   * every time.
   */
  kind: 'loopback' | 'undocumented';
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
  const documented = [api.endpoints.production, api.endpoints.demo].map((u) =>
    u ? endpointIdentity(u)?.host : undefined,
  );
  if (documented.includes(at.host)) return undefined;
  return {
    kind: 'undocumented',
    message:
      `${orders}: ${hostWords(endpoint.url)}, a host the vendor's document does not name. ` +
      `${credentials} would be sent there. Send only if you trust this workspace and that host.`,
  };
}
