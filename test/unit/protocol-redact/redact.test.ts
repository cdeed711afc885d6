// Masking a secret in every spelling a server may echo it in, character by character, and only in
// values: a short secret (`e`, `1`, `demo`) never touches keys or the record's own structure.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  containsSecret,
  hashedKey,
  MASK,
  parseRecord,
  RECORD_FORMAT,
  redactDeep,
  redactRecord,
  redactText,
  secretFreeKey,
  type SubmissionRecord,
} from '../../../common/src/protocol';
import { spellings } from '../../support/spellings';

describe('redactText: every spelling, character by character', () => {
  for (const secret of ['a b&c"d/é<x>=+', 'S3cr3t-k3y+&=/"<sandbox>', 'pässwörd😀', 'demo']) {
    for (const [name, spelt] of Object.entries(spellings(secret)))
      it(`${JSON.stringify(secret)}: ${name}`, () => {
        const text = `before ${spelt} after`;
        assert.equal(redactText(text, [secret]), `before ${MASK} after`, spelt);
        assert.equal(containsSecret(text, [secret]), true);
        assert.equal(containsSecret(redactText(text, [secret]), [secret]), false);
      });
  }
  it('a mix of spellings within one occurrence', () => {
    assert.equal(redactText('x=d\\u0065%6D&#x6f; y', ['demo']), `x=${MASK} y`);
    assert.equal(redactText('x=d%65m&#111 y', ['demo']), `x=${MASK} y`);
  });
  it('other text is left alone, and the case of the secret counts', () => {
    assert.equal(redactText('Demo DEMO d-e-m-o', ['demo']), 'Demo DEMO d-e-m-o');
    assert.equal(redactText('nothing here', ['']), 'nothing here');
  });
});

describe('redactDeep masks values, never keys', () => {
  it('keys with the secret in them stay', () => {
    const deep = redactDeep({ e: 'e1e', nested: [{ here: 'see' }], n: 3 }, ['e']);
    assert.deepEqual(deep, { e: `${MASK}1${MASK}`, nested: [{ here: `s${MASK}${MASK}` }], n: 3 });
  });
});

function sampleRecord(): SubmissionRecord {
  return {
    format: RECORD_FORMAT,
    id: 'me1-abcdef',
    apiId: 'ssl2buy-sectigo-pac-enterprise',
    apiTitle: 'SSL2Buy Sectigo PAC Enterprise (S/MIME)',
    environment: 'demo',
    endpoint: 'http://127.0.0.1:1/queryservice/demo',
    orderFile: '/tmp/demo/e.order.json',
    startedAt: '2026-01-01T10:00:00.000Z',
    durationMs: 12,
    request: {
      url: 'http://127.0.0.1:1/queryservice/demo',
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"ApiKey":"${MASK}","PartnerEmail":"me@example.com"}`,
    },
    response: {
      status: 200,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: '{"StatusCode":0,"SSL2BuyOrderNumber":"1001","Echo":"demo"}',
    },
    parsed: {
      kind: 'success',
      statusCode: 0,
      statusMeaning: 'Success',
      orderNumber: '1001',
      fields: [{ name: 'SSL2BuyOrderNumber', label: 'SSL2Buy order number', value: '1001', copy: true }],
    },
    duplicateKey: 'ssl2buy-sectigo-pac-enterprise|PartnerOrderID=PO-demo-1',
  };
}

describe('redactRecord keeps the record readable whatever the secret', () => {
  for (const secret of ['e', '1', 'demo', '0', 'sandbox', 'a', 'E', ':', '"', '-', 'ssl2buy']) {
    it(`secret ${JSON.stringify(secret)}: the record still parses, its structure intact`, () => {
      const original = sampleRecord();
      const masked = redactRecord(original, [secret]);
      const read = parseRecord(JSON.stringify(masked, null, 2));
      assert.ok(read, `parseRecord reads it back: ${JSON.stringify(masked)}`);
      for (const key of [
        'format',
        'id',
        'apiId',
        'apiTitle',
        'environment',
        'startedAt',
        'durationMs',
      ] as const)
        assert.equal(read[key], original[key], key);
      assert.equal(read.parsed?.kind, 'success');
      assert.equal(read.request.method, 'POST');
      assert.deepEqual(Object.keys(read.response?.headers ?? {}), ['content-type']);
      assert.deepEqual(
        read.parsed?.kind === 'success' ? read.parsed.fields.map((f) => [f.name, f.label]) : [],
        [['SSL2BuyOrderNumber', 'SSL2Buy order number']],
      );
      // Every value from outside is masked.
      assert.equal(containsSecret(read.response?.body ?? '', [secret]), false);
      assert.equal(containsSecret(read.endpoint, [secret]), false);
      // The duplicate key compares the same: as it was, or hashed when it held the secret.
      assert.equal(read.duplicateKey, secretFreeKey(original.duplicateKey ?? '', [secret]));
    });
  }
  it('a duplicate key holding the secret is kept as its hash', () => {
    const key = 'ssl2buy-sectigo-pac-enterprise|PartnerOrderID=PO-demo-1';
    assert.equal(secretFreeKey(key, ['demo']), hashedKey(key));
    assert.equal(secretFreeKey(key, ['zzz']), key);
    assert.doesNotMatch(hashedKey(key), /demo/);
  });
});
