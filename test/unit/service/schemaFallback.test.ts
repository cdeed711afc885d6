// The generic end of the schema wording: the `schema` fallback code, and one diagnostic per
// problem where the schema finds the same thing twice.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codes, comodoOrder, diagnostics, ssl2buyOrder } from './helpers';

describe('schema problems no rule words', () => {
  it('a $schema that is not a string gets the `schema` code, on the value, naming the key', async () => {
    for (const text of [comodoOrder({ $schema: 5 }), '{ "$api": "comodo-autoapplyssl-x", "$schema": 5 }']) {
      const ds = await diagnostics(text);
      const hit = ds.filter((d) => d.code === 'schema');
      assert.equal(hit.length, 1, ds.map((d) => `${d.code}: ${d.message}`).join('\n'));
      assert.match(hit[0].message, /^'\$schema': Incorrect type/);
      const line = text.split('\n')[hit[0].range.start.line];
      assert.equal(line.slice(hit[0].range.start.character, hit[0].range.end.character), '5');
    }
    assert.ok(
      !(await codes(comodoOrder({ $schema: '../schemas/comodo-autoapplyssl.schema.json' }))).includes(
        'schema',
      ),
    );
  });

  it('"$api": 5 is one api-unknown, not two (wrong type and not in the list)', async () => {
    assert.deepEqual(await codes('{ "$api": 5 }'), ['api-unknown']);
    // Two fields missing from one object: two diagnostics on the same range, each kept.
    const missing = (await codes(ssl2buyOrder({ PACOrderInfo: { Title: 'Ms' } }))).filter(
      (c) => c === 'missing-field',
    );
    assert.equal(missing.length, 2);
  });

  it('a credential in another case is removed, not also renamed', async () => {
    assert.deepEqual(await codes(comodoOrder({ LoginPassword: 'x' })), ['credential-in-file']);
    assert.deepEqual(await codes(comodoOrder({ Days: 365 }, ['years'])), ['field-name-case']);
  });
});
