// Code lenses on the order's `$api` line: submit to demo, to production, history.
import * as vscode from 'vscode';
import { API_KEY } from '../../common/src/catalogue';
import { locateField, readOrder } from '../../common/src/protocol';

export class OrderCodeLensProvider implements vscode.CodeLensProvider {
  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const text = document.getText();
    if (!readOrder(text).ok) return [];
    const span = locateField(text, API_KEY, false);
    const range = new vscode.Range(document.positionAt(span.offset), document.positionAt(span.offset));
    return [
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
  }
}
