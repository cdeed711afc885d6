// The status bar item: the API of the order in the active editor; a click offers the actions.
import * as vscode from 'vscode';
import { readOrder } from '../../common/src/protocol';

export const STATUS_BAR_ID = 'certOrder.api';
export const LANGUAGE_ID = 'cert-order';

export function apiTitleOf(document: vscode.TextDocument): string | undefined {
  const read = readOrder(document.getText());
  return read.ok ? read.order.api.title : undefined;
}

export function createStatusBar(): vscode.Disposable {
  const item = vscode.window.createStatusBarItem(STATUS_BAR_ID, vscode.StatusBarAlignment.Left, 50);
  item.name = 'Certificate Order API';
  item.command = 'certOrder.showActions';
  const update = (): void => {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || doc.languageId !== LANGUAGE_ID) {
      item.hide();
      return;
    }
    const title = apiTitleOf(doc);
    item.text = title ? `$(workspace-trusted) ${title}` : '$(warning) Certificate order: no $api';
    item.tooltip = title
      ? `This order is for ${title}. Click to submit it or see the history.`
      : 'The order does not name a known API in "$api".';
    item.show();
  };
  update();
  return vscode.Disposable.from(
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document) update();
    }),
  );
}
