// Starting an order: "New Order..." creates the file with a whole order of the chosen API, and in an
// empty order file the suggest widget offers the same whole orders (and only there).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openScratch, waitFor, waitForDiagnostics, workspaceFolder } from './helpers';

const NEW_ORDER = 'certOrder.newOrder';

suite('New orders', () => {
  suiteTeardown(closeAllEditors);

  for (const api of ['comodo-autoapplyssl', 'ssl2buy-sectigo-pac-enterprise']) {
    test(`New Order... creates ${api} order file in the folder, every required field present`, async () => {
      const folder = vscode.Uri.joinPath(workspaceFolder(), 'scratch');
      await vscode.workspace.fs.createDirectory(folder);
      const name = `new-${api}-${Date.now()}`;
      const uri = await vscode.commands.executeCommand<vscode.Uri>(NEW_ORDER, { api, name, folder });
      assert.ok(uri, 'the command returns the new file');
      assert.equal(uri.path, vscode.Uri.joinPath(folder, `${name}.order.json`).path);
      const editor = await waitFor(
        () => vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString()),
        'the new order in an editor',
      );
      const order = JSON.parse(editor.document.getText()) as Record<string, unknown>;
      assert.equal(order.$api, api);
      assert.equal(editor.document.languageId, 'cert-order');
      // Placeholders to fill in: the one error is the CSR file the placeholder names, not written yet.
      const diagnostics = await waitForDiagnostics(uri);
      const csrFile = /"file:([^"]+)"/.exec(editor.document.getText())?.[1];
      assert.ok(csrFile, 'the new order references a CSR file');
      for (const d of diagnostics.filter((x) => x.severity === vscode.DiagnosticSeverity.Error))
        assert.ok(d.message.includes(csrFile), `${String(d.code)}: ${d.message}`);
      // A second file of the same name is refused, the first is kept.
      const again = await vscode.commands.executeCommand<vscode.Uri | undefined>(NEW_ORDER, {
        api,
        name,
        folder,
      });
      assert.equal(again, undefined);
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.workspace.fs.delete(uri);
    });
  }

  test("an empty order file suggests a whole order of each API; an order's key list does not", async () => {
    const editor = await openScratch('empty.order.json', '');
    const labels = await waitFor(async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        editor.document.uri,
        new vscode.Position(0, 0),
      );
      const found = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      return found.includes('order-comodo') && found;
    }, 'a whole Comodo order among the suggestions of an empty order');
    assert.ok(labels.includes('order-ssl2buy'), labels.join(', '));
    const full = await openScratch('full.order.json', '{\n  "$api": "comodo-autoapplyssl",\n  \n}\n');
    const inOrder = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      full.document.uri,
      new vscode.Position(2, 2),
    );
    const keys = inOrder.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(keys.includes('product'), keys.join(', '));
    assert.ok(!keys.some((k) => k.startsWith('order-')), keys.join(', '));
  });
});
