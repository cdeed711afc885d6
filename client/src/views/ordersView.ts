// The Orders view's VS Code side: finds the workspace's order files, reads each once (and again
// when it or the `file:` CSR it names changes on disk), lists the history once (and again only when its folders change), then
// follows the changes one at a time: a file created, changed, deleted or renamed (a watcher on
// *.order.json), a record written (the history store's event), problem counts (diagnostics).
// What is shown is ordersModel.ts and ordersItems.ts.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { HistoryStore } from '../history/store';
import { readOrderFacts } from './orderFacts';
import { itemView } from './ordersItems';
import { OrdersModel, type OrdersNode, type ProblemCounts } from './ordersModel';

const ORDER_GLOB = '**/*.order.json';
/** The CSR files the language server watches too: an order's CN is its `file:` CSR's. */
const CSR_GLOB = '**/*.{csr,pem,der}';
/** The folders the language server does not search either, so the view lists what Problems lists. */
const EXCLUDED = '{**/node_modules/**,**/.git/**}';
/** Files read at once on the first scan. */
const READS_AT_ONCE = 8;

function problemsOf(uri: vscode.Uri): ProblemCounts {
  let errors = 0;
  let warnings = 0;
  for (const d of vscode.languages.getDiagnostics(uri)) {
    if (d.severity === vscode.DiagnosticSeverity.Error) errors++;
    else if (d.severity === vscode.DiagnosticSeverity.Warning) warnings++;
  }
  return { errors, warnings };
}

export class OrdersTreeProvider implements vscode.TreeDataProvider<OrdersNode>, vscode.Disposable {
  readonly model = new OrdersModel();
  private readonly changed = new vscode.EventEmitter<OrdersNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [];
  private loading: Promise<void>;
  private refreshTimer: NodeJS.Timeout | undefined;
  /** The latest read of each order file being read (see readOrder), numbered by readCount. */
  private readonly reads = new Map<string, number>();
  private readCount = 0;

  constructor(private readonly history: HistoryStore) {
    const watcher = vscode.workspace.createFileSystemWatcher(ORDER_GLOB);
    // A created folder is searched: a file written the moment its folder is made can come before
    // the OS watches the folder, and then no event names it (the language server does the same).
    const folders = vscode.workspace.createFileSystemWatcher('**/*', false, true, true);
    // A CSR saved, replaced, created or deleted: the orders that name it are read again.
    const csrs = vscode.workspace.createFileSystemWatcher(CSR_GLOB);
    const csrChanged = (uri: vscode.Uri): void => {
      for (const order of this.model.ordersUsingCsr(uri.fsPath)) void this.readOrder(vscode.Uri.file(order));
    };
    this.subscriptions.push(
      this.changed,
      watcher,
      folders,
      csrs,
      csrs.onDidCreate(csrChanged),
      csrs.onDidChange(csrChanged),
      csrs.onDidDelete(csrChanged),
      folders.onDidCreate((uri) => void this.searchCreated(uri)),
      watcher.onDidCreate((uri) => void this.readOrder(uri)),
      watcher.onDidChange((uri) => void this.readOrder(uri)),
      watcher.onDidDelete((uri) => {
        // A read of it still under way is dropped: it would list the deleted order again.
        this.reads.delete(uri.fsPath);
        if (this.model.removeOrder(uri.fsPath)) this.refresh();
      }),
      history.onDidWrite((written) => this.model.addRecord(written) && this.refresh()),
      vscode.languages.onDidChangeDiagnostics((e) => this.diagnosticsChanged(e.uris)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.reload()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.reloadHistory()),
      vscode.workspace.onDidChangeConfiguration(
        (e) => e.affectsConfiguration('certOrder.history.location') && this.reloadHistory(),
      ),
    );
    this.loading = this.load();
  }

