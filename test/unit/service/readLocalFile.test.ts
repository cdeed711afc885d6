// The server's reader for `file:` CSR references: regular files only (after following links),
// bounded while reading, within the size cap.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { readBoundedFile, readLocalFile } from '../../../server/src/localFiles';

test('a regular file is read', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'read-local-'));
  const file = path.join(dir, 'a.csr');
  writeFileSync(file, 'abc');
  assert.deepEqual([...(await readLocalFile(pathToFileURL(file).href))], [97, 98, 99]);
});

test('a device is refused at once instead of read forever (file:/dev/zero)', async () => {
  await assert.rejects(readLocalFile('file:///dev/zero'), /not a regular file/);
});

test('a file over 1 MiB is refused', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'read-local-'));
  const file = path.join(dir, 'big.csr');
  writeFileSync(file, Buffer.alloc(1024 * 1024 + 1));
  await assert.rejects(readLocalFile(pathToFileURL(file).href), /too large/);
});

test('a file changed since it was last read is read again', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'read-local-'));
  const file = path.join(dir, 'c.csr');
  writeFileSync(file, 'one');
  const uri = pathToFileURL(file).href;
  assert.equal(Buffer.from(await readLocalFile(uri)).toString(), 'one');
  assert.equal(Buffer.from(await readLocalFile(uri)).toString(), 'one');
  writeFileSync(file, 'three');
  assert.equal(Buffer.from(await readLocalFile(uri)).toString(), 'three');
});

test('/proc/self/pagemap (size 0 by stat, gigabytes by reading) stops at the cap', async () => {
  await assert.rejects(
    readLocalFile('file:///proc/self/pagemap'),
    /larger than 1024 KB, too large for a CSR/,
  );
});

test('a character device reached through a symbolic link is refused before it is opened', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'read-local-'));
  symlinkSync('/dev/zero', path.join(dir, 'zero.csr'));
  await assert.rejects(
    readLocalFile(pathToFileURL(path.join(dir, 'zero.csr')).href),
    /character device, not a regular file/,
  );
});

test('a FIFO with no writer is refused at once, not waited on', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'read-local-'));
  const fifo = path.join(dir, 'fifo.csr');
  execFileSync('mkfifo', [fifo]);
  await assert.rejects(readLocalFile(pathToFileURL(fifo).href), /named pipe \(FIFO\), not a regular file/);
  // Opened directly (as if it had become a FIFO after the check): non-blocking, refused by fstat.
  await assert.rejects(readBoundedFile(fifo), /not a regular file/);
});

test('the bounded read stops at the cap it is given, whatever the size said', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'read-local-'));
  const file = path.join(dir, 'ten.csr');
  writeFileSync(file, '0123456789');
  assert.equal((await readBoundedFile(file, 10)).bytes.length, 10);
  await assert.rejects(readBoundedFile(file, 9), /too large for a CSR/);
});
