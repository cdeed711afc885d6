// The names and the subject a new request takes from the order: validateNames answers as the CSR
// rules would for the product; subjectFromOrder reads each API's own fields.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { csrFieldPath, subjectFromOrder, validateNames } from '../../../common/src/csr/create';

const COMODO = 'comodo-autoapplyssl';
const SSL2BUY = 'ssl2buy-sectigo-pac-enterprise';
const EXAMPLES = path.join(__dirname, '..', '..', '..', 'examples');
const problems = (api: string, product: string | number | undefined, names: string[]) =>
  validateNames(api, product, names).map((v) => v.problem ?? 'ok');

describe('validateNames', () => {
  it('a public product: FQDNs, no wildcard, no IP, no final dot', () => {
    const got = problems(COMODO, '24', [
      'www.example.com',
      'example.com',
      '*.example.com',
      'server01',
      '10.0.0.1',
      'a.example.com.',
      'WWW.example.com',
    ]);
    assert.deepEqual(got.slice(0, 2), ['ok', 'ok']);
    assert.match(got[2], /not a wildcard product/);
    assert.match(got[3], /not a fully-qualified domain name/);
    assert.match(got[4], /IP address is not a domain name/);
    assert.match(got[5], /without the final dot/);
    assert.match(got[6], /listed twice/);
    assert.match(problems(COMODO, '24', ['bücher.example'])[0], /punycode\) form: xn--bcher-kva\.example/);
  });

  it('a wildcard product (35, 65): the Common Name holds exactly one wildcard; further names may be plain', () => {
    assert.deepEqual(problems(COMODO, '35', ['*.example.com', 'example.com']), ['ok', 'ok']);
    assert.match(problems(COMODO, 65, ['www.example.com'])[0], /holds no wildcard/);
    assert.match(problems(COMODO, '35', ['*.*.example.com'])[0], /not a fully-qualified domain name/);
  });

  it('Intranet SSL (44): server names and private addresses only', () => {
    assert.deepEqual(problems(COMODO, '44', ['server01', '10.1.2.3', 'fd00::1']), ['ok', 'ok', 'ok']);
    assert.match(problems(COMODO, '44', ['www.example.com'])[0], /Intranet SSL \(44\) is for a server name/);
    assert.match(problems(COMODO, '44', ['8.8.8.8'])[0], /Internet-reachable IP address/);
  });

  it("a Common Name longer than the document's 64 characters", () => {
    const long = `${'a'.repeat(60)}.example.com`;
    assert.match(problems(COMODO, '24', [long])[0], /at most 64/);
    assert.deepEqual(problems(COMODO, '24', ['example.com', long]), ['ok', 'ok']);
  });

  it('S/MIME: e-mail addresses', () => {
    assert.deepEqual(problems(SSL2BUY, undefined, ['alice@example.com']), ['ok']);
    assert.match(problems(SSL2BUY, undefined, ['alice'])[0], /not an e-mail address/);
    assert.match(problems(SSL2BUY, undefined, ['alice@localhost'])[0], /not a fully-qualified/);
    assert.match(problems(SSL2BUY, undefined, [''])[0], /empty/);
  });
});

describe('subjectFromOrder', () => {
  it('SSL2Buy: OrganisationInfo and the person in PACOrderInfo', () => {
    const order = readFileSync(path.join(EXAMPLES, 'ssl2buy-sectigo-pac-enterprise.order.json'), 'utf8');
    assert.deepEqual(subjectFromOrder(SSL2BUY, order), {
      commonName: 'Alice Example',
      organization: 'Example Ltd',
      locality: 'London',
      state: 'Greater London',
      country: 'GB',
      postalCode: 'EC1A 1AA',
      streetAddress: ['1 Example Street', 'Floor 2'],
    });
    // The country by its English name, as the order's field allows.
    assert.equal(subjectFromOrder(SSL2BUY, { OrganisationInfo: { CountryName: 'Germany' } }).country, 'DE');
  });

  it('Comodo: the address arguments, their names in any case', () => {
    const order = readFileSync(path.join(EXAMPLES, 'comodo-autoapplyssl.order.json'), 'utf8');
    assert.deepEqual(subjectFromOrder(COMODO, order), {
      locality: 'Mountain View',
      state: 'California',
      postalCode: '94043',
      streetAddress: ['100 Example Avenue'],
    });
    assert.deepEqual(subjectFromOrder(COMODO, { LOCALITYNAME: 'Berlin', organizationalUnitName: ' IT ' }), {
      locality: 'Berlin',
      organizationalUnit: 'IT',
    });
    assert.deepEqual(subjectFromOrder(COMODO, '{ not json'), {});
    assert.deepEqual(subjectFromOrder('no-such-api', {}), {});
  });

  it("csrFieldPath: the catalogue's CSR field, as the order spells it", () => {
    assert.deepEqual(csrFieldPath(COMODO), ['csr']);
    assert.deepEqual(csrFieldPath(COMODO, { CSR: '' }), ['CSR']);
    assert.deepEqual(csrFieldPath(SSL2BUY), ['CSR']);
    assert.deepEqual(csrFieldPath('no-such-api'), []);
  });
});
