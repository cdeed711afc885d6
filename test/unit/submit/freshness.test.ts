// An order whose diagnostics the language server has not published yet: its errors are unknown.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Bed, comodoOrder } from './harness';

describe('diagnostics the language server has not published yet', () => {
  const bed = new Bed();
  before(async () => {
    await bed.start();
    await bed.copyFixture('www.example.com.csr');
  });
  after(() => bed.stop());

  it('production is refused (its errors are unknown); demo is sent, and the log says so', async () => {
    bed.diagnosticsCurrent = false;
    const file = await bed.writeOrder('unchecked.order.json', comodoOrder());
    const sent = bed.sent;
    const production = await bed.submit(file, 'production');
    assert.equal(production.status, 'refused');
    assert.match(production.status === 'refused' ? production.reason : '', /not checked this version/);
    assert.equal(bed.sent, sent);
    assert.equal(bed.lastUi('confirmProduction'), undefined);
    assert.equal((await bed.submit(file, 'demo')).status, 'sent');
    assert.ok(bed.logLines.some((l) => l.includes('without up-to-date diagnostics')));
    bed.diagnosticsCurrent = true;
  });
});
