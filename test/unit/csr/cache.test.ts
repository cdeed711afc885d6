// The cache: one decode per distinct CSR, bounded, same answer as the uncached path.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyseCsrText, checkCsr, CsrCache } from '../../../common/src/csr';
import { readFixture } from './openssl';

const rsa = readFixture('rsa2048-full.csr');
const ec = readFixture('ec-p256.csr');

describe('CsrCache', () => {
  test('an unchanged CSR is decoded once', () => {
    const cache = new CsrCache();
    const first = cache.analyse(rsa);
    for (let i = 0; i < 100; i++) assert.equal(cache.analyse(rsa), first);
    assert.equal(cache.decodes, 1);
  });

  test('the same CSR in other text (other line breaks, JSON value) reuses the decode, with its own offsets', () => {
    const cache = new CsrCache();
    cache.analyse(rsa);
    const crlf = `prefix\r\n${rsa.replace(/\n/g, '\r\n')}`;
    const again = cache.analyse(crlf);
    assert.equal(cache.decodes, 1);
    assert.equal(again.kind, 'decoded');
    assert.equal(again.kind === 'decoded' && again.text.start, 8);
  });

  test('gives the same result as the uncached path', () => {
    const cache = new CsrCache();
    for (const text of [rsa, ec, 'not base64!', 'QUJD']) {
      assert.deepEqual(cache.analyse(text), analyseCsrText(text));
    }
  });

  test('is bounded: the least recently used CSR is dropped', () => {
    const cache = new CsrCache({ maxEntries: 1 });
    cache.analyse(rsa);
    cache.analyse(ec);
    assert.equal(cache.size, 1);
    cache.analyse(rsa);
    assert.equal(cache.decodes, 3);
  });

  test('a value far larger than a CSR (5 MB of base64) is neither read nor kept', () => {
    const cache = new CsrCache();
    const huge = Buffer.alloc(3_750_000, 0x30).toString('base64');
    for (const text of [
      huge,
      `-----BEGIN CERTIFICATE REQUEST-----\n${huge}\n-----END CERTIFICATE REQUEST-----`,
    ]) {
      const { analysis, findings } = cache.check(text, { api: 'comodo-autoapplyssl' });
      assert.equal(analysis.kind === 'text-error' && analysis.text.code, 'too-large');
      assert.deepEqual(
        findings.map((f) => f.code),
        ['csr-too-large'],
      );
      assert.match(findings[0].message, /^The CSR is \d+ KB; a certificate request is a few KB/);
    }
    assert.equal(cache.decodes, 0);
    assert.equal(cache.size, 0);
  });

  test('errors are cached too', () => {
    const cache = new CsrCache();
    const bad = Buffer.from('not a csr at all').toString('base64');
    cache.analyse(bad);
    cache.analyse(bad);
    assert.equal(cache.decodes, 1);
  });
});

describe('CsrCache.check', () => {
  test('returns checkCsr findings, reused while the context is unchanged, recomputed when it changes', () => {
    const cache = new CsrCache();
    const wildcard = readFixture('wildcard.csr');
    const a = cache.check(wildcard, { api: 'comodo-autoapplyssl', products: [35] });
    assert.deepEqual(a.findings, []);
    const b = cache.check(wildcard, { api: 'comodo-autoapplyssl', products: [35] });
    assert.equal(b.findings, a.findings);
    const c = cache.check(wildcard, { api: 'comodo-autoapplyssl', products: [24] });
    assert.deepEqual(
      c.findings.map((f) => f.code),
      ['csr-cn-wildcard-not-allowed'],
    );
    assert.deepEqual(
      c.findings,
      checkCsr(analyseCsrText(wildcard), { api: 'comodo-autoapplyssl', products: [24] }),
    );
    assert.equal(cache.decodes, 1);
  });
});
