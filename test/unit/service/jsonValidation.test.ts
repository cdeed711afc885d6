// JsonServices.doValidation: vscode-json-languageservice's syntax and schema problems for an order,
// found with the schema looked up once (every document under one name) and, for an order whose
// root keys are all listed properties, without the other-case patterns. The problems must be those
// the service gives each document by its own URI with the full schema, whatever the document.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentLanguageSettings } from 'vscode-json-languageservice';
import { catalogues, findCatalogue } from '../../../common/src/catalogue';
import { createJsonServices } from '../../../server/src/service/jsonServices';
import { cases } from './diagnosticCases';
import { EXAMPLES } from './helpers';

const SETTINGS: DocumentLanguageSettings = {
  comments: 'error',
  trailingCommas: 'error',
  schemaValidation: 'error',
  schemaRequest: 'ignore',
};

/** Orders of every shape: the examples, each diagnostic case, and variations of them. */
function documents(): string[] {
  const examples = readdirSync(EXAMPLES)
    .filter((f) => f.endsWith('.order.json'))
    .map((f) => readFileSync(path.join(EXAMPLES, f), 'utf8'));
  const texts = [...examples, ...cases.flatMap((c) => [c.bad, c.good])];
  for (const text of examples) {
    const order = JSON.parse(text) as Record<string, unknown>;
    for (const key of Object.keys(order)) {
      // Another spelling of a name (Comodo's names are case-insensitive), an unknown name, a value
      // of the wrong type: the paths where the other-case patterns matter or not.
      const { [key]: value, ...rest } = order;
      texts.push(JSON.stringify({ ...rest, [key.toUpperCase()]: value }, null, 2));
      texts.push(JSON.stringify({ ...rest, [key.toLowerCase()]: value }, null, 2));
      texts.push(JSON.stringify({ ...order, [`${key}X`]: 1 }, null, 2));
      texts.push(JSON.stringify({ ...order, [key]: [1, { a: 2 }] }, null, 2));
    }
    texts.push(JSON.stringify({ ...order, $schema: 'https://example.invalid/other.schema.json' }));
    texts.push(JSON.stringify({ $schema: 'cert-order://schemas/order.schema.json', ...order }));
  }
  texts.push('', '[]', '"text"', '{', '{ "$api": 1 }', '{ "$api": "comodo-autoapplyssl", "A": 1, "a": 2 }');
  return texts;
}

test('the problems are the service’s own for every document, under any URI', async () => {
  const mine = createJsonServices();
  const theirs = createJsonServices();
  const uris = [
    (i: number) => `file:///orders/o-${i}.order.json`,
    (i: number) => `file:///c%3A/Orders/with%20space/%E2%82%AC-${i}.order.json`,
    (i: number) => `untitled:Untitled-${i}`,
  ];
  let checked = 0;
  for (const [i, text] of documents().entries()) {
    for (const uri of uris) {
      const document = TextDocument.create(uri(i), 'cert-order', 1, text);
      const json = theirs.forApi(undefined).parseJSONDocument(document);
      const root = json.root;
      const apiValue =
        root?.type === 'object'
          ? root.properties.find((p) => p.keyNode.value === '$api')?.valueNode?.value
          : undefined;
      for (const api of [typeof apiValue === 'string' ? findCatalogue(apiValue) : undefined, ...catalogues]) {
        const expected = await theirs.forApi(api).doValidation(document, json, SETTINGS);
        const actual = await mine.doValidation(api, document, json, SETTINGS);
        assert.deepEqual(actual, expected, `${api?.id ?? 'no API'}: ${text.slice(0, 200)}`);
        checked++;
      }
    }
  }
  assert.ok(checked > 1000, `${checked} documents checked`);
});
