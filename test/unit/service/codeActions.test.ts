// Quick fixes: applied to the text, the problem is gone.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction } from 'vscode-languageserver-types';
import { comodoOrder, makeDocument, service, ssl2buyOrder } from './helpers';

const svc = service();

async function actions(text: string): Promise<{ doc: TextDocument; actions: CodeAction[] }> {
  const doc = makeDocument(text);
  const diagnostics = await svc.doValidation(doc);
  const range = { start: { line: 0, character: 0 }, end: doc.positionAt(text.length) };
  return { doc, actions: svc.doCodeActions(doc, range, { diagnostics }) };
}

function apply(doc: TextDocument, action: CodeAction): string {
  return TextDocument.applyEdits(doc, action.edit!.changes![doc.uri]);
}

async function fixWith(text: string, title: RegExp): Promise<string> {
  const { doc, actions: list } = await actions(text);
  const action = list.find((a) => title.test(a.title));
  assert.ok(action, `no action ${title} among ${list.map((a) => a.title).join(', ')}`);
  return apply(doc, action);
}

async function codesOf(text: string): Promise<string[]> {
  return (await svc.doValidation(makeDocument(text))).map((d) => String(d.code));
}

describe('quick fixes', () => {
  it('adds all missing required fields with placeholders', async () => {
    const fixed = await fixWith(
      '{\n  "$api": "comodo-autoapplyssl",\n  "years": 1\n}',
      /missing required fields: product, serverSoftware, csr, isCustomerValidated/,
    );
    assert.deepEqual(JSON.parse(fixed), {
      $api: 'comodo-autoapplyssl',
      years: 1,
      product: '24',
      serverSoftware: 2,
      csr: 'file:server.csr',
      isCustomerValidated: 'N',
    });
    assert.match(fixed, /\n {2}"product": "24",\n/, 'indented like its neighbours');
  });

  it('adds the SSL2Buy objects with their required members', async () => {
    const fixed = await fixWith(ssl2buyOrder({}, ['PACOrderInfo']), /missing required field PACOrderInfo/);
    assert.deepEqual(JSON.parse(fixed).PACOrderInfo, { Title: '', FirstName: '', LastName: '' });
    const inner = await fixWith(ssl2buyOrder({ PACOrderInfo: { Title: 'Dr' } }), /FirstName, LastName/);
    assert.deepEqual(JSON.parse(inner).PACOrderInfo, { Title: 'Dr', FirstName: '', LastName: '' });
  });

  it('renames to the documented spelling and to the closest name', async () => {
    const renamed = await fixWith(
      comodoOrder({ ServerSoftware: 2 }, ['serverSoftware']),
      /Rename to 'serverSoftware'/,
    );
    assert.deepEqual(await codesOf(renamed), []);
    const typo = await fixWith(
      comodoOrder({ serverSoftwre: 2 }, ['serverSoftware']),
      /Rename to 'serverSoftware'/,
    );
    assert.deepEqual(await codesOf(typo), []);
  });

  it('replaces an invalid Y/N, a quoted integer, a spaced product list', async () => {
    assert.deepEqual(
      await codesOf(await fixWith(comodoOrder({ isCustomerValidated: 'yes' }), /Write "Y"/)),
      [],
    );
    assert.deepEqual(await codesOf(await fixWith(comodoOrder({ test: false }), /Write "N"/)), []);
    assert.deepEqual(await codesOf(await fixWith(comodoOrder({ test: 'y' }), /Write "Y"/)), []);
    assert.deepEqual(await codesOf(await fixWith(comodoOrder({ years: '2' }), /integer 2/)), []);
    assert.deepEqual(await codesOf(await fixWith(comodoOrder({ product: '24, 36' }), /Write "24,36"/)), []);
  });

  it('removes a credential from the file, first, middle or last', async () => {
    for (const text of [
      '{ "ApiKey": "k",\n' + ssl2buyOrder().slice(1),
      ssl2buyOrder({ ApiKey: 'k' }),
      ssl2buyOrder().replace('"Year": 1,', '"Year": 1,\n  "ApiKey": "k",'),
    ]) {
      const fixed = await fixWith(text, /Remove 'ApiKey'/);
      assert.deepEqual(await codesOf(fixed), [], fixed);
      assert.ok(!fixed.includes('ApiKey'));
    }
  });

  it('fixes the $api: the closest id, or a guess from the fields', async () => {
    assert.match(
      await fixWith('{ "$api": "ssl2buy" }', /Write "ssl2buy-sectigo-pac-enterprise"/),
      /"ssl2buy-sectigo-pac-enterprise"/,
    );
    const guessed = await fixWith(comodoOrder({}, ['$api']), /Add "\$api": "comodo-autoapplyssl"/);
    assert.deepEqual(await codesOf(guessed), []);
  });

  it('no fixes from diagnostics of another document version', async () => {
    const doc = makeDocument(comodoOrder({ test: 'y' }));
    const diagnostics = await svc.doValidation(doc);
    const next = TextDocument.update(doc, [{ text: doc.getText() + ' ' }], 2);
    assert.deepEqual(svc.doCodeActions(next, diagnostics[0].range, { diagnostics }), []);
  });
});
