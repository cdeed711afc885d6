// Vendor rules as the documents mean them (issue 8), through the server over stdio: the Comodo
// address arguments required unless the CSR has the field, isCustomerValidated required, an
// empty required value an error, a CSR with one unreadable extension still decoded, and a key of
// an unknown algorithm "not checked". Every message leads with the status code (issue 12).
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, Hover, MarkupContent, Position } from 'vscode-languageserver-types';
import { fixture, readFixture } from '../unit/csr/openssl';
import { useLspClient, type LspClient } from './lspClient';
import { ADDRESS, comodoOrder } from './orders';

/** Orders "live" beside the CSR fixtures, so `file:` references resolve to them. */
const orderUri = (name: string) => pathToFileURL(path.join(path.dirname(fixture('x')), name)).href;

function positionOf(text: string, needle: string, delta = 0): Position {
  const offset = text.indexOf(needle) + delta;
  assert.ok(offset >= delta, `${needle} in the text`);
  return TextDocument.create('x', 'x', 1, text).positionAt(offset);
}

const summary = (ds: Diagnostic[]) =>
  ds.map((d) => `${d.code} ${d.message.slice(0, d.message.indexOf('.'))}`);

async function actionsFor(client: LspClient, uri: string, ds: Diagnostic[]): Promise<CodeAction[]> {
  return client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: ds[0].range,
    context: { diagnostics: ds },
  });
}

async function hoverText(client: LspClient, uri: string, position: Position): Promise<string> {
  const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
  assert.ok(hover, 'a hover');
  return (hover.contents as MarkupContent).value.replace(/\\/g, '');
}

