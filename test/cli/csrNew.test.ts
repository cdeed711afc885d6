// `cert-order csr new`: the built bin makes a key and a CSR for an order, as the editor's "Create
// Key and CSR" does. For each key type: openssl verifies the CSR and finds the key file's public
// key in it, `cert-order check` finds the updated order clean, `cert-order decode-csr` shows what
// was typed, the key is mode 0600, and no key text is anywhere but in the key file.
import assert from 'node:assert/strict';
import { createPrivateKey } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import {
  assertKeyMatchesCsr,
  assertNoKeyOutside,
  COMODO,
  orderIn,
  SSL2BUY,
  SUBJECT_ARGS,
} from './csrNewHelpers';
import { runCli } from './run';

interface Decoded {
  subject: { name: string; value: string; type: string }[];
  subjectAltNames: { type: string; value: string }[];
  publicKey: { algorithm: string; bits?: number; curve?: string };
  signature: { algorithm: string; verifies: string };
}

async function decode(csrFile: string, extra: string[] = []): Promise<Decoded> {
  const run = await runCli(['decode-csr', '--format', 'json', ...extra, csrFile]);
  assert.equal(run.code, 0, run.stderr);
  return JSON.parse(run.stdout) as Decoded;
}

const attr = (d: Decoded, name: string) => d.subject.filter((a) => a.name === name).map((a) => a.value);

