// The CSR participant in the order service: each finding placed where it is (a bad character, the
// base64 of a subject value, the order field it concerns, the `file:` reference), coded, with the
// status code Comodo would answer; the hover is the full decode.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  DiagnosticSeverity,
  type Diagnostic,
  type MarkupContent,
  type Range,
} from 'vscode-languageserver-types';
import { CsrCache } from '../../../common/src/csr';
import { createCsrParticipant } from '../../../server/src/csr/participant';
import { advance, jsonStringMapper, offsetSpan, subjectValueSpans } from '../../../server/src/csr/ranges';
import { getOrderLanguageService, type ReadFile } from '../../../server/src/service';
import { fixture, opensslDer, opensslDigest, readFixture } from '../csr/openssl';

const FIXTURE_DIR = path.dirname(fixture('x'));
const readFixtureFile: ReadFile = async (uri) => new Uint8Array(readFileSync(new URL(uri)));

function setup(readFile: ReadFile = readFixtureFile) {
  return getOrderLanguageService({ readFile, csr: createCsrParticipant(new CsrCache()) });
}

/** The address arguments, which the fixtures' CSRs (but rsa2048-full.csr) do not carry. */
const ADDRESS = {
  streetAddress1: 'Example Street 1',
  localityName: 'Berlin',
  stateOrProvinceName: 'Berlin',
  postalCode: '10115',
};

function order(fields: Record<string, unknown>, address: Record<string, string> = ADDRESS): TextDocument {
  const text = JSON.stringify(
    { $api: 'comodo-autoapplyssl', product: '24', years: 1, serverSoftware: 2, ...address, ...fields },
    null,
    2,
  );
  return TextDocument.create(
    pathToFileURL(path.join(FIXTURE_DIR, 'test.order.json')).href,
    'cert-order',
    1,
    text,
  );
}

async function csrDiagnostics(document: TextDocument): Promise<Diagnostic[]> {
  const all = await setup().doValidation(document);
  return all.filter((d) => String(d.code).startsWith('csr-'));
}

function csrStringRange(document: TextDocument): Range {
  const text = document.getText();
  const start = text.indexOf('"', text.indexOf('"csr"') + 5);
  const end = text.indexOf('"', text.indexOf('-----END') + 8) + 1;
  return { start: document.positionAt(start), end: document.positionAt(end) };
}

function within(inner: Range, outer: Range, document: TextDocument): boolean {
  return (
    document.offsetAt(inner.start) >= document.offsetAt(outer.start) &&
    document.offsetAt(inner.end) <= document.offsetAt(outer.end)
  );
}

/** The DER bytes a base64 range of a JSON string holds (`\n` escapes dropped). */
function bytesOf(document: TextDocument, range: Range): string {
  const source = document.getText(range).replace(/\\[nr]/g, '');
  return Buffer.from(source, 'base64').toString('latin1');
}

