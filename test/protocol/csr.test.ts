// CSR intelligence over stdio (issue 3): coded diagnostics for inline and `file:` CSRs, the decode
// on hover (checked against `openssl req` and `openssl dgst` on the same file), `.csr`/`.pem`
// documents, the certOrder/decodeCsr request, and the key policy setting pulled from the client.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, Hover, MarkupContent, Position } from 'vscode-languageserver-types';
import { fixture, opensslDer, opensslDigest, opensslSubject, readFixture } from '../unit/csr/openssl';
import { LspClient, useLspClient, type Published } from './lspClient';

/** Orders "live" beside the fixtures, so `file:` references resolve to them. */
const orderUri = (name: string) => pathToFileURL(path.join(path.dirname(fixture('x')), name)).href;
const sha256 = (name: string) => opensslDigest(opensslDer(fixture(name)), 'sha256');

/** The address arguments the fixtures' CSRs lack (rsa2048-full.csr's own values, so they agree). */
const ADDRESS = {
  streetAddress1: 'Example Street 1',
  localityName: 'Berlin',
  stateOrProvinceName: 'Berlin',
  postalCode: '10115',
};

function comodoOrder(csr: string, more: Record<string, unknown> = {}): string {
  return JSON.stringify(
    {
      $api: 'comodo-autoapplyssl',
      loginName: 'r',
      product: '24',
      years: 1,
      serverSoftware: 2,
      csr,
      ...ADDRESS,
      isCustomerValidated: 'N',
      ...more,
    },
    null,
    2,
  );
}

/** Where `needle` is in `text`, plus `delta` characters. */
function positionOf(text: string, needle: string, delta = 0): Position {
  const offset = text.indexOf(needle) + delta;
  assert.ok(offset >= delta, `${needle} in the text`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

/** didOpen with a language other than cert-order; resolves with the first diagnostics. */
async function openAs(client: LspClient, uri: string, languageId: string, text: string): Promise<Published> {
  const published = client.nextDiagnostics(uri, 1);
  await client.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId, version: 1, text },
  });
  return published;
}

async function hoverText(client: LspClient, uri: string, position: Position): Promise<string> {
  const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
  assert.ok(hover, `a hover at ${JSON.stringify(position)}`);
  // Markdown escapes punctuation in values: compare without the backslashes.
  return (hover.contents as MarkupContent).value.replace(/\\/g, '');
}

const csrCodes = (diagnostics: Diagnostic[]) =>
  diagnostics.map((d) => String(d.code)).filter((c) => c.startsWith('csr-'));

