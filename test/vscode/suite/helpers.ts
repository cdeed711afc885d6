// Helpers for the in-editor suite: they use only the `vscode` API, and wait for conditions
// (diagnostics published, extension active) instead of sleeping for a fixed time.
import * as path from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'cert-order-tools.cert-order-tools';
export const LANGUAGE_ID = 'cert-order';

/**
 * Resolves with the first truthy value of `probe`, polling it (and re-checking on every
 * diagnostics change); rejects after `timeoutMs` with `what` and the last value seen. The default
 * is generous (a first answer of a language server still starting on a busy 2-core CI machine):
 * it costs nothing when the condition holds, and stays under mocha's per-test 120 s.
 */
export async function waitFor<T>(
  probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  what: string,
  timeoutMs = 45_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    const value = await probe();
    if (value) return value;
    last = value;
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (last: ${JSON.stringify(last)})`);
    }
    await nextChange(100);
  }
}

/** Resolves on the next diagnostics change or after `ms`, whichever comes first. */
function nextChange(ms: number): Promise<void> {
  return new Promise((resolve) => {
    const sub = vscode.languages.onDidChangeDiagnostics(() => done());
    const timer = setTimeout(() => done(), ms);
    function done(): void {
      clearTimeout(timer);
      sub.dispose();
      resolve();
    }
  });
}

/** The workspace folder: a throw-away copy of the repository's examples/. */
export function workspaceFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the suite needs a workspace folder (a copy of examples/)');
  return folder.uri;
}

export function exampleUri(name: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder(), ...name.split('/'));
}

/** Opens a file of the example workspace in an editor. */
export async function openExample(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(exampleUri(name));
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** Writes `text` to a new file in the workspace and opens it (for inputs no example has). */
export async function openScratch(name: string, text: string): Promise<vscode.TextEditor> {
  const uri = vscode.Uri.joinPath(workspaceFolder(), 'scratch', name);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** Waits until the language server has published at least one diagnostic for `uri`. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (d: readonly vscode.Diagnostic[]) => boolean = (d) => d.length > 0,
  timeoutMs?: number,
): Promise<readonly vscode.Diagnostic[]> {
  return waitFor(
    () => {
      const d = vscode.languages.getDiagnostics(uri);
      return accept(d) ? d : undefined;
    },
    `diagnostics for ${path.basename(uri.path)}`,
    timeoutMs,
  );
}

/** A diagnostic's code as a string, whether it was published as a string, number or object. */
export function codeOf(d: vscode.Diagnostic): string {
  const c = d.code;
  if (c === undefined) return '';
  return typeof c === 'object' ? String(c.value) : String(c);
}

/** The position of the first occurrence of `needle` in the document, plus `delta` characters. */
export function positionOf(doc: vscode.TextDocument, needle: string, delta = 0): vscode.Position {
  const at = doc.getText().indexOf(needle);
  if (at < 0) throw new Error(`${JSON.stringify(needle)} not found in ${doc.uri.path}`);
  return doc.positionAt(at + delta);
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

const DEMO_URL_KEYS = ['comodo.demoUrl', 'ssl2buy.demoUrl'];

/** The workspace's demo URLs (the sandbox), moved to the user settings for the suite and back. */
export async function demoUrlsToUserSettings(): Promise<() => Promise<void>> {
  const config = () => vscode.workspace.getConfiguration('certOrder');
  const saved = DEMO_URL_KEYS.map((k) => [k, config().inspect<string>(k)] as const);
  for (const [key, i] of saved) {
    await config().update(key, i?.workspaceValue, vscode.ConfigurationTarget.Global);
    await config().update(key, undefined, vscode.ConfigurationTarget.Workspace);
  }
  return async () => {
    for (const [key, i] of saved) {
      await config().update(key, i?.workspaceValue, vscode.ConfigurationTarget.Workspace);
      await config().update(key, i?.globalValue, vscode.ConfigurationTarget.Global);
    }
  };
}

/** What the submit commands return to a caller (the in-editor tests). */
export interface SubmitCommandResult {
  status: string;
  reason?: string;
  outcome?: string;
  orderNumber?: string;
  historyFile?: string;
  recordId?: string;
}