describe('CSR participant: diagnostics and their ranges', () => {
  it('a character that is not base64: on that character, Comodo -9', async () => {
    const pem = readFixture('ec-p256.csr');
    const lines = pem.split('\n');
    lines[2] = `${lines[2].slice(0, 10)}!${lines[2].slice(11)}`;
    const doc = order({ csr: lines.join('\n') });
    const [d] = await csrDiagnostics(doc);
    assert.equal(d.code, 'csr-not-base64');
    assert.equal(d.severity, DiagnosticSeverity.Error);
    assert.equal(doc.getText(d.range), '!');
    assert.match(d.message, /^-9: Not base64 data/);
    assert.match(d.message, /Comodo would answer: "The CSR is not valid Base-64 data!"$/);
  });

  it('a doubled backslash (\\\\n in the JSON): on the escape as written', async () => {
    const pem = readFixture('ec-p256.csr').trimEnd().replace(/\n/g, '\\n');
    const doc = order({ csr: pem });
    const [d] = await csrDiagnostics(doc);
    assert.equal(d.code, 'csr-not-base64');
    assert.equal(doc.getText(d.range), '\\\\');
    assert.match(d.message, /backslash/);
  });

  it('a BEGIN line without its END line: on the BEGIN line', async () => {
    const pem = readFixture('ec-p256.csr').replace(/-----END[^\n]*\n/, '');
    const doc = order({ csr: pem });
    const [d] = await csrDiagnostics(doc);
    assert.equal(d.code, 'csr-not-base64');
    assert.equal(doc.getText(d.range), '-----BEGIN CERTIFICATE REQUEST-----');
  });

  it('a wildcard Common Name on a non-wildcard product: on the base64 of the CN, Comodo -5', async () => {
    for (const eol of ['\n', '\r\n']) {
      const doc = order({ csr: readFixture('wildcard.csr').replace(/\n/g, eol) });
      const ds = await csrDiagnostics(doc);
      const d = ds.find((x) => x.code === 'csr-cn-wildcard-not-allowed');
      assert.ok(d, ds.map((x) => x.code).join());
      assert.match(d.message, /^-5: The Common Name "\*\.example\.com" holds a wildcard/);
      assert.ok(within(d.range, csrStringRange(doc), doc), 'inside the CSR string');
      assert.ok(bytesOf(doc, d.range).includes('*.example.com'), JSON.stringify(doc.getText(d.range)));
      assert.ok(doc.getText(d.range).length < 40, 'a part of the CSR, not all of it');
    }
  });

  it('an order field that differs from the CSR: on the field', async () => {
    const doc = order({ csr: readFixture('rsa2048-full.csr'), localityName: 'Potsdam' }, {});
    const ds = await csrDiagnostics(doc);
    assert.deepEqual(ds.map((d) => d.code).sort(), ['csr-order-field-differs', 'csr-subject-field-ignored']);
    const differs = ds.find((d) => d.code === 'csr-order-field-differs')!;
    assert.equal(differs.severity, DiagnosticSeverity.Information);
    assert.equal(doc.getText(differs.range), '"Potsdam"');
    assert.match(differs.message, /prioritiseCSRValues=Y \(the default\).*"Berlin"/);
  });

  it('address arguments neither the order nor the CSR gives: on the CSR value, each with a fix', async () => {
    const doc = order({ csr: readFixture('ec-p256.csr'), stateOrProvinceName: '' }, {});
    const ds = (await setup().doValidation(doc)).filter((d) => d.code === 'csr-order-field-required');
    assert.deepEqual(
      ds.map((d) => [d.message.slice(0, d.message.indexOf('.')), doc.getText(d.range).slice(0, 6)]),
      [
        ['-3: streetAddress1 is missing', '"-----'],
        ['-3: localityName is missing', '"-----'],
        ['-3: postalCode is missing', '"-----'],
        // After the CSR in the file: on the empty value.
        ['-3: stateOrProvinceName is empty', '""'],
      ],
    );
    assert.ok(ds.every((d) => d.severity === DiagnosticSeverity.Error));
    const data = ds[0].data as { fixes?: { title: string }[]; adds?: unknown };
    assert.deepEqual(
      data.fixes?.map((f) => f.title),
      ['Add "streetAddress1"'],
    );
    assert.deepEqual(data.adds, [['streetAddress1', '']]);
    assert.equal((ds[3].data as { fixes?: unknown }).fixes, undefined, 'written, so nothing to add');
  });

  it('address arguments missing with a file: CSR: on the object, where they are added', async () => {
    const doc = order({ csr: 'file:ec-p256.csr' }, {});
    const ds = (await setup().doValidation(doc)).filter((d) => d.code === 'csr-order-field-required');
    assert.equal(ds.length, 4);
    for (const d of ds)
      assert.deepEqual(d.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } });
  });

  it('prioritiseCSRValues=N is read from the order', async () => {
    const doc = order({
      csr: readFixture('rsa2048-full.csr'),
      localityName: 'Potsdam',
      prioritiseCSRValues: 'N',
    });
    const differs = (await csrDiagnostics(doc)).find((d) => d.code === 'csr-order-field-differs');
    assert.match(differs?.message ?? '', /prioritiseCSRValues=N the CA uses the order's value "Potsdam"/);
  });

  it('findings about the whole CSR: on the CSR string', async () => {
    const doc = order({ csr: readFixture('rsa1024-sha256.csr') });
    const d = (await csrDiagnostics(doc)).find((x) => x.code === 'csr-unsupported-key-size');
    assert.ok(d);
    assert.deepEqual(d.range, csrStringRange(doc));
    assert.match(
      d.message,
      /^-13: The key is RSA 1024-bit, too small\. .*csr\.keyPolicy "current", in force/,
    );
  });

  it('a file: CSR: every finding on the reference', async () => {
    const doc = order({ csr: 'file:tampered-signature.csr' });
    const ds = await csrDiagnostics(doc);
    const d = ds.find((x) => x.code === 'csr-bad-signature');
    assert.ok(d, ds.map((x) => x.code).join());
    assert.equal(doc.getText(d.range), '"file:tampered-signature.csr"');
    assert.match(d.message, /^-12: /);
    const wildcard = (await csrDiagnostics(order({ csr: 'file:wildcard.csr' }))).find(
      (x) => x.code === 'csr-cn-wildcard-not-allowed',
    );
    assert.equal(wildcard?.range.start.character, 9, 'the reference, not a place inside the file');
  });

  it('a binary DER file is read too', async () => {
    const der = opensslDer(fixture('wildcard.csr'));
    const svc = getOrderLanguageService({
      readFile: async () => new Uint8Array(der),
      csr: createCsrParticipant(new CsrCache()),
    });
    const codes = (await svc.doValidation(order({ csr: 'file:wildcard.der' }))).map((d) => d.code);
    assert.ok(codes.includes('csr-cn-wildcard-not-allowed'), codes.join());
  });

  it('a valid order has no CSR findings; the S/MIME API gets only its own rules', async () => {
    assert.deepEqual(await csrDiagnostics(order({ csr: readFixture('ec-p256.csr') })), []);
    const smime = TextDocument.create(
      'file:///o/s.order.json',
      'cert-order',
      1,
      JSON.stringify({ $api: 'ssl2buy-sectigo-pac-enterprise', CSR: readFixture('missing-o.csr') }),
    );
    const codes = (await setup().doValidation(smime))
      .map((d) => String(d.code))
      .filter((c) => c.startsWith('csr-'));
    assert.deepEqual(codes, []);
  });
});

