// "Copy SHA-256" in the CSR hover: a command link (trusted for this command only) that copies
// its one string argument to the clipboard and says so in the status bar.
import * as vscode from 'vscode';
import { COPY_TEXT_COMMAND } from '../../../common/src/lsp/commands';

/** A hash or a DCV value is short; anything longer is not what the hover offers to copy. */
const MAX_COPIED_LENGTH = 4096;

export function registerCopyText(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(COPY_TEXT_COMMAND, async (text?: unknown): Promise<boolean> => {
      if (typeof text !== 'string' || text === '' || text.length > MAX_COPIED_LENGTH) return false;
      await vscode.env.clipboard.writeText(text);
      vscode.window.setStatusBarMessage(`Copied ${text.length > 16 ? `${text.slice(0, 16)}…` : text}`, 3000);
      return true;
    }),
  );
}
