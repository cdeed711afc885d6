// The shipped examples: the valid ones are clean, the mistake ones show the typical mistakes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readLocalFile } from '../../../server/src/localFiles';
import { example, makeDocument, service } from './helpers';

const svc = service({ readFile: readLocalFile });

async function exampleCodes(name: string): Promise<string[]> {
  const { text, uri } = example(name);
  return (await svc.doValidation(makeDocument(text, uri))).map((d) => String(d.code));
}

describe('examples', () => {
  for (const name of [
    'comodo-autoapplyssl.order.json',
    'comodo-wildcard.order.json',
    'comodo-intranet.order.json',
    'comodo-inline-csr.order.json',
    'ssl2buy-sectigo-pac-enterprise.order.json',
  ]) {
    it(`${name} has no diagnostics (its CSR file is read)`, async () => {
      assert.deepEqual(await exampleCodes(name), []);
    });
  }

  it('comodo-mistakes.order.json shows one of each typical mistake', async () => {
    assert.deepEqual(
      new Set(await exampleCodes('comodo-mistakes.order.json')),
      new Set([
        'credential-in-file',
        'field-name-case',
        'comodo-product-addon-not-allowed',
        'wrong-type',
        'comodo-validity-both',
        'comodo-servers-ignored',
        'value-not-allowed',
        'csr-file-unreadable',
        'value-case',
        'unknown-field',
        'too-long',
      ]),
    );
  });

  it('ssl2buy-mistakes.order.json shows one of each typical mistake', async () => {
    assert.deepEqual(
      new Set(await exampleCodes('ssl2buy-mistakes.order.json')),
      new Set([
        'credential-in-file',
        'wrong-type',
        'missing-field',
        'unknown-field',
        'invalid-email',
        'required-field-empty',
        'country-not-iso3166',
        'too-long',
      ]),
    );
  });
});
