// The extension's submission side: commands, status bar, code lens, panel, history, credentials.
// Thin wiring; the logic is in submission/flow.ts and common/src/protocol.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { catalogues, type ApiCatalogue } from '../../common/src/catalogue';
import {
  InFlightRegistry,
  MAX_CSR_FILE_BYTES,
  credentialField,
  endpointSettingKey,
  orderNumberOf,
  outcomeOf,
  outcomeText,
  secretStorageKey,
  type Environment,
  type SubmissionRecord,
} from '../../common/src/protocol';
import { readSubmissionSettings, type SubmissionSettings } from '../../common/src/settings';
import { OrderCodeLensProvider } from './codeLens';
import { historyLocation } from './history/location';
import { HistoryStore } from './history/store';
import { createSender } from './http/send';
import { SubmissionPanel } from './panel/panel';
import { clearCredentials, CredentialResolver, storeCredentials } from './secrets/provider';
import { CA_ANSWER_SOURCE, CaAnswerDiagnostics } from './submission/fieldDiagnostics';
import { submitOrder, type SubmitResult } from './submission/flow';
import { readCsrFileInside } from './submission/localFile';
import { validateWithServer } from './submission/serverValidation';
import { vscodeSubmissionUi } from './submission/vscodeUi';
import { createStatusBar, LANGUAGE_ID } from './statusBar';

export const COMMANDS = {
  submitToDemo: 'certOrder.submitToDemo',
  submitToProduction: 'certOrder.submitToProduction',
  setCredentials: 'certOrder.setCredentials',
  clearCredentials: 'certOrder.clearCredentials',
  showHistory: 'certOrder.showHistory',
  showActions: 'certOrder.showActions',
} as const;

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

function settingsFor(resource: vscode.Uri | undefined): SubmissionSettings {
  return readSubmissionSettings((key) => vscode.workspace.getConfiguration(undefined, resource).get(key));
}

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

