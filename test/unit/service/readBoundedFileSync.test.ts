// The command line's reader: readBoundedFile's checks without the thread pool (the same refusals),
// and its run reader, which reads each `file:` reference once a run.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  createRunReader,
  readBoundedFile,
  readBoundedFileSync,
  readBoundedSync,
} from '../../../server/src/localFiles';

const folder = () => mkdtempSync(path.join(tmpdir(), 'read-sync-'));

test('a file of several chunks is read whole, as the asynchronous reader reads it', async () => {
  const file = path.join(folder(), 'big.order.json');
  const content = Buffer.from(Array.from({ length: 200_000 }, (_, i) => i % 251));
  writeFileSync(file, content);
  assert.deepEqual(Buffer.from(readBoundedFileSync(file, 300_000).bytes), content);
  assert.deepEqual(Buffer.from((await readBoundedFile(file, 300_000)).bytes), content);
  assert.deepEqual(readBoundedSync(file), content);
});

test('devices, FIFOs and files past the cap are refused as by the asynchronous reader', () => {
  const dir = folder();
  symlinkSync('/dev/zero', path.join(dir, 'zero.csr'));
  execFileSync('mkfifo', [path.join(dir, 'fifo.csr')]);
  writeFileSync(path.join(dir, 'ten.csr'), '0123456789');
  assert.throws(() => readBoundedFileSync('/dev/zero'), /character device, not a regular file/);
  assert.throws(
    () => readBoundedFileSync(path.join(dir, 'zero.csr')),
    /character device, not a regular file/,
  );
  assert.throws(
    () => readBoundedFileSync(path.join(dir, 'fifo.csr')),
    /named pipe \(FIFO\), not a regular file/,
  );
  assert.throws(() => readBoundedFileSync('/proc/self/pagemap'), /larger than 1024 KB, too large for a CSR/);
  assert.equal(readBoundedFileSync(path.join(dir, 'ten.csr'), 10).bytes.length, 10);
  assert.throws(() => readBoundedFileSync(path.join(dir, 'ten.csr'), 9), /too large for a CSR/);
  assert.throws(() => readBoundedSync(path.join(dir, 'fifo.csr')), /^Error: not a regular file$/);
  assert.throws(
    () => readBoundedSync(path.join(dir, 'ten.csr'), 9),
    /larger than 9 bytes: too large to check/,
  );
  assert.throws(() => readBoundedFileSync(path.join(dir, 'none.csr')), { code: 'ENOENT' });
});

test("the run reader reads a file once a run, and keeps a file's error", async () => {
  const dir = folder();
  const file = path.join(dir, 'a.csr');
  writeFileSync(file, 'one');
  const run = createRunReader();
  const uri = pathToFileURL(file).href;
  assert.equal(Buffer.from(await run.readFile(uri)).toString(), 'one');
  writeFileSync(file, 'three');
  assert.equal(Buffer.from(await run.readFile(uri)).toString(), 'one');
  assert.equal(Buffer.from(await createRunReader().readFile(uri)).toString(), 'three');
  const missing = pathToFileURL(path.join(dir, 'missing.csr')).href;
  await assert.rejects(run.readFile(missing), { code: 'ENOENT' });
  writeFileSync(path.join(dir, 'missing.csr'), 'late');
  await assert.rejects(run.readFile(missing), { code: 'ENOENT' });
  await assert.rejects(run.readFile('https://example.com/a.csr'), /only file: URIs are read/);
  assert.equal(await run.realpath(dir), await run.realpath(path.join(dir, '.')));
});
