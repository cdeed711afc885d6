// One submission, from the order's text to the answer on disk and in the panel. Every effect is
// passed in (UI, credentials, HTTP, clock, history, panel), so the tests drive it against the
// sandbox with a real HTTP sender and a temporary history folder. No vscode import.
//
// Order of steps: in-flight guard -> error diagnostics (the server's, of this text) -> order and
// CSR (file inside the workspace) -> endpoint (and the question for a workspace-chosen host) ->
// Comodo test flag -> (production) the same order held, earlier submissions, confirmation (typing
// the CSR's name) -> credentials -> send -> history on disk -> field diagnostics -> panel -> message.
import * as path from 'node:path';
import {
  buildRequest,
  credentialField,
  csrReference,
  csrSubjectSummary,
  dcvView,
  duplicateKey,
  duplicateQuestion,
  endpointProblem,
  findEarlierProductionSubmission,
  formatSummary,
  newRecordId,
  orderNumberOf,
  outcomeOf,
  parseResponse,
  readOrder,
  redactDeep,
  redactText,
  RECORD_FORMAT,
  resolveCsrFile,
  resolveEndpoint,
  secretKeysInOrder,
  secretValuesInOrder,
  summariseOrder,
  testFlagProblem,
  workspaceEndpointQuestion,
  withCsrText,
  type Credentials,
  type Environment,
  type FieldError,
  type InFlightRegistry,
  type Order,
  type ResolvedEndpoint,
  type SendOutcome,
  type SubmissionRecord,
} from '../../../common/src/protocol';
import { csrTextFromBytes } from '../../../common/src/csr';
import type { SubmissionSettings } from '../../../common/src/settings';
import type { ValidateTextDiagnostic } from '../../../common/src/lsp/requests';
import type { Send } from '../http/send';
import { resultMessage } from './messages';

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
  /** Whether the endpoint URL in effect comes from the workspace's (or folder's) settings. */
  endpointSetByWorkspace(orderFile: string, api: Order['api'], environment: Environment): boolean;
  /** The workspace folder holding the order: `file:` CSRs are read only inside it. */
  workspaceFolder(orderFile: string): string | undefined;
  /** The output channel; every line is redacted before it gets here. */
  log(line: string): void;
  inFlight: InFlightRegistry;
  userAgent?: string;
}

export interface SubmitRequest {
  /** Absolute path of the order file (the in-flight key, the base of `file:` CSR paths). */
  orderFile: string;
  text: string;
  environment: Environment;
}

/** How long the error check waits for the language server: production is refused without it. */
export const VALIDATION_TIMEOUT_MS = { demo: 3000, production: 10000 } as const;

/** LSP DiagnosticSeverity.Error. */
const SEVERITY_ERROR = 1;

export type SubmitResult =
  | { status: 'refused'; reason: string }
  | { status: 'cancelled'; reason: string }
  | { status: 'sent'; record: SubmissionRecord; historyFile?: string };

const refused = (deps: SubmissionDeps, reason: string): SubmitResult => {
  deps.ui.showError(reason);
  return { status: 'refused', reason };
};

export async function submitOrder(deps: SubmissionDeps, req: SubmitRequest): Promise<SubmitResult> {
  const release = deps.inFlight.tryBegin(req.orderFile);
  if (!release) {
    const reason = `${path.basename(req.orderFile)} is already being submitted: wait for its answer before sending it again.`;
    deps.ui.showWarning(reason);
    return { status: 'refused', reason };
  }
  try {
    return await submitWhileHeld(deps, req);
  } finally {
    release();
  }
}

interface Prepared {
  name: string;
  /** The order with its CSR text in place of a `file:` reference. */
  order: Order;
  csr: string;
  endpoint: ResolvedEndpoint;
  /** The same order across files (PartnerOrderID; CSR and product). */
  key: string | undefined;
}

type Step<T> = { ok: true; value: T } | { ok: false; result: SubmitResult };

async function submitWhileHeld(deps: SubmissionDeps, req: SubmitRequest): Promise<SubmitResult> {
  const prepared = await prepare(deps, req);
  if (!prepared.ok) return prepared.result;
  const { key, name } = prepared.value;
  if (req.environment !== 'production' || key === undefined) return confirmAndSend(deps, req, prepared.value);
  // Two files holding the same order (a copied file, same PartnerOrderID) sent at once would both
  // pass the history check before either answer is on disk: one at a time.
  const releaseOrder = deps.inFlight.tryBegin(`same order ${key}`);
  if (!releaseOrder) {
    const reason = `${name} was not sent: the same order (${sameOrderWords(prepared.value.order)}) is being submitted to production from another file. Wait for its answer; sending again then asks first.`;
    deps.ui.showWarning(reason);
    return { status: 'refused', reason };
  }
  try {
    return await confirmAndSend(deps, req, prepared.value);
  } finally {
    releaseOrder();
  }
}

