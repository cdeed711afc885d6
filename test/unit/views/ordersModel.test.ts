// The Orders view's content without VS Code: grouping by folder, submissions newest first, records
// added one at a time, "Other submissions", and what each item says (description, icon, context
// value for the menus, click command).
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
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parseRecord } from '../../../common/src/protocol';
import { orderFacts, readOrderFacts } from '../../../client/src/views/orderFacts';
import { ORDERS_VIEW_COMMANDS, itemView, recordTime } from '../../../client/src/views/ordersItems';
import { OrdersModel, type OrdersNode } from '../../../client/src/views/ordersModel';
import { testRecord } from './records';

const ROOT = path.resolve('/work/orders-a');
const OTHER_ROOT = path.resolve('/work/orders-b');
const A = path.join(ROOT, 'a.order.json');
const B = path.join(ROOT, 'sub', 'b.order.json');
const C = path.join(OTHER_ROOT, 'c.order.json');
const facts = { api: 'Comodo !AutoApplySSL', summary: 'InstantSSL (24) · 1 year', details: 'API: Comodo' };

function model(folders = [{ name: 'orders-a', path: ROOT }]): OrdersModel {
  const m = new OrdersModel();
  m.setFolders(folders);
  return m;
}

const labels = (m: OrdersModel, nodes: OrdersNode[]) => nodes.map((n) => itemView(m, n).label);

