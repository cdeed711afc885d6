// `file:` references as links and definitions, with the file reading injected.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { caretPosition, makeDocument, service } from './helpers';

const files = new Map([['file:///orders/a%20b.csr', new Uint8Array([0x30])]]);
const svc = service({
  readFile: async (uri) => {
    const bytes = files.get(uri);
    if (!bytes) throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
    return bytes;
  },
});
const URI = 'file:///orders/x.order.json';

describe('links', () => {
  it('links the path after file: and blanks, resolved against the order', async () => {
    const text = '{ "$api": "comodo-autoapplyssl", "csr": "file: a b.csr" }';
    const [link] = await svc.findDocumentLinks(makeDocument(text, URI));
    assert.equal(link.target, 'file:///orders/a%20b.csr');
    assert.equal(text.slice(link.range.start.character, link.range.end.character), 'a b.csr');
  });

  it('a reference written with escapes links the whole string', async () => {
    const text = '{ "$api": "comodo-autoapplyssl", "csr": "file:a\\u0020b.csr" }';
    const [link] = await svc.findDocumentLinks(makeDocument(text, URI));
    assert.equal(text.slice(link.range.start.character, link.range.end.character), 'file:a\\u0020b.csr');
  });

  it('no link for an inline CSR, a missing file, or an order with no known $api', async () => {
    for (const text of [
      '{ "$api": "comodo-autoapplyssl", "csr": "MIIB" }',
      '{ "$api": "comodo-autoapplyssl", "csr": "file:missing.csr" }',
      '{ "csr": "file:a b.csr" }',
    ])
      assert.deepEqual(await svc.findDocumentLinks(makeDocument(text, URI)), [], text);
  });

  it('definition on the string, not on its key', async () => {
    const on = caretPosition('{ "$api": "comodo-autoapplyssl", "csr": "fi|le:a b.csr" }');
    const [link] = await svc.findDefinition(makeDocument(on.text, URI), on.position);
    assert.equal(link.targetUri, 'file:///orders/a%20b.csr');
    const off = caretPosition('{ "$api": "comodo-autoapplyssl", "c|sr": "file:a b.csr" }');
    assert.deepEqual(await svc.findDefinition(makeDocument(off.text, URI), off.position), []);
  });
});
