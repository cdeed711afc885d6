// Waiting for the language server's diagnostics to catch up with the last edit before the
// "no error diagnostics" check: an order submitted right after typing must not slip through on
// diagnostics of an older version.
import * as vscode from 'vscode';

export class DiagnosticsFreshness implements vscode.Disposable {
  /** Per URI: the time of the last content change, and of the last diagnostics change. */
  private readonly edited = new Map<string, number>();
  private readonly published = new Map<string, number>();
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    this.subscriptions = [
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.edited.set(e.document.uri.toString(), Date.now());
      }),
      vscode.workspace.onDidOpenTextDocument((d) => this.edited.set(d.uri.toString(), Date.now())),
      vscode.languages.onDidChangeDiagnostics((e) => {
        for (const uri of e.uris) this.published.set(uri.toString(), Date.now());
      }),
    ];
  }

  private fresh(key: string): boolean {
    const published = this.published.get(key);
    if (published === undefined) return false;
    return published >= (this.edited.get(key) ?? 0);
  }

  /**
   * Resolves true once diagnostics were published after the last edit, false after `timeoutMs`
   * without them (the language server is slow, or not running).
   */
  waitForFresh(uri: vscode.Uri, timeoutMs = 3000): Promise<boolean> {
    const key = uri.toString();
    if (this.fresh(key)) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (fresh: boolean): void => {
        clearTimeout(timer);
        sub.dispose();
        resolve(fresh);
      };
      const timer = setTimeout(() => done(false), timeoutMs);
      const sub = vscode.languages.onDidChangeDiagnostics((e) => {
        if (e.uris.some((u) => u.toString() === key)) done(true);
      });
    });
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
