// Comodo validity and servers as the document words them: Trial SSL's one validity, `servers`
// "otherwise: ignored", "1 to 10".
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codes, comodoOrder, diagnostics, fixTitles } from './helpers';

describe('Comodo validity: Trial SSL (43) has one possible value', () => {
  it('years or days written for 43 is a warning on the key, with a removal', async () => {
    const ds = await diagnostics(comodoOrder({ product: '43', days: 730 }, ['years']));
    assert.deepEqual(
      ds.map((d) => d.code),
      ['comodo-validity-single'],
    );
    assert.match(ds[0].message, /only one possible validity/);
    assert.deepEqual(fixTitles(ds[0]), ["Remove 'days'"]);
    const both = await codes(comodoOrder({ product: '43', days: 365, years: 1 }));
    assert.deepEqual(both, ['comodo-validity-single', 'comodo-validity-single'], 'not also validity-both');
  });

  it('a value the document does not list for "most products" is not also value-not-allowed for 43', async () => {
    assert.deepEqual(await codes(comodoOrder({ product: '43', days: 30 }, ['years'])), [
      'comodo-validity-single',
    ]);
  });

  it('43 without years or days, and 24 with days, are clean', async () => {
    assert.deepEqual(await codes(comodoOrder({ product: '43' }, ['years'])), []);
    assert.deepEqual(await codes(comodoOrder({ product: '24', days: 730 }, ['years'])), []);
  });
});

describe('Comodo servers', () => {
  it('ignored outside 35/65: its value is not also reported as not allowed', async () => {
    assert.deepEqual(await codes(comodoOrder({ product: '24', servers: 50 })), ['comodo-servers-ignored']);
  });

  it('for 35/65, a value out of range says "1 to 10", as the document does', async () => {
    const ds = await diagnostics(comodoOrder({ product: '35', servers: 11 }));
    assert.deepEqual(
      ds.map((d) => d.code),
      ['value-not-allowed'],
    );
    assert.match(ds[0].message, /'servers': 1 to 10\./);
    assert.ok(!ds[0].message.includes('server licences'), ds[0].message);
  });
});
