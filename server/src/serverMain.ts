// Thin LSP wiring around the pure order language service: documents, settings pulled per
// document, diagnostics pushed on open and change, and one-line handlers that look the document
// up and call the service. Every handler is guarded: bad input gets an empty answer, never a crash.
import { readdir, readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultSettings, type OrderSettings } from '../../common/src/settings';
import {
  getOrderLanguageService,
  type CsrParticipant,
  type DirectoryEntry,
  type ListDirectory,
  type OrderLanguageService,
  type ReadFile,
} from './service';
import { DecodeCsrRequest, ValidateTextRequest } from '../../common/src/lsp/requests';
import { createCsrFeatures } from './csr';

/** A CSR file is a few KB; anything much larger is not a CSR. */
const MAX_REFERENCED_FILE_BYTES = 1024 * 1024;

/** The last referenced files read, by path (insertion order: oldest first). */
const recentFiles = new Map<string, { mtimeMs: number; size: number; bytes: Uint8Array }>();
const MAX_RECENT_FILES = 32;

export const readLocalFile: ReadFile = async (uri) => {
  if (!uri.startsWith('file:')) throw new Error(`only file: URIs are read (${uri})`);
  const path = fileURLToPath(uri);
  const info = await stat(path);
  if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
  // A device or FIFO reports size 0 and never ends (`file:/dev/zero`): read regular files only.
  if (!info.isFile()) throw new Error('it is not a regular file');
  if (info.size > MAX_REFERENCED_FILE_BYTES) throw new Error(`${info.size} bytes is too large for a CSR`);
  // Validation and hover ask for the referenced CSR on every keystroke in the order: a stat is
  // cheap, the read is done again only when the file changed.
  const known = recentFiles.get(path);
  if (known && known.mtimeMs === info.mtimeMs && known.size === info.size) return known.bytes;
  const bytes = new Uint8Array(await readFile(path));
  recentFiles.delete(path);
  recentFiles.set(path, { mtimeMs: info.mtimeMs, size: info.size, bytes });
  if (recentFiles.size > MAX_RECENT_FILES) recentFiles.delete(recentFiles.keys().next().value as string);
  return bytes;
};

/** A folder next to an order holds a few files; a huge one is listed only in part. */
const MAX_LISTED_ENTRIES = 5000;

export const listLocalDirectory: ListDirectory = async (uri) => {
  if (!uri.startsWith('file:')) throw new Error(`only file: URIs are listed (${uri})`);
  const entries = await readdir(fileURLToPath(uri), { withFileTypes: true });
  const out: DirectoryEntry[] = [];
  for (const e of entries.slice(0, MAX_LISTED_ENTRIES)) {
    if (e.isFile()) out.push({ name: e.name, type: 'file' });
    else if (e.isDirectory()) out.push({ name: e.name, type: 'directory' });
  }
  return out;
};

