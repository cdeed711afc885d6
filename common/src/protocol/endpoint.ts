// Which URL an order goes to, and whether that URL may be used.
import type { ApiCatalogue } from '../catalogue';
import { isLoopbackIp } from '../ip';
import {
  apiSettingKey,
  defaultApiSettings,
  type ApiEndpointSettings,
  type SubmissionSettings,
} from '../settings';
import type { Environment } from './types';

/**
 * The API's own settings, by its catalogue's `settingsPrefix` (never by the vendor part of its
 * id: a second SSL2Buy API must not reach the first one's URL); the document's URLs when the
 * settings have none for it.
 */
export function apiSettings(api: ApiCatalogue, settings: SubmissionSettings): ApiEndpointSettings {
  return Object.hasOwn(settings.apis, api.settingsPrefix)
    ? settings.apis[api.settingsPrefix]
    : defaultApiSettings(api);
}

export interface ResolvedEndpoint {
  url: string;
  environment: Environment;
  /** Send the API's test flag (Comodo `test=Y`): always on the demo of a `testFlag` API. */
  testFlag: boolean;
}

/**
 * Comodo's demo is the production URL with `test=Y` (document 1.05) unless
 * `certOrder.comodo.demoUrl` is set; `test=Y` is sent to a set demo URL too, so that pointing it
 * at the real endpoint still cannot charge the account. SSL2Buy has its own demo URL.
 */
export function resolveEndpoint(
  api: ApiCatalogue,
  environment: Environment,
  settings: SubmissionSettings,
): ResolvedEndpoint {
  const s = apiSettings(api, settings);
  const production = s.productionUrl || api.endpoints.production;
  if (environment === 'production') return { url: production, environment, testFlag: false };
  const testFlag = api.endpoints.demoMode === 'testFlag';
  const demo = s.demoUrl || (testFlag ? production : (api.endpoints.demo ?? ''));
  return { url: demo, environment, testFlag };
}

/**
 * 127.0.0.0/8, ::1 and `localhost` itself (common/src/ip.ts). Not names under `.localhost`: a
 * resolver without the RFC 6761 special case looks them up through DNS (and its search domains),
 * off this machine. Not 0.0.0.0, which some systems connect to this machine and others refuse.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || isLoopbackIp(host);
}

/** Why the URL may not be used, or undefined when it may: https, or http to loopback when allowed. */
export function endpointProblem(url: string, allowLoopbackHttp: boolean): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `The endpoint "${url}" is not a valid URL.`;
  }
  // Credentials belong in SecretStorage: a URL is logged, stored in the history and shown.
  if (parsed.username !== '' || parsed.password !== '')
    return `The endpoint ${parsed.host}${parsed.pathname} has a user name or password in its URL: remove it (credentials are kept in SecretStorage, and the URL is logged and kept in the history).`;
  if (parsed.protocol === 'https:') return undefined;
  if (parsed.protocol === 'http:') {
    if (!isLoopbackHost(parsed.hostname))
      return `The endpoint ${url} uses http: orders are only sent over https (plain http is allowed to loopback addresses only).`;
    if (!allowLoopbackHttp)
      return `The endpoint ${url} uses http and certOrder.http.allowLoopbackHttp is off.`;
    return undefined;
  }
  return `The endpoint ${url} is neither https nor http.`;
}

/** The setting that holds an endpoint (`certOrder.comodo.demoUrl`). */
export function endpointSettingKey(api: ApiCatalogue, environment: Environment): string {
  return apiSettingKey(api, environment === 'demo' ? 'demoUrl' : 'productionUrl');
}
