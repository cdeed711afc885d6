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
import { registerCreateKeyAndCsr } from './commands/createKeyAndCsr';
import { registerDecodeCsr } from './commands/decodeCsr';
import { registerNewOrder } from './commands/newOrder';
import { throwWhenCancelled } from './pullMiddleware';
import { registerOrdersView } from './views/register';
import type { OrdersTreeProvider } from './views/ordersView';

let client: LanguageClient | undefined;

/** What activate() returns: the in-editor tests read the Orders view through its provider. */
export interface CertOrderApi {
  ordersView: OrdersTreeProvider;
}

export async function activate(context: vscode.ExtensionContext): Promise<CertOrderApi> {
  // Submission first: its commands work even if the language server fails to start.
  const { history, panel } = registerSubmission(context, () => client);
  const ordersView = registerOrdersView(context, history, panel);
  registerDecodeCsr(context, () => client);
  registerNewOrder(context);
  registerCopyText(context);
  registerCreateKeyAndCsr(context, () => client);
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
    // Pulled diagnostics: a pull cancelled by the next keystroke is pulled again, not shown empty.
    middleware: { provideDiagnostics: throwWhenCancelled(() => new vscode.CancellationError()) },
  };
  client = new LanguageClient('certOrder', 'Certificate Orders', serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(
      () =>
        void client?.sendNotification(WorkspaceTrustedNotification, { trusted: true }).catch(() => undefined),
    ),
  );
  await client.start();
  return { ordersView };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
