// `file:` CSR references in the editor: a document link (Ctrl+click) and Go to Definition that
// open the referenced file.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, exampleUri, openExample, positionOf, waitFor } from './helpers';

suite('file: references', () => {
  suiteTeardown(closeAllEditors);

  test('the reference is a link to the CSR file', async () => {
    const { document } = await openExample('comodo-autoapplyssl.order.json');
    const links = await waitFor(async () => {
      const found = await vscode.commands.executeCommand<vscode.DocumentLink[]>(
        'vscode.executeLinkProvider',
        document.uri,
      );
      return found.length > 0 && found;
    }, 'a document link');
    assert.equal(links.length, 1);
    assert.equal(links[0].target?.toString(), exampleUri('www.example.com.csr').toString());
    assert.equal(document.getText(links[0].range), 'www.example.com.csr');
  });

  test('Go to Definition opens the CSR file', async () => {
    const editor = await openExample('comodo-wildcard.order.json');
    const reference = /"file:([^"]+)"/.exec(editor.document.getText())?.[1];
    assert.ok(reference);
    const at = positionOf(editor.document, `file:${reference}`, 2);
    const targets = await waitFor(async () => {
      const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
        'vscode.executeDefinitionProvider',
        editor.document.uri,
        at,
      );
      return found.length > 0 && found;
    }, 'a definition');
    const target = targets[0];
    assert.equal(
      ('targetUri' in target ? target.targetUri : target.uri).toString(),
      exampleUri(reference).toString(),
    );
    // What F12 does: the file opens in an editor.
    editor.selection = new vscode.Selection(at, at);
    await vscode.commands.executeCommand('editor.action.revealDefinition');
    const opened = await waitFor(
      () =>
        vscode.window.activeTextEditor?.document.uri.path.endsWith(`/${reference}`) &&
        vscode.window.activeTextEditor,
      `${reference} opened in an editor`,
    );
    assert.equal(opened.document.languageId, 'cert-csr');
  });
});
