// The key-and-CSR engine: every key type round-trips through the project's decoder, verifies with
// openssl, and earns no diagnostic on an order of its API; the RSA request is byte for byte
// OpenSSL's for the same key; the string types follow the policy; bad input is refused.
import assert from 'node:assert/strict';
import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import {
  createKeyAndCsr,
  csrForKey,
  CsrInputError,
  keyTypesFor,
  type KeyType,
} from '../../../common/src/csr/create';
import { ssl2buyOrder } from '../service/helpers';
import { decoded, FIXTURES, opensslVerify, orderDiagnostics } from './support';

const COMODO = 'comodo-autoapplyssl';
const SSL2BUY = 'ssl2buy-sectigo-pac-enterprise';
const subject = {
  commonName: 'www.example.com',
  organization: 'Example GmbH',
  country: 'DE',
  locality: 'Berlin',
  state: 'Berlin',
};

function comodoOrder(csr: string, product = '24'): Record<string, unknown> {
  return {
    $api: COMODO,
    loginName: 'example-reseller',
    product,
    years: 1,
    serverSoftware: 2,
    csr,
    streetAddress1: '1 Example Street',
    postalCode: '10115',
    isCustomerValidated: 'N',
  };
}

const EXPECTED_KEY: Record<KeyType, { algorithm: string; size: string }> = {
  'ec-p256': { algorithm: 'EC', size: 'P-256' },
  'ec-p384': { algorithm: 'EC', size: 'P-384' },
  'rsa-2048': { algorithm: 'RSA', size: '2048' },
  'rsa-3072': { algorithm: 'RSA', size: '3072' },
  'rsa-4096': { algorithm: 'RSA', size: '4096' },
  'rsa-1024': { algorithm: 'RSA', size: '1024' },
};

