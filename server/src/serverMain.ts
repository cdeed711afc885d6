// Thin LSP wiring around the pure order language service: documents, settings pulled per
// document (settings.ts), diagnostics computed on open and change and pulled by the client or
// pushed to it (diagnosticsOut.ts), the request handlers (handlers.ts), and every order of the
// workspace checked from disk (workspaceOrders.ts). Every handler is guarded (guard.ts): bad input
// gets an empty answer, never a crash.
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createCsrFeatures } from './csr';
import { DIAGNOSTIC_PROVIDER, PullDiagnostics, pushDiagnostics, type DiagnosticsOut } from './diagnosticsOut';
import { createGuard } from './guard';
import { registerDocumentHandlers } from './handlers';
import { listLocalDirectory, readLocalFile } from './localFiles';
import { getOrderLanguageService, type CsrParticipant, type OrderLanguageService } from './service';
import { SettingsSource } from './settings';
import { WorkspaceOrders } from './workspaceOrders';
import { containedReader, initializeScope, WorkspaceScope } from './workspace';
import { followTrust } from './workspaceTrust';

export { mergeSettings } from './settings';

export interface ServerOptions {
  /** The CSR participant (issue 3), when there is one. */
  csr?: CsrParticipant;
}

/** The workspace folders of `initialize` (or its rootUri when the client sends no folders). */
function initialFolders(params: InitializeParams): string[] {
  if (params.workspaceFolders) return params.workspaceFolders.map((f) => f.uri);
  return params.rootUri ? [params.rootUri] : [];
}

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  const guard = createGuard(connection);
  // CSR intelligence (issue 3): the participant, `.csr`/`.pem` documents, Decode CSR.
  const csr = createCsrFeatures();
  // `file:` references are read only inside the order's workspace folder (./workspace).
  const scope = new WorkspaceScope();
  const readFile = containedReader(scope, readLocalFile);
  const service: OrderLanguageService = getOrderLanguageService({
    readFile,
    listDirectory: listLocalDirectory,
    csr: options.csr ?? csr.participant,
  });
  const settings = new SettingsSource(connection);
  // Pushed unless the client says in `initialize` that it pulls (then `pull` is set).
  let pull: PullDiagnostics | undefined;
  let refreshSupport = false;
  const push = pushDiagnostics(connection);
  const out: DiagnosticsOut = {
    set: (uri, diagnostics, version) => (pull ?? push).set(uri, diagnostics, version),
    clear: (uri) => (pull ?? push).clear(uri),
  };
  /** Pulled diagnostics of shown documents are stale for a reason the client cannot see. */
  let refreshing = false;
  const refresh = () => {
    if (!pull || !refreshSupport || refreshing) return;
    // One request for every cause in this turn (a CSR that many open orders use).
    refreshing = true;
    setImmediate(() => {
      refreshing = false;
      void Promise.resolve(connection.languages.diagnostics.refresh()).catch(() => undefined);
    });
  };

  const workspace = new WorkspaceOrders({
    connection,
    out,
    service,
    settings,
    isOpen: (uri) => documents.get(uri) !== undefined,
    revalidateOpen: (uri) => {
      void validate(uri);
      refresh();
    },
    log: (message) => connection.console.log(message),
  });

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
      const s = await settings.for(uri);
      const isCsr = csr.isCsrDocument(document);
      const diagnostics = isCsr ? csr.validateDocument(document, s) : await service.doValidation(document, s);
      // A newer version is already waiting: its diagnostics follow.
      if (documents.get(uri)?.version === version && !again.has(uri)) out.set(uri, diagnostics, version);
      // Which CSR files it uses (from the validation's parse, nothing read again): a change to one
      // on disk checks the order again.
      if (!isCsr) workspace.recordCsrs(uri, service.getCsrFileReferences(document));
    } finally {
      running.delete(uri);
      if (again.delete(uri)) void validate(uri);
      // A pull waiting for this document answers now (with the last report, had this run failed).
      else pull?.wake(uri);
    }
  });

  let linkSupport = false;
  let watchFiles = false;
  let folderEvents = false;
  connection.onInitialize((params) => {
    settings.pull = !!params.capabilities.workspace?.configuration;
    linkSupport = !!params.capabilities.textDocument?.definition?.linkSupport;
    watchFiles = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    folderEvents = !!params.capabilities.workspace?.workspaceFolders;
    if (params.capabilities.textDocument?.diagnostic) pull = new PullDiagnostics(push);
    refreshSupport = !!params.capabilities.workspace?.diagnostics?.refreshSupport;
    workspace.setFolders(initialFolders(params));
    initializeScope(scope, params);
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
        ...(pull ? { diagnosticProvider: DIAGNOSTIC_PROVIDER } : {}),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
    };
  });

  /** `certOrder.diagnostics.workspace` (default on): the client's value, when it can be asked. */
  const readWorkspaceSetting = guard('workspace setting', undefined, async () => {
    if (!settings.pull) return;
    const value: unknown = await connection.workspace.getConfiguration('certOrder.diagnostics');
    workspace.setEnabled((value as { workspace?: unknown } | null)?.workspace !== false);
  });

  connection.onInitialized(() => {
    connection.console.log(
      pull
        ? 'diagnostics: pulled by the client (textDocument/diagnostic, workspace/diagnostic)'
        : 'diagnostics: pushed (the client does not pull them)',
    );
    if (settings.pull)
      void connection.client
        .register(DidChangeConfigurationNotification.type, { section: 'certOrder' })
        .catch(() => undefined);
    if (watchFiles) void workspace.watch().catch(() => undefined);
    if (folderEvents)
      connection.workspace.onDidChangeWorkspaceFolders(
        guard('workspaceFolders', undefined, async () => {
          const folders = await connection.workspace.getWorkspaceFolders();
          workspace.setFolders((folders ?? []).map((f) => f.uri));
          scope.setFolders(folders ?? []);
        }),
      );
    void readWorkspaceSetting();
  });
  followTrust(connection, scope);
  // Trust granted or folders changed: what may be read changed, so every open order is checked again.
  scope.onDidChange(() => {
    for (const d of documents.all()) void validate(d.uri);
    workspace.recheck();
    refresh();
  });
  connection.onDidChangeConfiguration(() => {
    settings.clear();
    for (const d of documents.all()) void validate(d.uri);
    workspace.recheck();
    refresh();
    void readWorkspaceSetting();
  });
  connection.onDidChangeWatchedFiles(
    guard('watchedFiles', undefined, (p) => workspace.filesChanged(p.changes)),
  );

  documents.onDidOpen((e) => workspace.opened(e.document.uri));
  documents.onDidChangeContent((e) => void validate(e.document.uri));
  documents.onDidClose((e) => {
    const uri = e.document.uri;
    settings.forget(uri);
    // An order of the workspace keeps its problems (read from disk again); others are cleared.
    if (!workspace.closed(uri)) out.clear(uri);
    // VS Code pulls a document as its tab closes, before didClose, and drops the answer; from here
    // the workspace report is what it shows, though it may hold its resultId: sent again.
    pull?.resend(uri);
  });

  // Pull diagnostics. A shown document: the diagnostics of its current version, once computed
  // (the change that made it is being validated). Any other: what the workspace holds for it (VS
  // Code pulls a document once more as it closes, then relies on the workspace report).
  connection.languages.diagnostics.on(
    guard('diagnostic', { kind: 'full', items: [] }, async (params, token) => {
      if (!pull) return { kind: 'full', items: [] };
      const uri = params.textDocument.uri;
      for (;;) {
        const document = documents.get(uri);
        if (!document) {
          const report = pull.documentReport(uri, params.previousResultId);
          setImmediate(() => pull?.resend(uri));
          return report;
        }
        // Every change starts a validation before this request is read (messages come in order):
        // while one runs, the report is older than the document.
        if (!running.has(uri) || token.isCancellationRequested)
          return pull.documentReport(uri, params.previousResultId);
        await pull.next(uri, token);
      }
    }),
  );
  connection.languages.diagnostics.onWorkspace(
    guard('workspace diagnostic', { items: [] }, (params, token, _done, progress) =>
      pull ? pull.workspace(params, token, progress) : { items: [] },
    ),
  );

  registerDocumentHandlers({
    connection,
    documents,
    service,
    csr,
    settings,
    guard,
    readFile,
    linkSupport: () => linkSupport,
  });

  documents.listen(connection);
  connection.listen();
}
