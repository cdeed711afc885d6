// Which history folders are read and written: the extension's global storage always; a
// workspace folder's `.cert-orders/history/` only when the workspace is trusted and that location
// is chosen (`certOrder.history.location`). A repository's folder may hold planted entries, and a
// record that fakes an earlier order would steer the duplicate guard. No vscode import.
import * as path from 'node:path';
import type { SubmissionSettings } from '../../../common/src/settings';

export const WORKSPACE_HISTORY_DIR = path.join('.cert-orders', 'history');

export interface HistoryFolderInput {
  /** The extension's own folder (global storage). */
  global: string;
  trusted: boolean;
  location: SubmissionSettings['historyLocation'];
  /** The open workspace folders. */
  workspaceFolders: readonly string[];
}

export function workspaceHistoryChosen(input: Pick<HistoryFolderInput, 'trusted' | 'location'>): boolean {
  return input.trusted && input.location === 'workspace';
}

/** Every folder listed: the global one, then each workspace folder's when chosen and trusted. */
export function historyFolders(input: HistoryFolderInput): string[] {
  const workspace = workspaceHistoryChosen(input)
    ? input.workspaceFolders.map((f) => path.join(f, WORKSPACE_HISTORY_DIR))
    : [];
  return [input.global, ...workspace];
}

/** The folder a submission is written to: where it is listed (a record the list cannot see is one the guard misses). */
export function historyFolderFor(
  input: Omit<HistoryFolderInput, 'workspaceFolders'> & { orderFolder: string | undefined },
): string {
  if (!workspaceHistoryChosen(input) || input.orderFolder === undefined) return input.global;
  return path.join(input.orderFolder, WORKSPACE_HISTORY_DIR);
}
