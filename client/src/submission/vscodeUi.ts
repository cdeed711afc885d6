// The submission's questions and messages, as VS Code modals and notifications.
import * as vscode from 'vscode';
import type { SubmissionUi } from './flow';

export const SEND_TO_PRODUCTION = 'Send to Production';
export const SEND_AGAIN = 'Send Again';
export const SEND_THERE = 'Send There';
export const OPEN_PROBLEMS = 'Open Problems';
export const SHOW_HISTORY = 'Show Order History';

export function vscodeSubmissionUi(): SubmissionUi {
  return {
    async confirmProduction(message, detail) {
      const choice = await vscode.window.showWarningMessage(
        message,
        { modal: true, detail },
        SEND_TO_PRODUCTION,
      );
      return choice === SEND_TO_PRODUCTION;
    },
    async confirmEndpoint(message) {
      const choice = await vscode.window.showWarningMessage(message, { modal: true }, SEND_THERE);
      return choice === SEND_THERE;
    },
    async confirmDuplicate(message) {
      const choice = await vscode.window.showWarningMessage(message, { modal: true }, SEND_AGAIN);
      return choice === SEND_AGAIN;
    },
    showBlockedByDiagnostics(message) {
      void vscode.window.showErrorMessage(message, OPEN_PROBLEMS).then((choice) => {
        if (choice === OPEN_PROBLEMS) void vscode.commands.executeCommand('workbench.actions.view.problems');
      });
    },
    showInfo(message) {
      void vscode.window.showInformationMessage(message);
    },
    showWarning(message) {
      void vscode.window.showWarningMessage(message, SHOW_HISTORY).then((choice) => {
        if (choice === SHOW_HISTORY) void vscode.commands.executeCommand('certOrder.showHistory');
      });
    },
    showError(message) {
      void vscode.window.showErrorMessage(message, SHOW_HISTORY).then((choice) => {
        if (choice === SHOW_HISTORY) void vscode.commands.executeCommand('certOrder.showHistory');
      });
    },
  };
}