describe('createKeyAndCsr', () => {
  it("keyTypesFor: EC P-256 first under today's practice; the Comodo document allows RSA 512-1024 only", () => {
    assert.deepEqual(keyTypesFor('current', COMODO), [
      'ec-p256',
      'ec-p384',
      'rsa-2048',
      'rsa-3072',
      'rsa-4096',
    ]);
    assert.deepEqual(keyTypesFor('document', COMODO), ['rsa-1024']);
    // The SSL2Buy document states no key rule: `document` means today's practice there.
    assert.deepEqual(keyTypesFor('document', SSL2BUY), keyTypesFor('current', SSL2BUY));
  });

  for (const [policy, keyType] of [
    ...keyTypesFor('current', COMODO).map((k) => ['current', k] as const),
    ['document', 'rsa-1024'] as const,
  ]) {
    it(`${keyType} (${policy}): decodes to what was entered, openssl verifies it, the order has no diagnostics`, async () => {
      const made = await createKeyAndCsr({
        keyType,
        subject,
        dnsNames: ['example.com'],
        emails: [],
        keyPolicy: policy,
        api: COMODO,
      });
      const csr = decoded(made.csrDer);
      assert.deepEqual(
        csr.subject.map((a) => [a.shortName, a.value, a.type]),
        [
          ['C', 'DE', 'PrintableString'],
          ['ST', 'Berlin', 'PrintableString'],
          ['L', 'Berlin', 'PrintableString'],
          ['O', 'Example GmbH', 'PrintableString'],
          ['CN', 'www.example.com', 'PrintableString'],
        ],
      );
      // The Common Name first among the SANs.
      assert.deepEqual(csr.subjectAltNames, [
        { type: 'dns', value: 'www.example.com' },
        { type: 'dns', value: 'example.com' },
      ]);
      const want = EXPECTED_KEY[keyType];
      assert.equal(csr.publicKey.algorithm, want.algorithm);
      assert.equal(
        csr.publicKey.algorithm === 'EC'
          ? csr.publicKey.curve
          : String('bits' in csr.publicKey ? csr.publicKey.bits : ''),
        want.size,
      );
      assert.equal(
        csr.signature.name,
        policy === 'document'
          ? 'sha1WithRSAEncryption'
          : want.algorithm === 'EC'
            ? 'ecdsa-with-SHA256'
            : 'sha256WithRSAEncryption',
      );
      assert.deepEqual(csr.signature.verify, { status: 'valid' });
      const verify = opensslVerify(made.csrPem);
      assert.ok(verify.ok, verify.output);
      assert.deepEqual(await orderDiagnostics(comodoOrder(made.csrPem), policy), []);
      if (policy === 'document') {
        // The check can fail: the same request under today's practice is too small and SHA-1.
        const codes = (await orderDiagnostics(comodoOrder(made.csrPem), 'current')).map((d) => d.code);
        assert.deepEqual(codes.sort(), ['csr-unsupported-key-size', 'csr-unsupported-signature-algorithm']);
      }
      // The key is the request's: its public half is the SPKI in the CSR.
      const key = createPrivateKey(made.keyPem);
      assert.match(made.keyPem, /^-----BEGIN PRIVATE KEY-----\n/);
      assert.equal(key.asymmetricKeyType, want.algorithm.toLowerCase());
      assert.ok(!made.csrPem.includes(made.keyPem.split('\n')[1]));
    });
  }

  it('the RSA request is byte for byte the one openssl req writes for the same key', () => {
    const key = createPrivateKey(readFileSync(path.join(FIXTURES, 'test-rsa2048.key')));
    const made = csrForKey(key, {
      subject,
      dnsNames: ['example.com'],
      emails: [],
      keyPolicy: 'current',
      api: COMODO,
    });
    // openssl req -new -key test-rsa2048.key -config openssl-req.cnf
    //   -addext "subjectAltName=DNS:www.example.com,DNS:example.com" -sha256
    assert.equal(made.csrPem, readFileSync(path.join(FIXTURES, 'openssl-rsa2048.csr'), 'utf8'));
  });

  it('the encrypted key: PKCS#8 with AES-256, opened only with the passphrase', async () => {
    const made = await createKeyAndCsr({
      keyType: 'ec-p256',
      subject,
      dnsNames: [],
      emails: [],
      keyPolicy: 'current',
    });
    const pem = made.encryptedKeyPem('correct horse');
    assert.match(pem, /^-----BEGIN ENCRYPTED PRIVATE KEY-----\n/);
    assert.throws(() => createPrivateKey({ key: pem, passphrase: 'wrong' }));
    const opened = createPrivateKey({ key: pem, passphrase: 'correct horse' });
    assert.equal(opened.export({ type: 'pkcs8', format: 'pem' }).toString(), made.keyPem);
    assert.throws(() => made.encryptedKeyPem(''), CsrInputError);
  });

  it("non-ASCII: UTF8String under today's practice, refused under the Comodo document", async () => {
    const input = { ...subject, organization: 'Müller & Söhne GmbH', locality: 'Köln' };
    const made = await createKeyAndCsr({
      keyType: 'ec-p256',
      subject: input,
      dnsNames: [],
      emails: [],
      keyPolicy: 'current',
      api: COMODO,
    });
    const csr = decoded(made.csrDer);
    assert.deepEqual(
      csr.subject.filter((a) => a.shortName === 'O' || a.shortName === 'L').map((a) => [a.value, a.type]),
      [
        ['Köln', 'UTF8String'],
        ['Müller & Söhne GmbH', 'UTF8String'],
      ],
    );
    assert.ok(opensslVerify(made.csrPem).ok);
    await assert.rejects(
      createKeyAndCsr({
        keyType: 'rsa-1024',
        subject: input,
        dnsNames: [],
        emails: [],
        keyPolicy: 'document',
        api: COMODO,
      }),
      (e: unknown) =>
        e instanceof CsrInputError && e.field === 'locality' && /PrintableString/.test(e.message),
    );
  });

  it('the Comodo document: an ASCII value outside PrintableString becomes the BMPString it lists for CN and O', async () => {
    const made = await createKeyAndCsr({
      keyType: 'rsa-1024',
      subject: { ...subject, commonName: '*.example.com', organization: 'Smith & Sons' },
      dnsNames: [],
      emails: [],
      keyPolicy: 'document',
      api: COMODO,
    });
    const csr = decoded(made.csrDer);
    assert.deepEqual(
      csr.subject.filter((a) => a.shortName === 'O' || a.shortName === 'CN').map((a) => [a.value, a.type]),
      [
        ['Smith & Sons', 'BMPString'],
        ['*.example.com', 'BMPString'],
      ],
    );
    assert.deepEqual(await orderDiagnostics(comodoOrder(made.csrPem, '35'), 'document'), [
      // Wildcard products need `servers`; nothing about the CSR.
      ...(await orderDiagnostics(comodoOrder('', '35'), 'document')).filter(
        (d) => !String(d.code).startsWith('csr'),
      ),
    ]);
  });

  it('an S/MIME request: the e-mail address as an rfc822Name, the name in the subject, no diagnostics', async () => {
    const made = await createKeyAndCsr({
      keyType: 'ec-p256',
      subject: { commonName: 'Alice Example', organization: 'Example Ltd', country: 'GB' },
      dnsNames: [],
      emails: ['alice@example.com'],
      keyPolicy: 'current',
      api: SSL2BUY,
    });
    const csr = decoded(made.csrDer);
    assert.deepEqual(csr.subjectAltNames, [{ type: 'email', value: 'alice@example.com' }]);
    assert.equal(csr.subject.find((a) => a.shortName === 'CN')?.value, 'Alice Example');
    const order = JSON.parse(ssl2buyOrder({ CSR: made.csrPem }));
    assert.deepEqual(await orderDiagnostics(order), []);
  });

  it('refuses what it cannot encode, before a key is made', async () => {
    const base = {
      keyType: 'ec-p256' as const,
      subject,
      dnsNames: [],
      emails: [],
      keyPolicy: 'current' as const,
    };
    const field = async (req: Parameters<typeof createKeyAndCsr>[0]) => {
      try {
        await createKeyAndCsr(req);
        return 'accepted';
      } catch (e) {
        assert.ok(e instanceof CsrInputError, String(e));
        return e.field;
      }
    };
    assert.equal(await field({ ...base, subject: { ...subject, country: 'UK' } }), 'country');
    assert.equal(await field({ ...base, subject: { ...subject, country: 'Germany' } }), 'country');
    assert.equal(await field({ ...base, subject: { ...subject, organization: 'a\nb' } }), 'organization');
    assert.equal(
      await field({ ...base, subject: { ...subject, organization: 'x'.repeat(65) } }),
      'organization',
    );
    assert.equal(await field({ ...base, dnsNames: ['bücher.example'] }), 'dnsNames');
    assert.equal(await field({ ...base, dnsNames: ['a..example.com'] }), 'dnsNames');
    assert.equal(await field({ ...base, emails: ['not-an-address'] }), 'emails');
    assert.equal(await field({ ...base, subject: {}, dnsNames: [] }), 'subject');
    assert.equal(
      await field({ ...base, keyType: 'rsa-2048', keyPolicy: 'document', api: COMODO }),
      'keyType',
    );
    assert.equal(await field({ ...base, keyType: 'rsa-1024' }), 'keyType');
    assert.equal(
      await field({ ...base, subject: { commonName: 'server01' }, dnsNames: ['10.0.0.1', 'fd00::1'] }),
      'accepted',
    );
  });

  it('addresses become iPAddress SANs; an empty subject makes the SAN extension critical', async () => {
    const made = await createKeyAndCsr({
      keyType: 'ec-p256',
      subject: {},
      dnsNames: ['10.0.0.1', 'fd00::1:2', 'server01'],
      emails: [],
      keyPolicy: 'current',
    });
    const csr = decoded(made.csrDer);
    assert.deepEqual(csr.subjectAltNames, [
      { type: 'ip', value: '10.0.0.1' },
      { type: 'ip', value: 'fd00::1:2' },
      { type: 'dns', value: 'server01' },
    ]);
    assert.deepEqual(csr.subject, []);
    assert.ok(opensslVerify(made.csrPem).ok);
  });
});
