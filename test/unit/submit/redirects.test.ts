// Redirects are never followed for an order: a 301/302/303/307/308 is an unexpected answer, shown
// with its status and Location, and the place it points to receives nothing.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { outcomeOf } from '../../../common/src/protocol';
import { Bed, ssl2buyOrder } from './harness';

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('redirects are never followed for an order', () => {
  const bed = new Bed();
  let target = 0;
  let targetServer: Server;
  let redirector: Server;
  let targetUrl = '';
  let redirectorOrigin = '';
  before(async () => {
    await bed.start();
    await bed.copyFixture('smime.csr');
    targetServer = createServer((_req, res) => {
      target++;
      res.end('{"StatusCode":0,"SSL2BuyOrderNumber":"FOLLOWED"}');
    });
    targetUrl = `${await listen(targetServer)}/queryservice/ComodoFullOrder/SectigoPersonalAuthenticationEnterprise`;
    redirector = createServer((req, res) => {
      const status = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('status'));
      req.resume();
      res.writeHead(status, { location: targetUrl, 'content-type': 'text/plain' });
      res.end(`see ${targetUrl}`);
    });
    redirectorOrigin = await listen(redirector);
  });
  after(async () => {
    await bed.stop();
    targetServer.close();
    redirector.close();
  });

  for (const status of [301, 302, 303, 307, 308]) {
    it(`${status} to production: unexpected answer, the Location not contacted`, async () => {
      bed.settings.apis.ssl2buy.productionUrl = `${redirectorOrigin}/order?status=${status}`;
      const file = await bed.writeOrder(
        `r${status}.order.json`,
        ssl2buyOrder({ PartnerOrderID: `PO-R${status}` }),
      );
      const sent = bed.sent;
      const result = await bed.submit(file, 'production');
      assert.ok(result.status === 'sent', JSON.stringify(result));
      if (result.status !== 'sent') return;
      assert.equal(bed.sent, sent + 1, 'one request, no retry');
      assert.equal(target, 0, 'the redirect target received nothing');
      assert.equal(result.record.response?.status, status);
      assert.equal(result.record.response?.headers.location, targetUrl);
      assert.equal(outcomeOf(result.record), 'unexpected');
    });
  }

  for (const status of [302, 307])
    it(`${status} to demo: not followed either, the Location not contacted`, async () => {
      // Demo's URL is the redirector; production stays elsewhere, so demo is not refused as production.
      bed.settings.apis.ssl2buy.demoUrl = `${redirectorOrigin}/demo?status=${status}`;
      bed.settings.apis.ssl2buy.productionUrl = `${redirectorOrigin}/production`;
      const file = await bed.writeOrder(
        `d${status}.order.json`,
        ssl2buyOrder({ PartnerOrderID: `PO-D${status}` }),
      );
      const sent = bed.sent;
      const result = await bed.submit(file, 'demo');
      assert.ok(result.status === 'sent', JSON.stringify(result));
      if (result.status !== 'sent') return;
      assert.equal(bed.sent, sent + 1, 'one request, no retry');
      assert.equal(target, 0, 'the redirect target received nothing');
      assert.equal(result.record.response?.status, status);
      assert.equal(outcomeOf(result.record), 'unexpected');
    });
});
