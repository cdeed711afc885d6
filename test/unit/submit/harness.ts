// A submission test bed without VS Code: the sandbox on 127.0.0.1 (random port), the real undici
// sender, a real history folder, and recording stand-ins for the UI, the panel and the log.
import { existsSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  InFlightRegistry,
  MAX_CSR_FILE_BYTES,
  type Environment,
  type FieldError,
  type SubmissionRecord,
} from '../../../common/src/protocol';
import { defaultSubmissionSettings, type SubmissionSettings } from '../../../common/src/settings';
import { HistoryStore } from '../../../client/src/history/store';
import { createSender, type Send } from '../../../client/src/http/send';
import { renderSubmissionHtml } from '../../../client/src/panel/html';
import { CredentialResolver, type SecretStore } from '../../../client/src/secrets/provider';
import { submitOrder, type SubmissionDeps, type SubmitResult } from '../../../client/src/submission/flow';
import { readCsrFileInside } from '../../../client/src/submission/localFile';
import { startSandbox, type RunningSandbox } from '../../../sandbox/src/server';

export const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'submit');
export const SECRET = 'S3cr3t-k3y+&=/"<sandbox>';
export const USER = 'reseller@example.com';

export class MemorySecrets implements SecretStore {
  readonly values = new Map<string, string>();
  async get(key: string): Promise<string | undefined> {
    return this.values.get(key);
  }
  async store(key: string, value: string): Promise<void> {
    this.values.set(key, value);
  }
  async delete(key: string): Promise<void> {
    this.values.delete(key);
  }
}

export interface UiCall {
  kind: string;
  message: string;
  detail?: string;
  /** What the production confirmation asks to type. */
  typed?: string;
}

export class Bed {
  sandbox!: RunningSandbox;
  dir!: string;
  historyDir!: string;
  readonly ui: UiCall[] = [];
  readonly logLines: string[] = [];
  readonly shown: { record: SubmissionRecord; html: string; onDiskWhenShown: boolean }[] = [];
  readonly fieldErrors = new Map<string, FieldError[]>();
  readonly secrets = new MemorySecrets();
  readonly inFlight = new InFlightRegistry();
  answers = { production: true, duplicate: true, endpoint: true };
  /** Loopback endpoints allowed for the workspace (VS Code's workspaceState in the extension). */
  readonly approvedEndpoints = new Set<string>();
  /** The endpoint URLs in effect come from the workspace's settings. */
  endpointFromWorkspace = false;
  settings: SubmissionSettings = structuredClone(defaultSubmissionSettings);
  env: Record<string, string | undefined> = {};
  errorDiagnostics: string[] = [];
  /** The language server answers the validateText request (with `errorDiagnostics` as errors). */
  diagnosticsCurrent = true;
  /** Replaces the language server's validateText answer (undefined: no answer in time). */
  validateText: SubmissionDeps['validateText'] | undefined;
  lastHistoryFile: string | undefined;
  /** Wraps the sender (to hold a request in flight, or count requests). */
  sendWrapper: (send: Send) => Send = (s) => s;
  sent = 0;

  /** The latest UI call of a kind. */
  lastUi(kind: string): UiCall | undefined {
    return [...this.ui].reverse().find((u) => u.kind === kind);
  }

  async start(): Promise<void> {
    this.sandbox = await startSandbox({ port: 0 });
    this.dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cert-order-submit-'));
    this.historyDir = path.join(this.dir, 'history');
    this.settings.apis.comodo.productionUrl = this.sandbox.urls['comodo-autoapplyssl'];
    this.pointAt('ssl2buy', this.sandbox.urls['ssl2buy-sectigo-pac-enterprise']);
    this.settings.http.responseTimeoutMs = 5000;
    this.env = { CERT_ORDER_COMODO_LOGIN_PASSWORD: SECRET, CERT_ORDER_SSL2BUY_API_KEY: SECRET };
  }

  async stop(): Promise<void> {
    await this.sandbox.close();
    await fs.rm(this.dir, { recursive: true, force: true });
  }

