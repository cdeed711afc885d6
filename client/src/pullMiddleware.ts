// The language client's middleware for pulled diagnostics (server/src/diagnosticsOut.ts).
// vscode-languageclient 9 answers a document pull that the next keystroke cancelled with an empty
// report and shows it (diagnostic.js: `if (token.isCancellationRequested) return { kind: full,
// items: [] }`), so the Problems panel and the status bar blink to no problems while a user types
// (vscode-languageserver-node#1471). A cancelled pull is thrown as a cancellation instead, which
// the client takes as "pull again" and shows nothing in between.
import type { CancellationToken } from 'vscode';

type Next<D, R> = (document: D, previousResultId: string | undefined, token: CancellationToken) => R;

/** `middleware.provideDiagnostics`; `cancellation` makes the error the client reads as cancelled. */
export function throwWhenCancelled(cancellation: () => Error) {
  return async <D, R>(
    document: D,
    previousResultId: string | undefined,
    token: CancellationToken,
    next: Next<D, R>,
  ): Promise<Awaited<R>> => {
    const report = await next(document, previousResultId, token);
    if (token.isCancellationRequested) throw cancellation();
    return report;
  };
}
