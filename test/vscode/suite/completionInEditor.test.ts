// Completion as the editor runs it: accepting a field name leaves an empty value with the value
// list open (a second accept picks a value), and no words from other files are suggested.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openScratch, waitFor } from './helpers';

/** Accepts the suggest widget's selected item once it shows (it opens after the server answers). */
async function acceptSuggestion(doc: vscode.TextDocument, what: string): Promise<string> {
  const before = doc.getText();
  return waitFor(async () => {
    await vscode.commands.executeCommand('acceptSelectedSuggestion');
    return doc.getText() !== before && doc.getText();
  }, what);
}

suite('Completion in the editor', () => {
  suiteTeardown(closeAllEditors);

  test('word-based suggestions are off for orders', () => {
    const editor = vscode.workspace.getConfiguration('editor', { languageId: 'cert-order' });
    assert.equal(editor.get('wordBasedSuggestions'), 'off');
  });

  test('accepting a field name inserts an empty value and opens its value list', async () => {
    const editor = await openScratch(
      'complete-field.order.json',
      '{\n  "$api": "comodo-autoapplyssl",\n  \n}\n',
    );
    const doc = editor.document;
    editor.selection = new vscode.Selection(2, 2, 2, 2);
    await vscode.commands.executeCommand('type', { text: 'produc' });
    await vscode.commands.executeCommand('editor.action.triggerSuggest');
    const afterKey = await acceptSuggestion(doc, 'the product key inserted');
    assert.match(afterKey, /"product": ""\n/, 'an empty value, no placeholder');
    // The value list opened by itself (the item's command): accepting again writes a value.
    const afterValue = await acceptSuggestion(doc, 'a product from the list that opened');
    assert.match(afterValue, /"product": "\d+(,\d+)*"\n/);
  });
});
