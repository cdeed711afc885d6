// Every order of the workspace in the Problems panel (issue 10): orders that no editor has opened
// get their diagnostics from the language server's search of the workspace, and a file created or
// deleted on disk is checked or cleared through the client's file watchers. VS Code's client pulls
// diagnostics (textDocument/diagnostic for the documents in its tabs, workspace/diagnostic for the
// rest): the last tests follow the cases where the two meet.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, codeOf, exampleUri, waitForDiagnostics } from './helpers';

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

  suite('pulled', () => {
    const folder = () => exampleUri('pulled');
    const file = (name: string) => vscode.Uri.joinPath(folder(), name);
    const write = (uri: vscode.Uri, text: string) => vscode.workspace.fs.writeFile(uri, Buffer.from(text));
    const order = (fields: Record<string, unknown> = {}) =>
      JSON.stringify(
        {
          $api: 'comodo-autoapplyssl',
          loginName: 'example-reseller',
          product: '24,36',
          years: 1,
          serverSoftware: 2,
          csr: 'file:www.csr',
          streetAddress1: '100 Example Avenue',
          localityName: 'Mountain View',
          stateOrProvinceName: 'California',
          postalCode: '94043',
          isCustomerValidated: 'N',
          ...fields,
        },
        null,
        2,
      );
    const GARBAGE = '-----BEGIN CERTIFICATE REQUEST-----\ngarbage\n-----END CERTIFICATE REQUEST-----\n';
    const has = (code: string) => (d: readonly vscode.Diagnostic[]) => codes(d).includes(code);
    const lacks = (code: string) => (d: readonly vscode.Diagnostic[]) => !codes(d).includes(code);

    suiteSetup(async () => {
      const csr = await vscode.workspace.fs.readFile(exampleUri('www.example.com.csr'));
      await vscode.workspace.fs.writeFile(file('www.csr'), csr);
    });
    suiteTeardown(async () => {
      await closeAllEditors();
      await vscode.workspace.fs.delete(folder(), { recursive: true });
    });

    test('a shown order is checked again when the CSR file it uses is saved', async () => {
      const uri = file('shown.order.json');
      await write(uri, order());
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      await write(file('www.csr'), GARBAGE);
      await waitForDiagnostics(uri, has('csr-not-a-csr'));
      await vscode.workspace.fs.writeFile(
        file('www.csr'),
        await vscode.workspace.fs.readFile(exampleUri('www.example.com.csr')),
      );
      await waitForDiagnostics(uri, lacks('csr-not-a-csr'));
    });

    test('a burst of keystrokes: the problems follow, and none reported lacks the mistake no key touched', async () => {
      const uri = file('typed.order.json');
      await write(uri, order({ serverSoftware: 99 }));
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      await waitForDiagnostics(uri, has('value-not-allowed'));
      // Every set of problems reported while it is typed into holds the mistake no keystroke
      // touches. (The blink the client middleware stops, a pull cancelled by the next keystroke
      // shown as no problems, is shorter than the 50 ms the extension host waits before it fires
      // this event: test/unit/client/pullMiddleware.test.ts covers it.)
      const seen: string[][] = [];
      const sub = vscode.languages.onDidChangeDiagnostics((e) => {
        if (e.uris.some((u) => u.toString() === uri.toString()))
          seen.push(codes(vscode.languages.getDiagnostics(uri)));
      });
      try {
        const at = editor.document.getText().indexOf('example-reseller') + 'example-reseller'.length;
        editor.selection = new vscode.Selection(
          editor.document.positionAt(at),
          editor.document.positionAt(at),
        );
        // Keystrokes as a user types them: each one sent before the last one's problems are back.
        const typed: Thenable<unknown>[] = [];
        for (let i = 0; i < 60; i++) typed.push(vscode.commands.executeCommand('type', { text: 'x' }));
        await Promise.all(typed);
        // A last edit with a problem of its own: once it shows, every earlier pull has answered.
        const years = editor.document.getText().indexOf('"years": 1') + '"years": '.length;
        const one = new vscode.Range(
          editor.document.positionAt(years),
          editor.document.positionAt(years + 1),
        );
        await editor.edit((b) => b.replace(one, '"1"'));
        await waitForDiagnostics(uri, has('wrong-type'));
      } finally {
        sub.dispose();
        await vscode.commands.executeCommand('workbench.action.files.revert');
      }
      assert.deepEqual(
        seen.filter((c) => !c.includes('value-not-allowed')),
        [],
        `problem sets seen while typing: ${JSON.stringify(seen)}`,
      );
    });

    test('an open order no tab shows follows its edits', async () => {
      const uri = file('hidden.order.json');
      await write(uri, order({ years: '1' }));
      const document = await vscode.workspace.openTextDocument(uri);
      await waitForDiagnostics(uri, has('wrong-type'));
      const edit = new vscode.WorkspaceEdit();
      edit.replace(uri, new vscode.Range(0, 0, document.lineCount, 0), order({ serverSoftware: 99 }));
      assert.ok(await vscode.workspace.applyEdit(edit));
      await waitForDiagnostics(uri, (d) => has('value-not-allowed')(d) && lacks('wrong-type')(d));
      assert.ok(
        !vscode.window.tabGroups.all.some((g) =>
          g.tabs.some(
            (t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString(),
          ),
        ),
        'no tab shows it',
      );
      assert.ok(document.isDirty, 'its problems are the editor text, not the disk');
      assert.ok(await document.save());
    });
  });
});
