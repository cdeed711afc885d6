import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  analyseCsrText,
  csrTextFromBytes,
  decodeJsonStringSource,
  readCsrJsonSource,
  readCsrText,
  type CsrTextResult,
} from '../../../common/src/csr';
import { fixture, opensslDer, readFixture } from './openssl';

const pem = readFixture('ec-p256.csr');
const der = opensslDer(fixture('ec-p256.csr'));
const body = pem.replace(/-----[^-]+-----/g, '').trim();

function derOf(r: CsrTextResult): Buffer {
  assert.ok(r.ok, r.ok ? '' : r.message);
  return r.ok ? r.der : Buffer.alloc(0);
}

describe('readCsrText finds the CSR in any text form', () => {
  test('PEM with BEGIN/END CERTIFICATE REQUEST', () => {
    const r = readCsrText(pem);
    assert.ok(derOf(r).equals(der));
    assert.equal(r.ok && r.label, 'CERTIFICATE REQUEST');
  });

  test('NEW CERTIFICATE REQUEST label', () => {
    const r = readCsrText(readFixture('ec-p256-new-label.csr'));
    assert.ok(derOf(r).equals(der));
    assert.equal(r.ok && r.label, 'NEW CERTIFICATE REQUEST');
  });

  test('bare base64 without BEGIN/END, as the Comodo document allows', () => {
    const r = readCsrText(body);
    assert.ok(derOf(r).equals(der));
    assert.equal(r.ok && r.label, null);
  });

  test('one line of base64, and \\r\\n line endings', () => {
    assert.ok(derOf(readCsrText(body.replace(/\s/g, ''))).equals(der));
    assert.ok(derOf(readCsrText(pem.replace(/\n/g, '\r\n'))).equals(der));
  });

  test('the decoded value of a JSON string with \\n escapes', () => {
    const json = JSON.stringify({ csr: pem });
    assert.match(json, /\\n/);
    const value = (JSON.parse(json) as { csr: string }).csr;
    assert.ok(derOf(readCsrText(value)).equals(der));
  });

  test('text around the PEM block: start and end are the block', () => {
    const text = `notes before\n${pem}\nnotes after`;
    const r = readCsrText(text);
    assert.ok(r.ok);
    if (!r.ok) return;
    assert.equal(text.slice(r.start, r.end), pem.trim());
  });

  test('the CSR block is chosen among several PEM blocks', () => {
    const cert = readFixture('certificate-as-csr.csr').replace(/CERTIFICATE REQUEST/g, 'CERTIFICATE');
    assert.ok(derOf(readCsrText(`${cert}\n${pem}`)).equals(der));
  });

  test('the cache key ignores line breaks', () => {
    const a = readCsrText(pem);
    const b = readCsrText(body.replace(/\n/g, '\r\n'));
    assert.ok(a.ok && b.ok);
    assert.equal(a.ok && a.base64, b.ok && b.base64);
  });

  test('missing "=" padding is accepted', () => {
    const noPad = body.replace(/\s/g, '').replace(/=+$/, '');
    assert.ok(derOf(readCsrText(noPad)).equals(der));
  });
});

describe('readCsrText tells "not base64" from "not a CSR"', () => {
  const failure = (text: string) => {
    const r = readCsrText(text);
    assert.equal(r.ok, false);
    return r.ok ? (undefined as never) : r;
  };

  test('empty and whitespace-only', () => {
    assert.equal(failure('').code, 'empty');
    assert.equal(failure(' \r\n\t ').code, 'empty');
    assert.equal(
      failure('-----BEGIN CERTIFICATE REQUEST-----\n-----END CERTIFICATE REQUEST-----').code,
      'empty',
    );
  });

  test('a character outside the alphabet, with its offset', () => {
    const text = `${body.slice(0, 10)}!${body.slice(10)}`;
    const f = failure(text);
    assert.equal(f.code, 'not-base64');
    assert.equal(f.offset, 10);
    assert.match(f.message, /"!" is not a base64 character/);
  });

  test('a literal backslash-n (double-escaped JSON) is explained', () => {
    const f = failure(body.replace(/\n/g, '\\n'));
    assert.equal(f.code, 'not-base64');
    assert.match(f.message, /\\n/);
    assert.match(f.message, /backslash/);
  });

  test('data after the padding, a cut group, three "="', () => {
    assert.equal(failure('QUJD=QUJD').code, 'not-base64');
    assert.equal(failure('QUJDR').code, 'not-base64');
    assert.equal(failure('QQ===').code, 'not-base64');
  });

  test('BEGIN without END', () => {
    const f = failure(pem.replace(/-----END[^\n]*/, ''));
    assert.equal(f.code, 'no-end-line');
  });

  test('a private key is not a CSR, and the message says to keep it secret', () => {
    const f = failure(
      '-----BEGIN PRIVATE KEY-----\nMIIBVQIBADANBgkqhkiG9w0BAQEFAASCAT8wggE7AgEAAkEA\n-----END PRIVATE KEY-----\n',
    );
    assert.equal(f.code, 'wrong-label');
    assert.match(f.message, /never leave your server/);
  });

  test('base64 that is not a CSR is a decode error, not a text error', () => {
    const a = analyseCsrText(Buffer.from('certainly not a certificate request').toString('base64'));
    assert.equal(a.kind, 'decode-error');
  });
});

describe('JSON string source helpers', () => {
  test('decodeJsonStringSource decodes escapes and maps offsets back', () => {
    const source = '"ab\\ncd\\u0041\\"e"';
    const d = decodeJsonStringSource(source);
    assert.ok(d);
    assert.equal(d?.value, JSON.parse(source));
    assert.equal(source[d?.sourceOffset(3) ?? -1], 'c');
    assert.equal(d?.sourceOffset(5), source.indexOf('\\u0041'));
    assert.equal(d?.sourceOffset(d.value.length), source.length - 1);
  });

  test('invalid escapes are refused', () => {
    assert.equal(decodeJsonStringSource('"\\x41"'), undefined);
    assert.equal(decodeJsonStringSource('"\\u12"'), undefined);
  });

  test('readCsrJsonSource reads the raw source span of a JSON string', () => {
    const source = JSON.stringify(pem);
    const r = readCsrJsonSource(source);
    assert.ok(derOf(r).equals(der));
    if (!r.ok) return;
    assert.equal(source.slice(r.start, r.start + 11), '-----BEGIN ');
    assert.equal(source.slice(r.end - 5, r.end), '-----');
  });

  test('readCsrJsonSource places a bad character in the source', () => {
    const source = JSON.stringify(`${body.slice(0, 100)}#${body.slice(100)}`);
    const r = readCsrJsonSource(source);
    assert.equal(r.ok, false);
    if (!r.ok) assert.equal(source[r.offset ?? -1], '#');
  });
});

describe('csrTextFromBytes', () => {
  test('a binary DER file becomes base64 that reads back to the same bytes', () => {
    assert.ok(derOf(readCsrText(csrTextFromBytes(der))).equals(der));
  });
  test('a PEM file, with or without a UTF-8 byte-order mark, is its text', () => {
    assert.equal(csrTextFromBytes(Buffer.from(pem)), pem);
    assert.ok(
      derOf(
        readCsrText(csrTextFromBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(pem)]))),
      ).equals(der),
    );
  });
  test('a UTF-16 PEM file (PowerShell 5 `>` writes UTF-16LE with a byte-order mark) is its text', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(pem, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    for (const bytes of [le, be]) {
      assert.equal(csrTextFromBytes(bytes), pem);
      assert.ok(derOf(readCsrText(csrTextFromBytes(bytes))).equals(der));
    }
  });
});
