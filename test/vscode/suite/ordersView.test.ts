// The Orders view read through its provider (the extension's activate() returns it), as VS Code
// reads it: the example orders with their API, summary and problem counts; an order's CN following
// its file: CSR; an order file created, submitted to the sandbox (placed, and "may have been
// placed" through the sandbox's reset fault), renamed and deleted; the submission's actions
// (panel, order number, history file, as sent); and every command the view's menus name is
// registered.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  EXTENSION_ID,
  closeAllEditors,
  demoUrlsToUserSettings,
  exampleUri,
  waitFor,
  workspaceFolder,
  type SubmitCommandResult,
} from './helpers';

/** The provider's surface the suite reads (client/src/views/ordersView.ts). */
interface OrdersProvider {
  ready(): Promise<void>;
  getChildren(node?: unknown): Promise<unknown[]>;
  getTreeItem(node: unknown): vscode.TreeItem;
}

const VIEW = 'certOrder.orders';
const label = (item: vscode.TreeItem) =>
  typeof item.label === 'string' ? item.label : (item.label?.label ?? '');

async function provider(): Promise<OrdersProvider> {
  const ext = vscode.extensions.getExtension<{ ordersView: OrdersProvider }>(EXTENSION_ID);
  assert.ok(ext);
  const api = await ext.activate();
  assert.ok(api?.ordersView, 'activate() returns the Orders view provider');
  await api.ordersView.ready();
  return api.ordersView;
}

/** The top-level nodes and their items (the suite's workspace has one folder: its orders). */
async function roots(p: OrdersProvider): Promise<{ node: unknown; item: vscode.TreeItem }[]> {
  return (await p.getChildren()).map((node) => ({ node, item: p.getTreeItem(node) }));
}

async function children(
  p: OrdersProvider,
  node: unknown,
): Promise<{ node: unknown; item: vscode.TreeItem }[]> {
  return (await p.getChildren(node)).map((n) => ({ node: n, item: p.getTreeItem(n) }));
}

async function findOrder(p: OrdersProvider, name: string) {
  return (await roots(p)).find((r) => label(r.item) === name);
}

suite('Orders view', function () {
  let p: OrdersProvider;
  suiteSetup(async () => {
    p = await provider();
  });
  suiteTeardown(closeAllEditors);

  test('every example order, with its API, one-line summary (CN of its file: CSR) and problem counts', async () => {
    const items = (await roots(p)).map((r) => r.item);
    for (const name of [
      'comodo-autoapplyssl.order.json',
      'comodo-inline-csr.order.json',
      'ssl2buy-sectigo-pac-enterprise.order.json',
    ])
      assert.ok(
        items.some((i) => label(i) === name),
        `${name} in ${items.map(label).join(', ')}`,
      );
    const comodo = items.find((i) => label(i) === 'comodo-autoapplyssl.order.json')!;
    assert.match(
      String(comodo.description),
      /Comodo !AutoApplySSL · InstantSSL \(24\), TrustLogo \(36\) · 1 year · www\.example\.com/,
    );
    assert.match(comodo.contextValue ?? '', /^order\b/);
    assert.equal(comodo.command?.command, 'certOrder.orders.open');

    // The counts are the Problems panel's, whenever the language server has published them.
    const mistakes = exampleUri('comodo-mistakes.order.json');
    await waitFor(async () => {
      const errors = vscode.languages
        .getDiagnostics(mistakes)
        .filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
      const item = (await findOrder(p, 'comodo-mistakes.order.json'))?.item;
      return errors > 0 && new RegExp(`\\b${errors} errors?\\b`).test(String(item?.description));
    }, "comodo-mistakes' error count in its description");
  });

  test('every command the view menus name is registered, and hidden from the palette', async () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as {
      contributes: {
        menus: Record<string, { command: string; when?: string }[]>;
        views: Record<string, { id: string }[]>;
        viewsWelcome: { view: string; contents: string }[];
      };
    };
    const { menus } = manifest.contributes;
    const named = [...menus['view/item/context']!, ...menus['view/title']!].map((m) => m.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const command of named) assert.ok(registered.has(command), `${command} is registered`);
    const welcome = manifest.contributes.viewsWelcome.find((w) => w.view === VIEW)?.contents ?? '';
    for (const [, command] of welcome.matchAll(/\(command:([\w.]+)\)/g))
      assert.ok(registered.has(command!), `welcome button ${command} is registered`);
    assert.ok(
      Object.values(manifest.contributes.views)
        .flat()
        .some((v) => v.id === VIEW),
    );
    // The node commands need a node: the palette would run them on nothing.
    const hidden = new Set(menus.commandPalette!.filter((m) => m.when === 'false').map((m) => m.command));
    for (const command of new Set(menus['view/item/context']!.map((m) => m.command)))
      assert.ok(hidden.has(command), `${command} is hidden from the palette`);
  });

  test("an order's CN follows its file: CSR when only the CSR changes on disk", async () => {
    const dir = vscode.Uri.joinPath(workspaceFolder(), 'view-csr');
    const csr = vscode.Uri.joinPath(dir, 'req.csr');
    const order = vscode.Uri.joinPath(dir, 'shop.order.json');
    const name = path.join('view-csr', 'shop.order.json');
    const example = (file: string) => readFileSync(exampleUri(file).fsPath);
    try {
      await vscode.workspace.fs.writeFile(csr, example('www.example.com.csr'));
      const text = example('comodo-autoapplyssl.order.json').toString('utf8');
      await vscode.workspace.fs.writeFile(
        order,
        Buffer.from(text.replace('"file:www.example.com.csr"', '"file:req.csr"')),
      );
      await waitFor(async () => {
        const found = await findOrder(p, name);
        return found && / · www\.example\.com\b/.test(String(found.item.description));
      }, `${name} with the CN of req.csr`);
      // The order is left as it is; only the CSR it names is replaced.
      await vscode.workspace.fs.writeFile(csr, example('wildcard.example.com.csr'));
      const found = await waitFor(async () => {
        const o = await findOrder(p, name);
        return o && / · \*\.example\.com\b/.test(String(o.item.description)) ? o : undefined;
      }, `${name} with the new CN of req.csr`);
      assert.doesNotMatch(String(found.item.description), /www\.example\.com/);
    } finally {
      await vscode.workspace.fs
        .delete(dir, { recursive: true, useTrash: false })
        .then(undefined, () => undefined);
    }
  });

  test("Decode CSR on an order opens its CSR's report", async () => {
    const node = (await findOrder(p, 'comodo-inline-csr.order.json'))!.node;
    const result = await vscode.commands.executeCommand<{ ok: boolean; commonName?: string }>(
      'certOrder.orders.decodeCsr',
      node,
    );
    assert.equal(result?.ok, true, JSON.stringify(result));
    assert.equal(result?.commonName, 'www.example.com');
  });
});