function sameOrderWords(order: Order): string {
  return (order.api.duplicateKeyFields ?? []).join(' and ');
}

/** The checks that need no answer from the user: diagnostics, the order, its CSR, the endpoint. */
async function prepare(deps: SubmissionDeps, req: SubmitRequest): Promise<Step<Prepared>> {
  const { environment } = req;
  const name = path.basename(req.orderFile);
  const stop = (reason: string): Step<Prepared> => ({ ok: false, result: refused(deps, reason) });

  // The server checks exactly the text to be sent: published diagnostics may be of an older
  // version (an edit that only cleared a CA-answer diagnostic looks like fresh ones).
  const checked = await deps.validateText(req.orderFile, req.text, VALIDATION_TIMEOUT_MS[environment]);
  if (checked === undefined) {
    if (environment === 'production')
      return stop(
        `${name} was not sent: the language server has not checked this version of the order yet, so its errors are unknown. ` +
          'Wait for the Problems panel to update (see Output › Certificate Orders if it does not), then submit again.',
      );
    deps.log(`${name}: sent to demo without up-to-date diagnostics (the language server has not answered).`);
  }
  const errors = checked
    ? checked.filter((d) => d.severity === SEVERITY_ERROR).map((d) => d.message)
    : deps.errorDiagnostics(req.orderFile);
  if (errors.length > 0) {
    const reason = `${name} was not sent: it has ${errors.length} error${errors.length === 1 ? '' : 's'} (first: ${errors[0]}). Fix them in the Problems panel first.`;
    deps.ui.showBlockedByDiagnostics(reason);
    return { ok: false, result: { status: 'refused', reason } };
  }

  const read = readOrder(req.text);
  if (!read.ok) return stop(`${name} was not sent: ${read.problem}`);
  let order = read.order;
  const api = order.api;

  const csrRef = csrReference(order);
  if (csrRef?.file !== undefined) {
    const root = deps.workspaceFolder(req.orderFile) ?? path.dirname(req.orderFile);
    const where = resolveCsrFile(req.orderFile, csrRef.file, root);
    if (!where.ok) return stop(`${name} was not sent: ${where.problem}`);
    try {
      // PEM or binary DER, as the language server reads it (a BOM dropped, DER as base64).
      order = withCsrText(order, csrTextFromBytes(await deps.readFile(where.path, root)));
    } catch (err) {
      return stop(`${name} was not sent: the CSR file ${where.path} ${(err as Error).message}.`);
    }
  }
  const csr = csrReference(order)?.inline ?? '';

  const settings = deps.settings();
  const endpoint = resolveEndpoint(api, environment, settings);
  const problem = endpointProblem(endpoint.url, settings.http.allowLoopbackHttp);
  if (problem) return stop(`${name} was not sent: ${problem}`);
  const redirect = deps.endpointSetByWorkspace(req.orderFile, api, environment)
    ? workspaceEndpointQuestion(api, endpoint)
    : undefined;
  if (redirect && !(await deps.ui.confirmEndpoint(redirect)))
    return { ok: false, result: { status: 'cancelled', reason: `Not sent to ${endpoint.url}.` } };
  // Before any question: the user must not confirm a charged order that would be a test order.
  const testProblem = testFlagProblem(order, endpoint);
  if (testProblem) return stop(`${name} was not sent: ${testProblem}`);

  return { ok: true, value: { name, order, csr, endpoint, key: duplicateKey(order) } };
}

