// A server that echoes the secret back, in every spelling at once (JSON \u escapes, lower- and
// mixed-case percent-encoding, encodeURI, HTML entities...): nothing written or shown holds it.
// A short secret (`e`, `1`, `demo`) masks parts of values only: the submission never throws after
// sending, the answer is on disk, Show Order History lists it and the duplicate guard sees it.
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { containsSecret, outcomeOf, parseRecord } from '../../../common/src/protocol';
import { echoServer } from '../../support/echoServer';
import { Bed, SECRET, ssl2buyOrder } from './harness';

describe('an answer that echoes the secret', () => {
  const bed = new Bed();
  let server: Server;
  let url = '';
  before(async () => {
    await bed.start();
    await bed.copyFixture('smime.csr');
    server = echoServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/queryservice/ComodoFullOrder/SectigoPersonalAuthenticationEnterprise`;
    bed.pointAt('ssl2buy', url);
  });
  after(async () => {
    server.close();
    await bed.stop();
  });

  it('in every spelling: not in the history, the log or the panel', async () => {
    bed.env.CERT_ORDER_SSL2BUY_API_KEY = SECRET;
    const file = await bed.writeOrder('echo.order.json', ssl2buyOrder({ PartnerOrderID: 'PO-ECHO' }));
    const result = await bed.submit(file, 'demo');
    assert.ok(result.status === 'sent', JSON.stringify(result));
    assert.equal(outcomeOf(result.record), 'success', JSON.stringify(result.record.parsed));
    // The answer did hold it, in each spelling (the test's own check).
    assert.match(result.record.response?.body ?? '', /"JSON \\\\u, every character, lower case":"\*{8}"/);
    assert.equal(containsSecret(await bed.everythingSeen(), [SECRET]), false);
    const html = bed.shown.at(-1)?.html ?? '';
    assert.ok(html.includes('7001'), 'the panel shows the answer');
    assert.equal(containsSecret(html, [SECRET]), false);
  });

  for (const secret of ['e', '1', 'demo'])
    it(`short secret ${JSON.stringify(secret)}: the answer is on disk, listed, and guards a second production submission`, async () => {
      bed.env.CERT_ORDER_SSL2BUY_API_KEY = secret;
      const file = await bed.writeOrder(
        `short-${secret}.order.json`,
        ssl2buyOrder({ PartnerOrderID: `PO-SHORT-${secret}` }),
      );
      const result = await bed.submit(file, 'production');
      assert.ok(result.status === 'sent', JSON.stringify(result));
      assert.equal(outcomeOf(result.record), 'success');
      assert.ok(result.historyFile, 'written to disk');
      const read = parseRecord(await fs.readFile(result.historyFile, 'utf8'));
      assert.ok(read, 'the file on disk is a record');
      assert.equal(read.environment, 'production');
      assert.equal(containsSecret(read.response?.body ?? '', [secret]), false);
      assert.equal(containsSecret(read.response?.headers['x-echo'] ?? '', [secret]), false);
      const listed = await bed.history.listAll();
      assert.ok(
        listed.records.some((r) => r.id === result.record.id),
        'Show Order History lists it',
      );
      assert.deepEqual(listed.skipped, []);
      assert.ok(
        bed.shown.at(-1)?.html.includes('<!DOCTYPE html>') || bed.shown.at(-1)?.html.includes('<html'),
      );

      bed.answers.duplicate = false;
      const again = await bed.submit(file, 'production');
      bed.answers.duplicate = true;
      assert.equal(again.status, 'cancelled');
      assert.match(bed.lastUi('confirmDuplicate')?.message ?? '', /already succeeded in production/);
    });
});
