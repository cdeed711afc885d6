// The example CSRs are clean for the example orders that use them: their products and arguments
// (the address arguments the CSRs do not carry are in the orders).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { analyseCsrText, checkCsr } from '../../../common/src/csr';
import { EXAMPLES } from './openssl';

const orders = readdirSync(EXAMPLES).filter((f) => f.startsWith('comodo-') && f.endsWith('.order.json'));

for (const name of orders.filter((n) => n !== 'comodo-mistakes.order.json')) {
  const order = JSON.parse(readFileSync(path.join(EXAMPLES, name), 'utf8')) as Record<string, unknown>;
  const csr = String(order.csr);
  test(`examples/${name}: its CSR has no finding for product ${String(order.product)}`, () => {
    const text = csr.startsWith('file:') ? readFileSync(path.join(EXAMPLES, csr.slice(5)), 'utf8') : csr;
    const a = analyseCsrText(text);
    assert.equal(a.kind, 'decoded');
    const orderFields = Object.fromEntries(
      Object.entries(order).filter((e): e is [string, string] => typeof e[1] === 'string'),
    );
    const products = String(order.product).split(',').map(Number);
    assert.deepEqual(checkCsr(a, { api: 'comodo-autoapplyssl', products, orderFields }), []);
  });
}

test('examples/www.example.com-ec-p256.csr (the SSL2Buy orders) has no finding for SSL2Buy', () => {
  const a = analyseCsrText(readFileSync(path.join(EXAMPLES, 'www.example.com-ec-p256.csr'), 'utf8'));
  assert.deepEqual(checkCsr(a, { api: 'ssl2buy-sectigo-pac-enterprise' }), []);
});
