// Comodo `product` read as the document says, one diagnostic per problem.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codes, comodoOrder, diagnostics } from './helpers';

describe('Comodo product: one problem, one diagnostic', () => {
  it('a negative JSON integer is not a product code (it passed silently)', async () => {
    const ds = await diagnostics(comodoOrder({ product: -1 }));
    assert.deepEqual(
      ds.map((d) => d.code),
      ['comodo-product-unknown-code'],
    );
    assert.match(ds[0].message, /-1 is not a Comodo product code/);
    assert.deepEqual(await codes(comodoOrder({ product: 7 })), []);
  });

  it('an unknown code alone is named once, not also as "no base product"', async () => {
    assert.deepEqual(await codes(comodoOrder({ product: '99' })), ['comodo-product-unknown-code']);
    assert.deepEqual(await codes(comodoOrder({ product: 0 })), ['comodo-product-unknown-code']);
    // Only add-ons: no base product, and every code known.
    assert.deepEqual(await codes(comodoOrder({ product: '36,37' })), ['comodo-product-base-count']);
  });

  it('an empty product is empty, not also malformed', async () => {
    assert.deepEqual(await codes(comodoOrder({ product: '' })), ['required-field-empty']);
    assert.deepEqual(await codes(comodoOrder({ product: '24 36' })), ['invalid-format']);
  });
});
