// Which `file:` references the server reads (server/src/workspace.ts): only inside the order's
// workspace folder by real path; without a folder, the order's own folder when trusted, else none.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { readLocalFile } from '../../../server/src/localFiles';
import { containedReader, WorkspaceScope } from '../../../server/src/workspace';

const url = (p: string) => pathToFileURL(p).href;

function workspace() {
  const base = mkdtempSync(path.join(tmpdir(), 'scope-'));
  const root = path.join(base, 'repo');
  mkdirSync(path.join(root, 'sub'), { recursive: true });
  writeFileSync(path.join(root, 'sub', 'a.csr'), 'inside');
  writeFileSync(path.join(base, 'secret'), 'outside');
  symlinkSync(path.join(base, 'secret'), path.join(root, 'sub', 'link.csr'));
  return { base, root, order: path.join(root, 'sub', 'x.order.json') };
}

test('inside the workspace folder: read; outside, by path or by a planted link: refused, saying why', async () => {
  const { base, root, order } = workspace();
  const read = containedReader(new WorkspaceScope([{ uri: url(root) }], false), readLocalFile);
  assert.equal(
    Buffer.from(await read(url(path.join(root, 'sub', 'a.csr')), url(order))).toString(),
    'inside',
  );
  await assert.rejects(
    read(url(path.join(base, 'secret')), url(order)),
    /outside the order's workspace folder/,
  );
  await assert.rejects(
    read(url(path.join(root, 'sub', 'link.csr')), url(order)),
    /is a link to .*secret, outside/,
  );
});

test("no workspace folder: the order's own folder when trusted, nothing when not", async () => {
  const { root, order } = workspace();
  const file = url(path.join(root, 'sub', 'a.csr'));
  const scope = new WorkspaceScope([], false);
  const read = containedReader(scope, readLocalFile);
  await assert.rejects(read(file, url(order)), /the workspace is not trusted/);
  let changed = 0;
  scope.onDidChange(() => changed++);
  scope.setTrusted(true);
  assert.equal(changed, 1, 'the server is told, to check its orders again');
  assert.equal(Buffer.from(await read(file, url(order))).toString(), 'inside');
  await assert.rejects(read(url(path.join(root, 'x.csr')), url(order)), /outside the order's folder/);
});

test('the innermost workspace folder holding the order is its root; folders follow changes', () => {
  const { root, order } = workspace();
  const scope = new WorkspaceScope([{ uri: url(root) }, { uri: url(path.join(root, 'sub')) }], false);
  assert.deepEqual(scope.rootFor(order), { root: path.join(root, 'sub'), workspace: true });
  scope.setFolders([{ uri: url(root) }]);
  assert.deepEqual(scope.rootFor(order), { root, workspace: true });
  scope.setFolders([]);
  assert.ok('why' in scope.rootFor(order));
});