describe('cert-order csr new', () => {
  for (const keyType of ['ec-p256', 'ec-p384', 'rsa-2048', 'rsa-3072', 'rsa-4096'] as const) {
    it(`${keyType}: a CSR openssl verifies, the key 0600, the order pointed at it and clean`, async () => {
      const { folder, order } = orderIn(COMODO);
      // The order by a relative path from its folder, the SANs repeated and comma-separated.
      const run = await runCli(
        ['csr', 'new', '--order', 'shop.example.com.order.json', '--cn', 'shop.example.com'].concat([
          '--san',
          'example.com',
          '--san',
          'www.example.com,shop.example.com',
          '--key-type',
          keyType,
          ...SUBJECT_ARGS,
        ]),
        { cwd: folder },
      );
      assert.equal(run.code, 0, run.stderr);
      const csrFile = path.join(folder, 'shop.example.com.csr');
      const keyFile = path.join(folder, 'shop.example.com.key');
      assert.equal(statSync(keyFile).mode & 0o777, 0o600);
      assert.match(readFileSync(keyFile, 'utf8'), /^-----BEGIN PRIVATE KEY-----\n/);
      assertKeyMatchesCsr(csrFile, keyFile);
      // The order: its CSR field added after the last property, every other line as it was.
      assert.equal(
        readFileSync(order, 'utf8'),
        COMODO.replace(
          '"isCustomerValidated": "N"\n',
          '"isCustomerValidated": "N",\n  "csr": "file:shop.example.com.csr"\n',
        ),
      );
      const check = await runCli(['check', order], { cwd: folder });
      assert.equal(check.code, 0, check.stdout);
      assert.match(check.stdout, /No problems: 1 file checked/);
      const d = await decode(csrFile);
      assert.deepEqual(attr(d, 'CN'), ['shop.example.com']);
      assert.deepEqual(attr(d, 'O'), ['Example Inc']);
      assert.deepEqual(attr(d, 'C'), ['US']);
      assert.deepEqual(attr(d, 'L'), ['Mountain View'], 'the locality from the order');
      assert.deepEqual(attr(d, 'street'), ['100 Example Avenue']);
      assert.deepEqual(
        d.subjectAltNames.map((s) => `${s.type}:${s.value}`),
        ['dns:shop.example.com', 'dns:example.com', 'dns:www.example.com'],
      );
      assert.equal(d.signature.verifies, 'valid');
      assert.equal(d.publicKey.algorithm, keyType.startsWith('ec') ? 'EC' : 'RSA');
      // What was printed: the paths and the summary, never the key.
      assert.match(run.stdout, /^Wrote shop\.example\.com\.csr \((EC P-|RSA )/m);
      assert.match(run.stdout, /SANs: +shop\.example\.com, example\.com, www\.example\.com/);
      assert.match(
        run.stdout,
        /^Wrote shop\.example\.com\.key \(private key, PKCS#8 PEM, not encrypted, mode 0600\)/m,
      );
      assert.match(run.stdout, /The order has no problems\./);
      assertNoKeyOutside(run, folder, keyFile);
    });
  }

  it('S/MIME: the address as rfc822Name, the name from the order, the key encrypted with the passphrase from the environment', async () => {
    const { folder, order } = orderIn(SSL2BUY, 'alice.order.json');
    const passphrase = `pass-${process.pid}-${Date.now()}`;
    const run = await runCli(
      ['csr', 'new', '--order', order, '--email', 'alice@example.com', '--key-type', 'rsa-2048'].concat([
        '--passphrase-env',
        'MY_KEY_PASS',
        '--format',
        'json',
      ]),
      { cwd: folder, env: { MY_KEY_PASS: passphrase } },
    );
    assert.equal(run.code, 0, run.stderr);
    const out = JSON.parse(run.stdout);
    assert.equal(out.csr, 'alice@example.com.csr');
    assert.deepEqual(out.key, {
      path: 'alice@example.com.key',
      type: 'rsa-2048',
      description: 'RSA 2048-bit',
      encrypted: true,
      mode: '0600',
    });
    assert.equal(out.commonName, 'Alice Example');
    assert.deepEqual(out.emails, ['alice@example.com']);
    assert.equal(out.csrField, 'file:alice@example.com.csr');
    assert.equal(out.diagnostics, 0);
    const keyFile = path.join(folder, 'alice@example.com.key');
    const csrFile = path.join(folder, 'alice@example.com.csr');
    const pem = readFileSync(keyFile, 'utf8');
    assert.match(pem, /^-----BEGIN ENCRYPTED PRIVATE KEY-----\n/);
    assert.equal(statSync(keyFile).mode & 0o777, 0o600);
    assert.throws(() => createPrivateKey(pem), 'no key without the passphrase');
    assert.throws(() => createPrivateKey({ key: pem, passphrase: 'wrong' }));
    assert.equal(createPrivateKey({ key: pem, passphrase }).asymmetricKeyDetails?.modulusLength, 2048);
    assertKeyMatchesCsr(csrFile, keyFile, passphrase);
    // The empty CSR field in the middle gets the reference, in the file's own indentation.
    assert.equal(
      readFileSync(order, 'utf8'),
      SSL2BUY.replace('"CSR": ""', '"CSR": "file:alice@example.com.csr"'),
    );
    const d = await decode(csrFile);
    assert.deepEqual(attr(d, 'CN'), ['Alice Example']);
    assert.deepEqual(attr(d, 'O'), ['Example Ltd']);
    assert.deepEqual(attr(d, 'C'), ['GB']);
    assert.deepEqual(
      d.subjectAltNames.map((s) => s.value),
      ['alice@example.com'],
    );
    assert.equal((await runCli(['check', order], { cwd: folder })).code, 0);
    assertNoKeyOutside(run, folder, keyFile, passphrase);
  });

  it('--subject overrides the order and non-ASCII is UTF8String; --key-out, --csr-out elsewhere, the reference relative to the order', async () => {
    const { folder, order } = orderIn(COMODO);
    const run = await runCli(
      ['csr', 'new', '--order', order, '--cn', 'shop.example.com', ...SUBJECT_ARGS].concat([
        '--subject',
        'O=Müller Straße GmbH',
        '--subject',
        'L=Berlin',
        '--subject',
        'ST=',
        '--subject',
        'c=de',
        '--key-out',
        'keys/shop.key',
        '--csr-out',
        'csrs/shop.csr',
      ]),
      { cwd: folder },
    );
    assert.equal(run.code, 0, run.stderr);
    const csrFile = path.join(folder, 'csrs', 'shop.csr');
    const keyFile = path.join(folder, 'keys', 'shop.key');
    assertKeyMatchesCsr(csrFile, keyFile);
    assert.equal(statSync(keyFile).mode & 0o777, 0o600);
    assert.match(readFileSync(order, 'utf8'), /"csr": "file:csrs\/shop\.csr"\n\}\n$/);
    const d = await decode(csrFile);
    assert.deepEqual(
      d.subject.filter((a) => a.name === 'O').map((a) => [a.value, a.type]),
      [['Müller Straße GmbH', 'UTF8String']],
    );
    assert.deepEqual(attr(d, 'L'), ['Berlin']);
    assert.deepEqual(attr(d, 'ST'), [], 'an empty value leaves the field out');
    assert.deepEqual(attr(d, 'C'), ['DE']);
    assert.equal((await runCli(['check', order], { cwd: folder })).code, 0);
  });

  it('--key-policy document: the Comodo document key (RSA 1024, SHA-1) by default, and a subject it cannot encode refused', async () => {
    const { folder, order } = orderIn(COMODO);
    const args = [
      'csr',
      'new',
      '--order',
      order,
      '--cn',
      'shop.example.com',
      '--key-policy',
      'document',
      ...SUBJECT_ARGS,
    ];
    let run = await runCli([...args, '--subject', 'O=Müller GmbH'], { cwd: folder });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /cannot be encoded as the Comodo document asks/);
    run = await runCli([...args, '--key-type', 'ec-p256'], { cwd: folder });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /EC P-256 is not allowed under --key-policy document/);
    run = await runCli(args, { cwd: folder });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /RSA 1024-bit, signed with SHA-1/);
    const csrFile = path.join(folder, 'shop.example.com.csr');
    assertKeyMatchesCsr(csrFile, path.join(folder, 'shop.example.com.key'));
    assert.equal(
      (await decode(csrFile, ['--key-policy', 'document'])).signature.algorithm,
      'sha1WithRSAEncryption',
    );
    const check = await runCli(['check', '--key-policy', 'document', order], { cwd: folder });
    assert.equal(check.code, 0, check.stdout);
  });
});
