// `cert-order check` answers a `file:` reference once per folder of orders (a hundred orders of a
// folder naming one CSR): each order still gets the answer of its own folder, both for what the
// file is (present in one folder, missing in the next) and whether it may be read at all (the same
// file, inside the root for one order and outside the own folder of an order named outside it).
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ADDRESS, comodoOrder } from '../protocol/orders';
import { EXAMPLES, runCli } from './run';

const order = (csr: string): string => comodoOrder({ ...ADDRESS, csr });

describe('cert-order check: one CSR named by many orders', () => {
  let base: string;
  before(() => {
    // base/in/x.csr, base/in/a-{0..49}.order.json, base/in/b/a.order.json (no x.csr there),
    // base/in/c.order.json naming ../in/x.csr, base/out/q.order.json naming ../in/x.csr
    base = mkdtempSync(path.join(tmpdir(), 'cert-order-shared-'));
    for (const dir of ['in/b', 'out']) mkdirSync(path.join(base, dir), { recursive: true });
    copyFileSync(path.join(EXAMPLES, 'www.example.com.csr'), path.join(base, 'in', 'x.csr'));
    for (let i = 0; i < 50; i++)
      writeFileSync(path.join(base, 'in', `a-${i}.order.json`), order('file:x.csr'));
    writeFileSync(path.join(base, 'in', 'b', 'a.order.json'), order('file:x.csr'));
    writeFileSync(path.join(base, 'in', 'c.order.json'), order('file:../in/x.csr'));
    writeFileSync(path.join(base, 'out', 'q.order.json'), order('file:../in/x.csr'));
  });
  after(() => rmSync(base, { recursive: true, force: true }));

  it("gives each order its own folder's answer", async () => {
    // The order outside the root first: its refusal must not become the answer for the same file
    // named from inside the root.
    const run = await runCli(['check', '--format', 'json', '--root', 'in', 'out/q.order.json', 'in'], {
      cwd: base,
    });
    assert.equal(run.code, 1, run.stderr);
    const report = JSON.parse(run.stdout) as {
      files: { path: string; diagnostics: { code: string; message: string }[] }[];
    };
    const unreadable = Object.fromEntries(
      report.files.map((f) => [
        f.path,
        f.diagnostics.filter((d) => d.code === 'csr-file-unreadable').map((d) => d.message),
      ]),
    );
    assert.equal(report.files.length, 53);
    assert.match(unreadable['out/q.order.json'][0], /outside the order's folder/);
    assert.match(unreadable['in/b/a.order.json'][0], /no such file/);
    assert.deepEqual(unreadable['in/c.order.json'], []);
    for (let i = 0; i < 50; i++) assert.deepEqual(unreadable[`in/a-${i}.order.json`], [], `a-${i}`);
    // Every order of the folder is checked in full, the CSR's rules included.
    const clean = report.files.filter((f) => f.path.startsWith('in/a-') && f.diagnostics.length === 0);
    assert.equal(clean.length, 50, JSON.stringify(report.files[1]));
  });
});
