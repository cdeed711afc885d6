// `cert-order check` and `decode-csr` read `file:` CSR references as the language server does
// (issue 14): only inside the root by real path (the git work tree holding the current folder,
// else the current folder, or --root), an order named outside it in its own folder; a link planted
// to a file outside, /etc/passwd or a device is refused with why.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ADDRESS, comodoOrder } from '../protocol/orders';
import { EXAMPLES, runCli } from './run';

const CSR = path.join(EXAMPLES, 'www.example.com.csr');

/** A Comodo order with every required argument (the protocol tests' builder) and this CSR. */
const order = (csr: string): string => comodoOrder({ ...ADDRESS, csr });

/** Each `file:` reference's csr-file-unreadable message in the JSON report, by file. */
async function unreadable(args: string[], cwd: string): Promise<Record<string, string[]>> {
  const run = await runCli(['check', '--format', 'json', ...args], { cwd });
  assert.notEqual(run.code, 2, run.stderr);
  const report = JSON.parse(run.stdout) as {
    files: { path: string; diagnostics: { code: string; message: string }[] }[];
  };
  return Object.fromEntries(
    report.files.map((f) => [
      f.path,
      f.diagnostics.filter((d) => d.code === 'csr-file-unreadable').map((d) => d.message),
    ]),
  );
}

describe('cert-order: file: references only inside the root', () => {
  let base: string;
  let repo: string;
  before(() => {
    // base/secret.csr, base/repo/.git, base/repo/csrs/good.csr, base/repo/orders/*.order.json
    base = mkdtempSync(path.join(tmpdir(), 'cert-order-refs-'));
    repo = path.join(base, 'repo');
    for (const dir of ['.git', 'csrs', 'orders']) mkdirSync(path.join(repo, dir), { recursive: true });
    copyFileSync(CSR, path.join(base, 'secret.csr'));
    copyFileSync(CSR, path.join(repo, 'csrs', 'good.csr'));
    symlinkSync(path.join(base, 'secret.csr'), path.join(repo, 'orders', 'out-link.csr'));
    symlinkSync('/etc/passwd', path.join(repo, 'orders', 'passwd.csr'));
    symlinkSync('/dev/zero', path.join(repo, 'orders', 'zero.csr'));
    const orders = {
      'sibling.order.json': 'file:../csrs/good.csr',
      'escape.order.json': 'file:../../secret.csr',
      'absolute.order.json': 'file:/etc/passwd',
      'out-link.order.json': 'file:out-link.csr',
      'passwd.order.json': 'file:passwd.csr',
      'zero.order.json': 'file:zero.csr',
    };
    for (const [name, csr] of Object.entries(orders))
      writeFileSync(path.join(repo, 'orders', name), order(csr));
  });
  after(() => rmSync(base, { recursive: true, force: true }));

  it('from a subfolder of a git work tree: the work tree is the root', async () => {
    const found = await unreadable([], path.join(repo, 'orders'));
    assert.deepEqual(found['sibling.order.json'], [], 'a CSR elsewhere in the repository is read');
    assert.match(found['escape.order.json'][0], /outside the order's workspace folder \(.*repo\)/);
    assert.match(found['absolute.order.json'][0], /outside the order's workspace folder/);
    assert.match(found['out-link.order.json'][0], /is a link to .*secret\.csr, outside/);
    assert.match(found['passwd.order.json'][0], /is a link to \/etc\/passwd, outside/);
    assert.match(found['zero.order.json'][0], /is a link to \/dev\/zero, outside/);
  });

  it('outside a git work tree, the current folder is the root', async () => {
    rmSync(path.join(repo, '.git'), { recursive: true });
    try {
      const found = await unreadable([], path.join(repo, 'orders'));
      assert.match(found['sibling.order.json'][0], /outside the order's workspace folder \(.*orders\)/);
    } finally {
      mkdirSync(path.join(repo, '.git'));
    }
  });

  it('--root narrows it, and must be a folder', async () => {
    const found = await unreadable(['--root', '.'], path.join(repo, 'orders'));
    assert.match(found['sibling.order.json'][0], /outside/);
    const wide = await unreadable(['--root', base, 'escape.order.json'], path.join(repo, 'orders'));
    assert.deepEqual(wide['escape.order.json'], []);
    const bad = await runCli(['check', '--root', 'nowhere'], { cwd: repo });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--root nowhere: not a folder/);
  });

  it('an order named outside the root: its references are read in its own folder only', async () => {
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'cert-order-lone-'));
    try {
      copyFileSync(CSR, path.join(elsewhere, 'next.csr'));
      writeFileSync(path.join(elsewhere, 'next.order.json'), order('file:next.csr'));
      writeFileSync(path.join(elsewhere, 'up.order.json'), order('file:../../../../etc/passwd'));
      const found = await unreadable(
        [path.join(elsewhere, 'next.order.json'), path.join(elsewhere, 'up.order.json')],
        repo,
      );
      assert.deepEqual(found[path.join(elsewhere, 'next.order.json')], []);
      assert.match(found[path.join(elsewhere, 'up.order.json')][0], /outside the order's folder/);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('decode-csr of an order follows the same rule', async () => {
    const inside = await runCli(['decode-csr', 'orders/sibling.order.json'], { cwd: repo });
    assert.equal(inside.code, 0, inside.stderr);
    const out = await runCli(['decode-csr', 'orders/passwd.order.json'], { cwd: repo });
    assert.equal(out.code, 1);
    assert.match(out.stdout + out.stderr, /is a link to \/etc\/passwd, outside/);
    assert.doesNotMatch(out.stdout + out.stderr, /root:/);
  });
});
