import * as vscode from 'vscode';
import { readSubmissionSettings, type SubmissionSettings } from '../../../common/src/settings';

/** The submission settings in effect for `resource` (a folder's over the workspace's over the user's). */
export function settingsFor(resource: vscode.Uri | undefined): SubmissionSettings {
  return readSubmissionSettings((key) => vscode.workspace.getConfiguration(undefined, resource).get(key));
}
