// The CSR a `file:` reference names is sent as the language server read it: PEM or binary DER,
// without a BOM; a missing file, a folder, a device or a path outside the workspace is not sent.
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { readRegularFile } from '../../../client/src/submission/localFile';
import { Bed, comodoOrder, FIXTURES } from './harness';

const pemToDer = (pem: string): Buffer =>
  Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');

describe('file: CSR references through the flow', () => {
  const bed = new Bed();
  let pem = '';
  before(async () => {
    await bed.start();
    pem = await fs.readFile(path.join(FIXTURES, 'www.example.com.csr'), 'utf8');
    await fs.writeFile(path.join(bed.dir, 'der.csr'), pemToDer(pem));
    await fs.writeFile(path.join(bed.dir, 'bom.csr'), '\uFEFF' + pem);
    await fs.mkdir(path.join(bed.dir, 'folder.csr'));
  });
  after(() => bed.stop());

  const sentCsr = (body: string): string => new URLSearchParams(body).get('csr') ?? '';

  it('a binary DER .csr file is sent as base64 of the same CSR, and the CA accepts it', async () => {
    const file = await bed.writeOrder('der.order.json', comodoOrder({ csr: 'file:der.csr' }));
    const result = await bed.submit(file, 'demo');
    assert.ok(result.status === 'sent');
    if (result.status !== 'sent') return;
    assert.equal(result.record.parsed?.kind, 'success', JSON.stringify(result.record.parsed));
    assert.equal(sentCsr(result.record.request.body), pemToDer(pem).toString('base64'));
  });

  it('a PEM file with a BOM is sent without it', async () => {
    const file = await bed.writeOrder('bom.order.json', comodoOrder({ csr: 'file:bom.csr' }));
    const result = await bed.submit(file, 'demo');
    assert.ok(result.status === 'sent');
    if (result.status !== 'sent') return;
    assert.equal(sentCsr(result.record.request.body).charCodeAt(0), '-'.charCodeAt(0));
    assert.equal(result.record.parsed?.kind, 'success');
  });

  for (const [title, reference, message] of [
    ['a missing file', 'file:missing.csr', /does not exist/],
    ['a folder', 'file:folder.csr', /not a file/],
    ['a device', 'file:/dev/zero', /outside the workspace folder/],
    ['a path outside the workspace', 'file:../../etc/hostname', /outside the workspace folder/],
  ] as const)
    it(`${title} is refused with a clear message, nothing sent`, async () => {
      const file = await bed.writeOrder('bad-ref.order.json', comodoOrder({ csr: reference }));
      const sent = bed.sent;
      const result = await bed.submit(file, 'demo');
      assert.equal(result.status, 'refused');
      assert.match(result.status === 'refused' ? result.reason : '', message);
      assert.equal(bed.sent, sent);
    });

  it('the reader takes only a regular file up to the cap (never a device, never a huge file)', async () => {
    if (process.platform !== 'win32')
      await assert.rejects(readRegularFile('/dev/zero', 1024), /is not a file/);
    const big = path.join(bed.dir, 'big.csr');
    await fs.writeFile(big, 'A'.repeat(2048));
    await assert.rejects(readRegularFile(big, 1024), /too large for a CSR/);
    assert.equal((await readRegularFile(big, 4096)).length, 2048);
  });
});
