// `cert-order submit --demo|--production FILE`: the extension's submission without the editor.
// The same flow (client/src/submission/flow.ts: error check, order and CSR, endpoint rules, test
// flag, duplicate-production guard, confirmation, request builder, sender, response parser,
// history record); only its effects are the command line's: questions on the terminal,
// credentials from the environment only, the checks of `cert-order check` as the error check.
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { catalogues } from '../../common/src/catalogue';
import {
  credentialEnvNames,
  credentialField,
  endpointProblem,
  InFlightRegistry,
  MAX_CSR_FILE_BYTES,
  orderNumberOf,
  outcomeOf,
  readOrder,
  type Environment,
  type FieldError,
  type Order,
  type Outcome,
  type SubmissionRecord,
} from '../../common/src/protocol';
import { defaultSubmissionSettings, type SubmissionSettings } from '../../common/src/settings';
import { WORKSPACE_HISTORY_DIR } from '../../client/src/history/folders';
import { HistoryStore } from '../../client/src/history/store';
import { createSender } from '../../client/src/http/send';
import { CredentialResolver, type SecretStore } from '../../client/src/secrets/provider';
import { submitOrder, type SubmissionDeps, type SubmissionUi } from '../../client/src/submission/flow';
import { readCsrFileInside } from '../../client/src/submission/localFile';
import { resultMessage } from '../../client/src/submission/messages';
import { readBounded } from '../../server/src/localFiles';
import { isInsideFolder } from '../../common/src/protocol/csrFile';
import { createChecker, type CheckedFile } from './checker';
import { findRoot, UsageError } from './files';
import { formatText } from './formats/text';
import { version } from '../../package.json';

/** What the exit code says happened to the order. */
export const SUBMIT_EXIT = {
  placed: 0,
  refusedByCa: 1,
  usage: 2,
  mayHaveBeenPlaced: 3,
  notSent: 4,
} as const;

/** The process's side: where text goes, and the terminal when there is one. */
export interface SubmitIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
  /** Standard input and standard error are terminals: questions can be asked. */
  interactive: boolean;
  /** One line typed on the terminal; undefined on end of input or Ctrl+C. */
  ask(question: string): Promise<string | undefined>;
}

/** No SecretStorage outside VS Code: the secret comes from the environment or not at all. */
const NO_SECRET_STORE: SecretStore = {
  get: async () => undefined,
  store: async () => undefined,
  delete: async () => undefined,
};

const OUTCOME_EXIT: Record<Outcome, number> = {
  success: SUBMIT_EXIT.placed,
  error: SUBMIT_EXIT.refusedByCa,
  unexpected: SUBMIT_EXIT.mayHaveBeenPlaced,
  'maybe-placed': SUBMIT_EXIT.mayHaveBeenPlaced,
  'not-sent': SUBMIT_EXIT.notSent,
};

/** The word typed to send again an order the history says was (or may have been) placed. */
export const AGAIN_WORD = 'again';

interface Options {
  environment: Environment;
  file: string;
  format: 'text' | 'json';
  yes: boolean;
  again: boolean;
  historyDir: string;
  settings: SubmissionSettings;
}

