import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';
import { registerSubmission } from './commands';
import { HOVER_COMMANDS } from '../../common/src/lsp/commands';
import { WorkspaceTrustedNotification } from '../../common/src/lsp/requests';
import { registerCopyText } from './commands/copyText';
import { registerDecodeCsr } from './commands/decodeCsr';
import { registerNewOrder } from './commands/newOrder';

let client: LanguageClient | undefined;

const WALKTHROUGH = 'gettingStarted';
const WALKTHROUGH_SHOWN = 'certOrder.walkthroughShown';
const OPEN_ON_INSTALL = 'workbench.welcomePage.walkthroughs.openOnInstall';

/**
 * The getting-started walkthrough, once per user profile, on the first activation: VS Code opens
 * a new extension's walkthrough itself only when it is installed in a running window, not one
 * installed before the window starts (`npm start`, a VSIX installed from the command line). Not
 * when the user turned that opening off (OPEN_ON_INSTALL, as the browser tests do), nor in tests.
 */
async function openWalkthroughOnFirstStart(context: vscode.ExtensionContext): Promise<void> {
  if (context.globalState.get<boolean>(WALKTHROUGH_SHOWN)) return;
  if (context.extensionMode === vscode.ExtensionMode.Test) return;
  if (vscode.workspace.getConfiguration().get<boolean>(OPEN_ON_INSTALL) === false) return;
  await context.globalState.update(WALKTHROUGH_SHOWN, true);
  await vscode.commands.executeCommand(
    'workbench.action.openWalkthrough',
    `${context.extension.id}#${WALKTHROUGH}`,
    false,
  );
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  // Submission first: its commands work even if the language server fails to start.
  registerSubmission(context, () => client);
  registerDecodeCsr(context, () => client);
  registerNewOrder(context);
  void openWalkthroughOnFirstStart(context);
  registerCopyText(context);
  const module = context.asAbsolutePath(path.join('server', 'out', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'cert-order' }, { language: 'cert-csr' }],
    // The CSR hover links to "Open full decode" and "Copy SHA-256": trusted for those commands
    // only, so a command link written into an order or a CSR runs nothing else.
    markdown: { isTrusted: { enabledCommands: [...HOVER_COMMANDS] } },
    // The server reads `file:` references of an order outside every workspace folder (in the
    // order's own folder) only in a trusted workspace (server/src/workspace.ts).
    initializationOptions: { workspaceTrusted: vscode.workspace.isTrusted },
  };
  client = new LanguageClient('certOrder', 'Certificate Orders', serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(
      () =>
        void client?.sendNotification(WorkspaceTrustedNotification, { trusted: true }).catch(() => undefined),
    ),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
