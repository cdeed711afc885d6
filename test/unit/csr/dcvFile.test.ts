// The DCV file and DNS records to put in place, against MD5/SHA-256 computed here with node:crypto
// over the fixture's DER (its PEM base64 decoded by the test, not by the module).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import {
  analyseCsrText,
  dcvFile,
  dcvFileState,
  dcvPlan,
  dcvSameFileNote,
  dnsRecords,
  RETURNED_VALUES_CONVENTION,
  DCV_CONVENTION,
} from '../../../common/src/csr';
import { readFixture } from './openssl';

function derOf(name: string): Buffer {
  const pem = readFixture(name);
  const body = pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
  return Buffer.from(body, 'base64');
}
const hex = (algorithm: string, data: Buffer): string => createHash(algorithm).update(data).digest('hex');

// rsa2048-full.csr: CN www.example.com, SANs www.example.com, example.com, two IPs, an e-mail, a URI.
const multi = derOf('rsa2048-full.csr');
const md5 = hex('md5', multi);
const sha256 = hex('sha256', multi);

describe('dcvFile', () => {
  test('path: .well-known/pki-validation/<MD5 upper case>.txt; SHA-256 upper case, then sectigo.com', () => {
    assert.deepEqual(dcvFile(multi), {
      path: `.well-known/pki-validation/${md5.toUpperCase()}.txt`,
      content: `${sha256.toUpperCase()}\nsectigo.com`,
    });
  });

  test("the answer's unique value is the third line", () => {
    assert.equal(
      dcvFile(multi, { uniqueValue: ' u1q2w3 ' })?.content,
      `${sha256.toUpperCase()}\nsectigo.com\nu1q2w3`,
    );
  });

  test("the CA's MD5 and SHA1: their file, SHA1 and comodoca.com (older Comodo convention)", () => {
    const sha1 = hex('sha1', multi);
    const plan = dcvPlan(multi, { md5, sha1, uniqueValue: 'abc' });
    assert.equal(plan?.basis, 'returned');
    assert.equal(plan?.convention, RETURNED_VALUES_CONVENTION);
    assert.deepEqual(plan?.file, {
      path: `.well-known/pki-validation/${md5.toUpperCase()}.txt`,
      content: `${sha1.toUpperCase()}\ncomodoca.com\nabc`,
    });
    assert.deepEqual(plan?.dnsRecords, [
      `_${md5}.www.example.com. 3600 IN CNAME ${sha1}.abc.comodoca.com.`,
      `_${md5}.example.com. 3600 IN CNAME ${sha1}.abc.comodoca.com.`,
    ]);
  });

  test('a returned value that is not a whole MD5 and SHA1 is not used as one', () => {
    const plan = dcvPlan(multi, { md5: 'not-hex', sha1: hex('sha1', multi) });
    assert.equal(plan?.basis, 'csr');
    assert.equal(plan?.convention, DCV_CONVENTION);
  });

  test('bytes that are not a CSR: undefined, no records', () => {
    assert.equal(dcvFile(Buffer.from('not a csr')), undefined);
    assert.deepEqual(dnsRecords(new Uint8Array()), []);
  });

  test('a decoded analysis gives the same as its DER', () => {
    const a = analyseCsrText(readFixture('rsa2048-full.csr'));
    assert.equal(a.kind, 'decoded');
    if (a.kind === 'decoded') assert.deepEqual(dcvPlan(a), dcvPlan(multi));
  });
});

describe('dnsRecords', () => {
  test('one zone-file CNAME line per DNS name (IPs and e-mail left out), lower-case hashes', () => {
    const target = `${sha256.slice(0, 32)}.${sha256.slice(32)}.sectigo.com`;
    assert.deepEqual(dnsRecords(multi), [
      `_${md5}.www.example.com. 3600 IN CNAME ${target}.`,
      `_${md5}.example.com. 3600 IN CNAME ${target}.`,
    ]);
    assert.equal(
      dnsRecords(multi, { uniqueValue: 'U1' })[1],
      `_${md5}.example.com. 3600 IN CNAME ${sha256.slice(0, 32)}.${sha256.slice(32)}.U1.sectigo.com.`,
    );
  });

  test('a wildcard is validated at its base domain', () => {
    const der = derOf('wildcard.csr');
    assert.deepEqual(dnsRecords(der), [
      `_${hex('md5', der)}.example.com. 3600 IN CNAME ${hex('sha256', der).slice(0, 32)}.${hex('sha256', der).slice(32)}.sectigo.com.`,
    ]);
  });

  test('a CSR with no DNS name: no records, the file still computed', () => {
    const der = derOf('intranet-private-ip.csr');
    const plan = dcvPlan(der);
    assert.deepEqual(plan?.domains, []);
    assert.deepEqual(plan?.dnsRecords, []);
    assert.equal(plan?.file.path, `.well-known/pki-validation/${hex('md5', der).toUpperCase()}.txt`);
  });
});

describe('dcvFileState and the note', () => {
  test('absent, same (line endings and a final newline do not count), different', () => {
    assert.equal(dcvFileState(undefined, 'A\nsectigo.com'), 'absent');
    assert.equal(dcvFileState('A\r\nsectigo.com\r\n', 'A\nsectigo.com'), 'same');
    assert.equal(dcvFileState('B\nsectigo.com', 'A\nsectigo.com'), 'different');
    assert.equal(dcvFileState('', 'A\nsectigo.com'), 'different');
  });

  test('more than one domain: the same file serves each; one domain: no note', () => {
    const plan = dcvPlan(multi);
    assert.match(
      dcvSameFileNote(plan!) ?? '',
      /same file serves every domain .*www\.example\.com, example\.com/,
    );
    assert.equal(dcvSameFileNote(dcvPlan(derOf('wildcard.csr'))!), undefined);
  });
});
