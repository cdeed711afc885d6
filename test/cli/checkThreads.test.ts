// `cert-order check` with its worker threads forced on (CERT_ORDER_CHECK_WORKERS) writes the report
// a single thread writes, byte for byte, in every format, with the same exit code: over a folder
// of 1,200 orders of both APIs, `file:` CSRs present and missing, orders with errors and with
// warnings only, a .csr file and a file that cannot be read. The trace (CERT_ORDER_CHECK_TRACE)
// shows that the workers did check some of the files.
import assert from 'node:assert/strict';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { EXAMPLES, runCli, type Run } from './run';

const ORDERS = [
  'comodo-autoapplyssl.order.json',
  'comodo-inline-csr.order.json',
  'comodo-mistakes.order.json',
  'ssl2buy-sectigo-pac-enterprise.order.json',
  'ssl2buy-mistakes.order.json',
  'comodo-wildcard.order.json',
];
const CSRS = ['www.example.com.csr', 'www.example.com-ec-p256.csr', 'wildcard.example.com.csr'];
const TRACE = /^cert-order: files checked by each thread: ([\d ]+)\n/m;

function example(name: string): Record<string, unknown> {
  const order = JSON.parse(readFileSync(path.join(EXAMPLES, name), 'utf8')) as Record<string, unknown>;
  delete order.$schema;
  return order;
}

/** Runs `check` with `workers` worker threads; the trace line is taken out of stderr and returned. */
async function check(args: string[], cwd: string, workers: number): Promise<Run & { perThread: number[] }> {
  const run = await runCli(['check', ...args], {
    cwd,
    env: { CERT_ORDER_CHECK_WORKERS: String(workers), CERT_ORDER_CHECK_TRACE: '1' },
  });
  const trace = TRACE.exec(run.stderr);
  assert.ok(trace, `no trace line in ${run.stderr}`);
  return { ...run, stderr: run.stderr.replace(TRACE, ''), perThread: trace[1].split(' ').map(Number) };
}

describe('cert-order check in worker threads', () => {
  let base: string;
  before(() => {
    // base/orders/batch-{0..11}/: 100 orders each and the CSR files they name, except batch-7
    // (its file: references cannot be read); base/warnings/: orders with one warning each.
    base = mkdtempSync(path.join(tmpdir(), 'cert-order-threads-'));
    for (let b = 0; b < 12; b++) {
      const folder = path.join(base, 'orders', `batch-${b}`);
      mkdirSync(folder, { recursive: true });
      if (b !== 7) for (const csr of CSRS) copyFileSync(path.join(EXAMPLES, csr), path.join(folder, csr));
      for (let i = 0; i < 100; i++) {
        const n = b * 100 + i;
        const order = example(ORDERS[n % ORDERS.length]);
        // Every file its own text.
        if (order.$api === 'comodo-autoapplyssl') order.postalCode = String(10000 + n);
        else order.PartnerOrderID = `ORDER-${n}`;
        writeFileSync(path.join(folder, `order-${n}.order.json`), JSON.stringify(order, null, 2));
      }
    }
    const warnings = path.join(base, 'warnings');
    mkdirSync(warnings);
    copyFileSync(path.join(EXAMPLES, 'www.example.com.csr'), path.join(warnings, 'www.example.com.csr'));
    for (let i = 0; i < 700; i++) {
      const order = {
        ...example('comodo-autoapplyssl.order.json'),
        days: 365,
        postalCode: String(10000 + i),
      };
      writeFileSync(path.join(warnings, `w-${i}.order.json`), JSON.stringify(order, null, 2));
    }
    symlinkSync(path.join(base, 'nowhere'), path.join(base, 'dangling.order.json'));
  });
  after(() => rmSync(base, { recursive: true, force: true }));

  for (const format of ['text', 'json', 'sarif', 'github']) {
    it(`writes the single thread's ${format} report`, async () => {
      const args = [
        '--format',
        format,
        'orders',
        'orders/batch-3/www.example.com.csr',
        'dangling.order.json',
      ];
      const one = await check(args, base, 0);
      const threads = await check(args, base, 1);
      assert.equal(one.code, 2, one.stderr);
      assert.equal(threads.code, one.code, threads.stderr);
      assert.equal(threads.stderr, one.stderr);
      assert.equal(threads.stdout, one.stdout);
      assert.deepEqual(one.perThread, [1202]);
      assert.equal(threads.perThread.length, 2);
      assert.ok(threads.perThread[1] > 0, `the worker checked no file: ${threads.perThread.join(' ')}`);
      assert.equal(threads.perThread[0] + threads.perThread[1], 1202);
    });
  }

  it('lists a file that cannot be read, with two workers', async () => {
    const threads = await check(['orders', 'dangling.order.json'], base, 2);
    assert.equal(threads.code, 2);
    assert.match(threads.stdout, /^dangling\.order\.json {2}cannot be read {2}ENOENT/m);
    assert.match(threads.stdout, / 1200 files checked, 1 file could not be read\.\n$/);
    assert.equal(threads.perThread.length, 3);
  });

  it('keeps --max-warnings', async () => {
    for (const cap of ['0', '699', '700']) {
      const args = ['--max-warnings', cap, 'warnings'];
      const one = await check(args, base, 0);
      const threads = await check(args, base, 1);
      assert.equal(one.code, cap === '700' ? 0 : 1, `${cap}: ${one.stdout.slice(-200)}`);
      assert.equal(threads.code, one.code, cap);
      assert.equal(threads.stdout, one.stdout, cap);
      assert.ok(threads.perThread[1] > 0, `the worker checked no file: ${threads.perThread.join(' ')}`);
    }
  });

  it('refuses a CERT_ORDER_CHECK_WORKERS that is not a number', async () => {
    const run = await runCli(['check', 'warnings'], { cwd: base, env: { CERT_ORDER_CHECK_WORKERS: 'many' } });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /CERT_ORDER_CHECK_WORKERS is auto, 0 or a number of worker threads, not many/);
    assert.equal(run.stdout, '');
  });

  it('checks a few files in one thread unless told otherwise', async () => {
    const run = await runCli(['check', 'orders/batch-0/order-0.order.json'], {
      cwd: base,
      env: { CERT_ORDER_CHECK_TRACE: '1', CERT_ORDER_CHECK_WORKERS: undefined },
    });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /^cert-order: files checked by each thread: 1\n$/);
  });
});
