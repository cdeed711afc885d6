// The shipped examples opened in VS Code: the valid ones stay clean, the ones with mistakes show
// each mistake with its code, on the key or value at fault.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, codeOf, openExample, waitForDiagnostics } from './helpers';

/** `code @ text under the range`, sorted: codes and ranges compared in one go. */
function describe(doc: vscode.TextDocument, diagnostics: readonly vscode.Diagnostic[]): string[] {
  return diagnostics.map((d) => `${codeOf(d)} @ ${doc.getText(d.range)}`).sort();
}

const MISTAKES: Record<string, string[]> = {
  'comodo-mistakes.order.json': [
    'credential-in-file @ "loginPassword"',
    'field-name-case @ "Product"',
    'comodo-product-addon-not-allowed @ 36',
    'comodo-validity-both @ "years"',
    'wrong-type @ "1"',
    'comodo-servers-ignored @ "servers"',
    'value-not-allowed @ 99',
    'csr-file-unreadable @ "file:missing.csr"',
    'value-not-allowed @ "yes"',
    'value-case @ "y"',
    'unknown-field @ "emailAdress"',
    'too-long @ "12-345-6789-0000-1111-2222-3333-4444"',
  ],
  'ssl2buy-mistakes.order.json': [
    'credential-in-file @ "ApiKey"',
    'wrong-type @ "1"',
    'missing-field @ "PACOrderInfo"',
    'missing-field @ "PACOrderInfo"',
    'unknown-field @ "Firstname"',
    'invalid-email @ "pki at example.com"',
    'required-field-empty @ ""',
    'country-not-iso3166 @ "United Kingdom"',
    `too-long @ "${'x'.repeat(201)}"`,
  ],
};

const VALID = [
  'comodo-autoapplyssl.order.json',
  'comodo-wildcard.order.json',
  'comodo-intranet.order.json',
  'comodo-inline-csr.order.json',
  'ssl2buy-sectigo-pac-enterprise.order.json',
];

suite('Examples', () => {
  suiteTeardown(closeAllEditors);

  for (const [name, expected] of Object.entries(MISTAKES)) {
    test(`${name} shows each mistake, coded, on the key or value at fault`, async () => {
      const { document } = await openExample(name);
      const want = [...expected].sort();
      const got = await waitForDiagnostics(document.uri, (d) => d.length >= want.length).catch(() =>
        vscode.languages.getDiagnostics(document.uri),
      );
      assert.deepEqual(describe(document, got), want);
    });
  }

  for (const name of VALID) {
    test(`${name} has no diagnostics`, async () => {
      const editor = await openExample(name);
      const uri = editor.document.uri;
      // No diagnostics is also what is seen before the server has answered. Break the file, see
      // the error published, undo, and see it cleared: the server has checked the real text.
      await editor.edit((e) => e.insert(new vscode.Position(0, 0), '#'));
      await waitForDiagnostics(uri, (d) => d.length > 0);
      await vscode.commands.executeCommand('undo');
      const after = await waitForDiagnostics(uri, (d) => d.length === 0).catch(() =>
        vscode.languages.getDiagnostics(uri),
      );
      assert.deepEqual(describe(editor.document, after), []);
      assert.equal(editor.document.isDirty, false);
    });
  }
});
