// Inputs a hostile repository can hold, over stdio: every answer bounded in size, with a message
// saying why it is cut short.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TextEdit } from 'vscode-languageserver-types';
import { LspClient, useLspClient } from './lspClient';

const spaces = { tabSize: 2, insertSpaces: true };

describe('bounded answers over stdio', () => {
  let client: LspClient;
  useLspClient((c) => (client = c));

  it('a 3 MB order with 100,000 duplicated keys publishes 1,000 diagnostics and one too-many-problems', async () => {
    const uri = 'file:///tmp/cert-order-limits/duplicates.order.json';
    const keys = Array.from({ length: 100_000 }, () => '"commonName": "www.example.com"').join(',\n');
    const text = `{ "$api": "comodo-autoapplyssl",\n${keys}\n}\n`;
    assert.ok(text.length > 3_000_000);
    const { diagnostics } = await client.open(uri, text);
    assert.equal(diagnostics.length, 1001);
    const tooMany = diagnostics.filter((d) => d.code === 'too-many-problems');
    assert.equal(tooMany.length, 1);
    assert.match(tooMany[0].message, /^\d+ more problems are not shown: fix the first 1000\.$/);
    assert.ok(diagnostics.filter((d) => d.code === 'duplicate-field').length > 990);
    await client.close(uri);
  });

  it('formatting past the depth limit answers with no edits and says why', async () => {
    const uri = 'file:///tmp/cert-order-limits/deep.order.json';
    await client.open(uri, '{"a":1,' + '['.repeat(10_000));
    const textDocument = { uri };
    const whole = await client.request<TextEdit[]>('textDocument/formatting', {
      textDocument,
      options: spaces,
    });
    assert.deepEqual(whole, []);
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 5000 } };
    const part = await client.request<TextEdit[]>('textDocument/rangeFormatting', {
      textDocument,
      range,
      options: spaces,
    });
    assert.deepEqual(part, []);
    const shown = await client.waitForMessage((m) => m.message.includes('deep.order.json'));
    assert.equal(shown.type, 2);
    assert.equal(
      shown.message,
      '"deep.order.json" is not formatted: it nests deeper than 64 levels (line 1). An order nests at most two levels.',
    );
    await client.close(uri);
  });

  it('formatting whose edits would pass 2 MB answers with no edits and says why', async () => {
    const uri = 'file:///tmp/cert-order-limits/wide.order.json';
    await client.open(uri, '[' + '1,'.repeat(30_000) + '1]');
    const edits = await client.request<TextEdit[]>('textDocument/formatting', {
      textDocument: { uri },
      options: spaces,
    });
    assert.deepEqual(edits, []);
    const shown = await client.waitForMessage((m) => m.message.includes('wide.order.json'));
    assert.match(shown.message, /its edits would be 2\.\d MB, past the 2 MB a formatting answer may carry/);
    await client.close(uri);
  });

  it('odd formatting options are clamped: a tabSize of 10^9 indents by 16 at most', async () => {
    const uri = 'file:///tmp/cert-order-limits/tabs.order.json';
    await client.open(uri, '{"$api": "comodo-autoapplyssl", "test": "Y", "years": 1}');
    const before = client.messages.length;
    for (const options of [
      { tabSize: 1e9, insertSpaces: true },
      { tabSize: -1, insertSpaces: 'yes' },
      { tabSize: 'four', insertSpaces: true, keepLines: 1 },
    ]) {
      const edits = await client.request<TextEdit[]>('textDocument/formatting', {
        textDocument: { uri },
        options,
      });
      assert.ok(edits.length > 0);
      assert.ok(
        edits.every((e) => e.newText.length <= 17),
        JSON.stringify(edits),
      );
    }
    assert.equal(client.messages.length, before, 'an order formats without a message');
    await client.close(uri);
  });
});
