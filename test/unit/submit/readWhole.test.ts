// The two capped readers read a file whole and exactly, whatever its size against their read
// sizes (a read asked for by the stat's size, then by chunks): empty, one byte, past one chunk,
// exactly at the cap and one byte over it. The CSR reader's bytes are the caller's own: the memory
// behind them holds the file and nothing else.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { readHistoryEntry } from '../../../client/src/history/readEntry';
import { readRegularFile } from '../../../client/src/submission/localFile';

describe('capped readers: whole and exact', () => {
  let dir = '';
  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cert-order-read-'));
  });
  after(() => fs.rm(dir, { recursive: true, force: true }));

  const write = async (name: string, text: string): Promise<string> => {
    const file = path.join(dir, name);
    await fs.writeFile(file, text);
    return file;
  };
  const sizes = [0, 1, 4095, 4097, 300 * 1024 + 7];

  for (const size of sizes)
    it(`a ${size}-byte file is read whole by both`, async () => {
      const text = randomBytes(Math.ceil(size / 2))
        .toString('hex')
        .slice(0, size);
      const file = await write(`f${size}.json`, text);
      const entry = await readHistoryEntry(file);
      assert.equal(entry.ok && entry.text, text);
      const bytes = await readRegularFile(file, 1024 * 1024);
      assert.equal(Buffer.from(bytes).toString('utf8'), text);
    });

  it('exactly at the cap is read; one byte over is refused', async () => {
    const at = await write('at.json', 'x'.repeat(5000));
    const over = await write('over.json', 'x'.repeat(5001));
    const entry = await readHistoryEntry(at, 5000);
    assert.equal(entry.ok && entry.text.length, 5000);
    const refused = await readHistoryEntry(over, 5000);
    assert.match(refused.ok ? '' : refused.reason, /5001 bytes, over the 5000-byte cap/);
    assert.equal((await readRegularFile(at, 5000)).length, 5000);
    await assert.rejects(readRegularFile(over, 5000), /too large for a CSR/);
  });

  it("the CSR reader's bytes are the only data in the memory behind them", async () => {
    const file = await write('small.csr', 'abc');
    const bytes = await readRegularFile(file, 1024 * 1024);
    const behind = Buffer.from(bytes.buffer, 0, bytes.buffer.byteLength);
    assert.equal(bytes.byteOffset, 0);
    assert.equal(behind.subarray(0, 3).toString(), 'abc');
    assert.ok(
      behind.subarray(3).every((b) => b === 0),
      'nothing but zeros after the file',
    );
  });
});
