// Completion of file values through the injected directory listing: `file:` CSRs next to the
// order, and `$schema` as the relative path of the shipped schema.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DirectoryEntry, ListDirectory } from '../../../server/src/service';
import { caretPosition, makeDocument, service } from './helpers';

/** A folder tree as a map from folder URI to its entries. */
function fakeListing(tree: Record<string, DirectoryEntry[]>): ListDirectory {
  return (uri) => (tree[uri] ? Promise.resolve(tree[uri]) : Promise.reject(new Error('ENOENT')));
}

const file = (name: string): DirectoryEntry => ({ name, type: 'file' });
const dir = (name: string): DirectoryEntry => ({ name, type: 'directory' });

const listDirectory = fakeListing({
  'file:///repo/': [dir('orders'), dir('schemas')],
  'file:///repo/schemas/': [
    file('comodo-autoapplyssl.schema.json'),
    file('ssl2buy-sectigo-pac-enterprise.schema.json'),
  ],
  'file:///repo/orders/': [
    file('www.csr'),
    file('b.PEM'),
    file('notes.txt'),
    file('a.order.json'),
    dir('old.csr'),
  ],
});

async function labels(marked: string, params = { listDirectory }, uri = 'file:///repo/orders/a.order.json') {
  const { text, position } = caretPosition(marked);
  const list = await service(params).doComplete(makeDocument(text, uri), position);
  return list.items.map((i) => (i.textEdit as { newText: string } | undefined)?.newText ?? i.label);
}

describe('completion of file values', () => {
  it('a CSR field offers file: and each .csr/.pem file next to the order', async () => {
    const comodo = '{\n  "$api": "comodo-autoapplyssl",\n  "csr": "|"\n}';
    assert.deepEqual(await labels(comodo), ['"file:b.PEM"', '"file:www.csr"']);
    const ssl2buy = '{\n  "$api": "ssl2buy-sectigo-pac-enterprise",\n  "CSR": |\n}';
    assert.deepEqual(await labels(ssl2buy), ['"file:b.PEM"', '"file:www.csr"']);
  });

  it('without a listing (or for an unsaved order), the catalogue placeholder as before', async () => {
    const text = '{\n  "$api": "comodo-autoapplyssl",\n  "csr": "|"\n}';
    assert.deepEqual(await labels(text, {} as { listDirectory: ListDirectory }), ['"file:server.csr"']);
    assert.deepEqual(await labels(text, { listDirectory }, 'untitled:Untitled-1'), ['"file:server.csr"']);
  });

  it('$schema offers the shipped schema of the order API as a relative path, not JSON Schema drafts', async () => {
    const comodo = '{\n  "$api": "comodo-autoapplyssl",\n  "$schema": "|"\n}';
    assert.deepEqual(await labels(comodo), ['"../schemas/comodo-autoapplyssl.schema.json"']);
    const beside = await labels(
      '{\n  "$api": "ssl2buy-sectigo-pac-enterprise",\n  "$schema": "|"\n}',
      { listDirectory },
      'file:///repo/x.order.json',
    );
    assert.deepEqual(beside, ['"schemas/ssl2buy-sectigo-pac-enterprise.schema.json"']);
    // No schemas folder above the order, or no $api: nothing rather than a meta-schema.
    assert.deepEqual(await labels(comodo, { listDirectory }, 'file:///elsewhere/a.order.json'), []);
    assert.deepEqual(await labels('{\n  "$schema": "|"\n}'), []);
  });
});
