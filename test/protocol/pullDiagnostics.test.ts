// Pull diagnostics over stdio (issue 10, LSP 3.17): what a client that pulls gets, beyond the
// workspace suite both modes run (workspaceDiagnostics.test.ts). The provider is announced only to
// such a client; a document's report carries a resultId and is `unchanged` when the client holds
// it; a pull right after a change answers for that change; a CSR saved under an open order makes
// the server ask for a refresh; and workspace/diagnostic without a partial result token is a long
// poll: what is ready, else the first report that becomes ready, and a deleted order comes back
// as an empty report without a resultId.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { fixture } from '../unit/csr/openssl';
import { LspClient, type Published } from './lspClient';
import { ADDRESS, comodoOrder } from './orders';

const CHANGED = 2;
const DELETED = 3;

interface Report {
  kind: 'full' | 'unchanged';
  uri?: string;
  version?: number | null;
  resultId?: string;
  items?: { code?: unknown }[];
}

const order = (fields: Record<string, unknown> = {}) =>
  comodoOrder({ ...ADDRESS, csr: 'file:www.csr', ...fields });
const codes = (items: { code?: unknown }[] = []) => items.map((d) => String(d.code)).sort();
const hasCode = (code: string) => (p: Published) => codes(p.diagnostics).includes(code);

