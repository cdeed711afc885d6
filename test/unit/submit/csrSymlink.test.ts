// A symbolic link inside the workspace pointing outside it is not a way to send an outside file:
// the `file:` CSR's real path, and the workspace folder's, decide.
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { MAX_CSR_FILE_BYTES } from '../../../common/src/protocol';
import { readCsrFileInside } from '../../../client/src/submission/localFile';
import { Bed, comodoOrder, FIXTURES } from './harness';

describe('file: CSR references through symbolic links', () => {
  const bed = new Bed();
  let outside = '';
  before(async () => {
    await bed.start();
    outside = await fs.mkdtemp(path.join(os.tmpdir(), 'cert-order-outside-'));
    await fs.copyFile(path.join(FIXTURES, 'www.example.com.csr'), path.join(outside, 'secret.csr'));
    await fs.symlink(path.join(outside, 'secret.csr'), path.join(bed.dir, 'link.csr'));
    await fs.symlink(outside, path.join(bed.dir, 'linked-folder'));
    await bed.copyFixture('www.example.com.csr');
    await fs.symlink(path.join(bed.dir, 'www.example.com.csr'), path.join(bed.dir, 'inside-link.csr'));
  });
  after(async () => {
    await bed.stop();
    await fs.rm(outside, { recursive: true, force: true });
  });

  for (const reference of ['link.csr', 'linked-folder/secret.csr']) {
    it(`"file:${reference}" (a link to a file outside) is not read or sent`, async () => {
      const file = await bed.writeOrder('link.order.json', comodoOrder({ csr: `file:${reference}` }));
      const sent = bed.sent;
      const result = await bed.submit(file, 'demo');
      assert.equal(result.status, 'refused');
      const reason = result.status === 'refused' ? result.reason : '';
      assert.match(reason, /is a link to .*secret\.csr, outside the workspace folder/);
      assert.equal(bed.sent, sent, 'nothing sent');
    });
  }

  it('a link inside the workspace to a file inside it is sent', async () => {
    const file = await bed.writeOrder('inside.order.json', comodoOrder({ csr: 'file:inside-link.csr' }));
    const result = await bed.submit(file, 'demo');
    assert.equal(result.status, 'sent', result.status === 'refused' ? result.reason : '');
  });

  it('a workspace folder reached through a link still holds its files', async () => {
    const linkedRoot = path.join(outside, 'workspace-link');
    await fs.symlink(bed.dir, linkedRoot);
    const bytes = await readCsrFileInside(
      path.join(linkedRoot, 'www.example.com.csr'),
      linkedRoot,
      MAX_CSR_FILE_BYTES,
    );
    assert.match(Buffer.from(bytes).toString('utf8'), /BEGIN CERTIFICATE REQUEST/);
    await assert.rejects(
      readCsrFileInside(path.join(linkedRoot, 'missing.csr'), linkedRoot, MAX_CSR_FILE_BYTES),
      /does not exist/,
    );
  });
});
