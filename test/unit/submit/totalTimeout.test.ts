// certOrder.http.totalTimeoutMs: an answer that keeps coming, but too slowly, is given up like the
// other timeouts after sending ("may have been placed"), however short the gaps between its parts.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createSender, TOTAL_TIMEOUT_CODE } from '../../../client/src/http/send';
import { outcomeOf } from '../../../common/src/protocol';
import { Bed, comodoOrder } from './harness';

describe('the overall response deadline', () => {
  const bed = new Bed();
  let file = '';
  before(async () => {
    await bed.start();
    await bed.copyFixture('www.example.com.csr');
    file = await bed.writeOrder('slow.order.json', comodoOrder());
  });
  after(() => bed.stop());

  it('sandbox delay under the response timeout but past the deadline: may have been placed', async () => {
    bed.settings.http.responseTimeoutMs = 5000;
    bed.settings.http.totalTimeoutMs = 300;
    bed.fault('comodo', 'delay=4000');
    const sent = bed.sent;
    const result = await bed.submit(file, 'production');
    bed.settings.http.totalTimeoutMs = 120000;
    assert.equal(result.status, 'sent');
    if (result.status !== 'sent') return;
    assert.equal(bed.sent, sent + 1, 'sent once, never retried');
    assert.equal(outcomeOf(result.record), 'maybe-placed');
    assert.equal(result.record.failure?.code, TOTAL_TIMEOUT_CODE);
    assert.match(result.record.failure?.message ?? '', /certOrder\.http\.totalTimeoutMs/);
    assert.ok(result.record.durationMs < 4000, `gave up at the deadline (${result.record.durationMs} ms)`);
    const message = bed.ui.at(-1)?.message ?? '';
    assert.match(message, /^May have been placed: /);
    assert.match(message, /Show Order History/);
  });

  describe('a server dripping its body', () => {
    let server: Server;
    let url = '';
    const drips = new Set<NodeJS.Timeout>();
    before(async () => {
      // Headers at once, then a byte every 20 ms for ever: never a gap the response timeout sees.
      server = createServer((_req, res) => {
        res.writeHead(200, { 'content-type': 'text/plain' });
        const drip = setInterval(() => res.write('.'), 20);
        drips.add(drip);
        res.on('close', () => {
          clearInterval(drip);
          drips.delete(drip);
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    });
    after(async () => {
      for (const d of drips) clearInterval(d);
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    });

    it('is given up at the deadline with the part received kept', async () => {
      const send = createSender({
        connectTimeoutMs: 1000,
        responseTimeoutMs: 1000,
        totalTimeoutMs: 250,
        maxResponseBytes: 1024 * 1024,
      });
      const outcome = await send({ method: 'POST', url, headers: {}, body: 'x' });
      assert.equal(outcome.kind, 'failure');
      if (outcome.kind !== 'failure') return;
      assert.equal(outcome.failure.kind, 'maybe-sent');
      assert.equal(outcome.failure.code, TOTAL_TIMEOUT_CODE);
      assert.match(outcome.failure.partial?.body ?? '', /^\.+$/);
    });
  });
});
