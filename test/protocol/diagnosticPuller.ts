// The pull side of the protocol tests' client (lspClient.ts, `pull: true`): diagnostics pulled as
// VS Code's client pulls them (vscode-languageclient 9, diagnostic.ts). A textDocument/diagnostic
// for a document it shows, after each open and change and once as it closes, whose answer counts
// while the document is shown; one workspace/diagnostic with a partial result token, asked again
// whenever it ends, whose reports count for every document but the shown ones; a
// workspace/diagnostic/refresh pulls the shown documents again. One resultId a document, as VS
// Code sends back the document pull's over the workspace's.
import { randomUUID } from 'node:crypto';
import { CancellationTokenSource, ProgressType, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic } from 'vscode-languageserver-types';

/** Diagnostics of a document as the client got them (pushed or pulled). */
export interface Published {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}

/** A pulled report, as the server sends it (textDocument/diagnostic or in workspace/diagnostic). */
interface PulledReport {
  kind: 'full' | 'unchanged';
  uri?: string;
  version?: number | null;
  resultId?: string;
  items?: Diagnostic[];
}

export class DiagnosticPuller {
  /** workspace/diagnostic/refresh requests received. */
  refreshes = 0;
  private readonly shown = new Set<string>();
  private readonly resultIds = new Map<string, string>();
  private workspacePull: CancellationTokenSource | undefined;
  private stopped = false;

  /**
   * @param deliver takes diagnostics that count (the client's latest and its waiters)
   * @param last the diagnostics the client holds for a document (an `unchanged` answer keeps them)
   */
  constructor(
    private readonly connection: MessageConnection,
    private readonly deliver: (p: Published) => void,
    private readonly last: (uri: string) => Diagnostic[] | undefined,
  ) {
    connection.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshes++;
      for (const uri of this.shown) void this.pullDocument(uri);
      return null;
    });
  }

  /** A tab shows the document from now on: its own pulls count, not the workspace's reports. */
  show(uri: string): void {
    this.shown.add(uri);
  }

  /** Its tab closed: VS Code pulls it once more and drops the answer. */
  async hide(uri: string): Promise<void> {
    this.shown.delete(uri);
    await this.pullDocument(uri);
  }

  async pullDocument(uri: string, version?: number): Promise<Published> {
    const report = (await this.connection.sendRequest('textDocument/diagnostic', {
      textDocument: { uri },
      previousResultId: this.resultIds.get(uri),
    })) as PulledReport;
    const diagnostics = report.kind === 'full' ? (report.items ?? []) : (this.last(uri) ?? []);
    const published: Published = { uri, version, diagnostics };
    if (!this.shown.has(uri)) return published;
    this.hold(uri, report.resultId);
    this.deliver(published);
    return published;
  }

  /** One workspace/diagnostic with a partial result token; asked again as soon as it ends. */
  startWorkspace(): void {
    if (this.stopped) return;
    const token = randomUUID();
    const take = (items: PulledReport[]) => {
      for (const item of items) {
        const uri = item.uri!;
        this.hold(uri, item.resultId);
        if (this.shown.has(uri) || item.kind !== 'full') continue;
        this.deliver({ uri, version: item.version ?? undefined, diagnostics: item.items ?? [] });
      }
    };
    const progress = this.connection.onProgress(new ProgressType<{ items: PulledReport[] }>(), token, (p) =>
      take(p.items),
    );
    this.workspacePull = new CancellationTokenSource();
    const previousResultIds = [...this.resultIds].map(([uri, value]) => ({ uri, value }));
    (
      this.connection.sendRequest(
        'workspace/diagnostic',
        { previousResultIds, partialResultToken: token },
        this.workspacePull.token,
      ) as Promise<{ items: PulledReport[] }>
    ).then(
      (result) => {
        progress.dispose();
        take(result.items);
        this.startWorkspace();
      },
      () => progress.dispose(),
    );
  }

  /** No more workspace requests; the open one is cancelled. */
  stop(): void {
    this.stopped = true;
    this.workspacePull?.cancel();
  }

  private hold(uri: string, resultId: string | undefined): void {
    if (resultId) this.resultIds.set(uri, resultId);
    else this.resultIds.delete(uri);
  }
}
