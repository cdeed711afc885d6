// The new-order snippets: a new order of each API, expanding to an order with every required
// field, offered by completion only where a new order starts (an empty file, an empty top-level
// object), never in a key or value list of an order.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { InsertTextFormat, type CompletionItem, type TextEdit } from 'vscode-languageserver-types';
import { catalogues } from '../../../common/src/catalogue';
import { newOrderSnippet, orderSnippet, requiredInFile } from '../../../common/src/catalogue/newOrder';
import { caretPosition, codes, comodoOrder, makeDocument, service } from './helpers';

const snippets = Object.fromEntries(catalogues.map((api) => [api.title, orderSnippet(api)]));

/** What the editor inserts when every placeholder keeps its default (the first choice). */
function expand(body: string[]): string {
  return body
    .join('\n')
    .replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{\d+\}|\$\d+/g, '')
    .replace(/\\\$/g, '$');
}

describe('snippets', () => {
  it('offer as choices only the values the vendor document lists for the field', () => {
    for (const snippet of Object.values(snippets)) {
      const api = catalogues.find((a) => expand(snippet.body).includes(`"$api": "${a.id}"`))!;
      for (const line of snippet.body) {
        const choice = /"(\w+)": "?\$\{\d+\|([^|]*)\|\}/.exec(line);
        if (!choice) continue;
        const field = api.fields.find((f) => f.name === choice[1]);
        const listed = new Set<string>();
        for (const v of field?.values ?? []) listed.add(String(v.value));
        for (const value of choice[2].split(','))
          assert.ok(listed.has(value), `${api.id} ${choice[1]}: ${value} is not a documented value`);
      }
    }
  });

  for (const api of catalogues) {
    it(`a new ${api.id} order has every required field and no error`, async () => {
      const snippet = Object.values(snippets).find((s) => expand(s.body).includes(`"$api": "${api.id}"`));
      assert.ok(snippet, `no snippet for ${api.id}`);
      const order = JSON.parse(expand(snippet.body)) as Record<string, Record<string, unknown>>;
      for (const field of requiredInFile(api.fields)) {
        assert.ok(field.name in order, `${field.name} missing`);
        for (const member of requiredInFile(field.fields ?? []))
          assert.ok(member.name in order[field.name], member.name);
      }
      // Empty placeholders are for the user to fill in: a warning each, nothing worse.
      for (const code of await codes(expand(snippet.body))) assert.equal(code, 'required-field-empty');
    });
  }
});

/** The document after accepting `item` with every placeholder at its default. */
function accept(document: TextDocument, item: CompletionItem): string {
  const edit = item.textEdit as TextEdit;
  assert.equal(item.insertTextFormat, InsertTextFormat.Snippet);
  assert.equal(edit.range.start.line, edit.range.end.line, 'a completion edit stays on one line');
  return TextDocument.applyEdits(document, [{ range: edit.range, newText: expand([edit.newText]) }]);
}

async function complete(marked: string): Promise<{ document: TextDocument; items: CompletionItem[] }> {
  const { text, position } = caretPosition(marked);
  const document = makeDocument(text);
  const list = await service().doComplete(document, position);
  return { document, items: list.items };
}

const NEW_ORDER_LABELS = catalogues.map((api) => api.snippet.prefix);
const newOrderItems = (items: CompletionItem[]) =>
  items.filter((i) => NEW_ORDER_LABELS.includes(i.label) && i.insertTextFormat === InsertTextFormat.Snippet);

describe('new orders in completion', () => {
  for (const marked of ['|', '\n  |\n', 'ord|', '{|}', '{ | }', '{\n\t|\n}', '{\n  ord|\n}\n']) {
    it(`${JSON.stringify(marked)}: a whole order of each API, first, that checks clean`, async () => {
      const { document, items } = await complete(marked);
      const offered = newOrderItems(items);
      assert.deepEqual(
        offered.map((i) => i.label),
        NEW_ORDER_LABELS,
      );
      assert.deepEqual(items.slice(0, offered.length), offered, 'the new orders come first');
      for (const [i, item] of offered.entries()) {
        const order = accept(document, item);
        const parsed = JSON.parse(order) as Record<string, unknown>;
        assert.equal(parsed.$api, catalogues[i].id);
        for (const code of await codes(order)) assert.equal(code, 'required-field-empty', order);
      }
    });
  }

  for (const marked of [
    comodoOrder().replace('{', '{|'),
    comodoOrder().replace('"product":', '"pro|duct":'),
    comodoOrder().replace('"product": "24,36"', '"product": "|"'),
    '{ "$api": "|" }',
    '{ "$api": "comodo-autoapplyssl", | }',
    '[|]',
    '{ "a": {|} }',
  ]) {
    it(`not offered inside an order: ${JSON.stringify(marked).slice(0, 60)}`, async () => {
      const { items } = await complete(marked);
      assert.deepEqual(newOrderItems(items), []);
    });
  }

  it('New Order... gets the same whole order of a known API, nothing for an unknown one', () => {
    for (const api of catalogues) assert.equal(newOrderSnippet(api.id), orderSnippet(api).body.join('\n'));
    assert.equal(newOrderSnippet('no-such-api'), undefined);
  });
});
