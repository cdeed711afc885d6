// The language server over stdio: diagnostics pushed on open and change, completion, hover,
// quick fixes, symbols, folding, formatting, settings pulled per document.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type {
  CodeAction,
  CompletionList,
  DocumentSymbol,
  FoldingRange,
  Hover,
  TextEdit,
} from 'vscode-languageserver-types';
import { LspClient, useLspClient } from './lspClient';

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');
const exampleUri = (name: string) => pathToFileURL(path.join(EXAMPLES, name)).href;
const exampleText = (name: string) => readFileSync(path.join(EXAMPLES, name), 'utf8');

describe('language server over stdio', () => {
  let client: LspClient;
  useLspClient((c) => (client = c));

  it('publishes coded diagnostics on open, again on change, none on close', async () => {
    const uri = exampleUri('comodo-mistakes.order.json');
    const opened = await client.open(uri, exampleText('comodo-mistakes.order.json'));
    const codes = opened.diagnostics.map((d) => d.code);
    for (const code of [
      'credential-in-file',
      'field-name-case',
      'comodo-product-addon-not-allowed',
      'csr-file-unreadable',
    ]) {
      assert.ok(codes.includes(code), `${code} in ${codes.join(', ')}`);
    }
    assert.ok(opened.diagnostics.every((d) => d.source === 'cert-order'));
    const changed = await client.change(uri, exampleText('comodo-autoapplyssl.order.json'), 2);
    assert.deepEqual(changed.diagnostics, [], 'the valid example, its CSR file read relative to the order');
    assert.equal(changed.version, 2);
    assert.deepEqual((await client.close(uri)).diagnostics, []);
  });

  it('answers completion, hover and quick fixes', async () => {
    const uri = 'file:///tmp/cert-order-protocol/a.order.json';
    const text = '{\n  "$api": "comodo-autoapplyssl",\n  "serverSoftware": 2,\n  "test": "yes"\n}\n';
    const { diagnostics } = await client.open(uri, text);
    const completion = await client.request<CompletionList>('textDocument/completion', {
      textDocument: { uri },
      position: { line: 2, character: 20 },
    });
    assert.ok(completion.items.some((i) => i.label === '2 - Apache/ModSSL'));
    const hover = await client.request<Hover>('textDocument/hover', {
      textDocument: { uri },
      position: { line: 2, character: 20 },
    });
    assert.match(JSON.stringify(hover.contents), /Apache\/ModSSL/);
    const yes = diagnostics.find((d) => d.code === 'value-not-allowed')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: yes.range,
      context: { diagnostics: [yes] },
    });
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Write "Y"'],
    );
    assert.equal(actions[0].edit?.changes?.[uri][0].newText, '"Y"');
    await client.close(uri);
  });

  it('symbols, folding and formatting', async () => {
    const uri = exampleUri('ssl2buy-sectigo-pac-enterprise.order.json');
    await client.open(uri, exampleText('ssl2buy-sectigo-pac-enterprise.order.json'));
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', {
      textDocument: { uri },
    });
    assert.ok(symbols.some((s) => s.name === 'OrganisationInfo'));
    const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', {
      textDocument: { uri },
    });
    assert.ok(folds.length >= 3);
    const edits = await client.request<TextEdit[]>('textDocument/formatting', {
      textDocument: { uri },
      options: { tabSize: 4, insertSpaces: true },
    });
    assert.ok(edits.length > 0, 'two-space indentation becomes four');
    await client.close(uri);
  });

  it('pulls settings once per document, again after a configuration change', async () => {
    const uri = 'file:///tmp/cert-order-protocol/settings.order.json';
    // The document's `certOrder` section (the workspace-wide `certOrder.diagnostics` is asked apart).
    const pulls = () => client.sections.filter((s) => s === 'certOrder').length;
    const before = pulls();
    await client.open(uri, '{ "$api": "comodo-autoapplyssl" }');
    await client.change(uri, '{ "$api": "comodo-autoapplyssl", "years": 1 }', 2);
    assert.equal(pulls() - before, 1, 'cached per URI');
    client.settings = { csr: { keyPolicy: 'document' } };
    const republished = client.nextDiagnostics(uri);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await republished;
    assert.equal(pulls() - before, 2, 'cleared on change');
    await client.close(uri);
  });
});
