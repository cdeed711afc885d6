// Every decoded fact and hash, checked against what OpenSSL says about the same file.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import {
  analyseCsrText,
  decodeCsr,
  readCsrText,
  type DecodedCsr,
  type PublicKeyInfo,
} from '../../../common/src/csr';
import {
  csrFixtures,
  exampleCsrs,
  fixture,
  opensslDer,
  opensslDigest,
  opensslSubject,
  opensslText,
  opensslVerifies,
  readFixture,
} from './openssl';

const KEY_ALGORITHM_NAMES: Record<PublicKeyInfo['algorithm'], string> = {
  RSA: 'rsaEncryption',
  'RSA-PSS': 'rsassaPss',
  EC: 'id-ecPublicKey',
  Ed25519: 'ED25519',
  Ed448: 'ED448',
  DSA: 'dsaEncryption',
  unknown: '?',
};

function decodeFile(file: string): DecodedCsr {
  const a = analyseCsrText(readFileSync(file, 'utf8'));
  assert.equal(a.kind, 'decoded', a.kind === 'decoded' ? '' : JSON.stringify(a));
  return a.kind === 'decoded' ? a.csr : (undefined as never);
}

function sanAsOpenssl(s: DecodedCsr['subjectAltNames'][number]): string {
  switch (s.type) {
    case 'dns':
      return `DNS:${s.value}`;
    case 'email':
      return `email:${s.value}`;
    case 'uri':
      return `URI:${s.value}`;
    case 'ip':
      return `IP Address:${s.value}`;
    default:
      return `${s.type}:${s.value}`;
  }
}

/** OpenSSL prints IPv6 uncompressed and upper case: 2001:DB8:0:0:0:0:0:1. */
function normaliseOpensslSan(s: string): string {
  const m = /^IP Address:(.*:.*)$/.exec(s);
  if (!m) return s;
  const groups = m[1].split(':').map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''));
  // Compress the longest run of zeros, as RFC 5952 (and formatIp) does.
  let best = [-1, 0];
  for (let i = 0; i < groups.length;) {
    let j = i;
    while (j < groups.length && groups[j] === '0') j++;
    if (j - i > best[1] && j - i > 1) best = [i, j - i];
    i = j === i ? i + 1 : j;
  }
  if (best[0] < 0) return `IP Address:${groups.join(':')}`;
  return `IP Address:${groups.slice(0, best[0]).join(':')}::${groups.slice(best[0] + best[1]).join(':')}`;
}

const files = [...csrFixtures().map(fixture), ...exampleCsrs()];

describe('decodeCsr agrees with openssl req -text', () => {
  for (const file of files) {
    test(path.basename(file), () => {
      const csr = decodeFile(file);
      const ossl = opensslText(file);

      assert.equal(csr.version, ossl.version, 'version');

      const byName = opensslSubject(file, 'sname');
      const byOid = opensslSubject(file, 'oid');
      assert.deepEqual(
        csr.subject.map((a) => ({ name: a.shortName, type: a.type, value: a.value })),
        byName,
        'subject: short names, ASN.1 types and values in order',
      );
      assert.deepEqual(
        csr.subject.map((a) => a.oid),
        byOid.map((a) => a.name),
        'subject OIDs',
      );

      assert.equal(KEY_ALGORITHM_NAMES[csr.publicKey.algorithm], ossl.keyAlgorithm, 'key algorithm');
      const key = csr.publicKey;
      if (key.algorithm === 'RSA' || key.algorithm === 'RSA-PSS' || key.algorithm === 'DSA') {
        assert.equal(key.bits, ossl.keyBits, 'key bits');
      }
      if (key.algorithm === 'RSA' || key.algorithm === 'RSA-PSS') assert.equal(key.exponent, ossl.exponent);
      if (key.algorithm === 'EC') {
        assert.equal(key.bits, ossl.keyBits, 'curve bits');
        assert.equal(key.curve, ossl.nistCurve ?? ossl.curveOid, 'curve name');
      }

      assert.equal(csr.signature.name, ossl.signatureAlgorithm, 'signature algorithm');
      if (ossl.pss) {
        assert.deepEqual(
          {
            hash: csr.signature.pss?.hash,
            mgf1Hash: csr.signature.pss?.mgf1Hash,
            saltLength: csr.signature.pss?.saltLength,
          },
          ossl.pss,
          'RSA-PSS parameters',
        );
      }
      assert.equal(csr.signature.verify.status === 'valid', opensslVerifies(file), 'signature verifies');

      assert.deepEqual(csr.subjectAltNames.map(sanAsOpenssl), ossl.sans.map(normaliseOpensslSan), 'SANs');
      assert.deepEqual(
        csr.extensions.map((e) => ({ title: e.title, critical: e.critical, value: e.summary })),
        ossl.extensions,
        'requested extensions',
      );
    });
  }
});

