// The checks before any question about the order itself: the language server's errors of this
// text, the order and its CSR (a `file:` inside the workspace), and the endpoint (https, never
// production for demo, a question for a host the workspace chose), then the Comodo test flag.
// No vscode import.
import * as path from 'node:path';
import {
  csrReference,
  demoEndpointProblem,
  displayUrl,
  duplicateKey,
  endpointProblem,
  endpointSettingKey,
  hostWords,
  readOrder,
  resolveCsrFile,
  resolveEndpoint,
  testFlagProblem,
  withCsrText,
  workspaceEndpointQuestion,
  type Order,
  type ResolvedEndpoint,
} from '../../../common/src/protocol';
import { csrTextFromBytes } from '../../../common/src/csr';
import { refused, type Prepared, type Step, type SubmissionDeps, type SubmitRequest } from './deps';

/** How long the error check waits for the language server: production is refused without it. */
export const VALIDATION_TIMEOUT_MS = { demo: 3000, production: 10000 } as const;

/** LSP DiagnosticSeverity.Error. */
const SEVERITY_ERROR = 1;

type Stop = (reason: string) => { ok: false; result: ReturnType<typeof refused> };

export async function prepare(deps: SubmissionDeps, req: SubmitRequest): Promise<Step<Prepared>> {
  const name = path.basename(req.orderFile);
  const stop: Stop = (reason) => ({ ok: false, result: refused(deps, `${name} was not sent: ${reason}`) });

  const blocked = await errorCheck(deps, req, name);
  if (blocked) return blocked;

  const read = readOrder(req.text);
  if (!read.ok) return stop(read.problem);
  const withCsr = await readCsr(deps, req, read.order);
  if (!withCsr.ok) return stop(withCsr.problem);
  const order = withCsr.order;
  const csr = csrReference(order)?.inline ?? '';

  const endpoint = await checkEndpoint(deps, req, order.api, stop);
  if (!endpoint.ok) return endpoint;
  // Before any question: the user must not confirm a charged order that would be a test order.
  const testProblem = testFlagProblem(order, endpoint.value);
  if (testProblem) return stop(testProblem);

  return { ok: true, value: { name, order, csr, endpoint: endpoint.value, key: duplicateKey(order) } };
}

/**
 * The server checks exactly the text to be sent: published diagnostics may be of an older version
 * (an edit that only cleared a CA-answer diagnostic looks like fresh ones).
 */
async function errorCheck(
  deps: SubmissionDeps,
  req: SubmitRequest,
  name: string,
): Promise<Step<Prepared> | undefined> {
  const { environment } = req;
  const checked = await deps.validateText(req.orderFile, req.text, VALIDATION_TIMEOUT_MS[environment]);
  if (checked === undefined) {
    if (environment === 'production')
      return {
        ok: false,
        result: refused(
          deps,
          `${name} was not sent: the language server has not checked this version of the order yet, so its errors are unknown. ` +
            'Wait for the Problems panel to update (see Output › Certificate Orders if it does not), then submit again.',
        ),
      };
    deps.log(`${name}: sent to demo without up-to-date diagnostics (the language server has not answered).`);
  }
  const errors = checked
    ? checked.filter((d) => d.severity === SEVERITY_ERROR).map((d) => d.message)
    : deps.errorDiagnostics(req.orderFile);
  if (errors.length === 0) return undefined;
  const reason = `${name} was not sent: it has ${errors.length} error${errors.length === 1 ? '' : 's'} (first: ${errors[0]}). Fix them in the Problems panel first.`;
  deps.ui.showBlockedByDiagnostics(reason);
  return { ok: false, result: { status: 'refused', reason } };
}

/** The order with a `file:` CSR read in (inside the workspace folder only). */
async function readCsr(
  deps: SubmissionDeps,
  req: SubmitRequest,
  order: Order,
): Promise<{ ok: true; order: Order } | { ok: false; problem: string }> {
  const csrRef = csrReference(order);
  if (csrRef?.file === undefined) return { ok: true, order };
  const root = deps.workspaceFolder(req.orderFile) ?? path.dirname(req.orderFile);
  const where = resolveCsrFile(req.orderFile, csrRef.file, root);
  if (!where.ok) return { ok: false, problem: where.problem };
  try {
    // PEM or binary DER, as the language server reads it (a BOM dropped, DER as base64).
    return { ok: true, order: withCsrText(order, csrTextFromBytes(await deps.readFile(where.path, root))) };
  } catch (err) {
    return { ok: false, problem: `the CSR file ${where.path} ${(err as Error).message}.` };
  }
}

/**
 * The endpoint in effect, if it may be used: https (http to loopback when allowed), never a
 * production endpoint for demo, and, when the workspace's settings chose it, the user's yes for
 * an undocumented host or a non-loopback IP address (every time: see endpointQuestion.ts) or a
 * port on this machine (once per workspace and URL).
 */
async function checkEndpoint(
  deps: SubmissionDeps,
  req: SubmitRequest,
  api: Order['api'],
  stop: Stop,
): Promise<Step<ResolvedEndpoint>> {
  const { environment } = req;
  const settings = deps.settings();
  const endpoint = resolveEndpoint(api, environment, settings);
  const problem =
    endpointProblem(endpoint.url, settings.http.allowLoopbackHttp) ??
    demoEndpointProblem(
      api,
      endpoint,
      settings,
      deps.endpointSource?.(api, environment) ?? endpointSettingKey(api, environment),
    );
  if (problem) return stop(problem);
  const question = deps.endpointSetByWorkspace(req.orderFile, api, environment)
    ? workspaceEndpointQuestion(api, endpoint)
    : undefined;
  if (!question) return { ok: true, value: endpoint };
  const url = displayUrl(endpoint.url);
  if (question.kind === 'loopback' && deps.approvedEndpoints.has(url)) return { ok: true, value: endpoint };
  if (!(await deps.ui.confirmEndpoint(question.message))) {
    const reason = `Not sent to ${url} (${hostWords(endpoint.url)}): this workspace's settings chose it, and sending there was not confirmed.`;
    return { ok: false, result: { status: 'cancelled', reason } };
  }
  if (question.kind === 'loopback') {
    try {
      await deps.approvedEndpoints.remember(url);
    } catch (err) {
      deps.log(
        `Could not remember the answer for ${url} (${(err as Error).message}): it is asked again next time.`,
      );
    }
  }
  return { ok: true, value: endpoint };
}