describe('Orders view model', () => {
  it('one folder: its orders at the top level, by path; several folders: a node each', () => {
    const m = model();
    m.setOrder(B, facts);
    m.setOrder(A, facts);
    assert.deepEqual(labels(m, m.roots()), ['a.order.json', path.join('sub', 'b.order.json')]);

    const two = model([
      { name: 'orders-a', path: ROOT },
      { name: 'orders-b', path: OTHER_ROOT },
    ]);
    two.setOrder(A, facts);
    two.setOrder(C, facts);
    const roots = two.roots();
    assert.deepEqual(labels(two, roots), ['orders-a', 'orders-b']);
    assert.deepEqual(labels(two, two.children(roots[1]!)), ['c.order.json']);
    assert.equal(itemView(two, roots[0]!).contextValue, 'folder');
  });

  it('an empty workspace has no nodes (the welcome view shows)', () => {
    assert.deepEqual(model().roots(), []);
  });

  it("an order's submissions newest first, each saying environment, time and outcome", () => {
    const m = model();
    m.setOrder(A, facts);
    m.setHistory(
      [
        testRecord({ id: 'r1', orderFile: A, second: 1, outcome: 'refused' }),
        testRecord({ id: 'r3', orderFile: A, second: 3, outcome: 'placed', orderNumber: '1234567' }),
        testRecord({ id: 'r2', orderFile: A, second: 2, outcome: 'not-sent' }),
      ],
      new Map([
        ['r1', '/h/r1.json'],
        ['r2', '/h/r2.json'],
        ['r3', '/h/r3.json'],
      ]),
    );
    const [order] = m.roots();
    const items = m.children(order!).map((n) => itemView(m, n));
    assert.deepEqual(
      items.map((i) => [i.label, i.description]),
      [
        ['demo · 2026-12-01 00:00:03 UTC', 'placed, order 1234567'],
        ['demo · 2026-12-01 00:00:02 UTC', 'not sent'],
        ['demo · 2026-12-01 00:00:01 UTC', 'refused: -4 years is invalid'],
      ],
    );
    assert.deepEqual(
      items.map((i) => i.contextValue),
      ['submission numbered on-disk', 'submission on-disk', 'submission on-disk'],
    );
    assert.equal(items[0]!.command, ORDERS_VIEW_COMMANDS.showSubmission);
    assert.match(items[0]!.tooltip ?? '', /History file: \/h\/r3\.json/);
  });

  it('a record added later goes in its place by time, once, and a record kept in memory only says so', () => {
    const m = model();
    m.setOrder(A, facts);
    m.setHistory([testRecord({ id: 'r5', orderFile: A, second: 5 })], new Map([['r5', '/h/r5.json']]));
    assert.equal(
      m.addRecord({ record: testRecord({ id: 'r9', orderFile: A, second: 9, outcome: 'maybe-placed' }) }),
      true,
    );
    assert.equal(
      m.addRecord({ record: testRecord({ id: 'r1', orderFile: A, second: 1 }), file: '/h/r1.json' }),
      true,
    );
    assert.equal(
      m.addRecord({ record: testRecord({ id: 'r5', orderFile: A, second: 5 }) }),
      false,
      'listed already',
    );
    const subs = m.submissionsOf(A);
    assert.deepEqual(
      subs.map((s) => s.record.id),
      ['r9', 'r5', 'r1'],
    );
    const newest = itemView(m, { kind: 'submission', entry: subs[0]! });
    assert.match(
      newest.description ?? '',
      /^may have been placed \(no answer\) · in memory only \(history not written\)$/,
    );
    assert.equal(newest.contextValue, 'submission in-memory');
    assert.deepEqual(newest.icon, { id: 'warning', color: 'list.warningForeground' });
  });

  it('an order whose last submission may have been placed has a warning icon and says so', () => {
    const m = model();
    m.setOrder(A, facts);
    m.setHistory(
      [
        testRecord({ id: 'r1', orderFile: A, second: 1, outcome: 'placed' }),
        testRecord({ id: 'r2', orderFile: A, second: 2, outcome: 'unexpected' }),
      ],
      new Map(),
    );
    const item = itemView(m, m.roots()[0]!);
    assert.deepEqual(item.icon, { id: 'warning', color: 'list.warningForeground' });
    assert.equal(item.contextValue, 'order maybe-placed');
    assert.match(item.description ?? '', /^last submission may have been placed · Comodo/);
    assert.match(item.tooltip ?? '', /check with the CA before sending it again/);
  });

  it('an order placed in production says so with its number; demo placements do not count', () => {
    const m = model();
    m.setOrder(A, facts);
    m.setOrder(B, facts);
    m.setHistory(
      [
        testRecord({ id: 'p', orderFile: A, second: 1, environment: 'production', orderNumber: '998877' }),
        testRecord({ id: 'd', orderFile: A, second: 2, outcome: 'refused' }),
        testRecord({ id: 'b', orderFile: B, second: 3, orderNumber: '111' }),
      ],
      new Map(),
    );
    const [a, b] = m.roots().map((n) => itemView(m, n));
    assert.equal(a!.contextValue, 'order production-placed');
    assert.equal(
      a!.description,
      'placed in production (998877) · Comodo !AutoApplySSL · InstantSSL (24) · 1 year',
    );
    assert.deepEqual(a!.icon, { id: 'pass-filled', color: 'testing.iconPassed' });
    assert.equal(a!.collapsed, true);
    assert.equal(b!.contextValue, 'order');
    assert.doesNotMatch(b!.description ?? '', /production/);
  });

  it('problem counts in the description, an error icon without submissions, a change reported once', () => {
    const m = model();
    m.setOrder(A, facts);
    assert.equal(m.setProblems(A, { errors: 2, warnings: 1 }), true);
    assert.equal(m.setProblems(A, { errors: 2, warnings: 1 }), false, 'no change: no refresh');
    assert.equal(m.setProblems(B, { errors: 1, warnings: 0 }), false, 'not an order');
    const item = itemView(m, m.roots()[0]!);
    assert.match(item.description ?? '', / · 2 errors, 1 warning$/);
    assert.deepEqual(item.icon, { id: 'error', color: 'list.errorForeground' });
    assert.equal(item.collapsed, undefined, 'no submissions: nothing to expand');
    assert.equal(item.command, ORDERS_VIEW_COMMANDS.open);
    m.setOrder(A, facts);
    assert.match(itemView(m, m.roots()[0]!).description ?? '', /2 errors/, 'new facts keep the counts');
  });

  it('submissions of a deleted order go under "Other submissions"; other workspaces\' records are not listed', () => {
    const m = model();
    m.setOrder(A, facts);
    m.setOrder(B, facts);
    m.setHistory(
      [
        testRecord({ id: 'a', orderFile: A, second: 1 }),
        testRecord({ id: 'b', orderFile: B, second: 2 }),
        testRecord({ id: 'elsewhere', orderFile: C, second: 3 }),
      ],
      new Map([['b', '/h/b.json']]),
    );
    assert.equal(
      m.roots().some((n) => n.kind === 'other'),
      false,
    );
    assert.equal(m.removeOrder(B), true);
    const roots = m.roots();
    assert.deepEqual(labels(m, roots), ['a.order.json', 'Other submissions']);
    const other = roots[1]!;
    assert.equal(itemView(m, other).contextValue, 'other');
    const subs = m.children(other).map((n) => itemView(m, n));
    assert.deepEqual(
      subs.map((s) => s.description),
      ['b.order.json · placed'],
    );
    // Renamed back (created again): its submissions are its own again.
    m.setOrder(B, facts);
    assert.equal(
      m.roots().some((n) => n.kind === 'other'),
      false,
    );
  });

  it('orders are found by the file: CSR they name, and no longer once they name another or leave', () => {
    const m = model();
    const csr = path.join(ROOT, 'req.csr');
    const other = path.join(ROOT, 'other.csr');
    m.setOrder(A, { ...facts, csrFile: csr });
    m.setOrder(B, { ...facts, csrFile: csr });
    assert.deepEqual(m.ordersUsingCsr(csr).sort(), [A, B]);
    m.setOrder(B, { ...facts, csrFile: other });
    assert.deepEqual(m.ordersUsingCsr(csr), [A]);
    assert.deepEqual(m.ordersUsingCsr(other), [B]);
    m.setOrder(A, facts);
    assert.deepEqual(m.ordersUsingCsr(csr), []);
    m.removeOrder(B);
    assert.deepEqual(m.ordersUsingCsr(other), []);
    m.setOrder(A, { ...facts, csrFile: csr });
    m.clearOrders();
    assert.deepEqual(m.ordersUsingCsr(csr), []);
  });

  it('the test records are records the history would read back', () => {
    for (const outcome of ['placed', 'refused', 'maybe-placed', 'unexpected', 'not-sent'] as const) {
      const r = testRecord({ id: outcome, orderFile: A, second: 0, outcome });
      assert.deepEqual(parseRecord(JSON.stringify(r)), r, outcome);
    }
  });

  it('recordTime keeps the UTC time whatever the locale; an odd value is shown as it is', () => {
    assert.equal(recordTime('2026-12-03T06:10:05.123Z'), '2026-12-03 06:10:05 UTC');
    assert.equal(recordTime('yesterday'), 'yesterday');
  });
});