describe('CSR over stdio', () => {
  let client: LspClient;
  useLspClient((c) => (client = c));

  it('a bad inline CSR: coded diagnostics inside the string, with the status code Comodo would answer', async () => {
    const uri = orderUri('inline-bad.order.json');
    const text = comodoOrder(readFixture('rsa1024-md5.csr'));
    const { diagnostics } = await client.open(uri, text);
    assert.deepEqual(csrCodes(diagnostics), [
      'csr-unsupported-signature-algorithm',
      'csr-unsupported-key-size',
    ]);
    const size = diagnostics.find((d) => d.code === 'csr-unsupported-key-size')!;
    assert.match(size.message, /^-13: The key is RSA 1024-bit, too small\./);
    assert.match(size.message, /Comodo would answer: "The CSR uses an unsupported key size!"$/);
    assert.match(size.message, /csr\.keyPolicy "current", in force\) requires RSA .* at least 2048 bits/);
    assert.equal(size.source, 'cert-order');
    assert.equal(size.range.start.line, positionOf(text, '"csr"').line);

    const broken = text.replace('MII', 'M*I');
    const changed = await client.change(uri, broken, 2);
    const [notBase64] = changed.diagnostics.filter((d) => d.code === 'csr-not-base64');
    assert.match(notBase64.message, /^-9: /);
    const at = positionOf(broken, 'M*I', 1);
    assert.deepEqual(notBase64.range, { start: at, end: { ...at, character: at.character + 1 } });
    await client.close(uri);
  });

  it('a bad file: CSR: coded diagnostics on the reference', async () => {
    const uri = orderUri('file-bad.order.json');
    const text = comodoOrder('file:tampered-signature.csr');
    const { diagnostics } = await client.open(uri, text);
    const bad = diagnostics.find((d) => d.code === 'csr-bad-signature');
    assert.ok(bad, csrCodes(diagnostics).join());
    assert.match(bad.message, /^-12: /);
    const start = positionOf(text, '"file:tampered');
    assert.deepEqual(bad.range, {
      start,
      end: { ...start, character: start.character + '"file:tampered-signature.csr"'.length },
    });
    await client.close(uri);
  });

  for (const name of ['rsa2048-full.csr', 'ec-p256.csr']) {
    it(`hover anywhere over an inline CSR (${name}): verdict, CN, key and SHA-256 as OpenSSL says`, async () => {
      const uri = orderUri(`hover-${name}.order.json`);
      const text = comodoOrder(readFixture(name));
      await client.open(uri, text);
      const cn = opensslSubject(fixture(name), 'sname').find((a) => a.name === 'CN');
      assert.ok(cn);
      for (const position of [
        positionOf(text, '"-----BEGIN'),
        positionOf(text, '-----END', -30),
        positionOf(text, 'REQUEST-----\\n"', 14),
      ]) {
        const value = await hoverText(client, uri, position);
        // Short, in this order: the verdict, CN and SANs, key and signature, SHA-256, the links.
        assert.match(value, /^\*\*[✓✗⚠] /, 'the verdict first');
        const order = [
          `**CN** ${cn.value}`,
          '**SANs**',
          '**Key**',
          '**SHA-256**',
          'Open full decode',
          'Copy SHA-256',
        ];
        const at = order.map((part) => value.indexOf(part));
        assert.ok(
          at.every((i, k) => i >= 0 && (k === 0 || i > at[k - 1])),
          `${order.join(' < ')} in:\n${value}`,
        );
        assert.ok(value.includes(sha256(name)), 'SHA-256 of the DER');
        assert.match(value, name.startsWith('ec') ? /EC P-256/ : /RSA 2048-bit/);
        assert.match(value, /verifies/);
        assert.doesNotMatch(value, /Domain-control|MD5/, 'the full decode has the rest');
        assert.ok(value.split('\n').length <= 10, `${value.split('\n').length} lines`);
      }
      await client.close(uri);
    });
  }

  it('hover on a file: reference: the referenced file summarised, with its links', async () => {
    const uri = orderUri('hover-file.order.json');
    const text = comodoOrder('file:ec-p384.csr');
    await client.open(uri, text);
    const hover = await client.request<Hover>('textDocument/hover', {
      textDocument: { uri },
      position: positionOf(text, 'file:ec-p384', 6),
    });
    const markdown = (hover.contents as MarkupContent).value;
    const value = markdown.replace(/\\/g, '');
    assert.ok(value.includes(sha256('ec-p384.csr')));
    assert.match(value, /EC P-384/);
    assert.doesNotMatch(value, /\*\*csr\*\* —/, "the field's documentation is on its key, not here");
    const link = (title: string) => {
      const m = new RegExp(`\\[${title}\\]\\(command:([\\w.]+)\\?([^ )]+)`).exec(markdown);
      assert.ok(m, `${title} link in ${markdown}`);
      return { command: m[1], args: JSON.parse(decodeURIComponent(m[2])) as unknown[] };
    };
    // "Open full decode" names the order and the CSR's position: the decode request answers it.
    const decode = link('Open full decode');
    assert.equal(decode.command, 'certOrder.decodeCsr');
    const result = await client.request<{ ok: boolean; text?: string }>(
      'certOrder/decodeCsr',
      decode.args[0],
    );
    assert.ok(result.ok && result.text?.includes(sha256('ec-p384.csr')), JSON.stringify(result));
    assert.deepEqual(link('Copy SHA-256'), { command: 'certOrder.copyText', args: [sha256('ec-p384.csr')] });
    await client.close(uri);
  });

  it('a .csr document on its own: diagnostics, and the decode on hover anywhere', async () => {
    const uri = orderUri('standalone-rsa1024-md5.csr');
    const text = readFixture('rsa1024-md5.csr');
    const { diagnostics } = await openAs(client, uri, 'cert-csr', text);
    assert.deepEqual(csrCodes(diagnostics), [
      'csr-unsupported-signature-algorithm',
      'csr-unsupported-key-size',
    ]);
    const lines = text.trimEnd().split('\n');
    for (const position of [
      { line: 0, character: 3 },
      { line: lines.length - 1, character: lines[lines.length - 1].length },
    ]) {
      const value = await hoverText(client, uri, position);
      assert.ok(value.includes(sha256('rsa1024-md5.csr')));
      assert.match(value, /RSA 1024-bit ✗ `csr-unsupported-key-size`/);
      // The first problem is the verdict; the note says what was checked without an order.
      assert.match(value.split('\n')[0], /^\*\*✗ .*(-11|-13)/);
      assert.match(value.split('\n')[0], /checked on its own/);
    }
    await client.close(uri);
  });

  it('a .pem that is not a CSR: no diagnostics, a hover that says so, no JSON features', async () => {
    const uri = orderUri('server-certificate.pem');
    const text = readFixture('certificate-as-csr.csr').replace(/CERTIFICATE REQUEST/g, 'CERTIFICATE');
    const { diagnostics } = await openAs(client, uri, 'cert-csr', text);
    assert.deepEqual(diagnostics, []);
    assert.match(await hoverText(client, uri, { line: 1, character: 5 }), /No certificate request here/);
    const edits = await client.request<unknown[]>('textDocument/formatting', {
      textDocument: { uri },
      options: { tabSize: 2, insertSpaces: true },
    });
    assert.deepEqual(edits, []);
    await client.close(uri);
  });

  it('certOrder/decodeCsr: the CSR under the cursor, a selection, a file', async () => {
    const uri = orderUri('decode.order.json');
    const text = comodoOrder(readFixture('wildcard.csr'));
    await client.open(uri, text);
    type Result = { ok: true; title: string; text: string } | { ok: false; message: string };
    const inOrder = await client.request<Result>('certOrder/decodeCsr', {
      uri,
      position: positionOf(text, '-----END', -10),
    });
    assert.ok(inOrder.ok);
    assert.equal(inOrder.title, 'Decoded CSR: the csr of decode.order.json');
    assert.ok(inOrder.text.includes(sha256('wildcard.csr')));
    assert.match(inOrder.text, /error -5\s+The Common Name "\*\.example\.com"/);
    const selection = await client.request<Result>('certOrder/decodeCsr', {
      uri,
      text: readFixture('ec-p256.csr'),
    });
    assert.ok(selection.ok && selection.text.includes(sha256('ec-p256.csr')));
    const file = await client.request<Result>('certOrder/decodeCsr', {
      uri: pathToFileURL(fixture('ec-p384.csr')).href,
    });
    assert.ok(file.ok && file.text.includes(sha256('ec-p384.csr')));
    await client.close(uri);
  });
});

