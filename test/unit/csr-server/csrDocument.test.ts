// `.csr` / `.pem` documents of their own: order-independent diagnostics where they are, the decode
// on hover anywhere, and a PEM of another kind said to be one, never flagged.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { MarkupContent } from 'vscode-languageserver-types';
import { CsrCache } from '../../../common/src/csr';
import { defaultSettings, type OrderSettings } from '../../../common/src/settings';
import { hoverCsrDocument, isCsrDocument, validateCsrDocument } from '../../../server/src/csr/csrDocument';
import { fixture, opensslDer, opensslDigest, readFixture } from '../csr/openssl';

const documentPolicy: OrderSettings = { csr: { keyPolicy: 'document' } };

function doc(text: string, name = 'a.csr', languageId = 'cert-csr'): TextDocument {
  return TextDocument.create(`file:///csrs/${name}`, languageId, 1, text);
}

const codes = (d: TextDocument, settings = defaultSettings) =>
  validateCsrDocument(new CsrCache(), d, settings).map((x) => x.code);

function hoverText(d: TextDocument, offset: number): string {
  const h = hoverCsrDocument(new CsrCache(), d, d.positionAt(offset), defaultSettings);
  return (h?.contents as MarkupContent | undefined)?.value.replace(/\\/g, '') ?? '';
}

/** A certificate's PEM (the fixture is a certificate under a CSR label). */
const certificatePem = () =>
  readFixture('certificate-as-csr.csr').replace(/CERTIFICATE REQUEST/g, 'CERTIFICATE');

describe('CSR documents', () => {
  it('which documents are CSR documents', () => {
    assert.ok(isCsrDocument({ languageId: 'cert-csr', uri: 'file:///a.txt' }));
    assert.ok(isCsrDocument({ languageId: 'plaintext', uri: 'file:///a.CSR' }));
    assert.ok(!isCsrDocument({ languageId: 'cert-order', uri: 'file:///a.csr' }));
    assert.ok(!isCsrDocument({ languageId: 'json', uri: 'file:///a.order.json' }));
  });

  it('diagnostics: the order-independent rules, under the key policy setting', () => {
    assert.deepEqual(codes(doc(readFixture('ec-p256.csr'))), []);
    assert.deepEqual(codes(doc(readFixture('rsa1024-md5.csr'))), [
      'csr-unsupported-signature-algorithm',
      'csr-unsupported-key-size',
    ]);
    assert.deepEqual(codes(doc(readFixture('rsa1024-md5.csr')), documentPolicy), []);
    assert.deepEqual(codes(doc(readFixture('tampered-signature.csr'))), ['csr-bad-signature']);
    // Subject rules need the order's product: not here.
    assert.deepEqual(codes(doc(readFixture('missing-o.csr'))), []);
    assert.deepEqual(codes(doc(readFixture('wildcard.csr'))), []);
  });

  it('a bad character: on it; a whole-CSR finding: on the PEM block', () => {
    const text = `# my server\n${readFixture('rsa1024-sha256.csr')}`;
    const d = doc(text);
    const [size] = validateCsrDocument(new CsrCache(), d, defaultSettings);
    assert.equal(size.code, 'csr-unsupported-key-size');
    assert.equal(size.range.start.line, 1);
    assert.match(
      d.getText(size.range),
      /^-----BEGIN CERTIFICATE REQUEST-----[\s\S]*-----END CERTIFICATE REQUEST-----$/,
    );
    const bad = doc(text.replace('MII', 'M?I'));
    const [notBase64] = validateCsrDocument(new CsrCache(), bad, defaultSettings);
    assert.equal(notBase64.code, 'csr-not-base64');
    assert.equal(bad.getText(notBase64.range), '?');
  });

  it('nothing to flag: an empty file, a .pem of another kind; a .csr of another kind is flagged', () => {
    assert.deepEqual(codes(doc('\n')), []);
    assert.deepEqual(codes(doc(certificatePem(), 'server.pem')), []);
    assert.deepEqual(codes(doc(certificatePem(), 'server.csr')), ['csr-not-a-csr']);
    assert.deepEqual(codes(doc(readFixture('certificate-as-csr.csr'), 'x.pem')), ['csr-not-a-csr']);
  });

  it('hover: the summary anywhere in the file, saying that no order was checked', () => {
    const file = fixture('rsa2048-full.csr');
    const text = readFixture('rsa2048-full.csr');
    const sha256 = opensslDigest(opensslDer(file), 'sha256');
    for (const offset of [0, Math.floor(text.length / 2), text.length]) {
      const value = hoverText(doc(text), offset);
      assert.ok(value.includes(sha256), `at ${offset}`);
      assert.match(value, /RSA 2048-bit/);
      assert.match(value, /checked on its own/);
      assert.ok(
        value.includes(
          `command:certOrder.decodeCsr?${encodeURIComponent(JSON.stringify([{ uri: 'file:///csrs/a.csr' }]))}`,
        ),
        value,
      );
    }
  });

  it('hover on a PEM that is not a CSR says so', () => {
    assert.match(
      hoverText(doc(certificatePem(), 'server.pem'), 10),
      /^\*\*No certificate request here\.\*\* This is a PEM "CERTIFICATE"/,
    );
    assert.equal(hoverCsrDocument(new CsrCache(), doc(''), { line: 0, character: 0 }, defaultSettings), null);
  });
});
