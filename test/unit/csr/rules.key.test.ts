// Key and signature rules under both key policies: -11, -12, -13, and the unchecked signature.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readCsrText, type CsrCheckContext } from '../../../common/src/csr';
import { COMODO, findingsFor, ruleFindings, SMIME } from './check';
import { readFixture } from './openssl';

const DOCUMENT: CsrCheckContext = { api: 'comodo-autoapplyssl', policy: 'document' };
const count = (fixture: string, code: string, ctx: CsrCheckContext = COMODO) =>
  ruleFindings(fixture, code, ctx).length;

describe('csr-unsupported-key-algorithm (-11)', () => {
  const code = 'csr-unsupported-key-algorithm';
  test("triggers on Ed25519, DSA, secp256k1 and an RSA-PSS key under today's practice", () => {
    for (const f of ['ed25519.csr', 'dsa.csr', 'ec-secp256k1.csr', 'rsa-pss-key.csr'])
      assert.equal(count(f, code), 1, f);
    const [pss] = ruleFindings('rsa-pss-key.csr', code);
    assert.equal(pss.statusCode, -11);
    assert.match(pss.message, /rsaEncryption, not id-RSASSA-PSS/);
  });
  test('triggers on EC under the document policy, and the message names both rules', () => {
    const [f] = ruleFindings('ec-p256.csr', code, DOCUMENT);
    assert.match(f.message, /csr\.keyPolicy "current"\) requires RSA/);
    assert.match(
      f.message,
      /csr\.keyPolicy "document", in force\) allows only rsaEncryption of 512 to 1024 bits/,
    );
    assert.match(f.message, /Comodo would answer: "The CSR uses an unsupported algorithm!"/);
  });
  test('does not trigger on RSA and EC P-256/P-384 today, nor on RSA under the document', () => {
    for (const f of ['rsa2048-full.csr', 'ec-p256.csr', 'ec-p384.csr', 'ec-p521.csr'])
      assert.equal(count(f, code), 0, f);
    assert.equal(count('rsa1024-sha1.csr', code, DOCUMENT), 0);
  });
  test("applies to S/MIME orders, with today's practice and no Comodo status", () => {
    const [f] = ruleFindings('ed25519.csr', code, SMIME);
    assert.equal(f.statusCode, undefined);
    assert.match(f.message, /SSL2Buy document states no key rule/);
    assert.equal(
      count('ec-p256.csr', code, { ...SMIME, policy: 'document' }),
      0,
      "document policy is Comodo's",
    );
  });
});

describe('csr-unsupported-key-size (-13)', () => {
  const code = 'csr-unsupported-key-size';
  test('triggers on RSA-1024 today, naming both rules', () => {
    const [f] = ruleFindings('rsa1024-sha256.csr', code);
    assert.equal(f.statusCode, -13);
    assert.equal(f.severity, 'error');
    assert.match(f.message, /RSA 1024-bit/);
    assert.match(f.message, /"current", in force\) requires RSA \(rsaEncryption\) of at least 2048 bits/);
    assert.match(f.message, /"document"\) allows only rsaEncryption of 512 to 1024 bits/);
  });
  test('triggers on RSA-2048 and RSA-4096 under the document policy', () => {
    assert.equal(count('rsa2048-full.csr', code, DOCUMENT), 1);
    assert.equal(count('rsa4096.csr', code, DOCUMENT), 1);
  });
  test('warns on EC P-521 today', () => {
    const [f] = ruleFindings('ec-p521.csr', code);
    assert.equal(f.severity, 'warning');
  });
  test('does not trigger on RSA-2048/4096 and P-256/P-384 today, nor RSA-1024 under the document', () => {
    for (const f of ['rsa2048-full.csr', 'rsa4096.csr', 'ec-p256.csr', 'ec-p384.csr'])
      assert.equal(count(f, code), 0, f);
    assert.equal(count('rsa1024-sha1.csr', code, DOCUMENT), 0);
  });
});

describe('csr-unsupported-signature-algorithm (-11)', () => {
  const code = 'csr-unsupported-signature-algorithm';
  test('triggers on SHA-1 and MD5 today', () => {
    const [f] = ruleFindings('rsa2048-sha1.csr', code);
    assert.equal(f.statusCode, -11);
    assert.match(f.message, /sha1WithRSAEncryption/);
    assert.match(f.message, /SHA-256, SHA-384 or SHA-512/);
    assert.match(f.message, /md5WithRSAEncryption or sha1WithRSAEncryption/);
    assert.equal(count('rsa1024-md5.csr', code), 1);
  });
  test('triggers on SHA-256 under the document policy', () => {
    assert.equal(count('rsa1024-sha256.csr', code, DOCUMENT), 1);
  });
  test('does not trigger on SHA-256+ today (RSA, RSA-PSS, ECDSA), nor MD5/SHA-1 under the document', () => {
    for (const f of ['rsa2048-full.csr', 'rsa-pss-sig.csr', 'ec-p256.csr', 'ec-p384.csr'])
      assert.equal(count(f, code), 0, f);
    assert.equal(count('rsa1024-sha1.csr', code, DOCUMENT), 0);
    assert.equal(count('rsa1024-md5.csr', code, DOCUMENT), 0);
  });
  test('is not repeated when the key algorithm is already refused', () => {
    assert.equal(count('ed25519.csr', code), 0);
  });
});

describe('csr-bad-signature (-12)', () => {
  const code = 'csr-bad-signature';
  test('triggers on a tampered signature, for both APIs', () => {
    const [f] = ruleFindings('tampered-signature.csr', code);
    assert.equal(f.statusCode, -12);
    assert.match(f.message, /Comodo would answer: "The CSR has an invalid signature!"/);
    assert.equal(count('tampered-signature.csr', code, SMIME), 1);
  });
  test('does not trigger on an intact CSR', () => {
    assert.equal(count('rsa2048-full.csr', code), 0);
  });
});

describe('csr-signature-unchecked', () => {
  const code = 'csr-signature-unchecked';
  const unknownAlgorithm = () => {
    // ecdsa-with-SHA256 (1.2.840.10045.4.3.2) -> 1.2.840.10045.4.3.9, which nobody defines.
    const read = readCsrText(readFixture('ec-p256.csr'));
    assert.ok(read.ok);
    const der = Buffer.from(read.ok ? read.der : []);
    const oid = Buffer.from('06082a8648ce3d040302', 'hex');
    const at = der.lastIndexOf(oid);
    assert.ok(at > 0);
    der[at + oid.length - 1] = 9;
    return der.toString('base64');
  };
  test('triggers on an unknown signature algorithm (which is also refused)', () => {
    const found = findingsFor(unknownAlgorithm(), COMODO).map((f) => f.code);
    assert.ok(found.includes(code));
    assert.ok(found.includes('csr-unsupported-signature-algorithm'));
  });
  test('does not trigger when the signature was checked', () => {
    assert.equal(count('ec-p256.csr', code), 0);
    assert.equal(count('tampered-signature.csr', code), 0);
  });
});
