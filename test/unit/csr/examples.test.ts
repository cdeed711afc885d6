// The example CSRs are clean for the products their example orders use.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { analyseCsrText, checkCsr } from '../../../common/src/csr';
import { EXAMPLES } from './openssl';
import { readFileSync } from 'node:fs';

const cases: [string, number[]][] = [
  ['www.example.com.csr', [24]],
  ['www.example.com-ec-p256.csr', [24]],
  ['wildcard.example.com.csr', [35]],
  ['intranet-server01.csr', [44]],
];

for (const [file, products] of cases) {
  test(`examples/${file} has no finding for product ${products.join(',')}`, () => {
    const a = analyseCsrText(readFileSync(path.join(EXAMPLES, file), 'utf8'));
    assert.equal(a.kind, 'decoded');
    assert.deepEqual(checkCsr(a, { api: 'comodo-autoapplyssl', products, orderFields: {} }), []);
  });
}
