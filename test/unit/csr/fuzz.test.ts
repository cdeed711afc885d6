// Garbage in, typed results out: random bytes, truncated DER, mutated DER and base64 never throw,
// and neither do the rules or the reports on whatever comes back.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  analyseCsrText,
  checkCsr,
  csrHoverMarkdown,
  csrReportMarkdown,
  csrReportText,
  decodeCsr,
  readCsrText,
} from '../../../common/src/csr';
import { prng } from '../../support/prng';
import { readFixture } from './openssl';

const contexts = [
  { api: 'comodo-autoapplyssl', products: [44], orderFields: {} },
  { api: 'comodo-autoapplyssl', products: [35], policy: 'document' },
  { api: 'ssl2buy-sectigo-pac-enterprise' },
] as const;

function everything(text: string): void {
  const a = analyseCsrText(text);
  for (const ctx of contexts) {
    const findings = checkCsr(a, ctx);
    csrReportMarkdown(a, { findings });
    csrHoverMarkdown(a, { findings, decodeArgs: { uri: 'file:///x.order.json' } });
    csrReportText(a, { findings });
  }
}

const sources = ['rsa2048-full.csr', 'ec-p256.csr', 'rsa-pss-key.csr', 'challenge-password.csr'].map((f) => {
  const r = readCsrText(readFixture(f));
  assert.ok(r.ok);
  return r.ok ? r.der : Buffer.alloc(0);
});

describe('never throws on garbage', () => {
  test('random bytes', () => {
    const rand = prng(1);
    for (let i = 0; i < 2000; i++) {
      const bytes = Buffer.from(
        Array.from({ length: Math.floor(rand() * 600) }, () => Math.floor(rand() * 256)),
      );
      if (i % 2) bytes[0] = 0x30; // make it look like a SEQUENCE half the time
      const r = decodeCsr(bytes);
      assert.equal(typeof r.ok, 'boolean');
      everything(bytes.toString('base64'));
    }
  });

  test('every truncation of real CSRs', () => {
    for (const der of sources) {
      for (let n = 0; n < der.length; n++) {
        const r = decodeCsr(der.subarray(0, n));
        assert.equal(r.ok, false, `prefix of ${n} bytes`);
      }
    }
  });

  test('random byte changes in real CSRs', () => {
    const rand = prng(2);
    for (const der of sources) {
      for (let i = 0; i < 600; i++) {
        const copy = Buffer.from(der);
        const changes = 1 + Math.floor(rand() * 3);
        for (let c = 0; c < changes; c++) copy[Math.floor(rand() * copy.length)] = Math.floor(rand() * 256);
        everything(copy.toString('base64'));
      }
    }
  });

  test('mutated base64 and PEM text', () => {
    const rand = prng(3);
    const pem = readFixture('rsa2048-full.csr');
    const alphabet = 'ABCxyz019+/=-\\\n\r\t "{}ä\u202e';
    for (let i = 0; i < 3000; i++) {
      const chars = [...pem];
      const op = Math.floor(rand() * 3);
      const at = Math.floor(rand() * chars.length);
      if (op === 0) chars.splice(at, 1 + Math.floor(rand() * 40));
      else if (op === 1) chars.splice(at, 0, alphabet[Math.floor(rand() * alphabet.length)]);
      else chars[at] = alphabet[Math.floor(rand() * alphabet.length)];
      everything(chars.join(''));
    }
  });
});
