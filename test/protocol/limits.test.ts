// Inputs a hostile repository can hold, over stdio: every answer bounded in size, with a message
// saying why it is cut short.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LspClient, useLspClient } from './lspClient';

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
});
