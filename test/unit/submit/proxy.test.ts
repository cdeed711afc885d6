// http.proxy: the sender tunnels through a proxy (CONNECT), except to loopback and http.noProxy hosts.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createSender } from '../../../client/src/http/send';
import { startSandbox, type RunningSandbox } from '../../../sandbox/src/server';

describe('proxy', () => {
  let sandbox: RunningSandbox;
  let proxy: Server;
  let proxyUrl = '';
  const tunnels: string[] = [];

  before(async () => {
    sandbox = await startSandbox({ port: 0 });
    // A CONNECT proxy that sends every host to the sandbox, and records what it was asked for.
    proxy = createServer();
    proxy.on('connect', (req, socket, head) => {
      tunnels.push(req.url ?? '');
      const upstream = connect(sandbox.port, '127.0.0.1', () => {
        socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(socket).pipe(upstream);
      });
      upstream.on('error', () => socket.destroy());
      socket.on('error', () => upstream.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  });
  after(async () => {
    proxy.closeAllConnections();
    await new Promise<void>((resolve) => proxy.close(() => resolve()));
    await sandbox.close();
  });

  const options = { connectTimeoutMs: 2000, responseTimeoutMs: 2000, maxResponseBytes: 65536 };
  const get = (host: string) => ({
    url: `http://${host}:${sandbox.port}/products/!AutoApplySSL`,
    method: 'POST' as const,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'loginName=x',
  });

  it('goes through the proxy for other hosts', async () => {
    const send = createSender({ ...options, proxy: { url: proxyUrl, strictSSL: true } });
    const outcome = await send(get('ca.example.test'));
    assert.equal(outcome.kind, 'response');
    assert.match(outcome.kind === 'response' ? outcome.response.body : '', /^-3\n/);
    assert.deepEqual(tunnels, [`ca.example.test:${sandbox.port}`]);
  });

  it('reaches loopback and http.noProxy hosts directly', async () => {
    tunnels.length = 0;
    const send = createSender({
      ...options,
      proxy: { url: proxyUrl, strictSSL: true, noProxy: ['example.test'] },
    });
    assert.equal((await send(get('127.0.0.1'))).kind, 'response');
    const viaNoProxy = await send(get('ca.example.test'));
    // Direct: the name does not resolve, so nothing was sent.
    assert.equal(viaNoProxy.kind === 'failure' && viaNoProxy.failure.kind, 'not-sent');
    assert.deepEqual(tunnels, []);
  });
});

describe('proxy failures before anything reached the CA are "not sent"', () => {
  const options = { connectTimeoutMs: 2000, responseTimeoutMs: 2000, maxResponseBytes: 65536 };
  const request = {
    url: 'https://ca.example/products/!AutoApplySSL',
    method: 'POST' as const,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'loginName=x',
  };

  it('an http.proxy value undici cannot use is reported, not thrown', async () => {
    const send = createSender({ ...options, proxy: { url: 'proxy.corp:8080', strictSSL: true } });
    const outcome = await send(request);
    assert.equal(outcome.kind, 'failure');
    if (outcome.kind === 'failure') {
      assert.equal(outcome.failure.kind, 'not-sent');
      assert.match(outcome.failure.message, /http\.proxy/);
    }
  });

  it('a proxy that refuses the CONNECT (407): the tunnel never opened', async () => {
    const refusing = createServer();
    refusing.on('connect', (_req, socket) => {
      socket.end('HTTP/1.1 407 Proxy Authentication Required\r\n\r\n');
    });
    await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(refusing.address() as AddressInfo).port}`;
      const outcome = await createSender({ ...options, proxy: { url, strictSSL: true } })(request);
      assert.equal(outcome.kind === 'failure' && outcome.failure.kind, 'not-sent');
    } finally {
      await new Promise<void>((resolve) => refusing.close(() => resolve()));
    }
  });
});
