// Common Name rules: FQDN, wildcards (-5, -6), Intranet SSL (-18, -19); none for S/MIME.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ipVersion, isInternalIp } from '../../../common/src/csr';
import { codes, COMODO, ruleFindings, SMIME } from './check';

const product = (...products: number[]) => ({ ...COMODO, products });

describe('csr-cn-not-fqdn', () => {
  const code = 'csr-cn-not-fqdn';
  test('triggers on a server name, an IP, and a non-ASCII name (with its punycode)', () => {
    assert.equal(ruleFindings('intranet-server01.csr', code, product(24)).length, 1);
    assert.match(ruleFindings('intranet-public-ip.csr', code)[0].message, /IP address is not a domain name/);
    assert.match(ruleFindings('idn-cn.csr', code)[0].message, /www\.xn--mller-kva\.de/);
  });
  test('triggers on a final dot, naming the name without it', () => {
    const [f] = ruleFindings('cn-trailing-dot.csr', code, product(24));
    assert.match(f.message, /without the final dot.*write "www\.example\.com"/);
  });
  test('triggers on a wildcard that is not the whole leftmost label, saying where it may be', () => {
    for (const name of ['wildcard-middle.csr', 'wildcard-partial.csr', 'two-wildcards.csr']) {
      const [f] = ruleFindings(name, code, product(35));
      assert.match(f.message, /only once, as the whole leftmost label: \*\.example\.com/, name);
    }
  });
  test('does not trigger on www.example.com, on *.example.com, nor for Intranet SSL', () => {
    assert.deepEqual(ruleFindings('ec-p256.csr', code), []);
    assert.deepEqual(ruleFindings('wildcard.csr', code, product(35)), []);
    assert.deepEqual(ruleFindings('intranet-server01.csr', code, product(44)), []);
  });
});

describe('csr-cn-wildcard-not-allowed (-5)', () => {
  const code = 'csr-cn-wildcard-not-allowed';
  test('triggers on *.example.com for InstantSSL (24)', () => {
    const [f] = ruleFindings('wildcard.csr', code, product(24, 36));
    assert.equal(f.statusCode, -5);
    assert.match(f.message, /Comodo would answer: "The CSR's Common Name may NOT contain a wildcard!"/);
  });
  test('does not trigger for wildcard products, without a product, or without a wildcard', () => {
    assert.deepEqual(ruleFindings('wildcard.csr', code, product(35)), []);
    assert.deepEqual(ruleFindings('wildcard.csr', code, product(65, 36)), []);
    assert.deepEqual(ruleFindings('wildcard.csr', code), []);
    assert.deepEqual(ruleFindings('ec-p256.csr', code, product(24)), []);
  });
});

describe('csr-cn-wildcard-required (-6)', () => {
  const code = 'csr-cn-wildcard-required';
  test('triggers on no wildcard and on two wildcards for 35/65', () => {
    const [none] = ruleFindings('ec-p256.csr', code, product(35));
    assert.equal(none.statusCode, -6);
    assert.match(none.message, /holds no wildcard/);
    assert.match(ruleFindings('two-wildcards.csr', code, product(65))[0].message, /holds 2 wildcards/);
  });
  test('does not trigger on one wildcard, nor for other products', () => {
    assert.deepEqual(ruleFindings('wildcard.csr', code, product(35)), []);
    assert.deepEqual(ruleFindings('ec-p256.csr', code, product(24)), []);
  });
});

describe('csr-intranet-fqdn (-18)', () => {
  const code = 'csr-intranet-fqdn';
  test('triggers on www.example.com for Intranet SSL (44)', () => {
    const [f] = ruleFindings('ec-p256.csr', code, product(44));
    assert.equal(f.statusCode, -18);
    assert.match(
      f.message,
      /Comodo would answer: "The Intranet Server Name may not be a Fully-Qualified Domain Name!"/,
    );
  });
  test('does not trigger on server01 or a private IP, nor for other products', () => {
    assert.deepEqual(ruleFindings('intranet-server01.csr', code, product(44)), []);
    assert.deepEqual(ruleFindings('intranet-private-ip.csr', code, product(44)), []);
    assert.deepEqual(ruleFindings('ec-p256.csr', code, product(24)), []);
  });
});

describe('csr-intranet-public-ip (-19)', () => {
  const code = 'csr-intranet-public-ip';
  test('triggers on 8.8.8.8 for Intranet SSL (44)', () => {
    const [f] = ruleFindings('intranet-public-ip.csr', code, product(44));
    assert.equal(f.statusCode, -19);
    assert.match(
      f.message,
      /Comodo would answer: "The Intranet Server Name may not be an Internet-accessible IP Address!"/,
    );
  });
  test('does not trigger on 10.0.0.5, nor for other products', () => {
    assert.deepEqual(ruleFindings('intranet-private-ip.csr', code, product(44)), []);
    assert.deepEqual(ruleFindings('intranet-public-ip.csr', code, product(24)), []);
  });
  test('address ranges', () => {
    const internal = [
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '127.0.0.1',
      '169.254.1.1',
      '100.64.0.1',
      '::1',
      'fd00::1',
      'fe80::1',
      '::ffff:10.0.0.1',
    ];
    const external = [
      '8.8.8.8',
      '172.32.0.1',
      '192.169.0.1',
      '100.128.0.1',
      '2001:4860:4860::8888',
      '::ffff:8.8.8.8',
    ];
    for (const a of internal) assert.equal(isInternalIp(a), true, a);
    for (const a of external) assert.equal(isInternalIp(a), false, a);
    for (const a of ['256.1.1.1', '1.2.3', 'server01', '1::2::3', '12345::1'])
      assert.equal(ipVersion(a), undefined, a);
  });
});

describe('S/MIME orders get no TLS rules', () => {
  test('no FQDN, wildcard, intranet or subject findings for the SSL2Buy API', () => {
    for (const f of [
      'intranet-server01.csr',
      'wildcard.csr',
      'missing-c.csr',
      'country-zz.csr',
      'utf8.csr',
    ]) {
      assert.deepEqual(codes(f, { ...SMIME, products: [44] }), [], f);
    }
  });
});
