// Rules about the CSR text and DER: csr-empty, csr-not-base64 (-9), csr-not-a-csr (-10), csr-version.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readCsrText } from '../../../common/src/csr';
import { COMODO, findingsFor, ruleFindings, SMIME } from './check';
import { readFixture } from './openssl';

const valid = readFixture('ec-p256.csr');
const pick = (text: string, code: string, ctx = COMODO) =>
  findingsFor(text, ctx).filter((f) => f.code === code);

describe('csr-empty', () => {
  test('triggers on an empty or blank value', () => {
    assert.equal(pick('', 'csr-empty').length, 1);
    assert.equal(pick(' \n ', 'csr-empty')[0]?.severity, 'error');
  });
  test('does not trigger on a CSR', () => {
    assert.deepEqual(pick(valid, 'csr-empty'), []);
  });
});

describe('csr-not-base64 (-9)', () => {
  test('triggers on text outside the base64 alphabet, with the Comodo status and its offset', () => {
    const [f] = pick('hello world!', 'csr-not-base64');
    assert.equal(f.statusCode, -9);
    assert.equal(f.offset, 11);
    assert.match(f.message, /Comodo would answer: "The CSR is not valid Base-64 data!"/);
  });
  test('triggers on a BEGIN line without END', () => {
    assert.equal(pick(valid.replace(/-----END.*/, ''), 'csr-not-base64').length, 1);
  });
  test('for the SSL2Buy API: no Comodo status code, no Comodo sentence', () => {
    const [f] = pick('hello world!', 'csr-not-base64', SMIME);
    assert.equal(f.statusCode, undefined);
    assert.doesNotMatch(f.message, /Comodo/);
  });
  test('does not trigger on a CSR, nor on base64 that is not a CSR', () => {
    assert.deepEqual(pick(valid, 'csr-not-base64'), []);
    assert.deepEqual(pick('QUJDRA==', 'csr-not-base64'), []);
  });
});

describe('csr-not-a-csr (-10)', () => {
  test('triggers on base64 that is not DER', () => {
    const [f] = pick('QUJDRA==', 'csr-not-a-csr');
    assert.equal(f.statusCode, -10);
    assert.match(f.message, /would answer: "The CSR cannot be decoded!"/);
  });
  test('triggers on a certificate', () => {
    const [f] = ruleFindings('certificate-as-csr.csr', 'csr-not-a-csr');
    assert.match(f.message, /X\.509 certificate/);
  });
  test('triggers on a truncated CSR', () => {
    const body = valid.replace(/-----[^-]+-----|\s/g, '');
    assert.equal(pick(body.slice(0, 200), 'csr-not-a-csr').length, 1);
  });
  test('triggers on a PEM private key, with a warning to keep it secret', () => {
    const key = '-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIA==\n-----END EC PRIVATE KEY-----';
    const [f] = pick(key, 'csr-not-a-csr');
    assert.match(f.message, /never leave your server/);
  });
  test('does not trigger on a CSR', () => {
    assert.deepEqual(pick(valid, 'csr-not-a-csr'), []);
  });
});

describe('csr-version', () => {
  test('triggers on version 1', () => {
    const read = readCsrText(valid);
    assert.ok(read.ok);
    if (!read.ok) return;
    const der = Buffer.from(read.der);
    // The first INTEGER 0 is certificationRequestInfo's version.
    const at = der.indexOf(Buffer.from([0x02, 0x01, 0x00]));
    assert.ok(at > 0 && at < 10, 'version INTEGER where expected');
    der[at + 2] = 1;
    const [f] = pick(der.toString('base64'), 'csr-version');
    assert.equal(f.statusCode, -10);
  });
  test('does not trigger on version 0', () => {
    assert.deepEqual(pick(valid, 'csr-version'), []);
  });
});