describe('CSR key policy setting over stdio', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start();
  });
  after(async () => {
    await client.stop();
  });

  it('certOrder.csr.keyPolicy, pulled with workspace/configuration, switches the key-size rule', async () => {
    const small = orderUri('policy-1024.order.json');
    const large = orderUri('policy-2048.order.json');
    const sizeCodes = (p: Published) =>
      csrCodes(p.diagnostics).filter(
        (c) => c === 'csr-unsupported-key-size' || c === 'csr-unsupported-signature-algorithm',
      );

    client.settings = { csr: { keyPolicy: 'current' } };
    assert.deepEqual(sizeCodes(await client.open(small, comodoOrder(readFixture('rsa1024-sha1.csr')))), [
      'csr-unsupported-signature-algorithm',
      'csr-unsupported-key-size',
    ]);
    assert.deepEqual(sizeCodes(await client.open(large, comodoOrder(readFixture('ec-p256.csr')))), []);

    client.settings = { csr: { keyPolicy: 'document' } };
    const republished = [client.nextDiagnostics(small), client.nextDiagnostics(large)];
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const [smallNow, largeNow] = await Promise.all(republished);
    assert.deepEqual(sizeCodes(smallNow), [], 'the document allows RSA 1024 with SHA-1');
    assert.deepEqual(sizeCodes(largeNow), [], 'EC is reported as an algorithm, not a size');
    assert.ok(csrCodes(largeNow.diagnostics).includes('csr-unsupported-key-algorithm'));
    const message = largeNow.diagnostics.find((d) => d.code === 'csr-unsupported-key-algorithm')!.message;
    assert.match(
      message,
      /the Comodo document v1\.11 \(csr\.keyPolicy "document", in force\) allows only rsaEncryption of 512 to 1024 bits/,
    );
    assert.match(message, /^-11: /);
    await client.close(small);
    await client.close(large);
  });
});