  /** Points an API at the sandbox through a fault path prefix. */
  fault(apiVendor: 'comodo' | 'ssl2buy', faults: string): void {
    const id = apiVendor === 'comodo' ? 'comodo-autoapplyssl' : 'ssl2buy-sectigo-pac-enterprise';
    const url = new URL(this.sandbox.urls[id]);
    this.pointAt(apiVendor, `${url.origin}/__fault/${encodeURIComponent(faults)}${url.pathname}`);
  }

  /**
   * Demo at `url`, production at the same sandbox route through a fault prefix that adds nothing
   * (`delay=0` before the URL's own faults): a demo URL that is the production URL in effect is
   * refused, so for SSL2Buy the two must differ. Comodo's demo may be its production URL (with
   * test=Y, its documented test mode), so both are `url`.
   */
  pointAt(apiVendor: 'comodo' | 'ssl2buy', url: string): void {
    this.settings.apis[apiVendor].demoUrl = url;
    if (apiVendor === 'comodo') {
      this.settings.apis.comodo.productionUrl = url;
      return;
    }
    const u = new URL(url);
    const [, spec, rest] = /^\/__fault\/([^/]*)(\/.*)$/.exec(u.pathname) ?? [undefined, '', u.pathname];
    const faults = spec ? `delay=0${encodeURIComponent(',')}${spec}` : 'delay=0';
    this.settings.apis.ssl2buy.productionUrl = `${u.origin}/__fault/${faults}${rest}`;
  }

  async writeOrder(name: string, order: object | string): Promise<string> {
    const file = path.join(this.dir, name);
    await fs.writeFile(file, typeof order === 'string' ? order : JSON.stringify(order, null, 2));
    return file;
  }

  async copyFixture(name: string): Promise<string> {
    const to = path.join(this.dir, name);
    await fs.copyFile(path.join(FIXTURES, name), to);
    return to;
  }

  /** One store for the bed's life, as the extension keeps one per window. */
  private store: HistoryStore | undefined;
  get history(): HistoryStore {
    this.store ??= new HistoryStore({
      directoryFor: () => this.historyDir,
      directories: () => [this.historyDir],
    });
    return this.store;
  }
  set history(store: HistoryStore) {
    this.store = store;
  }

  deps(): SubmissionDeps {
    const history = this.history;
    const real = createSender({
      connectTimeoutMs: this.settings.http.connectTimeoutMs,
      responseTimeoutMs: this.settings.http.responseTimeoutMs,
      totalTimeoutMs: this.settings.http.totalTimeoutMs,
      maxResponseBytes: this.settings.http.maxResponseBytes,
    });
    const counted: Send = (req) => {
      this.sent++;
      return real(req);
    };
    return {
      settings: () => this.settings,
      send: this.sendWrapper(counted),
      now: () => Date.now(),
      ui: {
        confirmProduction: async (message, detail, typed) => {
          this.ui.push({ kind: 'confirmProduction', message, detail, typed });
          return this.answers.production;
        },
        confirmEndpoint: async (message) => {
          this.ui.push({ kind: 'confirmEndpoint', message });
          return this.answers.endpoint;
        },
        confirmDuplicate: async (message) => {
          this.ui.push({ kind: 'confirmDuplicate', message });
          return this.answers.duplicate;
        },
        showBlockedByDiagnostics: (message) => this.ui.push({ kind: 'blocked', message }),
        showInfo: (message) => this.ui.push({ kind: 'info', message }),
        showWarning: (message) => this.ui.push({ kind: 'warning', message }),
        showError: (message) => this.ui.push({ kind: 'error', message }),
      },
      credentials: this.credentials(),
      history: {
        list: () => history.list(),
        write: async (record, file) => (this.lastHistoryFile = await history.write(record, file)),
      },
      present: (record) => {
        const html = renderSubmissionHtml(record, { nonce: 'TESTNONCE', cspSource: 'vscode-resource:' });
        this.shown.push({
          record,
          html,
          onDiskWhenShown: this.lastHistoryFile !== undefined && existsSync(this.lastHistoryFile),
        });
      },
      fieldDiagnostics: {
        set: (file, _text, _api, errors) => this.fieldErrors.set(file, errors),
        clear: (file) => this.fieldErrors.delete(file),
      },
      errorDiagnostics: () => this.errorDiagnostics,
      validateText:
        this.validateText ??
        (async () =>
          this.diagnosticsCurrent
            ? this.errorDiagnostics.map((message) => ({ severity: 1, message }))
            : undefined),
      readFile: (file, root) => readCsrFileInside(file, root, MAX_CSR_FILE_BYTES),
      workspaceFolder: () => this.dir,
      endpointSetByWorkspace: () => this.endpointFromWorkspace,
      approvedEndpoints: {
        has: (url) => this.approvedEndpoints.has(url),
        remember: (url) => void this.approvedEndpoints.add(url),
      },
      log: (line) => this.logLines.push(line),
      inFlight: this.inFlight,
    };
  }

