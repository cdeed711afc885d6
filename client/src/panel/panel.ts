// The one reusable webview panel that shows a submission.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { SubmissionRecord } from '../../../common/src/protocol';
import { renderSubmissionHtml } from './html';

export const PANEL_VIEW_TYPE = 'certOrder.submission';

export class SubmissionPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  /** The HTML last shown (for the in-editor tests). */
  lastHtml = '';

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
        const msg = m as { type?: unknown; text?: unknown };
        if (msg.type === 'copy' && typeof msg.text === 'string') {
          void vscode.env.clipboard.writeText(msg.text);
        }
      });
    }
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
