// The extension's submission side: which command is which, and the objects they share (panel,
// history, in-flight guard, CA-answer diagnostics). Each command is its own module under
// commands/; the submission's logic is in submission/flow.ts and common/src/protocol.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { InFlightRegistry } from '../../common/src/protocol';
import { OrderCodeLensProvider } from './codeLens';
import { copyDnsRecordCommand, createDcvFileCommand, DCV_COMMANDS } from './commands/dcv';
import { clearCredentialsCommand, setCredentialsCommand } from './commands/credentials';
import { showHistoryCommand } from './commands/history';
import { settingsFor } from './commands/settings';
import { submitCommand, type SubmitShared } from './commands/submit';
import { historyLocation } from './history/location';
import { HistoryStore } from './history/store';
import { SubmissionPanel } from './panel/panel';
import { CaAnswerDiagnostics } from './submission/fieldDiagnostics';
import { validateWithServer } from './submission/serverValidation';
import { vscodeSubmissionUi } from './submission/vscodeUi';
import { createStatusBar, LANGUAGE_ID } from './statusBar';

export type { SubmitCommandOptions, SubmitCommandResult } from './commands/submit';

export const COMMANDS = {
  submitToDemo: 'certOrder.submitToDemo',
  submitToProduction: 'certOrder.submitToProduction',
  setCredentials: 'certOrder.setCredentials',
  clearCredentials: 'certOrder.clearCredentials',
  showHistory: 'certOrder.showHistory',
  showActions: 'certOrder.showActions',
  ...DCV_COMMANDS,
  createKeyAndCsr: 'certOrder.createKeyAndCsr',
} as const;

async function showActions(): Promise<void> {
  const uri = vscode.window.activeTextEditor?.document.uri;
  const actions = [
    { label: '$(beaker) Submit Order to Demo', command: COMMANDS.submitToDemo, args: [uri] },
    { label: '$(rocket) Submit Order to Production…', command: COMMANDS.submitToProduction, args: [uri] },
    { label: '$(key) Create Key and CSR for This Order…', command: COMMANDS.createKeyAndCsr, args: [uri] },
    { label: '$(history) Show Order History', command: COMMANDS.showHistory, args: [] },
    { label: '$(file-add) Create DCV File…', command: COMMANDS.createDcvFile, args: [uri] },
    { label: '$(clippy) Copy DNS Record', command: COMMANDS.copyDnsRecord, args: [uri] },
    { label: '$(key) Set Credentials', command: COMMANDS.setCredentials, args: [] },
  ];
  const picked = await vscode.window.showQuickPick(actions, { title: 'Certificate order' });
  if (picked) await vscode.commands.executeCommand(picked.command, ...picked.args);
}

/**
 * `client` is read when a submission runs (the server may still be starting). Returns the history
 * and the panel, which the Orders view shares.
 */
export function registerSubmission(
  context: vscode.ExtensionContext,
  client: () => LanguageClient | undefined,
): { history: HistoryStore; panel: SubmissionPanel } {
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
  const dcvShared = { panelRecord: () => panel.current(), records: () => history.list() };
  const shared: SubmitShared = {
    ui: vscodeSubmissionUi(),
    history: { list: () => history.list(), write: (record, file) => history.write(record, file) },
    present: (record) => panel.show(record),
    fieldDiagnostics: caDiagnostics,
    validateText: validateWithServer(client),
    log: (line) => output.appendLine(line),
    inFlight: new InFlightRegistry(),
  };

  const lenses = new OrderCodeLensProvider();
  context.subscriptions.push(
    output,
    panel,
    caDiagnostics,
    createStatusBar(),
    lenses,
    vscode.languages.registerCodeLensProvider({ language: LANGUAGE_ID }, lenses),
    vscode.commands.registerCommand(COMMANDS.submitToDemo, submitCommand(context, shared, 'demo')),
    vscode.commands.registerCommand(
      COMMANDS.submitToProduction,
      submitCommand(context, shared, 'production'),
    ),
    vscode.commands.registerCommand(COMMANDS.setCredentials, setCredentialsCommand(context.secrets)),
    vscode.commands.registerCommand(COMMANDS.clearCredentials, clearCredentialsCommand(context.secrets)),
    vscode.commands.registerCommand(COMMANDS.showHistory, showHistoryCommand(history, panel)),
    vscode.commands.registerCommand(COMMANDS.showActions, showActions),
    vscode.commands.registerCommand(COMMANDS.createDcvFile, createDcvFileCommand(context, dcvShared)),
    vscode.commands.registerCommand(COMMANDS.copyDnsRecord, copyDnsRecordCommand(dcvShared)),
  );
  return { history, panel };
}
