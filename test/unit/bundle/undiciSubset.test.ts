// The client bundle's undici is a subset (scripts/bundle/plugins.mjs, undiciSubset): the sender
// (client/src/http/send.ts) bundled with that plugin, as scripts/build.mjs bundles it, sends to
// the sandbox directly and through a CONNECT proxy. The other tests run the sender on the whole
// undici; this is the code the VSIX carries.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import type { createSender as CreateSender } from '../../../client/src/http/send';
import { startSandbox, type RunningSandbox } from '../../../sandbox/src/server';

const ROOT = path.resolve(__dirname, '..', '..', '..');

async function bundleSender(outfile: string, extra = ''): Promise<void> {
  const { undiciSubset } = (await import(
    pathToFileURL(path.join(ROOT, 'scripts/bundle/plugins.mjs')).href
  )) as {
    undiciSubset: esbuild.Plugin;
  };
  await esbuild.build({
    stdin: {
      contents: `export { createSender } from './client/src/http/send';\n${extra}`,
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    mainFields: ['module', 'main'],
    outfile,
    plugins: [undiciSubset],
    logLevel: 'silent',
  });
}

describe('the client bundle’s undici subset', () => {
  let dir: string;
  let createSender: typeof CreateSender;
  let sandbox: RunningSandbox;
  let proxy: Server;
  let proxyUrl = '';
  const tunnels: string[] = [];

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'cert-order-undici-'));
    const outfile = path.join(dir, 'send.js');
    await bundleSender(outfile);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    ({ createSender } = require(outfile) as { createSender: typeof CreateSender });
    sandbox = await startSandbox({ port: 0 });
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
    rmSync(dir, { recursive: true, force: true });
  });

  const options = { connectTimeoutMs: 2000, responseTimeoutMs: 2000, maxResponseBytes: 65536 };
  const order = (host: string) => ({
    url: `http://${host}:${sandbox.port}/products/!AutoApplySSL`,
    method: 'POST' as const,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'loginName=x',
  });

  it('sends directly (Agent, buildConnector, the plain llhttp parser)', async () => {
    const outcome = await createSender(options)(order('127.0.0.1'));
    assert.equal(outcome.kind, 'response');
    assert.match(outcome.kind === 'response' ? outcome.response.body : '', /^-3\n/);
  });

  it('sends through a CONNECT proxy (ProxyAgent and the dispatcher methods it needs)', async () => {
    const send = createSender({ ...options, proxy: { url: proxyUrl, strictSSL: true } });
    const outcome = await send(order('ca.example.test'));
    assert.equal(outcome.kind, 'response');
    assert.match(outcome.kind === 'response' ? outcome.response.body : '', /^-3\n/);
    assert.deepEqual(tunnels, [`ca.example.test:${sandbox.port}`]);
  });

  it('an import from undici that the subset does not export fails the build', async () => {
    await assert.rejects(
      bundleSender(path.join(dir, 'bad.js'), "import { fetch } from 'undici';\nexport const f = fetch;\n"),
      /No matching export .* for import "fetch"/,
    );
  });
});
