// One typed settings module, shared by client and server (vscode-eslint style).
// Adding a setting: declare it in package.json `contributes.configuration`, add it here with its
// default, read it where it is used through `readSettings`. The settings of each order API
// (`certOrder.<settingsPrefix>.*`) are not written by hand: their keys come from the catalogue
// (catalogue/names.ts), and scripts/generate-manifest.ts writes them into package.json.
import { apiSettingKey, catalogues, type ApiCatalogue } from './catalogue';

export { apiSettingKey } from './catalogue';

/** `certOrder.csr.*`: how the CSR rules judge a CSR (read by the language server). */
export interface CsrSettings {
  /**
   * `certOrder.csr.keyPolicy`. `current` (default): today's CA practice (RSA >= 2048 or EC
   * P-256/P-384, SHA-256+); a subject string type the Comodo document does not list (UTF8String)
   * is then only a hint. `document`: the Comodo document v1.11 (RSA 512-1024, MD5/SHA-1; unlisted
   * string types are warnings). SSL2Buy S/MIME orders always get `current` (no key rule there).
   */
  keyPolicy: 'current' | 'document';
}

/** Endpoints and account name of one order API (`certOrder.<settingsPrefix>.*`: `certOrder.comodo.*`). */
export interface ApiEndpointSettings {
  /** Production URL; default: the vendor document's URL. */
  productionUrl: string;
  /** Demo URL. Comodo: empty means the production URL with `test=Y`. */
  demoUrl: string;
  /** Account name (Comodo `loginName`, SSL2Buy `PartnerEmail`) when the order does not give one. */
  userName: string;
}

export interface HttpSettings {
  connectTimeoutMs: number;
  /** Waiting for the response headers, and between chunks of the body. */
  responseTimeoutMs: number;
  /** The whole answer, headers and body: a slowly dripping server cannot hold a send open. */
  totalTimeoutMs: number;
  maxResponseBytes: number;
  /** Allow plain http to loopback addresses (127.0.0.0/8, ::1, localhost), e.g. the sandbox. */
  allowLoopbackHttp: boolean;
}

/** The client's submission settings (not read by the language server). */
export interface SubmissionSettings {
  /** Keyed by the catalogue's `settingsPrefix` (`comodo`, `ssl2buy`), which no two APIs share. */
  apis: Record<string, ApiEndpointSettings>;
  http: HttpSettings;
  /** `globalStorage`: the extension's global storage; `workspace`: `.cert-orders/history/` in the order's folder. */
  historyLocation: 'globalStorage' | 'workspace';
  /** Read credentials from `CERT_ORDER_*` environment variables (headless use). */
  credentialsFromEnvironment: boolean;
}

export interface OrderSettings {
  csr: CsrSettings;
}

/** An API's settings when none is set: the vendor document's URLs. */
export function defaultApiSettings(api: ApiCatalogue): ApiEndpointSettings {
  return { productionUrl: api.endpoints.production, demoUrl: api.endpoints.demo ?? '', userName: '' };
}

/** The defaults of the APIs known at load; `apiSettings` (protocol/endpoint.ts) covers one registered later. */
export const defaultSubmissionSettings: SubmissionSettings = {
  apis: Object.fromEntries(catalogues.map((api) => [api.settingsPrefix, defaultApiSettings(api)])),
  http: {
    connectTimeoutMs: 10000,
    responseTimeoutMs: 60000,
    totalTimeoutMs: 120000,
    maxResponseBytes: 1048576,
    allowLoopbackHttp: true,
  },
  historyLocation: 'globalStorage',
  credentialsFromEnvironment: true,
};

export const defaultSettings: OrderSettings = {
  csr: { keyPolicy: 'current' },
};

/**
 * Reads the submission settings through `get('certOrder.x.y')` (in the client:
 * `workspace.getConfiguration().get`), falling back to the defaults for missing or mistyped values.
 */
export function readSubmissionSettings(get: (key: string) => unknown): SubmissionSettings {
  const d = defaultSubmissionSettings;
  const str = (key: string, fallback: string): string => {
    const v = get(key);
    return typeof v === 'string' ? v.trim() : fallback;
  };
  const num = (key: string, fallback: number): number => {
    const v = get(key);
    return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : fallback;
  };
  const bool = (key: string, fallback: boolean): boolean => {
    const v = get(key);
    return typeof v === 'boolean' ? v : fallback;
  };
  const apis: Record<string, ApiEndpointSettings> = {};
  for (const api of catalogues) {
    const defaults = defaultApiSettings(api);
    apis[api.settingsPrefix] = {
      productionUrl:
        str(apiSettingKey(api, 'productionUrl'), defaults.productionUrl) || defaults.productionUrl,
      demoUrl: str(apiSettingKey(api, 'demoUrl'), defaults.demoUrl),
      userName: str(apiSettingKey(api, 'userName'), defaults.userName),
    };
  }
  const location = get('certOrder.history.location');
  return {
    apis,
    http: {
      connectTimeoutMs: num('certOrder.http.connectTimeoutMs', d.http.connectTimeoutMs),
      responseTimeoutMs: num('certOrder.http.responseTimeoutMs', d.http.responseTimeoutMs),
      totalTimeoutMs: num('certOrder.http.totalTimeoutMs', d.http.totalTimeoutMs),
      maxResponseBytes: num('certOrder.http.maxResponseBytes', d.http.maxResponseBytes),
      allowLoopbackHttp: bool('certOrder.http.allowLoopbackHttp', d.http.allowLoopbackHttp),
    },
    historyLocation: location === 'workspace' ? 'workspace' : 'globalStorage',
    credentialsFromEnvironment: bool('certOrder.credentials.fromEnvironment', d.credentialsFromEnvironment),
  };
}
