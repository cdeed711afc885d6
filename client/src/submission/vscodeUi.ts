// The submission's questions and messages, as VS Code modals and notifications.
import * as vscode from 'vscode';
import type { SubmissionUi } from './flow';

export const SEND_TO_PRODUCTION = 'Send to Production';
export const TYPE_TO_CONFIRM = 'Continue to Confirm…';
export const SEND_AGAIN = 'Send Again';
export const SEND_THERE = 'Send There';
export const OPEN_PROBLEMS = 'Open Problems';
export const SHOW_HISTORY = 'Show Order History';

/**
 * The deliberate act that places a charged order, as cloud consoles ask for irreversible ones:
 * typing the certificate's name. Enter with anything else, or Escape, cancels; whichever way it
 * ends, the user is told whether the order was sent.
 */
export function typeToConfirm(typed: string): Promise<boolean> {
  return new Promise((resolve) => {
    const box = vscode.window.createInputBox();
    let settled = false;
    const finish = (ok: boolean, why?: string): void => {
      if (settled) return;
      settled = true;
      box.dispose();
      if (!ok)
        void vscode.window.showInformationMessage(
          `Not sent: ${why ?? 'the production order was cancelled.'}`,
        );
      resolve(ok);
    };
    const matches = (): boolean => box.value.trim().toLowerCase() === typed.toLowerCase();
    box.title = `${SEND_TO_PRODUCTION}: a charged order`;
    box.placeholder = typed;
    // Shown as a validation message, not a prompt: VS Code adds "Press 'Enter' to confirm" to a
    // prompt, which is not what Enter does here.
    const hint = (): vscode.InputBoxValidationMessage =>
      matches()
        ? {
            message: 'Enter places the charged order. Escape cancels.',
            severity: vscode.InputBoxValidationSeverity.Warning,
          }
        : {
            message:
              box.value === ''
                ? `Type ${typed} and press Enter to place the order. Enter without it, or Escape, cancels.`
                : `Not ${typed} yet: Enter now cancels.`,
            severity: vscode.InputBoxValidationSeverity.Info,
          };
    box.ignoreFocusOut = true;
    box.validationMessage = hint();
    box.onDidChangeValue(() => (box.validationMessage = hint()));
    box.onDidAccept(() =>
      matches()
        ? finish(true)
        : finish(
            false,
            `${box.value.trim() === '' ? 'nothing was typed' : `"${box.value.trim()}" is not ${typed}`}, so the production order was cancelled.`,
          ),
    );
    box.onDidHide(() => finish(false));
    box.show();
  });
}

export function vscodeSubmissionUi(): SubmissionUi {
  return {
    async confirmProduction(message, detail, typed) {
      // The modal's only button leads to the typed confirmation, never to sending.
      const choice = await vscode.window.showWarningMessage(
        message,
        { modal: true, detail: `${detail}\n\nNext: type ${typed} to place the order.` },
        TYPE_TO_CONFIRM,
      );
      return choice === TYPE_TO_CONFIRM && typeToConfirm(typed);
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
