// What a submission needs from outside (UI, credentials, HTTP, clock, history, panel), as
// interfaces: the extension passes VS Code's, the tests pass recording stand-ins and the sandbox.
// No vscode import.
import type {
  Credentials,
  Environment,
  FieldError,
  InFlightRegistry,
  Order,
  ResolvedEndpoint,
  SubmissionRecord,
} from '../../../common/src/protocol';
import type { SubmissionSettings } from '../../../common/src/settings';
import type { ValidateTextDiagnostic } from '../../../common/src/lsp/requests';
import type { Send } from '../http/send';

export interface SubmissionUi {
  /**
   * Production confirmation; true to send. `detail` is the summary (with the account charged);
   * sending takes typing `typed` (the CSR's common name, or a word shown): Enter alone and Escape
   * cancel, so a charged order is never one keystroke away.
   */
  confirmProduction(message: string, detail: string, typed: string): Promise<boolean>;
  /** Modal question before sending the credentials to an endpoint a workspace chose; true to send. */
  confirmEndpoint(message: string): Promise<boolean>;
  /** Modal question before re-sending an order that succeeded (or may have) in production. */
  confirmDuplicate(message: string): Promise<boolean>;
  /** The order has error diagnostics; the UI offers to open the Problems panel. */
  showBlockedByDiagnostics(message: string): void;
  showInfo(message: string): void;
  showWarning(message: string): void;
  showError(message: string): void;
}

export interface CredentialProvider {
  /**
   * The account name the order would be sent with (order, setting, environment, secret storage),
   * without asking; undefined when it would have to be asked for. Never the secret.
   */
  account(order: Order, environment: Environment): Promise<string | undefined>;
  /** The credentials to send with, or undefined when the user cancelled or none are available. */
  get(order: Order, environment: Environment): Promise<Credentials | undefined>;
}

export interface HistoryWriter {
  /** Earlier submissions, for the duplicate guard (malformed entries skipped). */
  list(orderFile: string): Promise<SubmissionRecord[]>;
  /**
   * Writes atomically; resolves with the file's path once it is on disk. When it cannot be written
   * anywhere it rejects, and `list` still returns the record until the window closes.
   */
  write(record: SubmissionRecord, orderFile: string): Promise<string>;
}

export interface FieldDiagnostics {
  /** Diagnostics on the fields the CA named, until the order is edited. */
  set(orderFile: string, text: string, api: Order['api'], errors: FieldError[]): void;
  clear(orderFile: string): void;
}

export interface SubmissionDeps {
  settings(): SubmissionSettings;
  send: Send;
  now(): number;
  ui: SubmissionUi;
  credentials: CredentialProvider;
  history: HistoryWriter;
  /** Shows a record in the panel (called only after the record is on disk). */
  present(record: SubmissionRecord): Promise<void> | void;
  fieldDiagnostics: FieldDiagnostics;
  /** Messages of the order's error diagnostics (vscode.languages.getDiagnostics). */
  errorDiagnostics(orderFile: string): string[];
  /**
   * The language server's diagnostics for exactly `text` (the `certOrder/validateText` request);
   * undefined when it did not answer within `timeoutMs` (slow, not running, or failed).
   */
  validateText(
    orderFile: string,
    text: string,
    timeoutMs: number,
  ): Promise<ValidateTextDiagnostic[] | undefined>;
  /**
   * A regular file of at most MAX_CSR_FILE_BYTES whose real path (links followed) is inside `root`;
   * rejects with a message ending "the CSR file PATH ...".
   */
  readFile(absolutePath: string, root: string): Promise<Uint8Array>;
  /** Where the endpoint URL was set, for messages; the setting (`certOrder.ssl2buy.demoUrl`) if absent. */
  endpointSource?(api: Order['api'], environment: Environment): string;
  /** Whether the endpoint URL in effect comes from the workspace's (or folder's) settings. */
  endpointSetByWorkspace(orderFile: string, api: Order['api'], environment: Environment): boolean;
  /**
   * Loopback endpoints the user allowed for this workspace (VS Code's workspaceState): a demo URL
   * the workspace's settings point at this machine is asked about once per workspace and URL.
   */
  approvedEndpoints: EndpointApprovals;
  /** The workspace folder holding the order: `file:` CSRs are read only inside it. */
  workspaceFolder(orderFile: string): string | undefined;
  /** The output channel; every line is redacted before it gets here. */
  log(line: string): void;
  inFlight: InFlightRegistry;
  userAgent?: string;
}

export interface EndpointApprovals {
  has(url: string): boolean;
  remember(url: string): Promise<void> | void;
}

export interface SubmitRequest {
  /** Absolute path of the order file (the in-flight key, the base of `file:` CSR paths). */
  orderFile: string;
  text: string;
  environment: Environment;
}

export type SubmitResult =
  | { status: 'refused'; reason: string }
  | { status: 'cancelled'; reason: string }
  | { status: 'sent'; record: SubmissionRecord; historyFile?: string };

export interface Prepared {
  name: string;
  /** The order with its CSR text in place of a `file:` reference. */
  order: Order;
  csr: string;
  endpoint: ResolvedEndpoint;
  /** The same order across files (PartnerOrderID; CSR and product). */
  key: string | undefined;
}

export type Step<T> = { ok: true; value: T } | { ok: false; result: SubmitResult };

export const refused = (deps: SubmissionDeps, reason: string): SubmitResult => {
  deps.ui.showError(reason);
  return { status: 'refused', reason };
};
