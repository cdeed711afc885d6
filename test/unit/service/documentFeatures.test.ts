// The generic JSON features come from vscode-json-languageservice, on the same parse.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { comodoOrder, makeDocument, service, ssl2buyOrder } from './helpers';

const svc = service();

describe('symbols, folding, selection, formatting', () => {
  it('document symbols follow the order, nested for SSL2Buy', () => {
    const symbols = svc.findDocumentSymbols(makeDocument(ssl2buyOrder()));
    const names = symbols.map((s) => s.name);
    assert.ok(names.includes('PACOrderInfo') && names.includes('OrganisationInfo'));
    const pac = symbols.find((s) => s.name === 'PACOrderInfo')!;
    assert.deepEqual(
      pac.children?.map((c) => c.name),
      ['Title', 'FirstName', 'LastName'],
    );
  });

  it('folding ranges for objects', () => {
    assert.ok(svc.getFoldingRanges(makeDocument(ssl2buyOrder())).length >= 3);
  });

  it('selection ranges grow from a value', () => {
    const doc = makeDocument(comodoOrder());
    const [range] = svc.getSelectionRanges(doc, [doc.positionAt(doc.getText().indexOf('24,36') + 1)]);
    assert.ok(range.parent);
  });

  it('formatting makes a one-line order readable and keeps its content', () => {
    const doc = makeDocument(JSON.stringify(JSON.parse(comodoOrder())));
    const formatted = TextDocument.applyEdits(
      doc,
      svc.format(doc, undefined, { tabSize: 2, insertSpaces: true }).edits,
    );
    assert.ok(formatted.split('\n').length > 5);
    assert.deepEqual(JSON.parse(formatted), JSON.parse(comodoOrder()));
  });

  it('getOrderFacts: the values by documented name and the product codes', () => {
    const facts = svc.getOrderFacts(makeDocument(comodoOrder({ PRODUCT: '35,37' }, ['product'])))!;
    assert.equal(facts.api.id, 'comodo-autoapplyssl');
    assert.deepEqual(facts.products, [35, 37]);
    assert.equal(facts.values.product, '35,37');
    assert.equal(facts.values.serverSoftware, 2);
  });
});
