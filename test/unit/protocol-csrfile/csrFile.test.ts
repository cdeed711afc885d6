// `file:` CSR references: resolved like the language server resolves them (a URL relative to the
// order), and only inside the order's workspace folder.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { resolveCsrFile } from '../../../common/src/protocol';

const root = path.resolve('/ws');
const orderFile = path.join(root, 'orders', 'a.order.json');

const ok = (reference: string): string => {
  const r = resolveCsrFile(orderFile, reference, root);
  assert.ok(r.ok, r.ok ? '' : r.problem);
  return r.path;
};
const problem = (reference: string): string => {
  const r = resolveCsrFile(orderFile, reference, root);
  assert.ok(!r.ok, `${reference} resolved to ${r.ok ? r.path : ''}`);
  return r.problem;
};

describe('resolveCsrFile', () => {
  it('resolves relative to the order, inside the workspace', () => {
    assert.equal(ok('a.csr'), path.join(root, 'orders', 'a.csr'));
    assert.equal(ok('../csrs/a.csr'), path.join(root, 'csrs', 'a.csr'));
    assert.equal(ok('sub dir/a #1.csr'), path.join(root, 'orders', 'sub dir', 'a #1.csr'));
    assert.equal(ok('100%.csr'), path.join(root, 'orders', '100%.csr'));
    assert.equal(ok(path.join(root, 'csrs', 'abs.csr')), path.join(root, 'csrs', 'abs.csr'));
  });

  it('refuses a path that escapes the workspace folder, relative or absolute', () => {
    for (const ref of [
      '../../etc/passwd',
      '../../../home/me/.ssh/id_rsa',
      '/etc/shadow',
      '../../ws-other/a.csr',
    ])
      assert.match(problem(ref), /outside the workspace folder/, ref);
  });

  it('refuses a reference that is not a local file, or names none', () => {
    assert.match(problem('https://example.com/a.csr'), /not a local file/);
    assert.match(problem(''), /names no file/);
  });
});
