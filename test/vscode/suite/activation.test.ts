import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, LANGUAGE_ID, closeAllEditors, openScratch, waitFor } from './helpers';

suite('Activation', () => {
  suiteTeardown(closeAllEditors);

  test('the extension under test is the installed VSIX', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not installed`);
    // The code-server runner installs dist/*.vsix into a fresh extensions dir and names it here.
    const installedIn = process.env.CERT_ORDER_VSCODE_EXTENSIONS_DIR;
    if (installedIn) {
      assert.ok(
        ext.extensionPath.startsWith(installedIn + path.sep),
        `${ext.extensionPath} is not inside ${installedIn}`,
      );
    }
    const main = String(ext.packageJSON.main ?? '');
    assert.ok(existsSync(path.join(ext.extensionPath, main.endsWith('.js') ? main : `${main}.js`)));
    assert.ok(existsSync(path.join(ext.extensionPath, 'server', 'out', 'server.js')));
  });

  test('an *.order.json file gets the cert-order language and activates the extension', async () => {
    const editor = await openScratch('activation.order.json', '{}\n');
    assert.equal(editor.document.languageId, LANGUAGE_ID);
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    await waitFor(() => ext.isActive, 'the extension to activate');
    // `isActive` is true after a failed activation too; `activate()` rethrows its error.
    await ext.activate();
  });
});
