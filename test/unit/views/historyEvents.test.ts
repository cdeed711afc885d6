// What the Orders view needs from the history store: each record's file in the listing (none for
// a record kept in memory only), and an event per record kept, so the view adds it without
// listing the history again.
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { HistoryStore, type WrittenRecord } from '../../../client/src/history/store';
import { sentOrderName, sentOrderText } from '../../../client/src/views/sentOrder';
import { testRecord } from './records';

describe('history store: files and write events', () => {
  let dir = '';
  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cert-order-view-history-'));
  });
  after(() => fs.rm(dir, { recursive: true, force: true }));

  it('a written record is told with its file, and listed with the same file', async () => {
    const store = new HistoryStore({ directoryFor: () => dir, directories: () => [dir] });
    const told: WrittenRecord[] = [];
    const sub = store.onDidWrite((w) => told.push(w));
    const record = testRecord({ id: 'w1', orderFile: '/o/a.order.json', second: 1 });
    const file = await store.write(record, record.orderFile);
    assert.deepEqual(told, [{ record, file }]);
    const listed = await store.listAll();
    assert.equal(listed.files.get('w1'), file);
    sub.dispose();
    await store.write(testRecord({ id: 'w2', orderFile: '/o/a.order.json', second: 2 }), '/o/a.order.json');
    assert.equal(told.length, 1, 'no event after dispose');
  });

  it('a record that could be written nowhere is told without a file, and listed without one', async () => {
    const blocked = path.join(dir, 'a-file');
    await fs.writeFile(blocked, 'not a folder');
    const store = new HistoryStore({
      directoryFor: () => path.join(blocked, 'history'),
      directories: () => [],
    });
    const told: WrittenRecord[] = [];
    store.onDidWrite((w) => told.push(w));
    const record = testRecord({ id: 'm1', orderFile: '/o/a.order.json', second: 1, outcome: 'maybe-placed' });
    await assert.rejects(store.write(record, record.orderFile));
    assert.deepEqual(told, [{ record }]);
    const listed = await store.listAll();
    assert.deepEqual(
      listed.records.map((r) => r.id),
      ['m1'],
    );
    assert.equal(listed.files.has('m1'), false);
  });

  it('a listener that throws does not make a written record a failed write', async () => {
    const store = new HistoryStore({ directoryFor: () => dir, directories: () => [dir] });
    store.onDidWrite(() => {
      throw new Error('listener broke');
    });
    const record = testRecord({ id: 'w3', orderFile: '/o/a.order.json', second: 3 });
    assert.match(await store.write(record, record.orderFile), /\.json$/);
  });
});

describe('Orders view: the order as sent', () => {
  it("a Comodo form body as the order's fields, the masked password as it was kept", () => {
    const record = testRecord({ id: 's1', orderFile: '/o/shop.order.json', second: 5 });
    assert.equal(
      sentOrderText(record),
      JSON.stringify({ loginName: 'alice', loginPassword: '********', product: '24', years: '1' }, null, 2) +
        '\n',
    );
    assert.equal(sentOrderName(record), 'shop.order.json (sent to demo 2026-12-01T00-00-05)');
  });

  it('a JSON body pretty-printed; a body of another type as it is', () => {
    const record = testRecord({ id: 's2', orderFile: '/o/a.order.json', second: 0 });
    const json = {
      ...record,
      request: {
        ...record.request,
        headers: { 'Content-Type': 'application/json; charset=utf-8' },
        body: '{"ApiKey":"********","Years":1}',
      },
    };
    assert.equal(sentOrderText(json), '{\n  "ApiKey": "********",\n  "Years": 1\n}\n');
    const plain = { ...record, request: { ...record.request, headers: {}, body: 'as=is' } };
    assert.equal(sentOrderText(plain), 'as=is');
  });
});
