// Diagnostics on the fields the CA's answer named (SSL2Buy ErrorField; Comodo -3/-4 'xxxx'), in a
// client DiagnosticCollection of their own, until the order is edited.
import * as vscode from 'vscode';
import { locateField } from '../../../common/src/protocol';
import type { FieldDiagnostics } from './flow';

/** `source` of these diagnostics: the submission guard does not count them as order errors. */
export const CA_ANSWER_SOURCE = 'cert-order (CA answer)';

export class CaAnswerDiagnostics implements FieldDiagnostics, vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('cert-order-submission');
  private readonly listener = vscode.workspace.onDidChangeTextDocument((e) => {
    if (e.contentChanges.length > 0 && this.collection.has(e.document.uri))
      this.collection.delete(e.document.uri);
  });

  set(
    orderFile: string,
    text: string,
    api: Parameters<FieldDiagnostics['set']>[2],
    errors: Parameters<FieldDiagnostics['set']>[3],
  ): void {
    const uri = vscode.Uri.file(orderFile);
    const lines = text.split('\n');
    const position = (offset: number): vscode.Position => {
      let rest = offset;
      for (let line = 0; line < lines.length; line++) {
        if (rest <= lines[line].length) return new vscode.Position(line, rest);
        rest -= lines[line].length + 1;
      }
      return new vscode.Position(lines.length - 1, lines[lines.length - 1].length);
    };
    const diagnostics = errors.map((e) => {
      const span = locateField(text, e.field, api.caseInsensitiveNames);
      const range = new vscode.Range(position(span.offset), position(span.offset + span.length));
      const message = span.found
        ? `${api.title}: ${e.message}`
        : `${api.title}: ${e.message} ('${e.field}' is not in the order)`;
      const d = new vscode.Diagnostic(range, message, vscode.DiagnosticSeverity.Error);
      d.source = CA_ANSWER_SOURCE;
      d.code = e.field;
      return d;
    });
    this.collection.set(uri, diagnostics);
  }

  clear(orderFile: string): void {
    this.collection.delete(vscode.Uri.file(orderFile));
  }

  dispose(): void {
    this.listener.dispose();
    this.collection.dispose();
  }
}
