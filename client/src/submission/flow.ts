// One submission, from the order's text to the answer on disk and in the panel. Every effect is
// passed in (deps.ts: UI, credentials, HTTP, clock, history, panel), so the tests drive it against
// the sandbox with a real HTTP sender and a temporary history folder. No vscode import.
//
// Order of steps: in-flight guard -> prepare.ts (error diagnostics of this text, order and CSR,
// endpoint and its questions, Comodo test flag) -> (production) the same order held, earlier
// submissions, confirmation (typing the CSR's name) -> credentials -> answer.ts (send, the record
// masked; nothing there throws) -> history on disk -> field diagnostics -> panel -> message.
import * as path from 'node:path';
import {
  buildRequest,
  credentialField,
  csrSubjectSummary,
  displayUrl,
  duplicateQuestion,
  endpointIdentity,
  findEarlierProductionSubmission,
  formatSummary,
  hostHasNonAscii,
  hostWords,
  orderNumberOf,
  redactText,
  secretKeysInOrder,
  secretValuesInOrder,
  summariseOrder,
  type Order,
  type ResolvedEndpoint,
  type SubmissionRecord,
} from '../../../common/src/protocol';
import { sendAndRecord } from './answer';
import { refused, type Prepared, type SubmissionDeps, type SubmitRequest, type SubmitResult } from './deps';
import { resultMessage } from './messages';
import { prepare } from './prepare';

export type * from './deps';
export { VALIDATION_TIMEOUT_MS } from './prepare';

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

/** The questions (sent before? credentials, production), then the request, then the answer kept. */
async function confirmAndSend(deps: SubmissionDeps, req: SubmitRequest, p: Prepared): Promise<SubmitResult> {
  const { environment } = req;
  const { name, order, csr, endpoint } = p;

  if (environment === 'production') {
    const earlier = findEarlierProductionSubmission(await deps.history.list(req.orderFile), p.key);
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
  const record = await sendAndRecord(deps, req, p, built, secrets, log);
  return keepAndShow(deps, req, order.api, record, log);
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
    `Send this order to PRODUCTION at ${productionWhere(endpoint.url)}? A production order is charged${
      account ? ` to ${account}` : ''
    } and cannot be taken back.`,
    formatSummary(lines),
    typed,
  );
}

/** The URL in ASCII; a host written with non-ASCII characters says so (a look-alike). */
function productionWhere(url: string): string {
  const host = endpointIdentity(url)?.host;
  const lookAlike = host !== undefined && hostHasNonAscii(host);
  return lookAlike ? `${displayUrl(url)} (${hostWords(url)})` : displayUrl(url);
}

/** History on disk first (closing the panel or the window loses nothing), then diagnostics, panel, message. */
async function keepAndShow(
  deps: SubmissionDeps,
  req: SubmitRequest,
  api: Order['api'],
  record: SubmissionRecord,
  log: (line: string) => void,
): Promise<SubmitResult> {
  const historyFile = await keep(deps, req, record, log);
  // The answer is on disk (or kept for this window): what follows only shows it, and a failure
  // there is logged, never thrown over the result.
  await guarded(log, 'marking the fields the CA named', () => {
    // The record's copy: redacted, should the CA echo a secret in its message.
    const parsed = record.parsed;
    if (parsed?.kind === 'error' && parsed.fieldError)
      deps.fieldDiagnostics.set(req.orderFile, req.text, api, [parsed.fieldError]);
    else deps.fieldDiagnostics.clear(req.orderFile);
  });
  await guarded(log, 'showing the panel', () => deps.present(record));
  await guarded(log, 'showing the message', () => {
    const message = resultMessage(record);
    if (message.level === 'info') deps.ui.showInfo(message.text);
    else if (message.level === 'warning') deps.ui.showWarning(message.text);
    else deps.ui.showError(message.text);
  });
  return { status: 'sent', record, ...(historyFile ? { historyFile } : {}) };
}

/** Writes the record; undefined (and the user told to copy what they need) when it cannot be. */
async function keep(
  deps: SubmissionDeps,
  req: SubmitRequest,
  record: SubmissionRecord,
  log: (line: string) => void,
): Promise<string | undefined> {
  let historyFile: string;
  try {
    historyFile = await deps.history.write(record, req.orderFile);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    const orderNumber = orderNumberOf(record);
    await guarded(log, 'reporting the history failure', () => {
      log(`  history NOT written (${why})${orderNumber ? `; order number ${orderNumber}` : ''}`);
      deps.ui.showError(
        `The answer could not be written to the order history (${why}). ` +
          'It is in the panel, and Show Order History lists it until this window closes: copy the order number and anything else you need now.',
      );
    });
    return undefined;
  }
  await guarded(log, 'logging', () => log(`  history: ${historyFile}`));
  return historyFile;
}

async function guarded(log: (line: string) => void, what: string, step: () => unknown): Promise<void> {
  try {
    await step();
  } catch (err) {
    try {
      log(`  ${what} failed: ${err instanceof Error ? err.message : String(err)}`);
    } catch {
      // The log itself failed: nothing left to tell.
    }
  }
}