suite('Orders view: an order created, submitted, renamed and deleted', function () {
  let p: OrdersProvider;
  let restore: (() => Promise<void>) | undefined;
  const dir = () => vscode.Uri.joinPath(workspaceFolder(), 'view-scratch');
  const first = () => vscode.Uri.joinPath(dir(), 'shop.order.json');
  const renamed = () => vscode.Uri.joinPath(dir(), 'shop-renamed.order.json');
  const name = (uri: vscode.Uri) => path.join('view-scratch', path.basename(uri.fsPath));

  suiteSetup(async function () {
    if (!process.env.CERT_ORDER_VSCODE_SANDBOX) this.skip();
    p = await provider();
    restore = await demoUrlsToUserSettings();
  });
  suiteTeardown(async () => {
    await restore?.();
    await vscode.workspace.fs
      .delete(dir(), { recursive: true, useTrash: false })
      .then(undefined, () => undefined);
    await closeAllEditors();
  });

  test('a new order file appears with its summary and no submissions', async () => {
    const text = readFileSync(exampleUri('comodo-inline-csr.order.json').fsPath);
    await vscode.workspace.fs.writeFile(first(), text);
    const found = await waitFor(() => findOrder(p, name(first())), `${name(first())} in the view`);
    assert.match(String(found.item.description), /PremiumSSL \(7\) · 365 days · www\.example\.com/);
    assert.equal(found.item.collapsibleState, vscode.TreeItemCollapsibleState.None);
    assert.equal(found.item.contextValue, 'order');
  });

  let placed: SubmitCommandResult;
  test("submitted to the sandbox from the view: the submission under the order, placed, with the panel's actions", async () => {
    const order = (await findOrder(p, name(first())))!;
    placed = (await vscode.commands.executeCommand<SubmitCommandResult>(
      'certOrder.orders.submitToDemo',
      order.node,
      {
        interactive: false,
      },
    ))!;
    assert.equal(placed.status, 'sent', placed.reason ?? JSON.stringify(placed));
    assert.equal(placed.outcome, 'success');
    assert.ok(placed.orderNumber);
    const sub = await waitFor(async () => {
      const o = await findOrder(p, name(first()));
      return o && (await children(p, o.node))[0];
    }, 'the submission under the order');
    assert.match(String(sub.item.label), /^demo · \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/);
    assert.equal(sub.item.description, `placed, order ${placed.orderNumber}`);
    assert.equal(sub.item.contextValue, 'submission numbered on-disk');
    assert.equal(sub.item.command?.command, 'certOrder.orders.showSubmission');

    assert.equal(
      await vscode.commands.executeCommand('certOrder.orders.showSubmission', sub.node),
      placed.recordId,
    );
    await waitFor(
      () =>
        vscode.window.tabGroups.all
          .flatMap((g) => g.tabs)
          .some((t) => t.input instanceof vscode.TabInputWebview && t.label.includes(placed.orderNumber!)),
      'the panel titled with the order number',
    );
    await vscode.commands.executeCommand('certOrder.orders.copyOrderNumber', sub.node);
    assert.equal(await vscode.env.clipboard.readText(), placed.orderNumber);

    await vscode.commands.executeCommand('certOrder.orders.openHistoryFile', sub.node);
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, placed.historyFile);

    await vscode.commands.executeCommand('certOrder.orders.openAsSent', sub.node);
    const sent = vscode.window.activeTextEditor?.document;
    assert.equal(sent?.uri.scheme, 'cert-order-sent');
    const fields = JSON.parse(sent!.getText()) as Record<string, string>;
    assert.equal(fields.product, '7');
    const secret = process.env.CERT_ORDER_COMODO_LOGIN_PASSWORD!;
    assert.ok(!sent!.getText().includes(secret), 'the secret is not in the order as sent');
    assert.ok(fields.loginPassword && fields.loginPassword !== secret, 'the password is masked');
    // A content provider's document: the editor opens it read-only, and closing it asks nothing.
    assert.equal(sent!.isUntitled, false);
    assert.equal(sent!.isDirty, false);
    assert.match(
      sent!.uri.path,
      /^\/shop\.order\.json \(sent to demo \d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\)\.json$/,
    );
  });

  test('an answer lost after sending: the order gets the warning, its newest submission says may have been placed', async () => {
    const config = vscode.workspace.getConfiguration('certOrder');
    const sandbox = config.inspect<string>('comodo.demoUrl')?.globalValue ?? '';
    const url = new URL(sandbox);
    url.pathname = `/__fault/reset${url.pathname}`;
    await config.update('comodo.demoUrl', url.toString(), vscode.ConfigurationTarget.Global);
    try {
      const order = (await findOrder(p, name(first())))!;
      const result = await vscode.commands.executeCommand<SubmitCommandResult>(
        'certOrder.orders.submitToDemo',
        order.node,
        {
          interactive: false,
        },
      );
      assert.equal(result?.outcome, 'maybe-placed', JSON.stringify(result));
    } finally {
      await config.update('comodo.demoUrl', sandbox, vscode.ConfigurationTarget.Global);
    }
    const order = await waitFor(async () => {
      const o = await findOrder(p, name(first()));
      return o && /maybe-placed/.test(o.item.contextValue ?? '') ? o : undefined;
    }, 'the order marked maybe-placed');
    const icon = order.item.iconPath as vscode.ThemeIcon;
    assert.equal(icon.id, 'warning');
    assert.equal(icon.color?.id, 'list.warningForeground');
    assert.match(String(order.item.description), /^last submission may have been placed/);
    const subs = await children(p, order.node);
    assert.equal(subs.length, 2);
    assert.match(String(subs[0]!.item.description), /^may have been placed/);
    assert.equal(subs[1]!.item.description, `placed, order ${placed.orderNumber}`);
  });

  test('renamed: the new name has no submissions, the old ones are under "Other submissions"', async () => {
    await vscode.workspace.fs.rename(first(), renamed());
    const moved = await waitFor(async () => {
      const all = await roots(p);
      const gone = !all.some((r) => label(r.item) === name(first()));
      return gone ? all.find((r) => label(r.item) === name(renamed())) : undefined;
    }, 'the renamed order, the old name gone');
    assert.equal(moved.item.collapsibleState, vscode.TreeItemCollapsibleState.None);
    const other = (await roots(p)).find((r) => label(r.item) === 'Other submissions');
    assert.ok(other, 'an "Other submissions" node');
    assert.equal(other.item.contextValue, 'other');
    const subs = await children(p, other.node);
    const ours = subs.filter((s) => String(s.item.description).startsWith('shop.order.json · '));
    assert.equal(ours.length, 2, subs.map((s) => s.item.description).join('\n'));
  });

  test('deleted: the order leaves the view', async () => {
    await vscode.workspace.fs.delete(renamed(), { useTrash: false });
    await waitFor(
      async () => !(await roots(p)).some((r) => label(r.item) === name(renamed())),
      'the deleted order gone from the view',
    );
  });
});
