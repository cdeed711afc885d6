// Where the history lives: the extension's global storage (default), or `.cert-orders/history/`
// in the workspace folder of the order (`certOrder.history.location`). A repository is not
// trusted until the user says so: its `.cert-orders/history/` may hold planted files (links to
// devices, records that fake an earlier order), so it is neither read nor written unless the
// workspace is trusted and that location is chosen.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SubmissionSettings } from '../../../common/src/settings';
import type { HistoryLocation } from './store';

export const WORKSPACE_HISTORY_DIR = path.join('.cert-orders', 'history');

export function historyLocation(
  context: vscode.ExtensionContext,
  settings: () => SubmissionSettings,
  trusted: () => boolean,
): HistoryLocation {
  const global = path.join(context.globalStorageUri.fsPath, 'history');
  const workspaceChosen = (): boolean => trusted() && settings().historyLocation === 'workspace';
  return {
    directoryFor(orderFile) {
      // Written where it is listed: a record the list cannot see is one the duplicate guard misses.
      if (!workspaceChosen()) return global;
      const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(orderFile));
      return folder ? path.join(folder.uri.fsPath, WORKSPACE_HISTORY_DIR) : global;
    },
    fallbackDirectory: () => global,
    directories() {
      const workspaceDirs = workspaceChosen()
        ? (vscode.workspace.workspaceFolders ?? []).map((f) => path.join(f.uri.fsPath, WORKSPACE_HISTORY_DIR))
        : [];
      return [global, ...workspaceDirs];
    },
  };
}
