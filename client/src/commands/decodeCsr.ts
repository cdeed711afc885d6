// "Decode CSR": asks the language server to decode the selection, the CSR of the order under the
// cursor (inline or `file:`), or a `.csr` file, and opens the report in a new editor tab, where its
// values can be copied. The decoding is the server's (server/src/csr/decodeCsrRequest.ts).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  DecodeCsrRequest,
  type DecodeCsrParams,
  type DecodeCsrResult,
} from '../../../common/src/lsp/requests';

import { DECODE_CSR_COMMAND } from '../../../common/src/lsp/commands';

export { DECODE_CSR_COMMAND };

/** Languages whose documents the server holds (the client's documentSelector). */
const SERVED_LANGUAGES = new Set(['cert-order', 'cert-csr']);

/** What to ask for: a resource from the explorer, else the active editor's selection, cursor or text. */
function requestFor(client: LanguageClient, resource: unknown): DecodeCsrParams | undefined {
  const fromHover = hoverParams(resource);
  if (fromHover) return fromHover;
  const c2p = client.code2ProtocolConverter;
  const editor = vscode.window.activeTextEditor;
  if (resource instanceof vscode.Uri && resource.toString() !== editor?.document.uri.toString()) {
    return { uri: c2p.asUri(resource) };
  }
  if (!editor) return undefined;
  const { document, selection } = editor;
  const uri = c2p.asUri(document.uri);
  if (!selection.isEmpty) return { uri, text: document.getText(selection) };
  if (SERVED_LANGUAGES.has(document.languageId)) return { uri, position: c2p.asPosition(selection.active) };
  // A document the server does not hold (a `.pem` in plain text): its text.
  return { uri, text: document.getText() };
}

/**
 * The argument of the hover's "Open full decode" link (JSON from the server: `{ uri, position? }`
 * naming the order and its CSR, or a `.csr` file); only those two fields are taken.
 */
function hoverParams(resource: unknown): DecodeCsrParams | undefined {
  if (typeof resource !== 'object' || resource === null || resource instanceof vscode.Uri) return undefined;
  const { uri, position } = resource as { uri?: unknown; position?: { line?: unknown; character?: unknown } };
  if (typeof uri !== 'string') return undefined;
  const { line, character } = position ?? {};
  return typeof line === 'number' && typeof character === 'number'
    ? { uri, position: { line, character } }
    : { uri };
}

/** Registers the command; `client` is read when it runs (the server may still be starting). */
export function registerDecodeCsr(
  context: vscode.ExtensionContext,
  client: () => LanguageClient | undefined,
): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(
      DECODE_CSR_COMMAND,
      async (resource?: unknown): Promise<DecodeCsrResult | undefined> => {
        const c = client();
        if (!c?.isRunning()) {
          void vscode.window.showErrorMessage(
            'Decode CSR: the Certificate Orders language server is not running.',
          );
          return undefined;
        }
        const params = requestFor(c, resource);
        if (!params) {
          void vscode.window.showInformationMessage(
            'Decode CSR: open an order or a .csr file, or select a CSR, first.',
          );
          return undefined;
        }
        const result = await c.sendRequest(DecodeCsrRequest, params);
        if (!result.ok) {
          void vscode.window.showWarningMessage(result.message);
          return result;
        }
        const report = await vscode.workspace.openTextDocument({
          language: 'plaintext',
          content: result.text,
        });
        await vscode.window.showTextDocument(report, {
          preview: false,
          viewColumn: vscode.ViewColumn.Beside,
        });
        return result;
      },
    ),
  );
}