  /** The real resolver, each request for the credentials noted in `ui` (kind 'credentials'). */
  private credentials(): SubmissionDeps['credentials'] {
    const resolver = new CredentialResolver({
      store: this.secrets,
      env: this.env,
      settings: () => this.settings,
    });
    return {
      account: (order, environment) => resolver.account(order, environment),
      get: (order, environment) => {
        this.ui.push({ kind: 'credentials', message: environment });
        return resolver.get(order, environment);
      },
    };
  }

  async submit(orderFile: string, environment: Environment = 'demo'): Promise<SubmitResult> {
    this.lastHistoryFile = undefined;
    const text = await fs.readFile(orderFile, 'utf8');
    return submitOrder(this.deps(), {
      orderFile,
      text,
      environment,
    });
  }

  /** The history files written so far. */
  async historyRecords(): Promise<string[]> {
    try {
      return (await fs.readdir(this.historyDir)).filter((n) => n.endsWith('.json'));
    } catch {
      return [];
    }
  }

  /** Every file under the test folder, as text (for the secret search). */
  async allWrittenText(): Promise<string> {
    const out: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      for (const e of await fs.readdir(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) await walk(p);
        else out.push(await fs.readFile(p, 'utf8'));
      }
    };
    await walk(this.dir);
    return out.join('\n');
  }

  /** Every file written, every log line and every panel shown, as one text (for the secret search). */
  async everythingSeen(): Promise<string> {
    return [await this.allWrittenText(), this.logLines.join('\n'), ...this.shown.map((s) => s.html)].join(
      '\n',
    );
  }
}

export function comodoOrder(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    $schema: '../schemas/comodo-autoapplyssl.schema.json',
    $api: 'comodo-autoapplyssl',
    loginName: 'example-reseller',
    product: '24,36',
    years: 1,
    serverSoftware: 2,
    csr: 'file:www.example.com.csr',
    // The CSRs carry no address, so the order gives it (Comodo -3 otherwise).
    streetAddress1: '1 High Street',
    localityName: 'London',
    stateOrProvinceName: 'Greater London',
    postalCode: 'EC1A 1AA',
    isCustomerValidated: 'N',
    ...overrides,
  };
}

export function ssl2buyOrder(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    $api: 'ssl2buy-sectigo-pac-enterprise',
    PartnerEmail: USER,
    Year: 1,
    PartnerOrderID: 'PO-1001',
    CSR: 'file:smime.csr',
    PACOrderInfo: { Title: 'Ms', FirstName: 'Jane', LastName: 'Doe' },
    OrganisationInfo: {
      OrgName: 'Example Ltd',
      Email: 'admin@example.com',
      Address1: '1 High Street',
      City: 'London',
      State: 'London',
      CountryName: 'United Kingdom',
      PostalCode: 'EC1A 1AA',
      PhoneNo: '+44 20 0000 0000',
      ...((overrides.OrganisationInfo as object | undefined) ?? {}),
    },
    ...Object.fromEntries(Object.entries(overrides).filter(([k]) => k !== 'OrganisationInfo')),
  };
}
