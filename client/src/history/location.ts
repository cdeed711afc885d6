// Where the history lives, from VS Code's state: the extension's global storage (default), or
// `.cert-orders/history/` in the workspace folder of the order (`certOrder.history.location`),
// only in a trusted workspace (folders.ts decides).
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SubmissionSettings } from '../../../common/src/settings';
import { historyFolderFor, historyFolders } from './folders';
import type { HistoryLocation } from './store';

export function historyLocation(
  context: vscode.ExtensionContext,
  settings: () => SubmissionSettings,
  trusted: () => boolean,
): HistoryLocation {
  const global = path.join(context.globalStorageUri.fsPath, 'history');
  const state = () => ({ global, trusted: trusted(), location: settings().historyLocation });
  return {
    directoryFor(orderFile) {
      const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(orderFile));
      return historyFolderFor({ ...state(), orderFolder: folder?.uri.fsPath });
    },
    fallbackDirectory: () => global,
    directories: () =>
      historyFolders({
        ...state(),
        workspaceFolders: (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath),
      }),
  };
}
