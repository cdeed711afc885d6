// The shipped JSON Schemas: generated from the catalogue, and usable by other tools.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { getLanguageService } from 'vscode-json-languageservice';
import { generateSchemaFiles } from '../../../scripts/generate-schemas';
import { otherCasesPattern } from '../../../server/src/service/schema/orderSchema';
import { example, makeDocument } from './helpers';

/** vscode-json-languageservice as another tool would use it: the schema read from disk via `$schema`. */
function plainJsonService() {
  return getLanguageService({
    schemaRequestService: async (uri) => readFileSync(fileURLToPath(uri), 'utf8'),
    workspaceContext: { resolveRelativePath: (relative, resource) => new URL(relative, resource).href },
  });
}

async function schemaProblems(name: string, change?: (text: string) => string): Promise<string[]> {
  const ls = plainJsonService();
  const { text, uri } = example(name);
  const doc = makeDocument(change ? change(text) : text, uri);
  return (await ls.doValidation(doc, ls.parseJSONDocument(doc))).map((d) => String(d.message));
}

describe('shipped JSON Schemas', () => {
  it('schemas/*.schema.json are the generator output (run scripts/generate-schemas.ts after a catalogue change)', async () => {
    for (const { file, text } of await generateSchemaFiles()) {
      assert.equal(readFileSync(file, 'utf8'), text, `${file} is out of date`);
    }
  });

  it('validate the valid examples without a problem, read from disk through $schema', async () => {
    for (const name of [
      'comodo-autoapplyssl.order.json',
      'comodo-wildcard.order.json',
      'comodo-intranet.order.json',
      'comodo-inline-csr.order.json',
      'ssl2buy-sectigo-pac-enterprise.order.json',
    ]) {
      assert.deepEqual(await schemaProblems(name), [], name);
    }
  });

  it('find the schema-level mistakes of the mistake examples', async () => {
    const comodo = await schemaProblems('comodo-mistakes.order.json');
    assert.ok(comodo.some((m) => m.includes('emailAdress')));
    assert.ok(comodo.some((m) => m.includes('longer than the maximum length of 32')));
    const ssl2buy = await schemaProblems('ssl2buy-mistakes.order.json');
    assert.ok(ssl2buy.some((m) => m.includes('Missing property "LastName"')));
  });

  it('accept Comodo names in any case (patternProperties), and nothing else', () => {
    const re = new RegExp(otherCasesPattern('product'));
    assert.ok(re.test('Product') && re.test('PRODUCT') && !re.test('product') && !re.test('products'));
  });
});
