// Putting the new CSR in place: NAME.csr beside the order and the order's CSR field pointing at it,
// in one workspace edit (one step of undo); then waiting until the language server has judged the
// order as it now is, so the message after it tells what the Problems panel shows.
import * as vscode from 'vscode';
import { CSR_FILE_PREFIX } from '../../../common/src/catalogue';
import type { ValidateTextDiagnostic } from '../../../common/src/lsp/requests';
import { csrFieldEdits, withCsrField } from './orderEdit';

export type ValidateText = (
  orderFile: string,
  text: string,
  timeoutMs: number,
) => Promise<ValidateTextDiagnostic[] | undefined>;

function indentOf(document: vscode.TextDocument): { insertSpaces: boolean; tabSize: number } {
  const editor = vscode.window.visibleTextEditors.find((e) => e.document === document);
  const { insertSpaces, tabSize } = editor?.options ?? {};
  return {
    insertSpaces: typeof insertSpaces === 'boolean' ? insertSpaces : true,
    tabSize: typeof tabSize === 'number' ? tabSize : 2,
  };
}

/** The order's text with its CSR field set to `value`, without changing the document. */
export function orderTextWith(document: vscode.TextDocument, value: string): string | undefined {
  return withCsrField(document.getText(), value, indentOf(document));
}

/** Writes `csr` and points the order at it in one edit; false when VS Code refused the edit. */
export async function placeCsr(
  document: vscode.TextDocument,
  csr: vscode.Uri,
  csrPem: string,
): Promise<boolean> {
  const name = csr.path.slice(csr.path.lastIndexOf('/') + 1);
  const edits = csrFieldEdits(document.getText(), `${CSR_FILE_PREFIX}${name}`, indentOf(document));
  if (!edits) return false;
  const edit = new vscode.WorkspaceEdit();
  const metadata = { label: 'Create Key and CSR', needsConfirmation: false };
  edit.createFile(csr, { overwrite: true, contents: Buffer.from(csrPem, 'utf8') }, metadata);
  for (const e of edits)
    edit.replace(
      document.uri,
      new vscode.Range(document.positionAt(e.offset), document.positionAt(e.offset + e.length)),
      e.content,
      metadata,
    );
  return vscode.workspace.applyEdit(edit);
}

/**
 * The order's diagnostics once the server has published those of its current text: the count the
 * service gives for the text (with the CSR now on disk), after the published ones agree with it or
 * `timeoutMs` passed. Undefined when the server did not answer.
 */
export async function settledDiagnostics(
  document: vscode.TextDocument,
  validate: ValidateText,
  timeoutMs: number,
): Promise<number | undefined> {
  const expected = await validate(document.uri.fsPath, document.getText(), timeoutMs);
  if (!expected) return undefined;
  const agrees = (): boolean => vscode.languages.getDiagnostics(document.uri).length === expected.length;
  if (!agrees())
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, timeoutMs);
      const sub = vscode.languages.onDidChangeDiagnostics((e) => {
        if (e.uris.some((u) => u.toString() === document.uri.toString()) && agrees()) done();
      });
      function done(): void {
        clearTimeout(timer);
        sub.dispose();
        resolve();
      }
    });
  return expected.length;
}