describe('CSR participant: hover', () => {
  it('the summary with the first finding, over an inline CSR and a file: reference', async () => {
    const file = fixture('wildcard.csr');
    const sha256 = opensslDigest(opensslDer(file), 'sha256');
    for (const csr of [readFixture('wildcard.csr'), 'file:wildcard.csr']) {
      const doc = order({ csr });
      const text = doc.getText();
      // Inline: deep inside the base64; file: on the reference.
      const at = doc.positionAt(
        csr.startsWith('file:') ? text.indexOf('file:') + 3 : text.indexOf('-----END') - 20,
      );
      const hover = await setup().doHover(doc, at);
      const value = (hover?.contents as MarkupContent).value.replace(/\\/g, '');
      assert.ok(value.includes(sha256), `SHA-256 in the ${csr.slice(0, 5)} hover`);
      // The CA's verdict first: the first problem, as the diagnostic words it.
      assert.match(value, /^\*\*✗ -5: The Common Name "\*\.example\.com"/);
      assert.match(value, /\*\*CN\*\* \*\.example\.com/);
      assert.match(value, /\[Open full decode\]\(command:certOrder\.decodeCsr\?/);
      assert.doesNotMatch(value, /Domain-control validation/, 'DCV values are in the full decode');
    }
  });
});

describe('CSR ranges', () => {
  it('subjectValueSpans: the value TLV of each attribute, in order', () => {
    const der = opensslDer(fixture('utf8.csr'));
    const spans = subjectValueSpans(der);
    assert.equal(spans.length, 4);
    assert.equal(der.subarray(spans[1].start + 2, spans[1].end).toString('utf8'), 'Köln');
    assert.deepEqual(subjectValueSpans(new Uint8Array([0x30, 0x00])), []);
  });

  it('jsonStringMapper: through escapes, to positions on the string line', () => {
    const raw = '"a\\nb\\u0041c"';
    const map = jsonStringMapper(
      raw,
      { start: { line: 3, character: 10 }, end: { line: 3, character: 24 } },
      'a\nbAc',
    );
    assert.ok(map);
    // 'A' is value index 3, written as \u0041 at raw offset 5..11.
    assert.deepEqual(map({ start: 3, end: 4 }), {
      start: { line: 3, character: 15 },
      end: { line: 3, character: 21 },
    });
    assert.equal(
      jsonStringMapper(raw, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, 'other'),
      undefined,
    );
    assert.deepEqual(advance({ line: 1, character: 4 }, 'ab\ncd', 4), { line: 2, character: 1 });
  });

  it('offsetSpan: a PEM line whole, otherwise one character', () => {
    assert.deepEqual(offsetSpan('x\n-----BEGIN X-----\nAAAA', 2), { start: 2, end: 19 });
    assert.deepEqual(offsetSpan('AB!D', 2), { start: 2, end: 3 });
    assert.deepEqual(offsetSpan('ABCD', 4), { start: 3, end: 4 });
  });
});