/** The questions (sent before? credentials, production), then the request, then the answer kept. */
async function confirmAndSend(deps: SubmissionDeps, req: SubmitRequest, p: Prepared): Promise<SubmitResult> {
  const { environment } = req;
  const { name, order, csr, endpoint, key } = p;
  const api = order.api;

  if (environment === 'production') {
    const earlier = findEarlierProductionSubmission(await deps.history.list(req.orderFile), key);
    if (earlier && !(await deps.ui.confirmDuplicate(duplicateQuestion(earlier))))
      return { status: 'cancelled', reason: 'Not sent again.' };
  }

  // Production: confirmed before any credential is asked for (a cancelled order asks nothing).
  if (environment === 'production' && !(await confirmProduction(deps, order, csr, endpoint)))
    return { status: 'cancelled', reason: 'Production submission cancelled.' };

  const credentials = await deps.credentials.get(order, environment);
  if (!credentials) return { status: 'cancelled', reason: 'No credentials: not sent.' };
  // A secret typed into the order is never sent, but must not reach the log or the history either.
  const secrets = [credentials.secret, ...secretValuesInOrder(order)];
  const log = (line: string): void => deps.log(redactText(line, secrets));

  const ignoredSecrets = secretKeysInOrder(order);
  if (ignoredSecrets.length > 0)
    log(
      `${name}: ${ignoredSecrets.join(', ')} written in the order is ignored; the stored credential is sent.`,
    );

  let built;
  try {
    built = buildRequest({
      order,
      credentials,
      endpoint,
      ...(deps.userAgent ? { userAgent: deps.userAgent } : {}),
    });
  } catch (err) {
    return refused(deps, `${name} was not sent: ${(err as Error).message}`);
  }

  const startedMs = deps.now();
  log(`${new Date(startedMs).toISOString()} ${environment} ${api.id}: POST ${endpoint.url} (${name})`);
  let outcome: SendOutcome;
  try {
    outcome = await deps.send(built);
  } catch (err) {
    // The sender reports failures as values; anything thrown is unknown, so assume it was sent.
    outcome = {
      kind: 'failure',
      failure: { kind: 'maybe-sent', code: 'UNKNOWN', message: (err as Error).message },
    };
  }
  const durationMs = Math.max(0, deps.now() - startedMs);

  const response = outcome.kind === 'response' ? outcome.response : undefined;
  const parsed = response ? parseResponse(api, response) : undefined;
  const record: SubmissionRecord = redactDeep(
    {
      format: RECORD_FORMAT,
      id: newRecordId(startedMs),
      apiId: api.id,
      apiTitle: api.title,
      environment,
      endpoint: endpoint.url,
      orderFile: req.orderFile,
      startedAt: new Date(startedMs).toISOString(),
      durationMs,
      request: built.redacted,
      ...(response ? { response } : {}),
      ...(outcome.kind === 'failure' ? { failure: outcome.failure } : {}),
      ...(parsed ? { parsed } : {}),
      ...(key ? { duplicateKey: key } : {}),
      ...(parsed?.kind === 'success' ? { dcv: dcvView(csr, parsed) } : {}),
    } satisfies SubmissionRecord,
    secrets,
  );
  log(`  -> ${outcomeOf(record)} in ${durationMs} ms${response ? ` (HTTP ${response.status})` : ''}`);
  return keepAndShow(deps, req, api, record, log);
}

/** The word typed to place a production order when the CSR names no common name or e-mail. */
export const CONFIRM_WORD = 'production';

/** The summary, the account charged (its name, never the secret) and the name to type. */
async function confirmProduction(
  deps: SubmissionDeps,
  order: Order,
  csr: string,
  endpoint: ResolvedEndpoint,
): Promise<boolean> {
  const subject = csrSubjectSummary(csr);
  const userField = credentialField(order.api, 'user').name;
  const account = await deps.credentials.account(order, 'production');
  const lines = summariseOrder(order, subject);
  lines.splice(1, 0, {
    label: 'Account charged',
    value: account
      ? `${userField} ${account}`
      : `${userField} not set yet: asked for after this confirmation`,
  });
  const typed = subject?.commonName ?? subject?.email ?? CONFIRM_WORD;
  return deps.ui.confirmProduction(
    `Send this order to PRODUCTION at ${endpoint.url}? A production order is charged${
      account ? ` to ${account}` : ''
    } and cannot be taken back.`,
    formatSummary(lines),
    typed,
  );
}

/** History on disk first (closing the panel or the window loses nothing), then diagnostics, panel, message. */
async function keepAndShow(
  deps: SubmissionDeps,
  req: SubmitRequest,
  api: Order['api'],
  record: SubmissionRecord,
  log: (line: string) => void,
): Promise<SubmitResult> {
  let historyFile: string | undefined;
  try {
    historyFile = await deps.history.write(record, req.orderFile);
    log(`  history: ${historyFile}`);
  } catch (err) {
    const orderNumber = orderNumberOf(record);
    log(
      `  history NOT written (${(err as Error).message})${orderNumber ? `; order number ${orderNumber}` : ''}`,
    );
    deps.ui.showError(
      `The answer could not be written to the order history (${(err as Error).message}). ` +
        'It is in the panel, and Show Order History lists it until this window closes: copy the order number and anything else you need now.',
    );
  }

  // The record's copy: redacted, should the CA echo a secret in its message.
  const parsed = record.parsed;
  if (parsed?.kind === 'error' && parsed.fieldError)
    deps.fieldDiagnostics.set(req.orderFile, req.text, api, [parsed.fieldError]);
  else deps.fieldDiagnostics.clear(req.orderFile);

  await deps.present(record);
  const message = resultMessage(record);
  if (message.level === 'info') deps.ui.showInfo(message.text);
  else if (message.level === 'warning') deps.ui.showWarning(message.text);
  else deps.ui.showError(message.text);
  return { status: 'sent', record, ...(historyFile ? { historyFile } : {}) };
}