describe('Orders view: order facts', () => {
  const example = (name: string) => readFileSync(path.join('examples', name), 'utf8');

  it('API, products and validity, and the CN of an inline CSR', () => {
    assert.deepEqual(orderFacts(example('comodo-inline-csr.order.json')), {
      api: 'Comodo !AutoApplySSL',
      summary: 'PremiumSSL (7) · 365 days · www.example.com',
      details: orderFacts(example('comodo-inline-csr.order.json')).details,
    });
    assert.match(
      orderFacts(example('comodo-inline-csr.order.json')).details,
      /^API: Comodo !AutoApplySSL\nProducts: /,
    );
  });

  it('the CN of a file: CSR when the caller read it; the S/MIME API named once', () => {
    const csr = readFileSync(path.join('examples', 'www.example.com.csr'), 'utf8');
    assert.equal(
      orderFacts(example('comodo-autoapplyssl.order.json'), csr).summary,
      'InstantSSL (24), TrustLogo (36) · 1 year · www.example.com',
    );
    assert.equal(
      orderFacts(example('comodo-autoapplyssl.order.json')).summary,
      'InstantSSL (24), TrustLogo (36) · 1 year',
    );
    const smime = orderFacts(example('ssl2buy-sectigo-pac-enterprise.order.json'));
    assert.equal(smime.api, 'SSL2Buy Sectigo PAC Enterprise (S/MIME)');
    assert.equal(smime.summary, '1 year');
  });

  it('a file that is not an order says why', () => {
    assert.deepEqual(orderFacts('{ nope'), {
      summary: 'The order is not valid JSON.',
      details: 'The order is not valid JSON.',
    });
    assert.equal(orderFacts('{"$api": "acme"}').api, undefined);
  });

  it("from disk: the file: CSR is named even before it exists, and the CN is the file's as it is now", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cert-order-view-csr-'));
    try {
      const order = path.join(dir, 'a.order.json');
      const csr = path.join(dir, 'req.csr');
      const text = readFileSync(path.join('examples', 'comodo-autoapplyssl.order.json'), 'utf8');
      writeFileSync(order, text.replace('"file:www.example.com.csr"', '"file:req.csr"'));
      const missing = await readOrderFacts(order, dir);
      assert.equal(missing.csrFile, csr);
      assert.equal(missing.summary, 'InstantSSL (24), TrustLogo (36) · 1 year');
      copyFileSync(path.join('examples', 'www.example.com.csr'), csr);
      assert.match((await readOrderFacts(order, dir)).summary, / · www\.example\.com$/);
      // Only the CSR changes: the order read again says the new CN.
      copyFileSync(path.join('examples', 'wildcard.example.com.csr'), csr);
      const changed = await readOrderFacts(order, dir);
      assert.match(changed.summary, / · \*\.example\.com$/);
      assert.equal(changed.csrFile, csr);
      // An inline CSR names no file.
      assert.equal(
        (
          await readOrderFacts(
            path.resolve('examples', 'comodo-inline-csr.order.json'),
            path.resolve('examples'),
          )
        ).csrFile,
        undefined,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('from disk: a file: CSR inside the folder gives its CN; one that leaves the folder is not read', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cert-order-view-facts-'));
    try {
      const order = path.join(dir, 'a.order.json');
      copyFileSync(path.join('examples', 'comodo-autoapplyssl.order.json'), order);
      copyFileSync(path.join('examples', 'www.example.com.csr'), path.join(dir, 'www.example.com.csr'));
      assert.match((await readOrderFacts(order, dir)).summary, / · www\.example\.com$/);
      // The same CSR reached through a link out of the folder: not read, so no CN.
      const inner = path.join(dir, 'inner');
      const linked = path.join(inner, 'a.order.json');
      mkdirSync(inner);
      copyFileSync(order, linked);
      symlinkSync(path.join(dir, 'www.example.com.csr'), path.join(inner, 'www.example.com.csr'));
      assert.equal((await readOrderFacts(linked, inner)).summary, 'InstantSSL (24), TrustLogo (36) · 1 year');
      assert.match(
        (await readOrderFacts(path.join(dir, 'none.order.json'), dir)).summary,
        /^The order file does not exist\.$/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