  private async searchCreated(uri: vscode.Uri): Promise<void> {
    try {
      if ((await vscode.workspace.fs.stat(uri)).type !== vscode.FileType.Directory) return;
      const found = await vscode.workspace.findFiles(
        new vscode.RelativePattern(uri, ORDER_GLOB),
        '**/{node_modules,.git}/**',
      );
      for (const file of found) void this.readOrder(file);
    } catch {
      // Gone again: nothing to list.
    }
  }

  /** Resolves when the first scan (or the latest reload) is done: for the tests. */
  ready(): Promise<void> {
    return this.loading;
  }

  getTreeItem(node: OrdersNode): vscode.TreeItem {
    const view = itemView(this.model, node);
    const item = new vscode.TreeItem(
      view.label,
      view.collapsed === undefined
        ? vscode.TreeItemCollapsibleState.None
        : view.collapsed
          ? vscode.TreeItemCollapsibleState.Collapsed
          : vscode.TreeItemCollapsibleState.Expanded,
    );
    item.id = view.id;
    item.description = view.description;
    item.tooltip = view.tooltip;
    item.contextValue = view.contextValue;
    if (view.icon)
      item.iconPath = new vscode.ThemeIcon(
        view.icon.id,
        view.icon.color ? new vscode.ThemeColor(view.icon.color) : undefined,
      );
    if (view.command) item.command = { command: view.command, title: view.label, arguments: [node] };
    return item;
  }

  async getChildren(node?: OrdersNode): Promise<OrdersNode[]> {
    await this.loading;
    return node ? this.model.children(node) : this.model.roots();
  }

  /** Re-reads everything (the view's Refresh, a change of workspace folders). */
  reload(): Promise<void> {
    this.loading = this.load();
    return this.loading;
  }

  private async load(): Promise<void> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    this.model.setFolders(folders.map((f) => ({ name: f.name, path: f.uri.fsPath })));
    const [uris] = await Promise.all([vscode.workspace.findFiles(ORDER_GLOB, EXCLUDED), this.loadHistory()]);
    this.model.clearOrders();
    for (let i = 0; i < uris.length; i += READS_AT_ONCE)
      await Promise.all(uris.slice(i, i + READS_AT_ONCE).map((uri) => this.readOrder(uri, false)));
    this.refresh();
  }

  private async loadHistory(): Promise<void> {
    const { records, files } = await this.history.listAll();
    this.model.setHistory(records, files);
  }

  private reloadHistory(): void {
    this.loading = this.loading.then(() => this.loadHistory()).then(() => this.refresh());
  }

  private async readOrder(uri: vscode.Uri, refresh = true): Promise<void> {
    if (uri.scheme !== 'file') return;
    const root = vscode.workspace.getWorkspaceFolder(uri)?.uri.fsPath ?? path.dirname(uri.fsPath);
    // Events come in bursts (a save as delete and create, the order and its CSR written together):
    // only the latest read of a file is kept, whichever finishes last. The numbers come from one
    // counter, so a read started after an earlier one finished never takes a number still out.
    const read = ++this.readCount;
    this.reads.set(uri.fsPath, read);
    const facts = await readOrderFacts(uri.fsPath, root);
    if (this.reads.get(uri.fsPath) !== read) return;
    this.reads.delete(uri.fsPath);
    this.model.setOrder(uri.fsPath, facts, problemsOf(uri));
    if (refresh) this.refresh();
  }

  private diagnosticsChanged(uris: readonly vscode.Uri[]): void {
    let any = false;
    for (const uri of uris) if (this.model.setProblems(uri.fsPath, problemsOf(uri))) any = true;
    if (any) this.refresh();
  }

  /** Changes that come together (a scan's diagnostics, a rename's delete and create) are one refresh. */
  private refresh(): void {
    if (this.refreshTimer) return;
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      this.changed.fire(undefined);
    }, 50);
  }

  dispose(): void {
    clearTimeout(this.refreshTimer);
    for (const s of this.subscriptions) s.dispose();
  }
}
