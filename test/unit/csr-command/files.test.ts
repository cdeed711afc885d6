// The pure parts of "Create Key and CSR": the order's CSR field edit (formatting kept), the key
// file (mode 0600, replaced only when asked), and whether git would commit the key, asked of git
// and, without git, read from the .gitignore files.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import {
  addToGitignore,
  ignoredByFiles,
  ignoreLine,
  keyIgnoreStatus,
} from '../../../client/src/csr/gitignore';
import { writePrivateKey } from '../../../client/src/csr/keyFile';
import { baseFileName, withCsrField } from '../../../client/src/csr/orderEdit';

const fresh = (): string => mkdtempSync(path.join(tmpdir(), 'csr-command-'));

test('the CSR field: an existing one keeps its spelling and place, a missing one is added as the file indents', () => {
  const comodo = '{\n\t"$api": "comodo-autoapplyssl",\n\t"CSR": "",\n\t"product": "24"\n}\n';
  assert.equal(
    withCsrField(comodo, 'file:a.csr', { insertSpaces: false, tabSize: 4 }),
    comodo.replace('"CSR": ""', '"CSR": "file:a.csr"'),
  );
  const missing = '{\n    "$api": "ssl2buy-sectigo-pac-enterprise",\n    "Year": 1\n}';
  assert.equal(
    withCsrField(missing, 'file:b.csr', { insertSpaces: true, tabSize: 4 }),
    '{\n    "$api": "ssl2buy-sectigo-pac-enterprise",\n    "Year": 1,\n    "CSR": "file:b.csr"\n}',
  );
  assert.equal(withCsrField('{ not json', 'file:c.csr', { insertSpaces: true, tabSize: 2 }), undefined);
});

test('file names from the certificate name: a wildcard spelled out, no path separators', () => {
  assert.equal(baseFileName('*.example.com'), 'wildcard.example.com');
  assert.equal(baseFileName('../etc/passwd'), '_etc_passwd');
  assert.equal(baseFileName('alice@example.com'), 'alice@example.com');
  assert.equal(baseFileName('  '), 'certificate');
});

test('the key file: mode 0600 whatever the umask, an existing file kept unless replacing', async () => {
  const dir = fresh();
  const file = path.join(dir, 'new', 'k.key');
  const old = process.umask(0);
  try {
    await writePrivateKey(file, 'KEY1', false);
  } finally {
    process.umask(old);
  }
  assert.equal(statSync(file).mode & 0o777, 0o600);
  await assert.rejects(writePrivateKey(file, 'KEY2', false), /EEXIST/);
  assert.equal(readFileSync(file, 'utf8'), 'KEY1');
  await writePrivateKey(file, 'KEY2', true);
  assert.equal(readFileSync(file, 'utf8'), 'KEY2');
  assert.equal(statSync(file).mode & 0o777, 0o600);
});

test('.gitignore read without git: last match wins, directories, anchors, negation', () => {
  const top = fresh();
  mkdirSync(path.join(top, 'sub', 'keys'), { recursive: true });
  const check = (rules: string, rel = 'sub/keys/a.key', where = ''): boolean => {
    writeFileSync(path.join(top, where, '.gitignore'), rules);
    const result = ignoredByFiles(top, rel);
    writeFileSync(path.join(top, where, '.gitignore'), '');
    return result;
  };
  assert.equal(check('*.key\n'), true);
  assert.equal(check('*.pem\n'), false);
  assert.equal(check('*.key\n!a.key\n'), false);
  assert.equal(check('keys/\n'), true);
  assert.equal(check('/a.key\n'), false, 'anchored to the top, the key is deeper');
  assert.equal(check('/a.key\n', 'sub/keys/a.key', 'sub/keys'), true);
  assert.equal(check('sub/**/*.key\n'), true);
  assert.equal(check('[ab].key\n'), false, 'a class is not read: not ignored, so the offer is made');
  assert.equal(check('# *.key\n'), false);
});

test('git itself: not a working tree, not ignored, then ignored after the offer adds its line', async () => {
  const outside = fresh();
  assert.deepEqual(await keyIgnoreStatus(path.join(outside, 'k.key')), { ignored: false, via: 'git' });
  const repo = fresh();
  execFileSync('git', ['init', '-q'], { cwd: repo });
  mkdirSync(path.join(repo, 'certs'));
  const key = path.join(repo, 'certs', 'shop.example.com.key');
  const before = await keyIgnoreStatus(key);
  assert.equal(before.ignored, false);
  assert.equal(
    before.workTree,
    execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: repo, encoding: 'utf8' }).trim(),
  );
  writeFileSync(path.join(repo, 'certs', '.gitignore'), 'other');
  const gitignore = await addToGitignore(key);
  assert.equal(readFileSync(gitignore, 'utf8').split('\n').at(-2), '/shop.example.com.key');
  assert.equal((await keyIgnoreStatus(key)).ignored, true);
  // Without git (a program that is not there), the same answer from the files.
  const noGit = await keyIgnoreStatus(key, path.join(repo, 'no-git'));
  assert.deepEqual({ ignored: noGit.ignored, via: noGit.via }, { ignored: true, via: 'files' });
  assert.equal(ignoreLine('a b*.key'), '/a\\ b\\*.key');
});
