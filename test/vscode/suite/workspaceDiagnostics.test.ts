// Every order of the workspace in the Problems panel (issue 10): orders that no editor has opened
// get their diagnostics from the language server's search of the workspace, and a file created or
// deleted on disk is checked or cleared through the client's file watchers.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, exampleUri, waitForDiagnostics } from './helpers';

const codes = (ds: readonly vscode.Diagnostic[]) => ds.map(codeOf).sort();

suite('Workspace diagnostics', () => {
  test('an example no editor opened has its problems in getDiagnostics()', async () => {
    const uri = exampleUri('ssl2buy-mistakes.order.json');
    const diagnostics = await waitForDiagnostics(uri, (d) => codes(d).includes('invalid-email'));
    assert.ok(codes(diagnostics).includes('country-not-iso3166'), codes(diagnostics).join());
  });

  test('an order written to disk is checked without being opened, and cleared when its folder is deleted', async () => {
    const folder = exampleUri('unopened');
    const uri = vscode.Uri.joinPath(folder, 'new.order.json');
    const order = { $api: 'comodo-autoapplyssl', product: '24', years: '1', serverSoftware: 2 };
    // Through VS Code's file service, whose own writes reach the watchers at once (an outside
    // write waits for the OS watcher, which a loaded machine can delay past any timeout).
    await vscode.workspace.fs.writeFile(uri, Buffer.from(JSON.stringify(order, null, 2)));
    const diagnostics = await waitForDiagnostics(uri, (d) => codes(d).includes('wrong-type'));
    assert.ok(
      !vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()),
      'the order was never opened',
    );
    assert.ok(codes(diagnostics).includes('missing-field'), codes(diagnostics).join());
    await vscode.workspace.fs.delete(folder, { recursive: true });
    await waitForDiagnostics(uri, (d) => d.length === 0);
  });
});
