// The Comodo `test` argument against the command the user chose, and credentials written in the
// order under any spelling of their name.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { comodoAutoApplySsl, ssl2buySectigoPacEnterprise } from '../../../common/src/catalogue';
import {
  buildAutoApplyRequest,
  buildSsl2BuyRequest,
  OrderBuildError,
  readOrder,
  resolveEndpoint,
  secretKeysInOrder,
  secretValuesInOrder,
  testFlagProblem,
  type Order,
} from '../../../common/src/protocol';
import { defaultSubmissionSettings } from '../../../common/src/settings';

const CSR = '-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----\n';
const creds = { user: 'reseller', secret: 'the-real-secret' };
const demo = resolveEndpoint(comodoAutoApplySsl, 'demo', defaultSubmissionSettings);
const production = resolveEndpoint(comodoAutoApplySsl, 'production', defaultSubmissionSettings);

function order(text: object): Order {
  const r = readOrder(JSON.stringify(text));
  assert.ok(r.ok);
  return r.order;
}

describe('the Comodo test flag follows the command, never surprises', () => {
  it('production refuses an order that says test=Y (any case of name and value): it would not be a real order', () => {
    for (const fields of [{ test: 'Y' }, { Test: 'y' }, { TEST: ' Y ' }]) {
      const o = order({ $api: 'comodo-autoapplyssl', product: '24', csr: CSR, ...fields });
      assert.match(testFlagProblem(o, production) ?? '', /test order.*Submit Order to Demo/s);
      assert.throws(
        () => buildAutoApplyRequest({ order: o, credentials: creds, endpoint: production }),
        OrderBuildError,
      );
    }
  });

  it('production sends test=N as written; demo has no problem with any test value', () => {
    const o = order({ $api: 'comodo-autoapplyssl', product: '24', csr: CSR, test: 'N' });
    assert.equal(testFlagProblem(o, production), undefined);
    assert.equal(
      new URLSearchParams(
        buildAutoApplyRequest({ order: o, credentials: creds, endpoint: production }).body,
      ).get('test'),
      'N',
    );
    assert.equal(testFlagProblem(order({ $api: 'comodo-autoapplyssl', test: 'Y' }), demo), undefined);
  });

  it('demo sends exactly one test=Y, whatever spellings the order has', () => {
    const o = order({ $api: 'comodo-autoapplyssl', product: '24', csr: CSR, test: 'N', Test: 'N' });
    const form = new URLSearchParams(
      buildAutoApplyRequest({ order: o, credentials: creds, endpoint: demo }).body,
    );
    const tests = [...form].filter(([k]) => k.toLowerCase() === 'test');
    assert.deepEqual(tests, [['test', 'Y']]);
  });

  it('SSL2Buy has no test flag: no problem either way', () => {
    const endpoint = resolveEndpoint(ssl2buySectigoPacEnterprise, 'production', defaultSubmissionSettings);
    assert.equal(
      testFlagProblem(order({ $api: 'ssl2buy-sectigo-pac-enterprise', test: 'Y' }), endpoint),
      undefined,
    );
  });
});

describe('a credential written in the order, in any spelling, is never sent', () => {
  it('Comodo: loginPassword and LoginPassword are both dropped and both redacted', () => {
    const o = order({
      $api: 'comodo-autoapplyssl',
      product: '24',
      csr: CSR,
      loginPassword: 'file-pw-1',
      LoginPassword: 'file-pw-2',
    });
    const req = buildAutoApplyRequest({ order: o, credentials: creds, endpoint: production });
    assert.equal(req.body.includes('file-pw'), false, req.body);
    assert.deepEqual(new URLSearchParams(req.body).getAll('loginPassword'), [creds.secret]);
    assert.deepEqual(secretKeysInOrder(o), ['loginPassword', 'LoginPassword']);
    assert.deepEqual(secretValuesInOrder(o), ['file-pw-1', 'file-pw-2']);
  });

  it('SSL2Buy: apikey (wrong case) is not sent beside the real ApiKey', () => {
    const endpoint = resolveEndpoint(ssl2buySectigoPacEnterprise, 'demo', defaultSubmissionSettings);
    const o = order({
      $api: 'ssl2buy-sectigo-pac-enterprise',
      apikey: 'file-key',
      partneremail: 'x@y',
      Year: 1,
      CSR,
    });
    const body = JSON.parse(buildSsl2BuyRequest({ order: o, credentials: creds, endpoint }).body) as object;
    assert.deepEqual(Object.keys(body), ['PartnerEmail', 'ApiKey', 'Year', 'CSR']);
    assert.deepEqual(secretValuesInOrder(o), ['file-key']);
  });
});