function parseOptions(args: string[], io: SubmitIo): Options {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      demo: { type: 'boolean' },
      production: { type: 'boolean' },
      endpoint: { type: 'string' },
      history: { type: 'string' },
      format: { type: 'string' },
      yes: { type: 'boolean' },
      again: { type: 'boolean' },
    },
  });
  if (values.demo === values.production) throw new UsageError('submit takes one of --demo or --production');
  if (positionals.length !== 1) throw new UsageError('submit takes one order FILE');
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format is text or json, not ${format}`);
  const environment: Environment = values.production ? 'production' : 'demo';
  if (environment === 'production' && !values.yes && !io.interactive)
    throw new UsageError(
      'a production order is charged: off a terminal it takes --yes (on a terminal you are asked to confirm)',
    );
  const settings = structuredClone(defaultSubmissionSettings);
  if (values.endpoint !== undefined) {
    // The extension's rule for a URL: https, or plain http to a loopback address.
    const problem = endpointProblem(values.endpoint, settings.http.allowLoopbackHttp);
    if (problem) throw new UsageError(`--endpoint: ${problem}`);
    const key = environment === 'demo' ? 'demoUrl' : 'productionUrl';
    for (const api of catalogues) settings.apis[api.settingsPrefix][key] = values.endpoint;
  }
  return {
    environment,
    file: path.resolve(io.cwd, positionals[0]),
    format,
    yes: values.yes === true,
    again: values.again === true,
    historyDir: path.resolve(io.cwd, values.history ?? WORKSPACE_HISTORY_DIR),
    settings,
  };
}

/** Which variables to set when a credential is not in the environment (undefined: all there). */
function missingCredential(
  resolver: CredentialResolver,
  order: Order,
  environment: Environment,
): Promise<string | undefined> {
  return resolver.get(order, environment).then(async (found) => {
    if (found) return undefined;
    const role = (await resolver.account(order, environment)) === undefined ? 'user' : 'secret';
    const field = credentialField(order.api, role).name;
    const names = credentialEnvNames(order.api, role, environment);
    const where = role === 'user' ? `, or give ${field} in the order` : '';
    return `no ${field} for ${order.api.title} (${environment}): set the environment variable ${names.join(' or ')}${where}. Credentials are never read from the command line.`;
  });
}

/** The terminal's questions; off a terminal the answers are the flags (`--yes`, `--again`). */
interface UiState {
  /** The answer is being shown: the flow's last message is printed with it, not twice. */
  presented: boolean;
  /** Messages already on standard error. */
  said: Set<string>;
}

function terminalUi(io: SubmitIo, opts: Options, state: UiState): SubmissionUi {
  const say = (message: string): void => {
    if (state.presented || state.said.has(message)) return;
    state.said.add(message);
    io.stderr.write(`cert-order: ${message}\n`);
  };
  const typed = async (question: string | undefined, word: string): Promise<boolean> => {
    if (question) io.stderr.write(`${question}\n`);
    const answer = await io.ask(`Type ${word} to send (anything else cancels): `);
    const ok = answer?.trim().toLowerCase() === word.toLowerCase();
    if (!ok)
      io.stderr.write(
        `Not sent: ${answer?.trim() ? `"${answer.trim()}" is not ${word}` : 'nothing was typed'}.\n`,
      );
    return ok;
  };
  return {
    async confirmProduction(message, detail, word) {
      io.stderr.write(`${message}\n${detail}\n`);
      if (opts.yes) return true;
      return typed(undefined, word);
    },
    // The endpoint is the document's or the command line's, never a workspace's: not asked.
    confirmEndpoint: async () => true,
    async confirmDuplicate(message) {
      if (opts.again) {
        io.stderr.write(`${message}\n--again: sending it again.\n`);
        return true;
      }
      if (!io.interactive) {
        io.stderr.write(`${message}\nNot sent again: pass --again to send it anyway.\n`);
        return false;
      }
      return typed(message, AGAIN_WORD);
    },
    // Its message speaks of the Problems panel: the command prints `check`'s list instead.
    showBlockedByDiagnostics: () => undefined,
    showInfo: say,
    showWarning: say,
    showError: say,
  };
}

function answerText(
  record: SubmissionRecord,
  historyFile: string | undefined,
  fieldErrors: string[],
): string {
  const lines = [resultMessage(record).text, `  endpoint: ${record.endpoint}`];
  const parsed = record.parsed;
  if (parsed && parsed.kind !== 'unexpected')
    for (const f of parsed.fields)
      lines.push(`  ${f.label}: ${f.value}${f.meaning ? ` (${f.meaning})` : ''}`);
  lines.push(...fieldErrors.map((e) => `  ${e}`));
  lines.push(historyFile ? `  history: ${historyFile}` : '  history: not written (see above)');
  return lines.join('\n') + '\n';
}

function answerJson(record: SubmissionRecord, historyFile: string | undefined): string {
  const orderNumber = orderNumberOf(record);
  return (
    JSON.stringify(
      {
        outcome: outcomeOf(record),
        message: resultMessage(record).text,
        api: record.apiId,
        environment: record.environment,
        endpoint: record.endpoint,
        recordId: record.id,
        ...(orderNumber ? { orderNumber } : {}),
        ...(record.parsed ? { parsed: record.parsed } : {}),
        ...(record.failure ? { failure: record.failure } : {}),
        historyFile: historyFile ?? null,
      },
      null,
      2,
    ) + '\n'
  );
}

export async function submit(args: string[], io: SubmitIo): Promise<number> {
  const opts = parseOptions(args, io);
  const display = path.relative(io.cwd, opts.file) || opts.file;
  const state: UiState = { presented: false, said: new Set() };
  const notSent = (reason: string): number => {
    if (opts.format === 'json')
      io.stdout.write(JSON.stringify({ outcome: 'not-sent', message: reason }, null, 2) + '\n');
    else if (!state.said.has(reason)) io.stderr.write(`cert-order: ${reason}\n`);
    return SUBMIT_EXIT.notSent;
  };
  let text: string;
  try {
    text = (await readBounded(opts.file)).toString('utf8');
  } catch (err) {
    io.stderr.write(`cert-order: cannot read ${display}: ${(err as Error).message}\n`);
    return SUBMIT_EXIT.usage;
  }

  const resolver = new CredentialResolver({
    store: NO_SECRET_STORE,
    env: io.env,
    settings: () => opts.settings,
  });
  // Before any question: typing the certificate's name for an order that cannot be sent helps no one.
  const read = readOrder(text);
  if (read.ok) {
    const missing = await missingCredential(resolver, read.order, opts.environment);
    if (missing) return notSent(`${display} was not sent: ${missing}`);
  }

  const checker = createChecker(await findRoot(io.cwd));
  let checked: CheckedFile | undefined;
  const fieldErrors: string[] = [];
  // `file:` CSRs are sent only from inside the current folder (the workspace of a pipeline), or
  // from the order's own folder when the order is outside it.
  const root = isInsideFolder(opts.file, io.cwd) ? io.cwd : undefined;
  const history = new HistoryStore({
    directoryFor: () => opts.historyDir,
    directories: () => [opts.historyDir],
  });
  const http = opts.settings.http;
  const deps: SubmissionDeps = {
    settings: () => opts.settings,
    send: createSender({
      connectTimeoutMs: http.connectTimeoutMs,
      responseTimeoutMs: http.responseTimeoutMs,
      totalTimeoutMs: http.totalTimeoutMs,
      maxResponseBytes: http.maxResponseBytes,
    }),
    now: () => Date.now(),
    ui: terminalUi(io, opts, state),
    credentials: resolver,
    history,
    present: () => {
      state.presented = true;
    },
    fieldDiagnostics: {
      set: (_file, _text, api, errors: FieldError[]) =>
        fieldErrors.push(...errors.map((e) => `field ${e.field}: ${api.title}: ${e.message}`)),
      clear: () => undefined,
    },
    errorDiagnostics: () => [],
    async validateText(file, orderText) {
      checked = await checker.checkOrderText(display, file, orderText);
      return checked.diagnostics;
    },
    readFile: (file, folder) => readCsrFileInside(file, folder, MAX_CSR_FILE_BYTES),
    endpointSource: () => '--endpoint',
    endpointSetByWorkspace: () => false,
    // Asked about only for an endpoint a workspace's settings chose: never here.
    approvedEndpoints: { has: () => false, remember: () => undefined },
    workspaceFolder: () => root,
    log: () => undefined,
    inFlight: new InFlightRegistry(),
    userAgent: `cert-order/${version} (Node ${process.version})`,
  };

  const result = await submitOrder(deps, { orderFile: opts.file, text, environment: opts.environment });
  if (result.status !== 'sent') {
    // The order's errors stopped it: the same list as `cert-order check` gives.
    const errors = checked?.diagnostics.filter((d) => d.severity === 1).length ?? 0;
    if (checked && errors > 0) {
      io.stderr.write(formatText({ files: [checked], errors: [] }, false));
      state.said.add(result.reason);
      if (opts.format === 'text')
        io.stderr.write(
          `cert-order: ${display} was not sent: it has ${errors} error${errors === 1 ? '' : 's'} (above).\n`,
        );
    }
    return notSent(result.reason);
  }
  const { record, historyFile } = result;
  io.stdout.write(
    opts.format === 'json' ? answerJson(record, historyFile) : answerText(record, historyFile, fieldErrors),
  );
  return OUTCOME_EXIT[outcomeOf(record)];
}
