// The command decides demo or production, never a `test` field in the file; a secret written in
// the order under another spelling is neither sent nor kept.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Bed, comodoOrder, ssl2buyOrder } from './harness';

describe('the test flag and secrets written in the order, through the flow', () => {
  const bed = new Bed();
  before(async () => {
    await bed.start();
    await bed.copyFixture('www.example.com.csr');
    await bed.copyFixture('smime.csr');
  });
  after(() => bed.stop());

  it('production of an order that says test=Y is refused before any question, nothing sent', async () => {
    const file = await bed.writeOrder('test-y.order.json', comodoOrder({ Test: 'y' }));
    const sent = bed.sent;
    const result = await bed.submit(file, 'production');
    assert.equal(result.status, 'refused');
    assert.match(result.status === 'refused' ? result.reason : '', /test order.*Submit Order to Demo/s);
    assert.equal(bed.sent, sent);
    assert.equal(bed.lastUi('confirmProduction'), undefined);
    assert.deepEqual(await bed.historyRecords(), []);
  });

  it('demo of the same order sends test=Y', async () => {
    const file = await bed.writeOrder('test-n.order.json', comodoOrder({ TEST: 'N' }));
    const result = await bed.submit(file, 'demo');
    assert.ok(result.status === 'sent');
    if (result.status !== 'sent') return;
    assert.deepEqual(
      [...new URLSearchParams(result.record.request.body)].filter(([k]) => k.toLowerCase() === 'test'),
      [['TEST', 'Y']],
    );
  });

  it('a secret written in the order under another spelling is not sent, and masked in the record and log', async () => {
    const file = await bed.writeOrder(
      'apikey.order.json',
      ssl2buyOrder({ apikey: 'typed-into-the-order', PartnerOrderID: 'PO-KEY' }),
    );
    const result = await bed.submit(file, 'demo');
    assert.ok(result.status === 'sent');
    if (result.status !== 'sent') return;
    assert.equal(JSON.stringify(result.record).includes('typed-into-the-order'), false);
    assert.equal(bed.logLines.join('\n').includes('typed-into-the-order'), false);
    const history = (await bed.allWrittenText()).replace(/"apikey": "typed-into-the-order"/, '');
    assert.equal(history.includes('typed-into-the-order'), false);
  });
});
