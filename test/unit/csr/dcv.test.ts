// DCV values from the CSR's DER hashes, against hashes computed by openssl dgst.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyseCsrText, dcvDomains, dcvValues, DCV_CONVENTION, isDcvDomain } from '../../../common/src/csr';
import { fixture, opensslDer, opensslDigest, readFixture } from './openssl';

const der = opensslDer(fixture('rsa2048-full.csr'));
const md5 = opensslDigest(der, 'md5');
const sha256 = opensslDigest(der, 'sha256');
const analysis = analyseCsrText(readFixture('rsa2048-full.csr'));
const hashes = analysis.kind === 'decoded' ? analysis.hashes : { md5: '', sha1: '', sha256: '' };

describe('dcvValues', () => {
  test('file method: upper-case MD5 file name, SHA-256 then sectigo.com', () => {
    const v = dcvValues(hashes, 'www.example.com');
    assert.equal(v.file.url, `http://www.example.com/.well-known/pki-validation/${md5.toUpperCase()}.txt`);
    assert.equal(v.file.path, `.well-known/pki-validation/${md5.toUpperCase()}.txt`);
    assert.deepEqual(v.file.lines, [sha256.toUpperCase(), 'sectigo.com']);
    assert.equal(v.file.content, `${sha256.toUpperCase()}\nsectigo.com`);
  });

  test('CNAME method: _md5.domain -> two 32-character halves of the SHA-256 .sectigo.com', () => {
    const v = dcvValues(hashes, 'www.example.com');
    assert.equal(v.cname.host, `_${md5}.www.example.com`);
    assert.equal(v.cname.target, `${sha256.slice(0, 32)}.${sha256.slice(32)}.sectigo.com`);
  });

  test('a unique value goes on the third line and before .sectigo.com', () => {
    const v = dcvValues(hashes, 'example.com', 'abc123XYZ');
    assert.deepEqual(v.file.lines, [sha256.toUpperCase(), 'sectigo.com', 'abc123XYZ']);
    assert.equal(v.cname.target, `${sha256.slice(0, 32)}.${sha256.slice(32)}.abc123XYZ.sectigo.com`);
  });

  test('a wildcard is validated on its base domain; names are lower-cased', () => {
    const v = dcvValues(hashes, '*.Example.COM');
    assert.equal(v.domain, 'example.com');
    assert.equal(v.cname.host, `_${md5}.example.com`);
  });

  test('the convention says which case and suffix are shown', () => {
    const v = dcvValues(hashes, 'example.com');
    assert.equal(v.convention, DCV_CONVENTION);
    assert.match(v.convention, /upper case/);
    assert.match(v.convention, /lower case/);
    assert.match(v.convention, /sectigo\.com/);
    assert.match(v.convention, /DER/);
  });
});

describe('dcvDomains', () => {
  test('the CN and each DNS SAN, de-duplicated, not IPs or e-mail addresses', () => {
    assert.equal(analysis.kind, 'decoded');
    if (analysis.kind !== 'decoded') return;
    assert.deepEqual(dcvDomains(analysis.csr), ['www.example.com', 'example.com']);
  });
  test('isDcvDomain', () => {
    assert.equal(isDcvDomain('www.example.com'), true);
    assert.equal(isDcvDomain('*.example.com'), true);
    assert.equal(isDcvDomain('10.0.0.5'), false);
    assert.equal(isDcvDomain('server01'), false);
    assert.equal(isDcvDomain('evil`.example.com'), false);
  });
});
