// "Submit Order to Demo/Production": the command's VS Code side (the document, settings, proxy,
// credentials prompt, progress); the order of steps and every check is in submission/flow.ts.
import * as vscode from 'vscode';
import {
  MAX_CSR_FILE_BYTES,
  endpointSettingKey,
  orderNumberOf,
  outcomeOf,
  type Environment,
} from '../../../common/src/protocol';
import { type SubmissionSettings } from '../../../common/src/settings';
import { createSender } from '../http/send';
import { CredentialResolver } from '../secrets/provider';
import { CA_ANSWER_SOURCE } from '../submission/fieldDiagnostics';
import { submitOrder, type SubmissionDeps, type SubmitResult } from '../submission/flow';
import { readCsrFileInside } from '../submission/localFile';
import { LANGUAGE_ID } from '../statusBar';
import { settingsFor } from './settings';

/** Options a caller (a test, a task) may pass after the order's URI. */
export interface SubmitCommandOptions {
  /** false: never prompt; credentials must come from the environment, settings or SecretStorage. */
  interactive?: boolean;
}

/** What the submit commands return (for tests and other extensions). */
export interface SubmitCommandResult {
  status: SubmitResult['status'];
  reason?: string;
  recordId?: string;
  outcome?: string;
  orderNumber?: string;
  historyFile?: string;
}

/** What every submission shares for the extension's lifetime (one panel, one history, one guard). */
export type SubmitShared = Pick<
  SubmissionDeps,
  'ui' | 'history' | 'present' | 'fieldDiagnostics' | 'validateText' | 'log' | 'inFlight'
>;

function userAgent(context: vscode.ExtensionContext): string {
  const version = (context.extension.packageJSON as { version?: string }).version ?? '0';
  return `cert-order-tools/${version} (VS Code ${vscode.version})`;
}

/** Whether the value in effect is the workspace's or the folder's (not the user's or the default). */
function endpointSetByWorkspace(resource: vscode.Uri, key: string): boolean {
  const config = vscode.workspace.getConfiguration(undefined, resource);
  const effective = config.get<string>(key)?.trim();
  const i = config.inspect<string>(key);
  return [i?.workspaceFolderValue, i?.workspaceValue].some(
    (v) => typeof v === 'string' && v.trim() !== '' && v.trim() === effective,
  );
}

/** The order a command was run on: its URI or path argument, else the active editor's. */
export async function orderDocument(arg: unknown): Promise<vscode.TextDocument | undefined> {
  const uri =
    arg instanceof vscode.Uri
      ? arg
      : typeof arg === 'string'
        ? vscode.Uri.file(arg)
        : vscode.window.activeTextEditor?.document.uri;
  if (!uri) return undefined;
  const doc = await vscode.workspace.openTextDocument(uri);
  if (doc.languageId !== LANGUAGE_ID && !doc.fileName.endsWith('.order.json')) return undefined;
  return doc;
}

/** The sender for this order's settings: timeouts, size cap and VS Code's own proxy settings. */
function senderFor(uri: vscode.Uri, current: SubmissionSettings): SubmissionDeps['send'] {
  const http = vscode.workspace.getConfiguration('http', uri);
  const proxyUrl = http.get<string>('proxy') ?? '';
  return createSender({
    connectTimeoutMs: current.http.connectTimeoutMs,
    responseTimeoutMs: current.http.responseTimeoutMs,
    totalTimeoutMs: current.http.totalTimeoutMs,
    maxResponseBytes: current.http.maxResponseBytes,
    ...(proxyUrl
      ? {
          proxy: {
            url: proxyUrl,
            strictSSL: http.get<boolean>('proxyStrictSSL') ?? true,
            noProxy: http.get<string[]>('noProxy') ?? [],
          },
        }
      : {}),
  });
}

function credentialsFor(
  context: vscode.ExtensionContext,
  settings: () => SubmissionSettings,
  interactive: boolean,
): CredentialResolver {
  return new CredentialResolver({
    store: context.secrets,
    env: process.env,
    settings,
    ...(interactive
      ? {
          prompt: (o) =>
            vscode.window.showInputBox({
              title: o.title,
              prompt: o.prompt,
              password: o.password,
              ignoreFocusOut: true,
            }),
        }
      : {}),
    onMissing: (message) => void vscode.window.showErrorMessage(message),
  });
}

/** The key in workspaceState of the loopback endpoint URLs the user allowed for this workspace. */
export const APPROVED_ENDPOINTS_KEY = 'certOrder.approvedLoopbackEndpoints';

/** At most this many are kept (the newest): a workspace cannot grow the state without bound. */
const MAX_APPROVED_ENDPOINTS = 20;

function approvedEndpoints(state: vscode.Memento): SubmissionDeps['approvedEndpoints'] {
  const read = (): string[] => {
    const v = state.get<unknown>(APPROVED_ENDPOINTS_KEY);
    return Array.isArray(v) ? v.filter((u): u is string => typeof u === 'string') : [];
  };
  return {
    has: (url) => read().includes(url),
    remember: async (url) => {
      const kept = [...read().filter((u) => u !== url), url].slice(-MAX_APPROVED_ENDPOINTS);
      await state.update(APPROVED_ENDPOINTS_KEY, kept);
    },
  };
}

/** The submit command for one environment. */
export function submitCommand(
  context: vscode.ExtensionContext,
  shared: SubmitShared,
  environment: Environment,
): (arg?: unknown, options?: unknown) => Promise<SubmitCommandResult> {
  return async (arg, options) => {
    const doc = await orderDocument(arg);
    if (!doc) {
      const reason = 'Open a certificate order (*.order.json) to submit it.';
      void vscode.window.showErrorMessage(reason);
      return { status: 'refused', reason };
    }
    if (doc.isDirty) await doc.save();
    const interactive = (options as SubmitCommandOptions | undefined)?.interactive !== false;
    const settings = (): SubmissionSettings => settingsFor(doc.uri);
    const deps: SubmissionDeps = {
      ...shared,
      // Never prompt: an endpoint question that cannot be asked is a no.
      ui: interactive ? shared.ui : { ...shared.ui, confirmEndpoint: async () => false },
      approvedEndpoints: approvedEndpoints(context.workspaceState),
      settings,
      send: senderFor(doc.uri, settings()),
      now: () => Date.now(),
      credentials: credentialsFor(context, settings, interactive),
      errorDiagnostics: (file) =>
        vscode.languages
          .getDiagnostics(vscode.Uri.file(file))
          .filter((d) => d.severity === vscode.DiagnosticSeverity.Error && d.source !== CA_ANSWER_SOURCE)
          .map((d) => d.message),
      readFile: (file, root) => readCsrFileInside(file, root, MAX_CSR_FILE_BYTES),
      endpointSetByWorkspace: (file, api, env) =>
        endpointSetByWorkspace(vscode.Uri.file(file), endpointSettingKey(api, env)),
      workspaceFolder: (file) => vscode.workspace.getWorkspaceFolder(vscode.Uri.file(file))?.uri.fsPath,
      userAgent: userAgent(context),
    };
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: `Certificate order: sending to ${environment}` },
      () => submitOrder(deps, { orderFile: doc.uri.fsPath, text: doc.getText(), environment }),
    );
    if (result.status !== 'sent') return { status: result.status, reason: result.reason };
    const orderNumber = orderNumberOf(result.record);
    return {
      status: 'sent',
      recordId: result.record.id,
      outcome: outcomeOf(result.record),
      ...(orderNumber ? { orderNumber } : {}),
      ...(result.historyFile ? { historyFile: result.historyFile } : {}),
    };
  };
}