describe('pull diagnostics over stdio', () => {
  let root: string;
  let client: LspClient;
  const file = (name: string) => path.join(root, name);
  const uri = (name: string) => pathToFileURL(file(name)).href;
  const notifyChanged = (name: string, type: number) =>
    client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: uri(name), type }],
    });
  const documentPull = (name: string, previousResultId?: string) =>
    client.request<Report>('textDocument/diagnostic', { textDocument: { uri: uri(name) }, previousResultId });
  /** workspace/diagnostic as a client without partial results sends it. */
  const workspacePull = (previous: Map<string, string>, token?: CancellationTokenSource) => {
    const params = { previousResultIds: [...previous].map(([u, value]) => ({ uri: u, value })) };
    return (
      token
        ? client.connection.sendRequest('workspace/diagnostic', params, token.token)
        : client.connection.sendRequest('workspace/diagnostic', params)
    ) as Promise<{ items: Report[] }>;
  };

  before(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'cert-order-pull-'));
    copyFileSync(fixture('ec-p256.csr'), file('www.csr'));
    writeFileSync(file('a.order.json'), order());
    writeFileSync(file('b.order.json'), order({ years: '1' }));
    client = await LspClient.startOnFolder(root, { pull: true });
  });

  after(() => client.stopAndRemove(root));

  it('announces a diagnostic provider to a client that pulls, and to no other', async () => {
    assert.deepEqual(client.serverCapabilities.diagnosticProvider, {
      identifier: 'cert-order',
      interFileDependencies: false,
      workspaceDiagnostics: true,
    });
    const push = await LspClient.start();
    try {
      assert.equal(push.serverCapabilities.diagnosticProvider, undefined);
    } finally {
      await push.stop();
    }
  });

  it("a document's report has a resultId, and is unchanged while the client holds it", async () => {
    const opened = await client.open(uri('a.order.json'), order({ serverSoftware: 99 }));
    assert.deepEqual(codes(opened.diagnostics), ['value-not-allowed']);
    const first = await documentPull('a.order.json');
    assert.equal(first.kind, 'full');
    assert.ok(first.resultId);
    const again = await documentPull('a.order.json', first.resultId);
    assert.deepEqual(again, { kind: 'unchanged', resultId: first.resultId });
    // An edit makes a new report (its quick fixes name the document's version).
    const fixed = await client.change(uri('a.order.json'), order(), 2);
    assert.deepEqual(codes(fixed.diagnostics), []);
    const after = await documentPull('a.order.json', first.resultId);
    assert.equal(after.kind, 'full');
    assert.notEqual(after.resultId, first.resultId);
  });

  it('a pull sent right after a change answers for that change', async () => {
    // No wait between the change and the pull: the server is still validating version 3.
    void client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: uri('a.order.json'), version: 3 },
      contentChanges: [{ text: order({ years: '1' }) }],
    });
    const report = await documentPull('a.order.json');
    assert.deepEqual(codes(report.items), ['comodo-validity-both', 'wrong-type']);
  });

  it('a CSR saved under an open order: the server asks the client to pull again', async () => {
    const refreshes = client.refreshes;
    copyFileSync(fixture('rsa1024-md5.csr'), file('www.csr'));
    await notifyChanged('www.csr', CHANGED);
    // The refresh makes this client pull the shown order again, as VS Code does.
    await client.waitForDiagnostics(uri('a.order.json'), hasCode('csr-unsupported-key-size'));
    assert.ok(client.refreshes > refreshes, 'workspace/diagnostic/refresh was sent');
    // The unopened order that uses the same CSR came through the workspace report.
    await client.waitForDiagnostics(uri('b.order.json'), hasCode('csr-unsupported-key-size'));
  });

  it('a client that pulls documents only has the disk orders pushed until it asks for the workspace', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cert-order-pull-docs-'));
    const unopened = pathToFileURL(path.join(dir, 'c.order.json')).href;
    writeFileSync(path.join(dir, 'c.order.json'), order({ years: '1' }));
    const documentsOnly = await LspClient.start({
      workspaceFolders: [pathToFileURL(dir).href],
      watchFiles: true,
      pull: true,
      pullWorkspace: false,
    });
    documentsOnly.settings = { diagnostics: { workspace: true } };
    try {
      await documentsOnly.waitForDiagnostics(unopened, hasCode('wrong-type'));
      assert.ok(documentsOnly.pushed > 0, 'pushed: it may never send workspace/diagnostic');
      const pushed = documentsOnly.pushed;
      const cleared = documentsOnly.waitForDiagnostics(unopened, (p) => p.diagnostics.length === 0);
      documentsOnly.startWorkspacePull();
      // The pushed problems are cleared, and the same come from the workspace report instead.
      await cleared;
      assert.equal(documentsOnly.pushed, pushed + 1);
      await documentsOnly.waitForDiagnostics(unopened, hasCode('wrong-type'));
      assert.equal(documentsOnly.pushed, pushed + 1, 'nothing more pushed');
    } finally {
      await documentsOnly.stopAndRemove(dir);
    }
  });

  it('without a partial result token, workspace/diagnostic is a long poll', async () => {
    const held = new Map<string, string>();
    const first = await workspacePull(held);
    const b = first.items.find((i) => i.uri === uri('b.order.json'));
    assert.equal(b?.kind, 'full');
    assert.equal(b?.version, null, 'a disk report has no version');
    for (const item of first.items) if (item.resultId) held.set(item.uri!, item.resultId);
    // Nothing differs from what is held: the request waits for the next change.
    const waiting = workspacePull(held);
    let settled = false;
    void waiting.then(() => (settled = true));
    await client.request('textDocument/documentSymbol', { textDocument: { uri: uri('a.order.json') } });
    assert.equal(settled, false, 'nothing to report yet');
    rmSync(file('b.order.json'));
    await notifyChanged('b.order.json', DELETED);
    const gone = await waiting;
    assert.deepEqual(gone.items, [{ kind: 'full', uri: uri('b.order.json'), version: null, items: [] }]);
    // A request the client gives up on ends with nothing.
    held.delete(uri('b.order.json'));
    const source = new CancellationTokenSource();
    const cancelled = workspacePull(held, source);
    // Once a later request is answered, the server has started this one (a cancellation that
    // comes before that is dropped by the protocol library: there is nothing yet to cancel).
    await client.request('textDocument/documentSymbol', { textDocument: { uri: uri('a.order.json') } });
    source.cancel();
    assert.deepEqual((await cancelled).items, []);
  });
});
