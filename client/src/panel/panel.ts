// The one reusable webview panel that shows a submission.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { SubmissionRecord } from '../../../common/src/protocol';
import { DCV_COMMANDS } from '../commands/dcv';
import { copyText, panelAction, renderSubmissionHtml } from './html';

export const PANEL_VIEW_TYPE = 'certOrder.submission';

export class SubmissionPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  /** The record shown: the only source of what the copy buttons copy. */
  private record: SubmissionRecord | undefined;
  /** The HTML last shown (for the in-editor tests). */
  lastHtml = '';

  /** The record shown, if the panel is open. */
  current(): SubmissionRecord | undefined {
    return this.panel ? this.record : undefined;
  }

  show(record: SubmissionRecord): void {
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(
        PANEL_VIEW_TYPE,
        'Certificate Order',
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        { enableScripts: true, localResourceRoots: [], retainContextWhenHidden: false },
      );
      this.panel.onDidDispose(() => (this.panel = undefined));
      this.panel.webview.onDidReceiveMessage((m: unknown) => {
        const text = copyText(m, this.record);
        if (text !== undefined) void vscode.env.clipboard.writeText(text);
        const action = panelAction(m);
        if (action) void vscode.commands.executeCommand(DCV_COMMANDS[action], { source: 'panel' });
      });
    }
    this.record = record;
    const label =
      record.parsed?.kind === 'success' && record.parsed.orderNumber ? ` ${record.parsed.orderNumber}` : '';
    this.panel.title = `Certificate Order${label} (${record.environment})`;
    this.lastHtml = renderSubmissionHtml(record, {
      nonce: randomBytes(16).toString('base64'),
      cspSource: this.panel.webview.cspSource,
    });
    this.panel.webview.html = this.lastHtml;
    this.panel.reveal(undefined, true);
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
