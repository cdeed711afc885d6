// One typed settings module, shared by client and server (vscode-eslint style).
// Adding a setting: declare it in package.json `contributes.configuration`, add it here with its
// default, read it where it is used through `readSettings`.
import { comodoAutoApplySsl, ssl2buySectigoPacEnterprise } from './catalogue';

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

/** Endpoints and account name of one order API (`certOrder.comodo.*`, `certOrder.ssl2buy.*`). */
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
  /** Keyed by the API's vendor key: the first segment of its id (`comodo`, `ssl2buy`). */
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

export const defaultSubmissionSettings: SubmissionSettings = {
  apis: {
    comodo: { productionUrl: comodoAutoApplySsl.endpoints.production, demoUrl: '', userName: '' },
    ssl2buy: {
      productionUrl: ssl2buySectigoPacEnterprise.endpoints.production,
      demoUrl: ssl2buySectigoPacEnterprise.endpoints.demo ?? '',
      userName: '',
    },
  },
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

/** The manifest name of each account-name setting, per vendor key. */
const USER_NAME_SETTING: Record<string, string> = { comodo: 'loginName', ssl2buy: 'partnerEmail' };

/** The manifest key of one of an API's settings, e.g. `certOrder.comodo.demoUrl`, `certOrder.comodo.loginName`. */
export function apiSettingKey(vendor: string, setting: keyof ApiEndpointSettings): string {
  const name = setting === 'userName' ? (USER_NAME_SETTING[vendor] ?? 'userName') : setting;
  return `certOrder.${vendor}.${name}`;
}

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
  for (const [vendor, defaults] of Object.entries(d.apis)) {
    apis[vendor] = {
      productionUrl:
        str(apiSettingKey(vendor, 'productionUrl'), defaults.productionUrl) || defaults.productionUrl,
      demoUrl: str(apiSettingKey(vendor, 'demoUrl'), defaults.demoUrl),
      userName: str(apiSettingKey(vendor, 'userName'), defaults.userName),
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
