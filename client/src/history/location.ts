// Where the history lives: the extension's global storage (default), or `.cert-orders/history/`
// in the workspace folder of the order (`certOrder.history.location`).
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SubmissionSettings } from '../../../common/src/settings';
import type { HistoryLocation } from './store';

export const WORKSPACE_HISTORY_DIR = path.join('.cert-orders', 'history');

export function historyLocation(
  context: vscode.ExtensionContext,
  settings: () => SubmissionSettings,
): HistoryLocation {
  const global = path.join(context.globalStorageUri.fsPath, 'history');
  const workspaceDirs = (): string[] =>
    (vscode.workspace.workspaceFolders ?? []).map((f) => path.join(f.uri.fsPath, WORKSPACE_HISTORY_DIR));
  return {
    directoryFor(orderFile) {
      if (settings().historyLocation !== 'workspace') return global;
      const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(orderFile));
      return folder ? path.join(folder.uri.fsPath, WORKSPACE_HISTORY_DIR) : global;
    },
    fallbackDirectory: () => global,
    directories() {
      // Both places: a change of the setting does not hide earlier submissions.
      return [global, ...workspaceDirs()];
    },
  };
}
