// "Decode CSR": asks the language server to decode the selection, the CSR of the order under the
// cursor (inline or `file:`), or a `.csr` file, and opens the report in a new editor tab, where its
// values can be copied. The decoding is the server's (server/src/csr/decodeCsrRequest.ts).
// The tab is a read-only virtual document (scheme `cert-order-decode`), named after the CSR's CN,
// so closing it never asks to save anything.
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

/** The URI scheme of the report tabs. */
export const DECODE_SCHEME = 'cert-order-decode';

/** At most this many reports are kept while their tabs are open (the oldest goes first). */
const KEPT_REPORTS = 50;

/**
 * The reports by URI, served as a read-only file system (so the editor refuses edits and closing
 * a tab asks nothing). Each decode gets its own URI (`/<CN> (decoded).txt?<n>`), so two decodes of
 * the same CSR are two tabs, and a tab keeps its text while it is open.
 */
class DecodeReports implements vscode.FileSystemProvider {
  private readonly texts = new Map<string, { bytes: Uint8Array; mtime: number }>();
  private next = 1;
  private readonly changes = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changes.event;

  add(result: { title: string; text: string; commonName?: string }): vscode.Uri {
    const name = tabName(result.commonName ?? result.title.replace(/^Decoded CSR:\s*/, ''));
    const uri = vscode.Uri.from({ scheme: DECODE_SCHEME, path: `/${name}.txt`, query: String(this.next++) });
    this.texts.set(uri.toString(), { bytes: Buffer.from(result.text, 'utf8'), mtime: Date.now() });
    while (this.texts.size > KEPT_REPORTS) this.texts.delete(this.texts.keys().next().value!);
    return uri;
  }

  forget(uri: vscode.Uri): void {
    if (uri.scheme === DECODE_SCHEME) this.texts.delete(uri.toString());
  }

  private entry(uri: vscode.Uri): { bytes: Uint8Array; mtime: number } {
    const entry = this.texts.get(uri.toString());
    if (!entry) throw vscode.FileSystemError.FileNotFound(uri);
    return entry;
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    const { bytes, mtime } = this.entry(uri);
    return {
      type: vscode.FileType.File,
      ctime: mtime,
      mtime,
      size: bytes.byteLength,
      permissions: vscode.FilePermission.Readonly,
    };
  }

  readFile(uri: vscode.Uri): Uint8Array {
    return this.entry(uri).bytes;
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  readDirectory(): [string, vscode.FileType][] {
    return [];
  }

  createDirectory(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  writeFile(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  delete(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  rename(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }
}

/** A file name for the tab: the CN (or the title) without path separators or control characters, short. */
function tabName(name: string): string {
  const clean = name
    .replace(/[\\/\p{Cc}]/gu, '_')
    .trim()
    .slice(0, 80);
  return `${clean || 'CSR'} (decoded)`;
}

/** Registers the command; `client` is read when it runs (the server may still be starting). */
export function registerDecodeCsr(
  context: vscode.ExtensionContext,
  client: () => LanguageClient | undefined,
): void {
  const reports = new DecodeReports();
  context.subscriptions.push(
    vscode.workspace.registerFileSystemProvider(DECODE_SCHEME, reports, {
      isReadonly: true,
      isCaseSensitive: true,
    }),
    vscode.workspace.onDidCloseTextDocument((d) => reports.forget(d.uri)),
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
        const report = await vscode.workspace.openTextDocument(reports.add(result));
        await vscode.window.showTextDocument(report, {
          preview: false,
          viewColumn: vscode.ViewColumn.Beside,
        });
        return result;
      },
    ),
  );
}
