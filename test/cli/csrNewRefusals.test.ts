// `cert-order csr new` refuses before it writes: names the CSR rules would refuse, a subject the
// order's rules refuse, a key or CSR that exists (without --force), a passphrase variable that is
// not set, flags that do not fit the order. Each leaves the folder byte for byte as it was. And
// the git warning for a key git would commit.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { assertKeyMatchesCsr, COMODO, orderIn, snapshot, SSL2BUY, SUBJECT_ARGS } from './csrNewHelpers';
import { runCli } from './run';

const WILDCARD = COMODO.replace('"product": "24"', '"product": "35"');
const INTRANET = COMODO.replace('"product": "24"', '"product": "44"');

describe('cert-order csr new: refusals', () => {
  const refused: [string, string, string[], RegExp][] = [
    ['a Common Name that is no FQDN', COMODO, ['--cn', 'intranet'], /fully.qualified/i],
    ['a wildcard on a product without wildcards', COMODO, ['--cn', '*.example.com'], /wildcard/i],
    ['no wildcard on a wildcard product', WILDCARD, ['--cn', 'www.example.com'], /needs exactly one/],
    ['a bad further name', COMODO, ['--cn', 'shop.example.com', '--san', 'bad_name..com'], /bad_name\.\.com/],
    [
      'a public address for Intranet SSL',
      INTRANET,
      ['--cn', 'server01', '--san', '8.8.8.8'],
      /Internet-reachable/,
    ],
    [
      'a name listed twice',
      COMODO,
      ['--cn', 'shop.example.com', '--san', 'a.example.com,a.example.com'],
      /listed twice/,
    ],
    [
      'a Comodo subject without O and C',
      COMODO,
      ['--cn', 'shop.example.com', '--subject', 'C='],
      /Organization Name/,
    ],
    [
      'a country that is no ISO code',
      COMODO,
      ['--cn', 'shop.example.com', '--subject', 'O=X', '--subject', 'C=UK'],
      /Did you mean GB/,
    ],
    ['a bad e-mail address', SSL2BUY, ['--email', 'alice@@example.com'], /not an e-mail address/],
    [
      'a key type the policy does not allow',
      COMODO,
      ['--cn', 'shop.example.com', '--key-type', 'rsa-1024'],
      /not allowed/,
    ],
  ];
  for (const [what, text, args, message] of refused) {
    it(`exit 1, nothing written: ${what}`, async () => {
      const { folder, order } = orderIn(text);
      const before = snapshot(folder);
      const run = await runCli(['csr', 'new', '--order', order, ...SUBJECT_ARGS, ...args], { cwd: folder });
      assert.equal(run.code, 1, run.stdout + run.stderr);
      assert.match(run.stderr, message);
      assert.match(run.stderr, /Nothing was written\./);
      assert.equal(run.stdout, '');
      assert.deepEqual(snapshot(folder), before);
    });
  }

  const usage: [string, string, string[], RegExp, NodeJS.ProcessEnv?][] = [
    ['no --order', COMODO, ['--cn', 'shop.example.com'], /needs --order FILE/],
    ['an unknown key type', COMODO, ['--cn', 'shop.example.com', '--key-type', 'dsa-1024'], /--key-type is/],
    [
      'a passphrase variable that is not set',
      COMODO,
      ['--cn', 'shop.example.com', '--passphrase-env', 'NO_SUCH_VAR_X'],
      /not set or empty/,
    ],
    [
      'a passphrase variable that is empty',
      COMODO,
      ['--cn', 'shop.example.com', '--passphrase-env', 'EMPTY_X'],
      /not set or empty/,
      { EMPTY_X: '' },
    ],
    [
      '--passphrase (no such flag: a command line is visible to others)',
      COMODO,
      ['--passphrase', 'x'],
      /Unknown option '--passphrase'/,
    ],
    ['--san on an S/MIME order', SSL2BUY, ['--email', 'a@example.com', '--san', 'x.example.com'], /S\/MIME/],
    ['--email on a TLS order', COMODO, ['--email', 'a@example.com'], /orders are TLS/],
    ['a subject attribute without =', COMODO, ['--cn', 'shop.example.com', '--subject', 'O'], /K=V/],
    ['the CN through --subject', COMODO, ['--subject', 'CN=x.example.com'], /--cn/],
    [
      'an unknown attribute',
      COMODO,
      ['--cn', 'shop.example.com', '--subject', 'XX=1'],
      /not a subject attribute/,
    ],
    [
      'the key over the order',
      COMODO,
      ['--cn', 'shop.example.com', '--key-out', 'shop.example.com.order.json'],
      /the key needs a file of its own/,
    ],
  ];
  for (const [what, text, args, message, env] of usage) {
    it(`exit 2, nothing written: ${what}`, async () => {
      const { folder, order } = orderIn(text);
      const before = snapshot(folder);
      const orderArgs = what === 'no --order' ? [] : ['--order', order];
      const run = await runCli(['csr', 'new', ...orderArgs, ...args], { cwd: folder, env });
      assert.equal(run.code, 2, run.stdout + run.stderr);
      assert.match(run.stderr, message);
      assert.deepEqual(snapshot(folder), before);
    });
  }

  it('an existing key or CSR is kept without --force (exit 1) and replaced with it', async () => {
    const { folder, order } = orderIn(COMODO);
    const keyFile = path.join(folder, 'shop.example.com.key');
    const csrFile = path.join(folder, 'shop.example.com.csr');
    const args = ['csr', 'new', '--order', order, '--cn', 'shop.example.com', ...SUBJECT_ARGS];
    for (const [file, what] of [
      [keyFile, 'key'],
      [csrFile, 'CSR'],
    ] as const) {
      writeFileSync(file, 'old\n', { mode: 0o644 });
      const before = snapshot(folder);
      const run = await runCli(args, { cwd: folder });
      assert.equal(run.code, 1, run.stderr);
      assert.match(run.stderr, new RegExp(`the ${what} is not replaced without --force`));
      assert.deepEqual(snapshot(folder), before);
      rmSync(file);
    }
    writeFileSync(keyFile, 'old\n', { mode: 0o644 });
    writeFileSync(csrFile, 'old\n');
    const run = await runCli([...args, '--force'], { cwd: folder });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(statSync(keyFile).mode & 0o777, 0o600, 'a replaced key is 0600 too');
    assertKeyMatchesCsr(csrFile, keyFile);
  });

  it('an inline CSR in the order is replaced only with --force', async () => {
    const withInline = COMODO.replace(
      '"isCustomerValidated": "N"',
      '"isCustomerValidated": "N",\n  "CSR": "-----BEGIN CERTIFICATE REQUEST-----\\nold\\n-----END CERTIFICATE REQUEST-----"',
    );
    const { folder, order } = orderIn(withInline);
    const before = snapshot(folder);
    const args = ['csr', 'new', '--order', order, '--cn', 'shop.example.com', ...SUBJECT_ARGS];
    let run = await runCli(args, { cwd: folder });
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stderr, /holds a CSR inline: it is not replaced without --force/);
    assert.deepEqual(snapshot(folder), before);
    run = await runCli([...args, '--force'], { cwd: folder });
    assert.equal(run.code, 0, run.stderr);
    assert.match(
      readFileSync(order, 'utf8'),
      /\n {2}"CSR": "file:shop\.example\.com\.csr"\n\}\n$/,
      'the key as the order spells it',
    );
    assert.equal((await runCli(['check', order], { cwd: folder })).code, 0);
  });

  it('--no-update-order leaves the order as it was', async () => {
    const { folder, order } = orderIn(COMODO);
    const run = await runCli(
      ['csr', 'new', '--order', order, '--cn', 'shop.example.com', '--no-update-order', ...SUBJECT_ARGS],
      {
        cwd: folder,
      },
    );
    assert.equal(run.code, 0, run.stderr);
    assert.equal(readFileSync(order, 'utf8'), COMODO);
    assert.match(run.stdout, /Left shop\.example\.com\.order\.json as it was/);
    assertKeyMatchesCsr(path.join(folder, 'shop.example.com.csr'), path.join(folder, 'shop.example.com.key'));
  });

  it('a key in a git working tree: a warning when git does not ignore it, none when it does', async () => {
    const { folder, order } = orderIn(COMODO);
    execFileSync('git', ['init', '-q', folder]);
    const args = [
      'csr',
      'new',
      '--order',
      order,
      '--cn',
      'shop.example.com',
      '--format',
      'json',
      ...SUBJECT_ARGS,
    ];
    let run = await runCli(args, { cwd: folder });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(JSON.parse(run.stdout).git, 'not-ignored');
    assert.match(
      run.stderr,
      /warning: the private key shop\.example\.com\.key is inside the git working tree .* git does not ignore it/,
    );
    assert.match(run.stderr, /add \/shop\.example\.com\.key to .*\.gitignore/);
    // Ignored by a pattern in a parent folder's .gitignore: git's own answer, no warning.
    mkdirSync(path.join(folder, 'keys'));
    writeFileSync(path.join(folder, '.gitignore'), '*.key\n');
    run = await runCli([...args, '--key-out', 'keys/shop.key', '--force'], { cwd: folder });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(JSON.parse(run.stdout).git, 'ignored');
    assert.equal(run.stderr, '');
  });
});
