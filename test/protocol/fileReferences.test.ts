// `file:` CSR references from a hostile repository (issue 14), over stdio: links planted in the
// workspace to files outside it and to devices, `../` paths, /proc/self/pagemap (whose size `stat`
// does not tell), a FIFO, a huge file, and an untrusted window. Each gets a csr-file-unreadable
// diagnostic saying why, quickly; nothing is read outside the order's workspace folder.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, Hover, MarkupContent } from 'vscode-languageserver-types';
import { plantHostileWorkspace } from './hostileWorkspace';
import { LspClient } from './lspClient';

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');

function order(csr: string): string {
  return JSON.stringify({
    $api: 'comodo-autoapplyssl',
    loginName: 'r',
    product: '24',
    years: 1,
    serverSoftware: 2,
    csr,
  });
}

function unreadable(diagnostics: Diagnostic[]): Diagnostic | undefined {
  return diagnostics.find((d) => d.code === 'csr-file-unreadable');
}

describe('file: references in a hostile workspace (issue 14)', () => {
  const { root, outside } = plantHostileWorkspace();
  const orderFile = path.join(root, 'orders', 'x.order.json');
  const uri = pathToFileURL(orderFile).href;
  let client: LspClient;
  let version = 1;

  before(async () => {
    client = await LspClient.start({ workspaceFolders: [pathToFileURL(root).href], trusted: true });
    await client.open(uri, order('file:good.csr'), version);
  });
  after(async () => {
    assert.deepEqual(client.errors, [], 'no handler failed');
    await client.stop();
  });

  const check = async (reference: string) =>
    unreadable((await client.change(uri, order(reference), ++version)).diagnostics);

  it('reads a CSR inside the workspace, also through a link that stays inside', async () => {
    assert.equal(await check('file:good.csr'), undefined);
    assert.equal(await check('file:inside-link.csr'), undefined);
    assert.equal(await check('file:../orders/good.csr'), undefined);
  });

  it('refuses a path outside the workspace folder, saying so', async () => {
    const d = await check(`file:../../secret.csr`);
    assert.match(d?.message ?? '', /outside the order's workspace folder/);
    assert.equal((await check(`file:${outside}`))?.message.includes('outside'), true);
    assert.match((await check('file:/etc/passwd'))?.message ?? '', /outside the order's workspace folder/);
  });

  it('refuses links planted in the workspace that point out of it (a file, a device, /proc)', async () => {
    assert.match((await check('file:out-link.csr'))?.message ?? '', /is a link to .*secret\.csr, outside/);
    assert.match((await check('file:passwd.csr'))?.message ?? '', /is a link to \/etc\/passwd, outside/);
    assert.match((await check('file:zero.csr'))?.message ?? '', /is a link to \/dev\/zero, outside/);
    assert.match((await check('file:pagemap.csr'))?.message ?? '', /outside/);
  });

  it('refuses a FIFO and a file past the size cap inside the workspace', async () => {
    assert.match((await check('file:fifo.csr'))?.message ?? '', /named pipe \(FIFO\), not a regular file/);
    assert.match((await check('file:huge.csr'))?.message ?? '', /larger than 1024 KB, too large for a CSR/);
  });

  it('the hover says why the reference is not read, and shows nothing of the file', async () => {
    const text = order('file:passwd.csr');
    await client.change(uri, text, ++version);
    const position = { line: 0, character: text.indexOf('file:') + 3 };
    const hover = await client.request<Hover | null>('textDocument/hover', {
      textDocument: { uri },
      position,
    });
    const value = (hover?.contents as MarkupContent | undefined)?.value ?? '';
    assert.match(
      value,
      /cannot be read, it is a link to \/etc\/passwd, outside the order's workspace folder/,
    );
    assert.doesNotMatch(value, /root:|bytes/);
  });

  it('a link to a device or a FIFO is no document link either', async () => {
    await client.change(uri, order('file:zero.csr'), ++version);
    assert.deepEqual(await client.request('textDocument/documentLink', { textDocument: { uri } }), []);
  });
});

describe("file: references whose size stat does not tell, inside the order's folder (issue 14)", () => {
  // A trusted window, no folder, the order at `/`: its own folder is the whole file system, so
  // containment lets /proc and /dev through and the bounded read must stop them.
  const uri = 'file:///x.order.json';
  let client: LspClient;
  let version = 1;
  before(async () => {
    client = await LspClient.start({ trusted: true });
    await client.open(uri, order('file:/dev/null'), version);
  });
  after(async () => {
    assert.deepEqual(client.errors, [], 'no handler failed');
    await client.stop();
  });

  it('/proc/self/pagemap (a "regular file" of size 0 that reads gigabytes): stopped at the cap', async () => {
    const published = await client.change(uri, order('file:/proc/self/pagemap'), ++version);
    assert.match(
      unreadable(published.diagnostics)?.message ?? '',
      /larger than 1024 KB, too large for a CSR/,
    );
  });

  it('/dev/zero and /dev/ptmx: devices, never opened', async () => {
    for (const device of ['/dev/zero', '/dev/ptmx']) {
      const published = await client.change(uri, order(`file:${device}`), ++version);
      assert.match(unreadable(published.diagnostics)?.message ?? '', /character device, not a regular file/);
    }
  });
});

describe('file: references in an untrusted window (issue 14)', () => {
  const { root } = plantHostileWorkspace();
  const lone = path.join(mkdtempSync(path.join(tmpdir(), 'lone-')), 'x.order.json');
  copyFileSync(path.join(EXAMPLES, 'www.example.com.csr'), path.join(path.dirname(lone), 'good.csr'));
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ workspaceFolders: [pathToFileURL(root).href], trusted: false });
  });
  after(async () => {
    assert.deepEqual(client.errors, [], 'no handler failed');
    await client.stop();
  });

  it('reads inside the workspace folder, nothing outside it', async () => {
    const inside = pathToFileURL(path.join(root, 'orders', 'x.order.json')).href;
    assert.equal(unreadable((await client.open(inside, order('file:good.csr'))).diagnostics), undefined);
    const out = await client.change(inside, order('file:out-link.csr'), 2);
    assert.match(unreadable(out.diagnostics)?.message ?? '', /outside/);
  });

  it('an order outside the workspace folders: its reference is not read until trust is granted', async () => {
    const uri = pathToFileURL(lone).href;
    const first = await client.open(uri, order('file:good.csr'));
    assert.match(unreadable(first.diagnostics)?.message ?? '', /the workspace is not trusted/);
    // Trust granted: the server checks the order again, and reads the file in the order's folder.
    const again = client.nextDiagnostics(uri);
    await client.connection.sendNotification('certOrder/workspaceTrusted', { trusted: true });
    assert.equal(unreadable((await again).diagnostics), undefined);
  });
});
