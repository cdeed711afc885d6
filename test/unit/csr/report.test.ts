// The hover Markdown and the plain-text report: the facts are there, CSR values are escaped.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyseCsrText, checkCsr, csrReportMarkdown, csrReportText } from '../../../common/src/csr';
import { fixture, opensslDer, opensslDigest, readFixture } from './openssl';

const full = analyseCsrText(readFixture('rsa2048-full.csr'));

describe('csrReportMarkdown', () => {
  const findings = checkCsr(full, {
    api: 'comodo-autoapplyssl',
    products: [44],
    orderFields: { localityName: 'Potsdam' },
  });
  const markdown = csrReportMarkdown(full, { findings });

  test('subject in order with name, OID and type; SANs; extensions; key; signature', () => {
    const rows = markdown.split('\n').filter((l) => /^\| \d+ \|/.test(l));
    assert.equal(rows.length, 11);
    assert.match(rows[0], /^\| 1 \| C \(countryName\) \| 2\\\.5\\\.4\\\.6 \| PrintableString \| DE \|$/);
    assert.match(rows[9], /CN \(commonName\).*www\\\.example\\\.com/);
    assert.match(markdown, /DNS\\:www\\\.example\\\.com/);
    assert.match(markdown, /IP\\:2001\\:db8\\:\\:1/);
    assert.match(markdown, /keyUsage \\\(critical\\\): Digital Signature\\, Key Encipherment/);
    assert.match(markdown, /RSA 2048\\-bit\\, exponent 65537/);
    assert.match(markdown, /sha256WithRSAEncryption\\: verifies/);
  });

  test('MD5, SHA-1 and SHA-256 of the DER, as openssl dgst computes them', () => {
    const der = opensslDer(fixture('rsa2048-full.csr'));
    for (const alg of ['md5', 'sha1', 'sha256'] as const)
      assert.ok(markdown.includes(`\`${opensslDigest(der, alg)}\``), alg);
  });

  test('DCV values for the CN and each DNS SAN, with the convention', () => {
    const md5 = opensslDigest(opensslDer(fixture('rsa2048-full.csr')), 'md5').toUpperCase();
    assert.ok(markdown.includes(`\`http://www.example.com/.well-known/pki-validation/${md5}.txt\``));
    assert.ok(markdown.includes(`\`http://example.com/.well-known/pki-validation/${md5}.txt\``));
    assert.match(markdown, /Sectigo hash\\-based DCV/);
  });

  test('one line per finding, with its status code and rule code', () => {
    assert.equal(findings.length, 3);
    const section = markdown.slice(markdown.indexOf('**What the CA would say**'));
    const lines = section.split('\n').filter((l) => l.startsWith('- '));
    assert.equal(lines.length, findings.length);
    assert.ok(
      lines.some((l) => l.startsWith('- error \\-18: ') && l.includes('\\[csr\\-intranet\\-fqdn\\]')),
    );
  });

  test('Markdown, HTML, table pipes and bidi overrides from the CSR are escaped', () => {
    const md = csrReportMarkdown(analyseCsrText(readFixture('markdown-injection.csr')));
    const row = md.split('\n').find((l) => l.includes('organizationName')) ?? '';
    assert.ok(row.includes('\\*Example\\*'));
    assert.ok(row.includes('\\[click\\]\\(https\\:\\/\\/evil\\.example\\/\\)'));
    assert.ok(row.includes('&lt;b&gt;x&lt;\\/b&gt;'));
    assert.ok(row.includes('\\|'));
    // Rendered: \u{202E}, visible, instead of the invisible override itself.
    assert.ok(row.includes('\\\\u\\{202E\\}'));
    assert.equal(row.split(' | ').length, 5, 'the row still has five cells');
    assert.doesNotMatch(md, /<b>|\u202e|\[click\]\(/);
  });

  test('a text error shows the problem', () => {
    const md = csrReportMarkdown(analyseCsrText('not base64!'));
    assert.match(md, /not readable/);
    assert.match(md, /is not a base64 character/);
  });

  test('the challenge password is not shown', () => {
    const md = csrReportMarkdown(analyseCsrText(readFixture('challenge-password.csr')));
    assert.match(md, /challengePassword: \\\(present\\, not shown\\\)/);
    assert.doesNotMatch(md, /secret/);
  });

  test('DCV domains can be capped', () => {
    const md = csrReportMarkdown(full, { maxDcvDomains: 1 });
    assert.match(md, /www\\.example\\.com file/);
    assert.doesNotMatch(md, /- example\\.com file/);
    assert.ok(md.includes('\\(1 more domain\\: see Decode CSR\\)'));
  });

  test('DCV can be left out', () => {
    assert.doesNotMatch(csrReportMarkdown(full, { dcv: false }), /Domain-control/);
  });
});

describe('csrReportText', () => {
  test('plain values, aligned, copyable; control characters visible', () => {
    const text = csrReportText(analyseCsrText(readFixture('utf8.csr')));
    assert.match(text, /^ 3\. O +2\.5\.4\.10 +UTF8String +Müller GmbH$/m);
    assert.match(text, /^SHA-256 +[0-9a-f]{64}$/m);
    const injected = csrReportText(analyseCsrText(readFixture('markdown-injection.csr')));
    assert.ok(injected.includes('*Example* [click](https://evil.example/) <b>x</b> | y \\u{202E} z'));
  });

  test('the DCV file content is one value per line', () => {
    const text = csrReportText(full, { uniqueValue: 'u123' });
    const at = text.split('\n').findIndex((l) => l.startsWith('www.example.com content'));
    const lines = text.split('\n').slice(at, at + 3);
    assert.match(lines[0], /content +[0-9A-F]{64}$/);
    assert.match(lines[1], /^ +sectigo\.com$/);
    assert.match(lines[2], /^ +u123$/);
  });
});