async function orderDocument(arg: unknown): Promise<vscode.TextDocument | undefined> {
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

/** `client` is read when a submission runs (the server may still be starting). */
export function registerSubmission(
  context: vscode.ExtensionContext,
  client: () => LanguageClient | undefined,
): void {
  const output = vscode.window.createOutputChannel('Certificate Orders: Submissions');
  const panel = new SubmissionPanel();
  const caDiagnostics = new CaAnswerDiagnostics();
  const history = new HistoryStore(
    historyLocation(
      context,
      () => settingsFor(undefined),
      () => vscode.workspace.isTrusted,
    ),
  );
  const inFlight = new InFlightRegistry();
  const validateText = validateWithServer(client);
  const ui = vscodeSubmissionUi();

  const submit = async (
    environment: Environment,
    arg: unknown,
    options: unknown,
  ): Promise<SubmitCommandResult> => {
    const doc = await orderDocument(arg);
    if (!doc) {
      const reason = 'Open a certificate order (*.order.json) to submit it.';
      void vscode.window.showErrorMessage(reason);
      return { status: 'refused', reason };
    }
    if (doc.isDirty) await doc.save();
    const interactive = (options as SubmitCommandOptions | undefined)?.interactive !== false;
    const settings = (): SubmissionSettings => settingsFor(doc.uri);
    const http = vscode.workspace.getConfiguration('http', doc.uri);
    const proxyUrl = http.get<string>('proxy') ?? '';
    const current = settings();
    const send = createSender({
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
    const credentials = new CredentialResolver({
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
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: `Certificate order: sending to ${environment}` },
      () =>
        submitOrder(
          {
            settings,
            send,
            now: () => Date.now(),
            ui,
            credentials,
            history: { list: () => history.list(), write: (record, file) => history.write(record, file) },
            present: (record) => panel.show(record),
            fieldDiagnostics: caDiagnostics,
            errorDiagnostics: (file) =>
              vscode.languages
                .getDiagnostics(vscode.Uri.file(file))
                .filter(
                  (d) => d.severity === vscode.DiagnosticSeverity.Error && d.source !== CA_ANSWER_SOURCE,
                )
                .map((d) => d.message),
            validateText,
            readFile: (file, root) => readCsrFileInside(file, root, MAX_CSR_FILE_BYTES),
            endpointSetByWorkspace: (file, api, environment) =>
              endpointSetByWorkspace(vscode.Uri.file(file), endpointSettingKey(api, environment)),
            workspaceFolder: (file) => vscode.workspace.getWorkspaceFolder(vscode.Uri.file(file))?.uri.fsPath,
            log: (line) => output.appendLine(line),
            inFlight,
            userAgent: userAgent(context),
          },
          { orderFile: doc.uri.fsPath, text: doc.getText(), environment },
        ),
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

  const showHistory = async (recordId?: unknown): Promise<SubmissionRecord | undefined> => {
    const { records, skipped } = await history.listAll();
    if (typeof recordId === 'string') {
      const record = records.find((r) => r.id === recordId);
      if (record) panel.show(record);
      return record;
    }
    if (records.length === 0) {
      void vscode.window.showInformationMessage(
        skipped.length > 0
          ? `No readable submissions (${skipped.length} files could not be read).`
          : 'No submissions yet.',
      );
      return undefined;
    }
    type Item = vscode.QuickPickItem & { record: SubmissionRecord };
    const items: Item[] = records.map((record) => {
      const outcome = outcomeOf(record);
      const number = orderNumberOf(record);
      const icon =
        outcome === 'success'
          ? '$(pass)'
          : outcome === 'error' || outcome === 'not-sent'
            ? '$(error)'
            : '$(warning)';
      return {
        record,
        label: `${icon} ${number ? `${number} · ` : ''}${path.basename(record.orderFile)}`,
        description: `${record.environment} · ${record.apiTitle}`,
        detail: `${record.startedAt} · ${outcomeText(outcome)} · ${record.durationMs} ms`,
      };
    });
    const picked = await vscode.window.showQuickPick(items, {
      title: `Order history${skipped.length > 0 ? ` (${skipped.length} unreadable files skipped)` : ''}`,
      placeHolder: 'Pick a submission to show it in the panel',
      matchOnDescription: true,
      matchOnDetail: true,
    });
    if (picked) panel.show(picked.record);
    return picked?.record;
  };

  const pickApiAndEnvironment = async (
    verb: string,
  ): Promise<{ api: ApiCatalogue; environment: Environment } | undefined> => {
    const api = await vscode.window.showQuickPick(
      catalogues.map((c) => ({ label: c.title, description: c.id, api: c })),
      { title: `${verb} credentials: API` },
    );
    if (!api) return undefined;
    const env = await vscode.window.showQuickPick(
      [
        { label: 'demo', environment: 'demo' as const },
        { label: 'production', environment: 'production' as const },
      ],
      { title: `${verb} credentials: environment` },
    );
    return env ? { api: api.api, environment: env.environment } : undefined;
  };

  const setCredentials = async (): Promise<void> => {
    const picked = await pickApiAndEnvironment('Set');
    if (!picked) return;
    const { api, environment } = picked;
    const userName = credentialField(api, 'user').name;
    const secretName = credentialField(api, 'secret').name;
    const user = await vscode.window.showInputBox({
      title: `${api.title} (${environment})`,
      prompt: userName,
      value: (await context.secrets.get(secretStorageKey(api, 'user', environment))) ?? '',
      ignoreFocusOut: true,
    });
    if (user === undefined) return;
    const secret = await vscode.window.showInputBox({
      title: `${api.title} (${environment})`,
      prompt: `${secretName} (kept in VS Code's secret storage; leave empty to keep the stored one)`,
      password: true,
      ignoreFocusOut: true,
    });
    if (secret === undefined) return;
    await storeCredentials(context.secrets, api, environment, { user, secret });
    void vscode.window.showInformationMessage(`Credentials for ${api.title} (${environment}) saved.`);
  };

  const clear = async (): Promise<void> => {
    const all = 'All APIs and environments';
    const choice = await vscode.window.showQuickPick([all, 'One API and environment…'], {
      title: 'Clear credentials',
    });
    if (!choice) return;
    if (choice === all) {
      for (const api of catalogues)
        for (const environment of ['demo', 'production'] as const)
          await clearCredentials(context.secrets, api, environment);
      void vscode.window.showInformationMessage('All stored certificate-order credentials were cleared.');
      return;
    }
    const picked = await pickApiAndEnvironment('Clear');
    if (!picked) return;
    await clearCredentials(context.secrets, picked.api, picked.environment);
    void vscode.window.showInformationMessage(
      `Credentials for ${picked.api.title} (${picked.environment}) cleared.`,
    );
  };

  const showActions = async (): Promise<void> => {
    const uri = vscode.window.activeTextEditor?.document.uri;
    const actions = [
      { label: '$(beaker) Submit Order to Demo', command: COMMANDS.submitToDemo, args: [uri] },
      { label: '$(rocket) Submit Order to Production…', command: COMMANDS.submitToProduction, args: [uri] },
      { label: '$(history) Show Order History', command: COMMANDS.showHistory, args: [] },
      { label: '$(key) Set Credentials', command: COMMANDS.setCredentials, args: [] },
    ];
    const picked = await vscode.window.showQuickPick(actions, { title: 'Certificate order' });
    if (picked) await vscode.commands.executeCommand(picked.command, ...picked.args);
  };

  context.subscriptions.push(
    output,
    panel,
    caDiagnostics,
    createStatusBar(),
    vscode.languages.registerCodeLensProvider({ language: LANGUAGE_ID }, new OrderCodeLensProvider()),
    vscode.commands.registerCommand(COMMANDS.submitToDemo, (arg?: unknown, options?: unknown) =>
      submit('demo', arg, options),
    ),
    vscode.commands.registerCommand(COMMANDS.submitToProduction, (arg?: unknown, options?: unknown) =>
      submit('production', arg, options),
    ),
    vscode.commands.registerCommand(COMMANDS.setCredentials, setCredentials),
    vscode.commands.registerCommand(COMMANDS.clearCredentials, clear),
    vscode.commands.registerCommand(COMMANDS.showHistory, showHistory),
    vscode.commands.registerCommand(COMMANDS.showActions, showActions),
  );
}
