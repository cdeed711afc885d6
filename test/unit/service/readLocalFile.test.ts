// The server's reader for `file:` CSR references: regular files only, within the size cap.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { readLocalFile } from '../../../server/src/localFiles';

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