describe('DER and hashes agree with openssl', () => {
  for (const file of files) {
    test(path.basename(file), () => {
      const read = readCsrText(readFileSync(file, 'utf8'));
      assert.ok(read.ok);
      const der = opensslDer(file);
      assert.ok(read.der.equals(der), 'DER bytes equal openssl req -outform DER');
      const a = analyseCsrText(readFileSync(file, 'utf8'));
      assert.equal(a.kind, 'decoded');
      if (a.kind !== 'decoded') return;
      assert.equal(a.hashes.md5, opensslDigest(der, 'md5'));
      assert.equal(a.hashes.sha1, opensslDigest(der, 'sha1'));
      assert.equal(a.hashes.sha256, opensslDigest(der, 'sha256'));
    });
  }
});

describe('decodeCsr details', () => {
  test('UTF-8, BMP and Teletex values decode to the same text', () => {
    const o = (f: string) => decodeFile(fixture(f)).subject.find((a) => a.shortName === 'O');
    assert.deepEqual([o('utf8.csr')?.type, o('utf8.csr')?.value], ['UTF8String', 'Müller GmbH']);
    assert.deepEqual([o('bmp.csr')?.type, o('bmp.csr')?.value], ['BMPString', 'Müller GmbH']);
    assert.deepEqual([o('teletex.csr')?.type, o('teletex.csr')?.value], ['TeletexString', 'Müller GmbH']);
    assert.equal(decodeFile(fixture('utf8.csr')).subject.find((a) => a.shortName === 'L')?.value, 'Köln');
  });

  test('attributes sharing one RDN keep their RDN index', () => {
    const csr = decodeFile(fixture('multivalue-rdn.csr'));
    assert.deepEqual(
      csr.subject.map((a) => [a.shortName, a.rdn, a.index]),
      [
        ['C', 0, 0],
        ['OU', 1, 1],
        ['O', 1, 2],
        ['CN', 2, 3],
      ],
    );
  });

  test('EC P-256, P-384, P-521, Ed25519, RSA-PSS and DSA keys verify', () => {
    for (const f of [
      'ec-p256',
      'ec-p384',
      'ec-p521',
      'ed25519',
      'rsa-pss-key',
      'rsa-pss-sig',
      'dsa',
      'ec-secp256k1',
    ]) {
      assert.equal(decodeFile(fixture(`${f}.csr`)).signature.verify.status, 'valid', f);
    }
  });

  test('a flipped signature byte does not verify', () => {
    const v = decodeFile(fixture('tampered-signature.csr')).signature.verify;
    assert.equal(v.status, 'invalid');
  });

  test('a certificate is recognised as not a CSR', () => {
    const a = analyseCsrText(readFixture('certificate-as-csr.csr'));
    assert.equal(a.kind, 'decode-error');
    if (a.kind === 'decode-error') {
      assert.equal(a.error.code, 'not-a-csr');
      assert.match(a.error.message, /certificate/);
    }
  });

  test('bytes after the CSR, and bytes that are not DER, are errors, not exceptions', () => {
    const read = readCsrText(readFixture('ec-p256.csr'));
    assert.ok(read.ok);
    const extra = decodeCsr(Buffer.concat([read.der, Buffer.from([0])]));
    assert.deepEqual(extra.ok ? 'ok' : extra.error.code, 'not-der');
    const notDer = decodeCsr(Buffer.from('hello world'));
    assert.deepEqual(notDer.ok ? 'ok' : notDer.error.code, 'not-der');
    const empty = decodeCsr(new Uint8Array(0));
    assert.equal(empty.ok, false);
  });

  test('CSR attributes: the challenge password is reported present but not shown', () => {
    const csr = decodeFile(fixture('challenge-password.csr'));
    assert.deepEqual(
      csr.attributes.map((a) => [a.name, a.value]),
      [
        ['challengePassword', '(present, not shown)'],
        ['unstructuredName', 'Example Unstructured'],
      ],
    );
    assert.doesNotMatch(JSON.stringify(csr.attributes), /secret-4711/);
  });
});
