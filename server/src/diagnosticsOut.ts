// Where diagnostics go (issue 10). A client that supports pull diagnostics (LSP 3.17; VS Code's
// vscode-languageclient does) pulls them: textDocument/diagnostic for the documents it shows, and
// one long-running workspace/diagnostic for everything else, every order of the workspace and the
// open documents it does not show. Any other client has them pushed (publishDiagnostics), as
// before. The server computes each document's diagnostics once either way and hands them here.
//
// The workspace request is held open: its reports go out as partial results ($/progress on the
// client's partialResultToken) as orders are checked and changed, so a change on disk reaches the
// Problems panel without the client polling; a client that sends no token gets the reports that
// are ready (or, when none are, the first that become ready) as the request's result, and asks
// again. A report the client already holds, by the resultId it sends back, is not sent again.
// A client may pull documents and never ask for the workspace (LSP has no capability that says
// it will): until its first workspace/diagnostic, the reports of orders read from disk are also
// pushed, and cleared from there when it comes (VS Code asks at once, before the first is ready).
import type {
  CancellationToken,
  Connection,
  Diagnostic,
  DocumentDiagnosticReport,
  WorkspaceDiagnosticParams,
  WorkspaceDiagnosticReport,
  WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver/node';

/** What the server does with a document's diagnostics. */
export interface DiagnosticsOut {
  /** A document's diagnostics: `version` for an open document, none for one read from disk. */
  set(uri: string, diagnostics: Diagnostic[], version?: number): void;
  /** The document has none any more (deleted, closed outside the workspace, setting off). */
  clear(uri: string): void;
}

/** publishDiagnostics, for clients without pull diagnostics. */
export function pushDiagnostics(connection: Connection): DiagnosticsOut {
  const send = (uri: string, diagnostics: Diagnostic[], version?: number) =>
    void connection.sendDiagnostics({ uri, version, diagnostics }).catch(() => undefined);
  return { set: send, clear: (uri) => send(uri, []) };
}

/** The options the server registers its diagnostic provider with. */
export const DIAGNOSTIC_PROVIDER = {
  identifier: 'cert-order',
  // Editing one document never changes another's diagnostics: an order reads its `file:` CSR from
  // disk, so only a saved CSR does, and the file watchers report that (the server then asks the
  // client to pull again).
  interFileDependencies: false,
  workspaceDiagnostics: true,
} as const;

/** How long reports that come close together wait to go out as one partial result. */
const BATCH_MS = 25;

interface Report {
  resultId: string;
  version: number | null;
  diagnostics: Diagnostic[];
  /** JSON of the diagnostics: an unchanged result keeps its resultId. */
  key: string;
}

/** One open workspace/diagnostic request. */
interface Stream {
  /** What the client holds: uri -> resultId. */
  known: Map<string, string>;
  /** Documents whose report may differ from what the client holds. */
  dirty: Set<string>;
  /** Documents to send even when the client holds the same resultId (see `resend`). */
  forced: Set<string>;
  /** Sends (or, without a partial result token, returns) what is ready. */
  wake(): void;
}

type ProgressReporter = { report(value: { items: WorkspaceDocumentDiagnosticReport[] }): void };

export class PullDiagnostics implements DiagnosticsOut {
  private readonly reports = new Map<string, Report>();
  private readonly streams = new Set<Stream>();
  /** Waiting for a document's next report (textDocument/diagnostic of an open document). */
  private readonly waiters = new Map<string, Set<() => void>>();
  /** Unique to this process: a resultId of an earlier server is never taken for one of ours. */
  private readonly prefix = `${process.pid.toString(36)}.${Date.now().toString(36)}.`;
  private counter = 0;
  /** Until the first workspace/diagnostic: the disk reports pushed as well. */
  private workspaceAsked = false;
  private readonly pushed = new Set<string>();

  constructor(private readonly push: DiagnosticsOut) {}

  set(uri: string, diagnostics: Diagnostic[], version?: number): void {
    if (!this.workspaceAsked && version === undefined) {
      this.push.set(uri, diagnostics);
      this.pushed.add(uri);
    } else if (this.pushed.delete(uri)) {
      // Opened: the client pulls it now.
      this.push.clear(uri);
    }
    const key = JSON.stringify(diagnostics);
    const old = this.reports.get(uri);
    const resultId = old?.key === key ? old.resultId : `${this.prefix}${++this.counter}`;
    this.reports.set(uri, { resultId, version: version ?? null, diagnostics, key });
    this.wake(uri);
    if (old?.resultId !== resultId) this.touch(uri);
  }

  clear(uri: string): void {
    if (this.pushed.delete(uri)) this.push.clear(uri);
    this.wake(uri);
    if (this.reports.delete(uri)) this.touch(uri);
  }

  /** Wakes whoever waits for the document (`next`): a report came, or its validation ended. */
  wake(uri: string): void {
    for (const wake of this.waiters.get(uri) ?? []) wake();
  }

  /** The answer to textDocument/diagnostic from the document's current report. */
  documentReport(uri: string, previousResultId: string | undefined): DocumentDiagnosticReport {
    const report = this.reports.get(uri);
    if (!report) return { kind: 'full', items: [] };
    if (report.resultId === previousResultId) return { kind: 'unchanged', resultId: report.resultId };
    return { kind: 'full', resultId: report.resultId, items: report.diagnostics };
  }

  /** Resolves at the document's next report or `wake`, or when `token` is cancelled. */
  next(uri: string, token: CancellationToken): Promise<void> {
    return new Promise((resolve) => {
      let waiting = this.waiters.get(uri);
      if (!waiting) this.waiters.set(uri, (waiting = new Set()));
      const done = () => {
        waiting.delete(done);
        if (waiting.size === 0 && this.waiters.get(uri) === waiting) this.waiters.delete(uri);
        cancelled.dispose();
        resolve();
      };
      waiting.add(done);
      const cancelled = token.onCancellationRequested(done);
    });
  }

  /**
   * The workspace stream sends the document's report again, or that it has none, though the
   * client may hold it by resultId. VS Code's client drops a workspace report for a document it
   * pulls itself, still recording its resultId; when the document closes it pulls once more and
   * then stops. A report sent in between would be lost: after that last pull, it is sent again.
   */
  resend(uri: string): void {
    for (const stream of this.streams) {
      stream.forced.add(uri);
      stream.dirty.add(uri);
      stream.wake();
    }
  }

  /** workspace/diagnostic: held open until the client cancels it (see the head of this file). */
  workspace(
    params: WorkspaceDiagnosticParams,
    token: CancellationToken,
    progress: ProgressReporter | undefined,
  ): Promise<WorkspaceDiagnosticReport> {
    const known = new Map(params.previousResultIds.map((p) => [p.uri, p.value] as const));
    if (!this.workspaceAsked) {
      this.workspaceAsked = true;
      for (const uri of this.pushed) this.push.clear(uri);
      this.pushed.clear();
    }
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const finish = (items: WorkspaceDocumentDiagnosticReport[]) => {
        clearTimeout(timer);
        this.streams.delete(stream);
        cancelled.dispose();
        resolve({ items });
      };
      const flush = () => {
        timer = undefined;
        const items = this.take(stream);
        if (items.length === 0) return;
        if (progress) progress.report({ items });
        else finish(items);
      };
      const stream: Stream = {
        known,
        dirty: new Set([...this.reports.keys(), ...known.keys()]),
        forced: new Set(),
        wake: () => {
          timer ??= setTimeout(flush, BATCH_MS);
        },
      };
      const cancelled = token.onCancellationRequested(() => finish([]));
      this.streams.add(stream);
      // What is ready now goes out at once: at start-up, the orders already checked.
      flush();
    });
  }

  private touch(uri: string): void {
    for (const stream of this.streams) {
      stream.dirty.add(uri);
      stream.wake();
    }
  }

  /** The reports of `stream`'s dirty documents that differ from what its client holds. */
  private take(stream: Stream): WorkspaceDocumentDiagnosticReport[] {
    const items: WorkspaceDocumentDiagnosticReport[] = [];
    for (const uri of stream.dirty) {
      const report = this.reports.get(uri);
      const forced = stream.forced.has(uri);
      if (report) {
        if (!forced && stream.known.get(uri) === report.resultId) continue;
        stream.known.set(uri, report.resultId);
        items.push({
          kind: 'full',
          uri,
          version: report.version,
          resultId: report.resultId,
          items: report.diagnostics,
        });
      } else if (stream.known.delete(uri) || forced) {
        // Gone: an empty report with no resultId, so the client stops sending one for it.
        items.push({ kind: 'full', uri, version: null, items: [] });
      }
    }
    stream.dirty.clear();
    stream.forced.clear();
    return items;
  }
}
