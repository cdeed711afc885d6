// The CSR hover: short, in the order the user asks (verdict, CN and SANs, key and signature,
// SHA-256, links), with every CSR value escaped and no command link but the hover's own.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyseCsrText, checkCsr, csrHoverMarkdown } from '../../../common/src/csr';
import { fixture, opensslDer, opensslDigest, readFixture } from './openssl';

const analysed = (name: string) => analyseCsrText(readFixture(name));
// The order gives the address arguments that these CSRs lack (Comodo requires each unless the CSR
// has it), so the verdict is the CSR's own.
const ADDRESS = {
  streetAddress1: '1 Main St',
  localityName: 'Springfield',
  stateOrProvinceName: 'IL',
  postalCode: '62701',
};
const findingsFor = (name: string, products: number[]) =>
  checkCsr(analysed(name), { api: 'comodo-autoapplyssl', products, orderFields: ADDRESS });
const decodeArgs = { uri: 'file:///o/a.order.json', position: { line: 3, character: 9 } };

/** The command links of a hover: [title, command, args]. */
function links(markdown: string): [string, string, unknown[]][] {
  return [...markdown.matchAll(/\[([^\]]*)\]\(command:([\w.]+)\?([^ )]*)/g)].map((m) => [
    m[1],
    m[2],
    JSON.parse(decodeURIComponent(m[3])) as unknown[],
  ]);
}

describe('csrHoverMarkdown', () => {
  test('an accepted CSR: OK, CN, SANs, key, signature, SHA-256, then the two links', () => {
    const md = csrHoverMarkdown(analysed('ec-p256.csr'), {
      findings: findingsFor('ec-p256.csr', [24]),
      decodeArgs,
    });
    const lines = md.split('\n').filter((l) => l.trim() !== '');
    assert.match(lines[0], /^\*\*✓ OK for this order\.\*\*/);
    assert.match(lines[1], /^\*\*CN\*\* /);
    assert.match(lines[2], /^\*\*SANs\*\* /);
    assert.match(lines[3], /^\*\*Key\*\* EC P\\-256 ✓ · \*\*Signature\*\* ecdsa\\-with\\-SHA256, verifies ✓/);
    const sha256 = opensslDigest(opensslDer(fixture('ec-p256.csr')), 'sha256');
    assert.equal(lines[4], `**SHA-256** \`${sha256}\``);
    assert.deepEqual(links(lines[5]), [
      ['Open full decode', 'certOrder.decodeCsr', [decodeArgs]],
      ['Copy SHA-256', 'certOrder.copyText', [sha256]],
    ]);
    assert.equal(lines.length, 6);
  });

  test('a refused CSR: the first error is the verdict, the others counted', () => {
    const findings = findingsFor('rsa1024-md5.csr', [35]);
    const errors = findings.filter((f) => f.severity === 'error');
    assert.ok(errors.length >= 2);
    const md = csrHoverMarkdown(analysed('rsa1024-md5.csr'), { findings, decodeArgs });
    const [verdict] = md.split('\n');
    assert.ok(verdict.startsWith('**✗ '), verdict);
    assert.ok(
      verdict.includes(
        `+${findings.filter((f) => f.severity !== 'information' && f.severity !== 'hint').length - 1} more`,
      ),
      verdict,
    );
    assert.match(md, /RSA 1024\\-bit ✗ `csr-unsupported-key-size`/);
    assert.match(md, /md5WithRSAEncryption, verifies ✗ `csr-unsupported-signature-algorithm`/);
  });

  test('hints and notes do not make the verdict a problem', () => {
    const findings = findingsFor('utf8.csr', [24]).filter(
      (f) => f.severity === 'hint' || f.severity === 'information',
    );
    assert.ok(findings.length > 0, 'utf8.csr has a hint (UTF8String)');
    assert.match(
      csrHoverMarkdown(analysed('utf8.csr'), { findings }),
      /^\*\*✓ OK for this order\.\*\* \d+ notes? in the full decode/,
    );
  });

  test('a signature that does not verify is said so', () => {
    const md = csrHoverMarkdown(analysed('tampered-signature.csr'), {
      findings: findingsFor('tampered-signature.csr', [24]),
    });
    assert.match(md, /does NOT verify ✗ `csr-bad-signature`/);
  });

  test('not a CSR: the problem, and only the decode link', () => {
    const md = csrHoverMarkdown(analyseCsrText('not base64!'), { findings: [], decodeArgs });
    assert.match(md, /^\*\*✗ Not a readable CSR: /);
    assert.deepEqual(
      links(md).map(([title]) => title),
      ['Open full decode'],
    );
  });

  test("Markdown from the CSR is escaped: the hover's two links are the only links", () => {
    const md = csrHoverMarkdown(analysed('markdown-injection.csr'), {
      findings: findingsFor('markdown-injection.csr', [24]),
      decodeArgs,
    });
    assert.deepEqual(
      links(md).map(([, command]) => command),
      ['certOrder.decodeCsr', 'certOrder.copyText'],
    );
    assert.doesNotMatch(md, /<b>|\u202e|\[click\]\(/);
  });

  test('many SANs: four shown, the rest counted', () => {
    const md = csrHoverMarkdown(analysed('rsa2048-full.csr'), { findings: [] });
    const sans = md.split('\n').find((l) => l.startsWith('**SANs**')) ?? '';
    assert.match(sans, /\(\+\d+ more\)/);
    assert.equal(sans.split(', ').length, 4);
  });
});
