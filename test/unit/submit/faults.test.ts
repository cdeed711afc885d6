// Every fault the sandbox injects, through the real sender: what the user is told, what is kept.
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { outcomeOf } from '../../../common/src/protocol';
import { Bed, comodoOrder, ssl2buyOrder } from './harness';

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('faults: timeouts, HTTP errors, malformed, reset, truncated, oversized answers', () => {
  const bed = new Bed();
  let comodoFile = '';
  let ssl2buyFile = '';
  before(async () => {
    await bed.start();
    await bed.copyFixture('www.example.com.csr');
    await bed.copyFixture('smime.csr');
    comodoFile = await bed.writeOrder('c.order.json', comodoOrder());
    ssl2buyFile = await bed.writeOrder('s.order.json', ssl2buyOrder());
  });
  after(() => bed.stop());

  const submitWith = async (
    vendor: 'comodo' | 'ssl2buy',
    faults: string,
    environment: 'demo' | 'production' = 'demo',
  ) => {
    bed.fault(vendor, faults);
    const result = await bed.submit(vendor === 'comodo' ? comodoFile : ssl2buyFile, environment);
    assert.equal(result.status, 'sent');
    if (result.status !== 'sent') throw new Error('not sent');
    assert.equal(bed.shown.at(-1)?.onDiskWhenShown, true, 'on disk before shown');
    return result.record;
  };

  it('delay beyond the response timeout: "may have been placed", how to check, nothing retried', async () => {
    bed.settings.http.responseTimeoutMs = 300;
    const sentBefore = bed.sent;
    const record = await submitWith('comodo', 'delay=5000', 'production');
    bed.settings.http.responseTimeoutMs = 5000;
    assert.equal(bed.sent, sentBefore + 1);
    assert.equal(outcomeOf(record), 'maybe-placed');
    assert.equal(record.failure?.code, 'UND_ERR_HEADERS_TIMEOUT');
    const message = bed.ui.at(-1)?.message ?? '';
    assert.match(
      message,
      /^May have been placed: check Show Order History and your Comodo !AutoApplySSL account before sending it again\./,
    );
    // The next production submission of the same order asks first.
    bed.answers.duplicate = false;
    const again = await bed.submit(comodoFile, 'production');
    bed.answers.duplicate = true;
    assert.equal(again.status, 'cancelled');
    assert.match(bed.lastUi('confirmDuplicate')?.message ?? '', /may have been placed/);
  });

  for (const vendor of ['comodo', 'ssl2buy'] as const) {
    it(`${vendor}: HTTP 500 with an HTML page is unexpected, shown raw and escaped`, async () => {
      const record = await submitWith(vendor, 'status=500');
      assert.equal(outcomeOf(record), 'unexpected');
      assert.equal(record.response?.status, 500);
      const html = bed.shown.at(-1)?.html ?? '';
      assert.match(html, /&lt;script&gt;alert\(&quot;not escaped&quot;\)&lt;\/script&gt;/);
      assert.equal(html.includes('<script>alert'), false);
    });

    for (const fault of [
      'malformed',
      'truncate',
      'empty',
      'html',
      'unknown-status',
      'content-type=text/html',
    ]) {
      it(`${vendor}: ${fault} is an unexpected response with its raw body`, async () => {
        const record = await submitWith(vendor, fault);
        assert.equal(outcomeOf(record), 'unexpected', JSON.stringify(record.parsed));
        assert.equal(record.response?.status, 200);
        assert.match(bed.shown.at(-1)?.html ?? '', /id="response-raw"/);
        assert.match(
          bed.ui.at(-1)?.message ?? '',
          /^May have been placed: .* is not one its document describes: /,
        );
      });
    }

    it(`${vendor}: connection reset after sending: may have been placed`, async () => {
      const record = await submitWith(vendor, 'reset');
      assert.equal(outcomeOf(record), 'maybe-placed');
      assert.match(bed.ui.at(-1)?.message ?? '', /^May have been placed: /);
    });

    it(`${vendor}: connection broken halfway through the body: may have been placed, the part kept`, async () => {
      const record = await submitWith(vendor, 'partial');
      assert.equal(outcomeOf(record), 'maybe-placed');
      assert.ok((record.failure?.partial?.body.length ?? 0) > 0);
      assert.match(bed.shown.at(-1)?.html ?? '', /id="response-raw"/);
    });
  }

  it('an answer over certOrder.http.maxResponseBytes is cut off and unexpected', async () => {
    bed.settings.http.maxResponseBytes = 4096;
    const record = await submitWith('comodo', 'big=200000');
    bed.settings.http.maxResponseBytes = 1048576;
    assert.equal(outcomeOf(record), 'unexpected');
    assert.equal(record.response?.truncated, true);
    assert.equal(record.response?.body.length, 4096);
  });

  it('connection refused: not placed, nothing reached the CA', async () => {
    const port = await closedPort();
    bed.settings.apis.comodo.demoUrl = `http://127.0.0.1:${port}/products/!AutoApplySSL`;
    const result = await bed.submit(comodoFile, 'demo');
    assert.ok(result.status === 'sent');
    if (result.status !== 'sent') return;
    assert.equal(outcomeOf(result.record), 'not-sent');
    assert.match(bed.ui.at(-1)?.message ?? '', /^Not placed: nothing reached /);
  });
});
