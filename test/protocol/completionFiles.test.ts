// Completion of `file:` CSRs and `$schema` over stdio: the server lists the order's folder
// (the shipped examples, next to the repository's schemas/).
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { CompletionList } from 'vscode-languageserver-types';
import { LspClient, useLspClient } from './lspClient';

const uri = pathToFileURL(path.join(__dirname, '..', '..', 'examples', 'new.order.json')).href;

describe('file value completion over stdio', () => {
  let client: LspClient;
  useLspClient((c) => (client = c));

  async function complete(text: string, line: number, character: number): Promise<string[]> {
    await client.open(uri, text);
    const list = await client.request<CompletionList>('textDocument/completion', {
      textDocument: { uri },
      position: { line, character },
    });
    await client.close(uri);
    return list.items.map((i) => i.label);
  }

  it('the csr field offers the .csr files next to the order', async () => {
    const labels = await complete('{\n  "$api": "comodo-autoapplyssl",\n  "csr": ""\n}', 2, 10);
    for (const name of ['www.example.com.csr', 'wildcard.example.com.csr', 'intranet-server01.csr'])
      assert.ok(labels.includes(`file:${name}`), `file:${name} in ${labels.join(', ')}`);
    assert.ok(
      labels.every((l) => /^file:.+\.(csr|pem)$/i.test(l)),
      labels.join(', '),
    );
  });

  it('$schema offers ../schemas/<api>.schema.json', async () => {
    const labels = await complete('{\n  "$api": "comodo-autoapplyssl",\n  "$schema": ""\n}', 2, 14);
    assert.deepEqual(labels, ['../schemas/comodo-autoapplyssl.schema.json']);
  });
});
