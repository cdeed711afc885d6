// Code lenses on the order's `$api` line: submit to demo, to production, history; and on a CSR
// field that is missing, empty or names a file that is not there, "Create Key and CSR…".
import * as vscode from 'vscode';
import { API_KEY } from '../../common/src/catalogue';
import { csrField, csrReference, locateField, readOrder, type Order } from '../../common/src/protocol';

/** Whether the order has no CSR yet: no field, an empty one, or a `file:` naming no file. */
async function lacksCsr(document: vscode.TextDocument, order: Order): Promise<boolean> {
  const ref = csrReference(order);
  if (!ref || (ref.inline !== undefined && ref.inline.trim() === '')) return true;
  if (ref.file === undefined) return false;
  if (ref.file === '') return true;
  try {
    await vscode.workspace.fs.stat(vscode.Uri.joinPath(document.uri, '..', ...ref.file.split(/[\\/]/)));
    return false;
  } catch {
    return true;
  }
}

export class OrderCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  // A CSR file that appears or goes changes whether an order lacks its CSR.
  private readonly watcher = vscode.workspace.createFileSystemWatcher('**/*', false, true, false);
  private readonly subscriptions = [
    this.watcher.onDidCreate(() => this.changed.fire()),
    this.watcher.onDidDelete(() => this.changed.fire()),
    vscode.workspace.onDidCreateFiles(() => this.changed.fire()),
    vscode.workspace.onDidDeleteFiles(() => this.changed.fire()),
  ];

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.watcher.dispose();
    this.changed.dispose();
  }

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    const text = document.getText();
    const read = readOrder(text);
    if (!read.ok) return [];
    const span = locateField(text, API_KEY, false);
    const range = new vscode.Range(document.positionAt(span.offset), document.positionAt(span.offset));
    const lenses = [
      new vscode.CodeLens(range, {
        title: 'Submit to Demo',
        command: 'certOrder.submitToDemo',
        arguments: [document.uri],
      }),
      new vscode.CodeLens(range, {
        title: 'Submit to Production…',
        command: 'certOrder.submitToProduction',
        arguments: [document.uri],
      }),
      new vscode.CodeLens(range, { title: 'Order History', command: 'certOrder.showHistory' }),
    ];
    if (document.uri.scheme === 'file' && (await lacksCsr(document, read.order))) {
      const at = locateField(text, csrField(read.order.api).name, read.order.api.caseInsensitiveNames);
      const where = at.found
        ? new vscode.Range(document.positionAt(at.offset), document.positionAt(at.offset))
        : range;
      lenses.push(
        new vscode.CodeLens(where, {
          title: 'Create Key and CSR…',
          command: 'certOrder.createKeyAndCsr',
          arguments: [document.uri],
        }),
      );
    }
    return lenses;
  }
}
