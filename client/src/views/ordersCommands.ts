// The Orders view's commands. On an order they run the extension's own commands with the order's
// URI (submit to demo or production with the same checks and confirmation, decode its CSR, create
// a key and CSR); on a submission they show what the history holds (the panel, the order number,
// the history file, the request as sent). Each takes the node the menu or the click gives.
import * as vscode from 'vscode';
import { DECODE_CSR_COMMAND } from '../../../common/src/lsp/commands';
import { orderNumberOf } from '../../../common/src/protocol';
import { CREATE_KEY_AND_CSR_COMMAND } from '../commands/createKeyAndCsr';
import type { SubmissionPanel } from '../panel/panel';
import { ORDERS_VIEW_COMMANDS as C } from './ordersItems';
import type { HistoryEntry, OrderEntry, OrdersNode } from './ordersModel';
import type { OrdersTreeProvider } from './ordersView';
import { sentOrderName, sentOrderText } from './sentOrder';

/** Read-only documents of requests as sent (a content provider's documents cannot be edited). */
export const SENT_ORDER_SCHEME = 'cert-order-sent';

function orderOf(node: unknown): OrderEntry | undefined {
  const n = node as OrdersNode | undefined;
  return n?.kind === 'order' ? n.order : undefined;
}

function submissionOf(node: unknown): HistoryEntry | undefined {
  const n = node as OrdersNode | undefined;
  return n?.kind === 'submission' ? n.entry : undefined;
}

/** Runs an extension command on the order's URI (and returns what it returns, for the tests). */
function onOrder(command: string) {
  return async (node: unknown, ...rest: unknown[]): Promise<unknown> => {
    const order = orderOf(node);
    if (!order) return undefined;
    return vscode.commands.executeCommand(command, vscode.Uri.file(order.file), ...rest);
  };
}

export function registerOrdersCommands(
  context: vscode.ExtensionContext,
  provider: OrdersTreeProvider,
  panel: SubmissionPanel,
): void {
  const sent: vscode.TextDocumentContentProvider = {
    provideTextDocumentContent(uri) {
      const entry = provider.model.submission(uri.query);
      return entry ? sentOrderText(entry.record) : 'This submission is no longer in the history.';
    },
  };
  const register = (id: string, run: (...args: never[]) => unknown) =>
    vscode.commands.registerCommand(id, run as (...args: unknown[]) => unknown);
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(SENT_ORDER_SCHEME, sent),
    register(C.refresh, () => provider.reload()),
    register(C.open, async (node: unknown) => {
      const order = orderOf(node);
      if (order) await vscode.window.showTextDocument(vscode.Uri.file(order.file), { preview: true });
    }),
    register(C.submitToDemo, onOrder('certOrder.submitToDemo')),
    register(C.submitToProduction, onOrder('certOrder.submitToProduction')),
    // The server decodes the CSR of an order it holds: the order is opened first.
    register(C.decodeCsr, async (node: unknown) => {
      const order = orderOf(node);
      if (!order) return undefined;
      const uri = vscode.Uri.file(order.file);
      await vscode.window.showTextDocument(uri, { preview: true });
      return vscode.commands.executeCommand(DECODE_CSR_COMMAND, uri);
    }),
    register(C.createKeyAndCsr, onOrder(CREATE_KEY_AND_CSR_COMMAND)),
    register(C.showSubmission, (node: unknown) => {
      const entry = submissionOf(node);
      if (entry) panel.show(entry.record);
      return entry?.record.id;
    }),
    register(C.copyOrderNumber, async (node: unknown) => {
      const entry = submissionOf(node);
      const number = entry && orderNumberOf(entry.record);
      if (!number) return undefined;
      await vscode.env.clipboard.writeText(number);
      vscode.window.setStatusBarMessage(`Copied order number ${number}`, 3000);
      return number;
    }),
    register(C.openHistoryFile, async (node: unknown) => {
      const file = submissionOf(node)?.file;
      if (file) await vscode.window.showTextDocument(vscode.Uri.file(file), { preview: true });
      return file;
    }),
    register(C.openAsSent, async (node: unknown) => {
      const entry = submissionOf(node);
      if (!entry) return undefined;
      const uri = vscode.Uri.from({
        scheme: SENT_ORDER_SCHEME,
        path: `/${sentOrderName(entry.record)}.json`,
        query: entry.record.id,
      });
      await vscode.window.showTextDocument(uri, { preview: true });
      return uri;
    }),
    register(C.openReadme, () =>
      vscode.commands.executeCommand(
        'markdown.showPreview',
        vscode.Uri.file(context.asAbsolutePath('README.md')),
      ),
    ),
  );
}