describe('vendor rules over stdio (issue 8)', () => {
  let client: LspClient;
  useLspClient((c) => (client = c));

  it('a CSR with L, ST, street and postal code, no address arguments: no diagnostic at all', async () => {
    const uri = orderUri('address-in-csr.order.json');
    for (const csr of [readFixture('rsa2048-full.csr'), 'file:rsa2048-full.csr']) {
      const { diagnostics } = await client.open(uri, comodoOrder({ csr }));
      assert.deepEqual(
        diagnostics.filter((d) => d.code !== 'csr-subject-field-ignored'),
        [],
      );
      await client.close(uri);
    }
  });

  it('no address anywhere: an error per argument (-3) on the csr value, with fixes that add them', async () => {
    const uri = orderUri('address-missing.order.json');
    const text = comodoOrder({ csr: readFixture('ec-p256.csr') });
    const { diagnostics } = await client.open(uri, text);
    const required = diagnostics.filter((d) => d.code === 'csr-order-field-required');
    assert.deepEqual(summary(required), [
      'csr-order-field-required -3: streetAddress1 is missing',
      'csr-order-field-required -3: localityName is missing',
      'csr-order-field-required -3: stateOrProvinceName is missing',
      'csr-order-field-required -3: postalCode is missing',
    ]);
    const csrLine = positionOf(text, '"csr"').line;
    for (const d of required) {
      assert.equal(d.severity, 1);
      assert.equal(d.range.start.line, csrLine, 'on the csr value');
      assert.match(d.message, /Comodo would answer: "The '\w+' argument is missing!"$/);
    }
    const actions = await actionsFor(client, uri, required);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Add "streetAddress1"'), titles.join(' | '));
    const all = actions.find((a) => /^Add the missing required fields/.test(a.title));
    assert.equal(
      all?.title,
      'Add the missing required fields: streetAddress1, localityName, stateOrProvinceName, postalCode',
    );
    const fixed = JSON.parse(
      TextDocument.applyEdits(TextDocument.create(uri, 'x', 1, text), all!.edit!.changes![uri]),
    );
    assert.deepEqual(
      [fixed.streetAddress1, fixed.localityName, fixed.stateOrProvinceName, fixed.postalCode],
      ['', '', '', ''],
    );
    // Filled in: no error left.
    const filled = await client.change(uri, comodoOrder({ csr: readFixture('ec-p256.csr'), ...ADDRESS }), 2);
    assert.deepEqual(filled.diagnostics, []);
    await client.close(uri);
  });

  it('no address, the CSR a file: reference: the errors go on the object, where the fix adds them', async () => {
    const uri = orderUri('address-missing-file.order.json');
    const { diagnostics } = await client.open(
      uri,
      comodoOrder({ csr: 'file:ec-p256.csr', postalCode: '10115' }),
    );
    const required = diagnostics.filter((d) => d.code === 'csr-order-field-required');
    assert.equal(required.length, 3);
    for (const d of required)
      assert.deepEqual(d.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } });
    await client.close(uri);
  });

  it('both present and different: the prioritiseCSRValues information, no error', async () => {
    const uri = orderUri('address-differs.order.json');
    const text = comodoOrder({ csr: readFixture('rsa2048-full.csr'), ...ADDRESS, localityName: 'Potsdam' });
    const { diagnostics } = await client.open(uri, text);
    const differs = diagnostics.filter((d) => d.code === 'csr-order-field-differs');
    assert.equal(differs.length, 1);
    assert.equal(differs[0].severity, 3);
    assert.deepEqual(differs[0].range.start, positionOf(text, '"Potsdam"'));
    assert.ok(!diagnostics.some((d) => d.severity === 1));
    await client.close(uri);
  });

  it('hover on an address argument says when it is required, as the schema does', async () => {
    const uri = orderUri('address-hover.order.json');
    const text = comodoOrder({ csr: 'file:ec-p256.csr', ...ADDRESS });
    await client.open(uri, text);
    const value = await hoverText(client, uri, positionOf(text, '"stateOrProvinceName"', 3));
    assert.match(value, /required unless the CSR has a State or Province Name \(2\.5\.4\.8\)/);
    assert.match(value, /"stateOrProvinceName \(if there is a State or Province Name in the CSR\)"/);
    await client.close(uri);
  });

  it('isCustomerValidated missing: -3, and the fix writes "N" saying what it means', async () => {
    const uri = orderUri('icv-missing.order.json');
    const text = comodoOrder({ csr: 'file:rsa2048-full.csr', isCustomerValidated: undefined });
    const { diagnostics } = await client.open(uri, text);
    const missing = diagnostics.filter((d) => d.code === 'missing-field');
    assert.deepEqual(summary(missing), [
      "missing-field -3: 'isCustomerValidated' is missing (Whether the Web Host has validated the customer), a required field",
    ]);
    const actions = await actionsFor(client, uri, missing);
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Add the missing required field isCustomerValidated as "N": Comodo will validate the customer'],
    );
    await client.close(uri);
  });

  it('a required value written as "": an error with the missing-field status, for both APIs', async () => {
    const uri = orderUri('empty.order.json');
    const comodo = await client.open(uri, comodoOrder({ csr: 'file:rsa2048-full.csr', product: '' }));
    assert.deepEqual(
      comodo.diagnostics.filter((d) => d.severity === 1).map((d) => [d.code, d.message.slice(0, 22)]),
      [['required-field-empty', "-3: 'product' is empty"]],
    );
    await client.close(uri);
    const ssl2buy = JSON.stringify({
      $api: 'ssl2buy-sectigo-pac-enterprise',
      PartnerEmail: 'p@example.com',
      Year: 1,
      PartnerOrderID: 'X-1',
      CSR: 'file:ec-p256.csr',
      PACOrderInfo: { Title: 'Ms', FirstName: 'A', LastName: 'B' },
      OrganisationInfo: {
        OrgName: '',
        Email: 'a@example.com',
        Address1: '1 Street',
        City: 'London',
        State: 'London',
        CountryName: 'GB',
        PostalCode: 'EC1A 1AA',
        PhoneNo: '+44 20 7946 0000',
      },
    });
    const { diagnostics } = await client.open(uri, ssl2buy);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.severity]),
      [['required-field-empty', 1]],
    );
    assert.match(
      diagnostics[0].message,
      /^'OrganisationInfo\.OrgName' is empty\. .* SSL2Buy document: OrgName is/,
    );
    await client.close(uri);
  });

  it('a CSR with one malformed extension: decoded, the extension marked unreadable, one warning', async () => {
    const uri = orderUri('bad-extension.order.json');
    const text = comodoOrder({ csr: readFixture('bad-extension.csr'), ...ADDRESS });
    const { diagnostics } = await client.open(uri, text);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.severity]),
      [['csr-extension-unreadable', 2]],
    );
    assert.match(diagnostics[0].message, /keyUsage \(2\.5\.29\.15\) cannot be read/);
    // The hover: the warning is the verdict, the rest of the CSR decoded as usual.
    const position = positionOf(text, '-----END', -20);
    const value = await hoverText(client, uri, position);
    assert.match(
      value.split('\n')[0],
      /^\*\*⚠ The requested extension keyUsage \(2\.5\.29\.15\) cannot be read/,
    );
    assert.match(value, /\*\*CN\*\* www\.example\.com/);
    assert.match(value, /\*\*Signature\*\* ecdsa-with-SHA256, verifies ✓/);
    assert.match(value, /\*\*SHA-256\*\* `[0-9a-f]{64}`/);
    // The full decode lists the extension as unreadable, with its OID and why.
    const decode = await client.request<{ ok: boolean; text?: string }>('certOrder/decodeCsr', {
      uri,
      position,
    });
    assert.ok(decode.ok, JSON.stringify(decode));
    assert.match(
      decode.text ?? '',
      /keyUsage \(2\.5\.29\.15\)\s+unreadable: extension without an OCTET STRING value/,
    );
    await client.close(uri);
  });

  it('a key of an unknown algorithm: the signature "not checked", never "DOES NOT VERIFY"', async () => {
    const uri = orderUri('unknown-key.order.json');
    const text = comodoOrder({ csr: 'file:unknown-key.csr', ...ADDRESS });
    const { diagnostics } = await client.open(uri, text);
    const codes = diagnostics.map((d) => d.code);
    assert.ok(codes.includes('csr-signature-unchecked'), codes.join());
    assert.ok(!codes.includes('csr-bad-signature'), codes.join());
    const value = await hoverText(client, uri, positionOf(text, 'file:unknown', 3));
    assert.match(
      value,
      /\*\*Signature\*\* sha256WithRSAEncryption, not checked \(unknown key algorithm 1\.3\.6\.1\.4\.1\.55555\.1\.1\)/,
    );
    assert.doesNotMatch(value, /DOES NOT VERIFY|verifies ✗/);
    const decode = await client.request<{ ok: boolean; text?: string }>('certOrder/decodeCsr', {
      uri,
      position: positionOf(text, 'file:unknown', 3),
    });
    assert.ok(decode.ok, JSON.stringify(decode));
    assert.match(decode.text ?? '', /not checked/);
    assert.doesNotMatch(decode.text ?? '', /DOES NOT VERIFY/);
    await client.close(uri);
  });
});
