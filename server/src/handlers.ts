// The request handlers of an order (or `.csr`) document: each looks the document up and calls the
// service, as yaml-language-server's handlers do. A `.csr`/`.pem` document gets the CSR hover and
// nothing of JSON.
import {
  MessageType,
  ShowMessageNotification,
  type Connection,
  type Range,
  type TextDocuments,
  type TextEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultSettings } from '../../common/src/settings';
import { DecodeCsrRequest, ValidateTextRequest } from '../../common/src/lsp/requests';
import type { CsrFeatures } from './csr';
import type { Guard } from './guard';
import type { OrderLanguageService, ReadFile } from './service';
import type { SettingsSource } from './settings';

export interface HandlerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  service: OrderLanguageService;
  csr: CsrFeatures;
  settings: SettingsSource;
  guard: Guard;
  /** The server's reader of `file:` references (bounded, inside the order's workspace folder). */
  readFile: ReadFile;
  /** Whether the client takes LocationLinks for Go to Definition. */
  linkSupport(): boolean;
}

export function registerDocumentHandlers(ctx: HandlerContext): void {
  const { connection, documents, service, csr, settings, guard } = ctx;
  const doc = (uri: string) => {
    const d = documents.get(uri);
    return d && !csr.isCsrDocument(d) ? d : undefined;
  };
  connection.onCompletion(
    guard('completion', null, (p) => {
      const d = doc(p.textDocument.uri);
      return d ? service.doComplete(d, p.position) : null;
    }),
  );
  connection.onHover(
    guard('hover', null, async (p) => {
      const c = documents.get(p.textDocument.uri);
      if (c && csr.isCsrDocument(c)) return csr.hoverDocument(c, p.position, await settings.for(c.uri));
      const d = doc(p.textDocument.uri);
      return d ? service.doHover(d, p.position, await settings.for(d.uri)) : null;
    }),
  );
  connection.onCodeAction(
    guard('codeAction', [], (p) => {
      const d = doc(p.textDocument.uri);
      return d ? service.doCodeActions(d, p.range, p.context) : [];
    }),
  );
  connection.onDocumentLinks(
    guard('documentLink', [], (p) => {
      const d = doc(p.textDocument.uri);
      return d ? service.findDocumentLinks(d) : [];
    }),
  );
  connection.onDefinition(
    guard('definition', [], async (p) => {
      const d = doc(p.textDocument.uri);
      const links = d ? await service.findDefinition(d, p.position) : [];
      // A client without LocationLink support gets plain locations.
      return ctx.linkSupport() ? links : links.map((l) => ({ uri: l.targetUri, range: l.targetRange }));
    }),
  );
  connection.onDocumentSymbol(
    guard('documentSymbol', [], (p) => {
      const d = doc(p.textDocument.uri);
      return d ? service.findDocumentSymbols(d) : [];
    }),
  );
  connection.onFoldingRanges(
    guard('foldingRange', [], (p) => {
      const d = doc(p.textDocument.uri);
      return d ? service.getFoldingRanges(d) : [];
    }),
  );
  connection.onSelectionRanges(
    guard('selectionRange', [], (p) => {
      const d = doc(p.textDocument.uri);
      return d ? service.getSelectionRanges(d, p.positions) : [];
    }),
  );
  // Formatting past the depth limit, or with edits past the size cap, is refused: the user is told
  // why in a message (a notification: nothing waits for it), the answer has no edits.
  const format = (d: TextDocument | undefined, range: Range | undefined, options: unknown): TextEdit[] => {
    if (!d) return [];
    const { edits, refused } = service.format(d, range, options);
    if (refused)
      void connection
        .sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: refused })
        .catch(() => undefined);
    return edits;
  };
  connection.onDocumentFormatting(
    guard('formatting', [], (p) => format(doc(p.textDocument.uri), undefined, p.options)),
  );
  connection.onDocumentRangeFormatting(
    guard('rangeFormatting', [], (p) => format(doc(p.textDocument.uri), p.range, p.options)),
  );

  connection.onRequest(
    DecodeCsrRequest,
    guard('decodeCsr', { ok: false, message: 'Decode CSR failed: see the server log.' }, async (p) => {
      const document = p.uri ? documents.get(p.uri) : undefined;
      const s = await (p.uri ? settings.for(p.uri) : Promise.resolve(defaultSettings));
      return csr.decode(p, { document, settings: s, service, readFile: ctx.readFile });
    }),
  );

  // The submission's error check: the service's diagnostics for exactly the text to be sent, with
  // the document's settings (not the last published ones, which may be of an older version).
  connection.onRequest(
    ValidateTextRequest,
    guard('validateText', null, async (p) => {
      const document = TextDocument.create(p.uri, 'cert-order', documents.get(p.uri)?.version ?? 0, p.text);
      return service.doValidation(document, await settings.for(p.uri));
    }),
  );
}
