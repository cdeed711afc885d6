// What a user meets while writing an order, over stdio: values found by name, a field name that
// opens its value list, "Fix All", and `file:` references as links (documentLink, definition).
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  type CodeAction,
  type CompletionList,
  type DocumentLink,
  type Location,
} from 'vscode-languageserver-types';
import { LspClient, useLspClient } from './lspClient';

const uri = 'file:///tmp/cert-order-protocol/editor-features.order.json';

describe('editor features over stdio', () => {
  let client: LspClient;
  useLspClient((c) => (client = c));

  async function complete(text: string, line: number, character: number): Promise<CompletionList> {
    await client.open(uri, text);
    try {
      return await client.request<CompletionList>('textDocument/completion', {
        textDocument: { uri },
        position: { line, character },
      });
    } finally {
      await client.close(uri);
    }
  }

  it('serverSoftware and product values carry their names in filterText', async () => {
    const software = await complete('{\n  "$api": "comodo-autoapplyssl",\n  "serverSoftware": \n}', 2, 20);
    const tomcat = software.items.find((i) => i.label === '24 - Tomcat');
    assert.equal(tomcat?.filterText, '24 Tomcat');
    const products = await complete('{\n  "$api": "comodo-autoapplyssl",\n  "product": ""\n}', 2, 14);
    const premium = products.items.filter((i) => /premium/i.test(i.filterText ?? ''));
    assert.deepEqual(
      premium.filter((i) => !i.label.includes(',')).map((i) => i.filterText),
      ['"7" PremiumSSL', '"35" PremiumSSL Wildcard'],
    );
  });

  it('a field name inserts an empty value and asks the editor to suggest', async () => {
    const list = await complete('{\n  "$api": "comodo-autoapplyssl",\n  \n}', 2, 2);
    const product = list.items.find((i) => i.label === 'product')!;
    assert.equal(product.insertText ?? product.textEdit?.newText, '"product": "$1"');
    assert.equal(product.command?.command, 'editor.action.triggerSuggest');
  });

  it('source.fixAll applies every certain fix in one edit', async () => {
    const text =
      '{\n  "$api": "comodo-autoapplyssl",\n  "Product": "24,36,36",\n  "years": "1",\n  "test": "yes"\n}';
    const { diagnostics } = await client.open(uri, text);
    const end = { line: 6, character: 0 };
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end },
      context: { diagnostics, only: [CodeActionKind.SourceFixAll] },
    });
    await client.close(uri);
    assert.deepEqual(
      actions.map((a) => a.kind),
      [CodeActionKind.SourceFixAll],
    );
    const edits = actions[0].edit!.changes![uri];
    const written = edits.map((e) => e.newText).sort();
    for (const fix of ['"product"', '"24,36"', '1', '"Y"'])
      assert.ok(written.includes(fix), written.join(' | '));
  });

  const EXAMPLES = path.join(__dirname, '..', '..', 'examples');
  const inExamples = (name: string) => pathToFileURL(path.join(EXAMPLES, name)).href;

  it('a readable file: reference is a link to the file, on its path', async () => {
    const order = inExamples('links.order.json');
    const text = '{\n  "$api": "comodo-autoapplyssl",\n  "csr": "file:www.example.com.csr"\n}\n';
    await client.open(order, text);
    const links = await client.request<DocumentLink[]>('textDocument/documentLink', {
      textDocument: { uri: order },
    });
    assert.equal(links.length, 1);
    assert.equal(links[0].target, inExamples('www.example.com.csr'));
    const { start, end } = links[0].range;
    assert.equal(text.split('\n')[2].slice(start.character, end.character), 'www.example.com.csr');
    // A missing file and an unsaved order give no link (their diagnostics say why).
    await client.change(order, text.replace('www.example.com.csr', 'no-such.csr'), 2);
    assert.deepEqual(await client.request('textDocument/documentLink', { textDocument: { uri: order } }), []);
    await client.close(order);
    await client.open('untitled:Untitled-1', text);
    assert.deepEqual(
      await client.request('textDocument/documentLink', { textDocument: { uri: 'untitled:Untitled-1' } }),
      [],
    );
    await client.close('untitled:Untitled-1');
  });

  it('Go to Definition on the reference opens the CSR file; elsewhere nothing', async () => {
    const order = inExamples('definition.order.json');
    const text = '{\n  "$api": "comodo-autoapplyssl",\n  "csr": "file:wildcard.example.com.csr"\n}\n';
    await client.open(order, text);
    const at = (line: number, character: number) =>
      client.request<Location[]>('textDocument/definition', {
        textDocument: { uri: order },
        position: { line, character },
      });
    const onQuote = await at(2, 9);
    assert.deepEqual(
      onQuote.map((l) => l.uri),
      [inExamples('wildcard.example.com.csr')],
    );
    assert.deepEqual(
      (await at(2, 20)).map((l) => l.uri),
      [inExamples('wildcard.example.com.csr')],
    );
    assert.deepEqual(await at(1, 5), []);
    await client.close(order);
  });
});
