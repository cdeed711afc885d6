// certOrder/validateText: the service's diagnostics for exactly the text given (what the
// submission is about to send), whatever the server last published for the document.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-types';
import { LspClient, useLspClient } from './lspClient';

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');
const exampleUri = (name: string) => pathToFileURL(path.join(EXAMPLES, name)).href;
const exampleText = (name: string) => readFileSync(path.join(EXAMPLES, name), 'utf8');

describe('certOrder/validateText', () => {
  let client: LspClient;
  useLspClient((c) => (client = c));

  it('validates the text given, not the document the server holds', async () => {
    const uri = exampleUri('comodo-autoapplyssl.order.json');
    const opened = await client.open(uri, exampleText('comodo-autoapplyssl.order.json'));
    assert.deepEqual(opened.diagnostics, [], 'the valid example is published clean');

    const mistakes = await client.request<Diagnostic[]>('certOrder/validateText', {
      uri,
      text: exampleText('comodo-mistakes.order.json'),
    });
    const codes = mistakes.filter((d) => d.severity === 1).map((d) => d.code);
    assert.ok(codes.includes('comodo-product-addon-not-allowed'), codes.join(', '));
    assert.ok(mistakes.every((d) => d.source === 'cert-order'));

    const valid = await client.request<Diagnostic[]>('certOrder/validateText', {
      uri,
      text: exampleText('comodo-autoapplyssl.order.json'),
    });
    assert.deepEqual(valid, [], 'its `file:` CSR read relative to the URI');
    await client.close(uri);
  });

  it('answers for a document the server does not hold, with its settings pulled', async () => {
    const uri = exampleUri('comodo-inline-csr.order.json');
    const before = client.configurationRequests;
    const diagnostics = await client.request<Diagnostic[]>('certOrder/validateText', {
      uri,
      text: '{ "$api": "comodo-autoapplyssl", "test": "yes" }',
    });
    assert.ok(diagnostics.some((d) => d.code === 'value-not-allowed' && d.severity === 1));
    assert.equal(client.configurationRequests - before, 1, 'the document settings are used');
  });
});
