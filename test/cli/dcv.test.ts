// `cert-order dcv`: the DCV file and DNS lines of a .csr and of an order's CSR, hashes computed
// here over OpenSSL's DER; --web-root writes the file and never replaces a different one unasked.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { opensslDer } from '../unit/csr/openssl';
import { CSR_FIXTURES, EXAMPLES, runCli } from './run';

const hex = (a: string, b: Buffer) => createHash(a).update(b).digest('hex');
const multi = path.join(CSR_FIXTURES, 'rsa2048-full.csr');
const der = opensslDer(multi);
const md5 = hex('md5', der);
const sha256 = hex('sha256', der);
const filePath = `.well-known/pki-validation/${md5.toUpperCase()}.txt`;
const content = `${sha256.toUpperCase()}\nsectigo.com`;

describe('cert-order dcv', () => {
  it('prints the file, its content, the convention and one CNAME line per domain', async () => {
    const run = await runCli(['dcv', multi]);
    assert.equal(run.code, 0, run.stderr);
    assert.ok(run.stdout.includes(`File: ${filePath}`));
    assert.ok(run.stdout.includes(`  ${sha256.toUpperCase()}\n  sectigo.com\n`));
    assert.match(run.stdout, /older documents say comodoca\.com/);
    assert.match(run.stdout, /same file serves every domain/);
    const target = `${sha256.slice(0, 32)}.${sha256.slice(32)}.sectigo.com.`;
    assert.ok(run.stdout.includes(`_${md5}.www.example.com. 3600 IN CNAME ${target}\n`));
    assert.ok(run.stdout.includes(`_${md5}.example.com. 3600 IN CNAME ${target}\n`));
  });

  it("--format json, an order's CSR, --unique-value", async () => {
    const order = path.join(EXAMPLES, 'comodo-autoapplyssl.order.json');
    const run = await runCli(['dcv', '--format', 'json', '--unique-value', 'u42', order]);
    assert.equal(run.code, 0, run.stderr);
    const out = JSON.parse(run.stdout);
    assert.equal(out.basis, 'csr');
    assert.match(out.file.path, /^\.well-known\/pki-validation\/[0-9A-F]{32}\.txt$/);
    assert.match(out.file.content, /^[0-9A-F]{64}\nsectigo\.com\nu42$/);
    assert.ok(out.dnsRecords.length >= 1);
    for (const line of out.dnsRecords)
      assert.match(
        line,
        /^_[0-9a-f]{32}\.\S+\. 3600 IN CNAME [0-9a-f]{32}\.[0-9a-f]{32}\.u42\.sectigo\.com\.$/,
      );
  });

  it('--web-root: writes, says when the same file is there, keeps a different one (exit 1), --replace', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'dcv-cli-'));
    const file = path.join(root, ...filePath.split('/'));
    let run = await runCli(['dcv', multi, '--web-root', root]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(readFileSync(file, 'utf8'), content);
    assert.match(run.stdout, /^Wrote .*\.txt$/m);
    run = await runCli(['dcv', multi, '--web-root', root]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /already there with this content/);
    writeFileSync(file, 'someone else\n');
    run = await runCli(['dcv', multi, '--web-root', root]);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /holds something else: not replaced/);
    assert.equal(readFileSync(file, 'utf8'), 'someone else\n');
    run = await runCli(['dcv', multi, '--web-root', root, '--replace']);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(readFileSync(file, 'utf8'), content);
  });

  it('not a CSR: exit 1 with why; no FILE or a missing web root: usage / I/O error', async () => {
    const bad = path.join(mkdtempSync(path.join(tmpdir(), 'dcv-cli-')), 'x.csr');
    writeFileSync(bad, 'hello');
    let run = await runCli(['dcv', bad]);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /no DCV values/);
    run = await runCli(['dcv']);
    assert.equal(run.code, 2);
    run = await runCli(['dcv', multi, '--web-root', path.join(tmpdir(), 'no-such-dcv-root-x')]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /is not a folder/);
  });
});
