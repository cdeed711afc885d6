// `cert-order decode-csr`: the hover's facts as text and JSON, for a file, an order's CSR and
// standard input; hashes checked against OpenSSL's DER of the same file.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { opensslDer } from '../unit/csr/openssl';
import { CSR_FIXTURES, EXAMPLES, runCli } from './run';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('cert-order decode-csr', () => {
  it('prints the report of a .csr file: subject, key, signature, SHA-256', async () => {
    const file = path.join(EXAMPLES, 'www.example.com.csr');
    const run = await runCli(['decode-csr', file]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^Decoded CSR: www\.example\.com\.csr$/m);
    assert.match(run.stdout, /CN +2\.5\.4\.3 +PrintableString +www\.example\.com/);
    assert.match(run.stdout, /signature verifies/);
    assert.ok(run.stdout.toLowerCase().includes(sha256(opensslDer(file))), 'SHA-256 of the DER');
  });

  it('--format json: the same facts as data, DCV values included', async () => {
    const file = path.join(CSR_FIXTURES, 'ec-p256.csr');
    const run = await runCli(['decode-csr', '--format', 'json', file]);
    assert.equal(run.code, 0, run.stderr);
    const out = JSON.parse(run.stdout);
    assert.equal(out.decoded, true);
    assert.equal(out.publicKey.algorithm, 'EC');
    assert.equal(out.publicKey.curve, 'P-256');
    assert.equal(out.signature.verifies, 'valid');
    const der = opensslDer(file);
    assert.equal(out.hashes.sha256, sha256(der));
    assert.equal(out.hashes.md5, createHash('md5').update(der).digest('hex'));
    const cn = out.subject.find((a: { name: string }) => a.name === 'CN');
    assert.ok(cn, 'a CN');
    if (out.dcv.length) assert.equal(out.dcv[0].cname.host.split('.')[0], `_${out.hashes.md5}`);
  });

  it('reads standard input with -, and decodes the CSR of an order file', async () => {
    const pem = readFileSync(path.join(EXAMPLES, 'www.example.com-ec-p256.csr'));
    const fromStdin = await runCli(['decode-csr', '-'], { input: pem });
    assert.equal(fromStdin.code, 0, fromStdin.stderr);
    assert.match(fromStdin.stdout, /^Decoded CSR: standard input$/m);
    const order = await runCli(['decode-csr', path.join(EXAMPLES, 'comodo-autoapplyssl.order.json')]);
    assert.equal(order.code, 0, order.stderr);
    assert.match(order.stdout, /the csr of comodo-autoapplyssl\.order\.json/);
  });

  it('exits 1 with the reason for what is not a CSR, 2 for what cannot be read or used', async () => {
    const garbage = await runCli(['decode-csr', '-'], { input: 'hello, world' });
    assert.equal(garbage.code, 1);
    assert.match(garbage.stdout, /csr-not-base64/);
    const json = JSON.parse(
      (await runCli(['decode-csr', '--format', 'json', '-'], { input: 'hello' })).stdout,
    );
    assert.equal(json.decoded, false);
    assert.match(json.error, /base64|Base-64/i);
    assert.equal((await runCli(['decode-csr', '/no/such/file.csr'])).code, 2);
    assert.equal((await runCli(['decode-csr'])).code, 2);
    assert.equal((await runCli(['decode-csr', 'a.csr', 'b.csr'])).code, 2);
  });
});
