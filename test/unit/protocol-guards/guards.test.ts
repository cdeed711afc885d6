import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  duplicateKey,
  findEarlierProductionSubmission,
  InFlightRegistry,
  locateField,
  readOrder,
  RECORD_FORMAT,
  summariseOrder,
  type Order,
  type SubmissionRecord,
} from '../../../common/src/protocol';

const order = (o: object): Order => {
  const r = readOrder(JSON.stringify(o));
  assert.ok(r.ok);
  return r.order;
};
const CSR_A = '-----BEGIN CERTIFICATE REQUEST-----\nMIIBAAAA\nBBBB\n-----END CERTIFICATE REQUEST-----';
const CSR_A_REWRAPPED = 'MIIBAAAABBBB';

function record(over: Partial<SubmissionRecord>): SubmissionRecord {
  return {
    format: RECORD_FORMAT,
    id: 'x',
    apiId: 'comodo-autoapplyssl',
    apiTitle: 'Comodo',
    environment: 'production',
    endpoint: 'https://x',
    orderFile: '/o.order.json',
    startedAt: '2024-01-01T00:00:00.000Z',
    durationMs: 1,
    request: { url: 'https://x', method: 'POST', headers: {}, body: '' },
    ...over,
  };
}

describe('InFlightRegistry', () => {
  it('refuses a key in flight until released (once)', () => {
    const r = new InFlightRegistry();
    const release = r.tryBegin('a');
    assert.ok(release);
    assert.equal(r.tryBegin('a'), undefined);
    assert.ok(r.tryBegin('b'));
    release();
    release();
    assert.ok(r.tryBegin('a'));
  });
});

describe('duplicate production guard', () => {
  it('Comodo: same CSR (any wrapping) and same products (any order) is the same order', () => {
    const a = duplicateKey(order({ $api: 'comodo-autoapplyssl', csr: CSR_A, product: '24,36' }));
    const b = duplicateKey(
      order({ $api: 'comodo-autoapplyssl', CSR: CSR_A_REWRAPPED, product: '36, 24', years: 2 }),
    );
    const c = duplicateKey(order({ $api: 'comodo-autoapplyssl', csr: CSR_A, product: '34' }));
    assert.ok(a);
    assert.equal(a, b);
    assert.notEqual(a, c);
    assert.equal(duplicateKey(order({ $api: 'comodo-autoapplyssl', product: '24' })), undefined);
  });
  it('SSL2Buy: PartnerOrderID', () => {
    const a = duplicateKey(order({ $api: 'ssl2buy-sectigo-pac-enterprise', PartnerOrderID: 'P1', Year: 1 }));
    const b = duplicateKey(order({ $api: 'ssl2buy-sectigo-pac-enterprise', PartnerOrderID: 'P1', Year: 2 }));
    assert.equal(a, b);
  });
  it('finds the latest production success; errors and demo do not count; lost answers are uncertain', () => {
    const success = (startedAt: string, n: string): SubmissionRecord =>
      record({
        startedAt,
        duplicateKey: 'k',
        parsed: { kind: 'success', statusCode: 0, statusMeaning: 'Successful', orderNumber: n, fields: [] },
      });
    const records = [
      success('2024-01-01T00:00:00.000Z', '1'),
      success('2024-02-01T00:00:00.000Z', '2'),
      record({
        startedAt: '2024-03-01T00:00:00.000Z',
        duplicateKey: 'k',
        environment: 'demo',
        parsed: { kind: 'success', statusCode: 0, statusMeaning: '', orderNumber: '3', fields: [] },
      }),
      record({
        startedAt: '2024-04-01T00:00:00.000Z',
        duplicateKey: 'k',
        parsed: { kind: 'error', statusCode: -15, statusMeaning: '', message: '', fields: [] },
      }),
    ];
    assert.equal(findEarlierProductionSubmission(records, 'k')?.orderNumber, '2');
    assert.equal(findEarlierProductionSubmission(records, 'other'), undefined);
    assert.equal(findEarlierProductionSubmission(records, undefined), undefined);
    const lost = [record({ duplicateKey: 'k', failure: { kind: 'maybe-sent', code: 'X', message: '' } })];
    assert.equal(findEarlierProductionSubmission(lost, 'k')?.certainty, 'uncertain');
    const refused = [
      record({ duplicateKey: 'k', failure: { kind: 'not-sent', code: 'ECONNREFUSED', message: '' } }),
    ];
    assert.equal(findEarlierProductionSubmission(refused, 'k'), undefined);
  });
});

describe('locateField', () => {
  const text =
    '{\n  "$api": "x",\n  "Years": 7,\n  "PACOrderInfo": { "FirstName": "" },\n  "O": { "FirstName": 1 }\n}';
  it('finds a key case-insensitively for Comodo, a path or a bare name for SSL2Buy', () => {
    const years = locateField(text, 'years', true);
    assert.equal(text.slice(years.offset, years.offset + years.length), '7');
    const path = locateField(text, 'PACOrderInfo.FirstName', false);
    assert.equal(path.offset, text.indexOf('""'));
    const bare = locateField(text, 'FirstName', false);
    assert.equal(bare.offset, text.indexOf('""'));
  });
  it('points at $api (or the parent) when the field is not in the order', () => {
    const missing = locateField(text, 'loginPassword', true);
    assert.equal(missing.found, false);
    assert.equal(text.slice(missing.offset, missing.offset + missing.length), '"$api"');
    const parent = locateField(text, 'PACOrderInfo.LastName', false);
    assert.equal(text.slice(parent.offset, parent.offset + parent.length), '"PACOrderInfo"');
  });
});

describe('summariseOrder', () => {
  it('names products from the catalogue and marks a test order', () => {
    const lines = summariseOrder(
      order({ $api: 'comodo-autoapplyssl', product: '35,36', days: 730, servers: 2, test: 'y' }),
      {
        commonName: '*.example.com',
        organization: 'Example Ltd',
      },
    );
    const text = lines.map((l) => `${l.label}: ${l.value}`).join('\n');
    assert.match(text, /Products: PremiumSSL Wildcard \(35\), TrustLogo \(36\)/);
    assert.match(text, /Validity: 730 days/);
    assert.match(text, /Servers: 2/);
    assert.match(text, /Common name \(CSR\): \*\.example\.com/);
    assert.match(text, /Test order/);
  });
  it('says when the CN could not be read', () => {
    const lines = summariseOrder(order({ $api: 'ssl2buy-sectigo-pac-enterprise', Year: 1 }), undefined);
    assert.ok(lines.some((l) => l.value.includes('could not be read')));
  });
});