export interface ServerOptions {
  /** The CSR participant (issue 3), when there is one. */
  csr?: CsrParticipant;
}

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  // CSR intelligence (issue 3): the participant, `.csr`/`.pem` documents, Decode CSR.
  const csr = createCsrFeatures();
  const service: OrderLanguageService = getOrderLanguageService({
    readFile: readLocalFile,
    listDirectory: listLocalDirectory,
    csr: options.csr ?? csr.participant,
  });
  const settingsCache = new Map<string, Promise<OrderSettings>>();
  let pullSettings = false;

  const guard =
    <A extends unknown[], R>(name: string, fallback: R, fn: (...args: A) => R | Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await fn(...args);
      } catch (err) {
        connection.console.error(
          `${name} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
        );
        return fallback;
      }
    };

  function settingsFor(uri: string): Promise<OrderSettings> {
    if (!pullSettings) return Promise.resolve(defaultSettings);
    let settings = settingsCache.get(uri);
    if (!settings) {
      settings = connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'certOrder' })
        .then((value: unknown) => mergeSettings(value))
        .catch(() => defaultSettings);
      settingsCache.set(uri, settings);
    }
    return settings;
  }

  // Validation: at most one run per document at a time; changes during a run schedule one more.
  const running = new Set<string>();
  const again = new Set<string>();
  const validate = guard('validation', undefined, async (uri: string): Promise<void> => {
    if (running.has(uri)) {
      again.add(uri);
      return;
    }
    running.add(uri);
    try {
      const document = documents.get(uri);
      if (!document) return;
      const version = document.version;
      const diagnostics = csr.isCsrDocument(document)
        ? csr.validateDocument(document, await settingsFor(uri))
        : await service.doValidation(document, await settingsFor(uri));
      // A newer version is already waiting: its diagnostics follow.
      if (documents.get(uri)?.version === version && !again.has(uri)) {
        await connection.sendDiagnostics({ uri, version, diagnostics });
      }
    } finally {
      running.delete(uri);
      if (again.delete(uri)) void validate(uri);
    }
  });

  let linkSupport = false;
  connection.onInitialize((params) => {
    pullSettings = !!params.capabilities.workspace?.configuration;
    linkSupport = !!params.capabilities.textDocument?.definition?.linkSupport;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: ['"', ':', ','] },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll] },
        documentSymbolProvider: true,
        documentLinkProvider: { resolveProvider: false },
        definitionProvider: true,
        foldingRangeProvider: true,
        selectionRangeProvider: true,
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
      },
    };
  });
  connection.onInitialized(() => {
    if (pullSettings)
      void connection.client
        .register(DidChangeConfigurationNotification.type, { section: 'certOrder' })
        .catch(() => undefined);
  });
  connection.onDidChangeConfiguration(() => {
    settingsCache.clear();
    for (const d of documents.all()) void validate(d.uri);
  });

  documents.onDidChangeContent((e) => void validate(e.document.uri));
  documents.onDidClose((e) => {
    settingsCache.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] }).catch(() => undefined);
  });

  // Orders only: a `.csr`/`.pem` document gets the CSR hover and diagnostics, nothing of JSON.
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
      if (c && csr.isCsrDocument(c)) return csr.hoverDocument(c, p.position, await settingsFor(c.uri));
      const d = doc(p.textDocument.uri);
      return d ? service.doHover(d, p.position, await settingsFor(d.uri)) : null;
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
      return linkSupport ? links : links.map((l) => ({ uri: l.targetUri, range: l.targetRange }));
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
  connection.onDocumentFormatting(
    guard('formatting', [], (p) => {
      const d = doc(p.textDocument.uri);
      return d ? service.format(d, undefined, p.options) : [];
    }),
  );
  connection.onDocumentRangeFormatting(
    guard('rangeFormatting', [], (p) => {
      const d = doc(p.textDocument.uri);
      return d ? service.format(d, p.range, p.options) : [];
    }),
  );

  connection.onRequest(
    DecodeCsrRequest,
    guard('decodeCsr', { ok: false, message: 'Decode CSR failed: see the server log.' }, async (p) => {
      const document = p.uri ? documents.get(p.uri) : undefined;
      const settings = await (p.uri ? settingsFor(p.uri) : Promise.resolve(defaultSettings));
      return csr.decode(p, { document, settings, service, readFile: readLocalFile });
    }),
  );

  // The submission's error check: the service's diagnostics for exactly the text to be sent, with
  // the document's settings (not the last published ones, which may be of an older version).
  connection.onRequest(
    ValidateTextRequest,
    guard('validateText', null, async (p) => {
      const document = TextDocument.create(p.uri, 'cert-order', documents.get(p.uri)?.version ?? 0, p.text);
      return service.doValidation(document, await settingsFor(p.uri));
    }),
  );

  documents.listen(connection);
  connection.listen();
}

/** `certOrder` as the client sends it, over the defaults; unknown or mistyped values are ignored. */
export function mergeSettings(value: unknown): OrderSettings {
  const section = (value ?? {}) as { csr?: { keyPolicy?: unknown } };
  const keyPolicy = section.csr?.keyPolicy;
  return {
    ...defaultSettings,
    csr: {
      ...defaultSettings.csr,
      ...(keyPolicy === 'current' || keyPolicy === 'document' ? { keyPolicy } : {}),
    },
  };
}
