// CSRs with one unreadable part (issue 8): a malformed requested extension does not make the CSR
// undecodable, and a key of an unknown algorithm leaves the signature "not checked", never "DOES
// NOT VERIFY". The fixtures come from test/fixtures/csr/make-crafted-csrs.mjs.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  analyseCsrText,
  checkCsr,
  csrReportMarkdown,
  csrReportText,
  type DecodedCsr,
} from '../../../common/src/csr';
import { readExtensionRequest, type ExtensionRequest } from '../../../common/src/csr/extensions';
import { readTlv } from '../../../common/src/csr/der';
import { COMODO, SMIME } from './check';
import { fixture, opensslDer, opensslDigest, opensslSubject, opensslVerifies, readFixture } from './openssl';

function decoded(name: string): DecodedCsr {
  const a = analyseCsrText(readFixture(name));
  assert.equal(a.kind, 'decoded', JSON.stringify(a.kind === 'decoded' ? '' : a));
  return a.kind === 'decoded' ? a.csr : (undefined as never);
}

describe('a CSR with one malformed requested extension', () => {
  const name = 'bad-extension.csr';

  test('is decoded: subject, subjectAltName, key, signature and hashes as OpenSSL reads them', () => {
    const csr = decoded(name);
    const subject = opensslSubject(fixture(name), 'oid').map((a) => [a.name, a.value]);
    assert.deepEqual(
      csr.subject.map((a) => [a.oid, a.value]),
      subject,
    );
    assert.deepEqual(csr.subjectAltNames, [{ type: 'dns', value: 'www.example.com' }]);
    assert.equal(csr.publicKey.algorithm, 'EC');
    assert.ok(opensslVerifies(fixture(name)), 'openssl verifies the signature too');
    assert.equal(csr.signature.verify.status, 'valid');
    const a = analyseCsrText(readFixture(name));
    assert.equal(a.kind === 'decoded' && a.hashes.sha256, opensslDigest(opensslDer(fixture(name)), 'sha256'));
  });

  test('the bad extension is marked unreadable, with its OID', () => {
    const [ext] = decoded(name).extensions;
    assert.equal(ext.oid, '2.5.29.15');
    assert.equal(ext.name, 'keyUsage');
    assert.equal(ext.unreadable, true);
    assert.match(ext.error ?? '', /OCTET STRING/);
    const text = csrReportText(analyseCsrText(readFixture(name)));
    assert.match(text, /keyUsage \(2\.5\.29\.15\) +unreadable: extension without an OCTET STRING value/);
  });

  test('a warning says which extension, for both APIs; no csr-not-a-csr', () => {
    for (const ctx of [COMODO, SMIME]) {
      const findings = checkCsr(analyseCsrText(readFixture(name)), ctx);
      const codes = findings.map((f) => f.code);
      assert.ok(!codes.includes('csr-not-a-csr'), codes.join());
      const [f] = findings.filter((x) => x.code === 'csr-extension-unreadable');
      assert.equal(f.severity, 'warning');
      assert.match(f.message, /^The requested extension keyUsage \(2\.5\.29\.15\) cannot be read/);
    }
  });

  test('does not trigger on sound extensions (rsa2048-full.csr has four)', () => {
    const findings = checkCsr(analyseCsrText(readFixture('rsa2048-full.csr')), COMODO);
    assert.deepEqual(
      findings.filter((f) => f.code === 'csr-extension-unreadable'),
      [],
    );
  });

  test('an extension without an OID, and a request that is not a SEQUENCE, are entries too', () => {
    const into: ExtensionRequest = { subjectAltNames: [], extensions: [] };
    // SEQUENCE { SEQUENCE { INTEGER 5 } }: an "extension" that does not start with an OID.
    const noOid = Uint8Array.from([0x30, 0x05, 0x30, 0x03, 0x02, 0x01, 0x05]);
    readExtensionRequest(noOid, readTlv(noOid, 0), into);
    // INTEGER 5 where the SEQUENCE OF Extension belongs.
    const notASequence = Uint8Array.from([0x02, 0x01, 0x05]);
    readExtensionRequest(notASequence, readTlv(notASequence, 0), into);
    assert.deepEqual(
      into.extensions.map((e) => [e.oid, e.name, e.unreadable]),
      [
        ['', '(OID unreadable)', true],
        ['', '(OID unreadable)', true],
      ],
    );
  });
});

describe('a CSR whose key algorithm is not known', () => {
  const name = 'unknown-key.csr';

  test('the signature is "not checked", never "DOES NOT VERIFY"', () => {
    const csr = decoded(name);
    assert.equal(csr.publicKey.algorithm, 'unknown');
    assert.deepEqual(csr.signature.verify, {
      status: 'unchecked',
      reason: 'unknown key algorithm 1.3.6.1.4.1.55555.1.1',
    });
    const a = analyseCsrText(readFixture(name));
    const findings = checkCsr(a, COMODO);
    for (const report of [csrReportText(a, { findings }), csrReportMarkdown(a, { findings })]) {
      assert.doesNotMatch(report, /DOES NOT VERIFY/);
      assert.match(report.replace(/\\/g, ''), /signature not checked/);
    }
    const codes = findings.map((f) => f.code);
    assert.ok(codes.includes('csr-signature-unchecked'), codes.join());
    assert.ok(codes.includes('csr-unsupported-key-algorithm'), codes.join());
    assert.ok(!codes.includes('csr-bad-signature'), codes.join());
  });

  test('a known key that was tampered with still DOES NOT VERIFY', () => {
    const a = analyseCsrText(readFixture('tampered-signature.csr'));
    assert.match(csrReportText(a), /DOES NOT VERIFY/);
  });
});
