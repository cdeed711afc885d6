// `cert-order check` as a pipeline runs it: exit codes, each output format, file discovery.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import Ajv2020 from 'ajv/dist/2020';
import type * as Sarif from 'sarif';
import addFormats from 'ajv-formats';
import { DIAGNOSTIC_HELP } from '../../common/src/diagnosticHelp';
import { CSR_FIXTURES, EXAMPLES, ROOT, runCli } from './run';

const LINE = /^(\S+):(\d+):(\d+) {2}(error|warning|info|hint) +(\S+) {2}(.+)$/;

describe('cert-order check', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'cert-order-check-'));
    cpSync(EXAMPLES, path.join(dir, 'orders'), { recursive: true });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('checks every *.order.json under the current folder and exits 1 on errors', async () => {
    const run = await runCli(['check'], { cwd: dir });
    assert.equal(run.code, 1, run.stderr);
    const lines = run.stdout.trimEnd().split('\n');
    const summary = lines.pop() ?? '';
    assert.match(summary, /^\d+ problems \(\d+ errors, \d+ warnings.*\): 7 files checked\.$/);
    for (const line of lines) assert.match(line, LINE);
    const files = new Set(lines.map((l) => LINE.exec(l)?.[1]));
    assert.deepEqual([...files].sort(), [
      'orders/comodo-mistakes.order.json',
      'orders/ssl2buy-mistakes.order.json',
    ]);
    assert.ok(
      lines.some((l) => l.includes('  error    unknown-field  ')),
      'severity padded, then the code',
    );
    assert.ok(!run.stdout.includes('\x1b['), 'no colour when not a terminal');
  });

  it('exits 0 with a summary for clean files, and checks a .csr named on the command line', async () => {
    const run = await runCli(
      ['check', 'orders/comodo-autoapplyssl.order.json', 'orders/www.example.com.csr'],
      {
        cwd: dir,
      },
    );
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.equal(run.stdout, 'No problems: 2 files checked.\n');
  });

  it('reports a broken .csr with its Comodo code', async () => {
    writeFileSync(
      path.join(dir, 'broken.csr'),
      '-----BEGIN CERTIFICATE REQUEST-----\nMIIB$$$\n-----END CERTIFICATE REQUEST-----\n',
    );
    const run = await runCli(['check', 'broken.csr'], { cwd: dir });
    assert.equal(run.code, 1);
    assert.match(run.stdout, /^broken\.csr:2:\d+ {2}error +csr-not-base64 {2}.*-9/m);
  });

  it('colours on request (FORCE_COLOR) and never with NO_COLOR', async () => {
    const coloured = await runCli(['check', 'orders/comodo-mistakes.order.json'], {
      cwd: dir,
      env: { FORCE_COLOR: '1' },
    });
    assert.ok(coloured.stdout.includes('\x1b[31merror'), 'errors in red');
    const plain = await runCli(['check', 'orders/comodo-mistakes.order.json'], {
      cwd: dir,
      env: { NO_COLOR: '1' },
    });
    assert.ok(!plain.stdout.includes('\x1b['));
  });

  it('--max-warnings: warnings alone pass, past the cap they fail', async () => {
    const order = JSON.parse(readFileSync(path.join(EXAMPLES, 'comodo-autoapplyssl.order.json'), 'utf8'));
    order.csr = 'file:orders/www.example.com.csr';
    order.loginPassword = 'not-a-real-password';
    writeFileSync(path.join(dir, 'warn.order.json'), JSON.stringify(order, null, 2));
    const plain = await runCli(['check', 'warn.order.json'], { cwd: dir });
    assert.equal(plain.code, 0, plain.stdout);
    assert.match(plain.stdout, /credential-in-file/);
    assert.equal((await runCli(['check', '--max-warnings', '1', 'warn.order.json'], { cwd: dir })).code, 0);
    const capped = await runCli(['check', '--max-warnings', '0', 'warn.order.json'], { cwd: dir });
    assert.equal(capped.code, 1);
  });

  it("--key-policy document applies the Comodo document's key rule", async () => {
    const current = await runCli(['check', path.join(CSR_FIXTURES, 'rsa2048-full.csr')]);
    assert.equal(current.code, 0, current.stdout);
    const document = await runCli([
      'check',
      '--key-policy',
      'document',
      path.join(CSR_FIXTURES, 'rsa2048-full.csr'),
    ]);
    assert.equal(document.code, 1);
    assert.match(document.stdout, /csr-unsupported-(key-size|signature-algorithm)/);
  });

  it('skips node_modules and .git, takes folders and globs, and refuses what matches nothing', async () => {
    const tree = mkdtempSync(path.join(tmpdir(), 'cert-order-tree-'));
    try {
      for (const sub of ['node_modules/pkg', '.git', 'a/b', '.github/orders'])
        mkdirSync(path.join(tree, sub), { recursive: true });
      const bad = '{ "$api": "nope" }';
      writeFileSync(path.join(tree, 'node_modules/pkg/x.order.json'), bad);
      writeFileSync(path.join(tree, '.git/y.order.json'), bad);
      writeFileSync(path.join(tree, 'a/b/z.order.json'), bad);
      writeFileSync(path.join(tree, '.github/orders/w.order.json'), bad);
      writeFileSync(path.join(tree, 'a/other.json'), bad);
      const all = await runCli(['check', '--format', 'json'], { cwd: tree });
      const paths = JSON.parse(all.stdout).files.map((f: { path: string }) => f.path);
      assert.deepEqual(paths, ['.github/orders/w.order.json', 'a/b/z.order.json']);
      const folder = JSON.parse((await runCli(['check', '--format', 'json', 'a'], { cwd: tree })).stdout);
      assert.deepEqual(
        folder.files.map((f: { path: string }) => f.path),
        ['a/b/z.order.json'],
      );
      const glob = JSON.parse(
        (await runCli(['check', '--format', 'json', 'a/**/*.json'], { cwd: tree })).stdout,
      );
      assert.deepEqual(
        glob.files.map((f: { path: string }) => f.path),
        ['a/b/z.order.json', 'a/other.json'],
      );
      const none = await runCli(['check', 'nothing/**/*.order.json'], { cwd: tree });
      assert.equal(none.code, 2);
      assert.match(none.stderr, /no file matches nothing\/\*\*\/\*\.order\.json/);
    } finally {
      rmSync(tree, { recursive: true, force: true });
    }
  });

  it('exits 2 with a clear message on usage errors', async () => {
    for (const args of [
      ['check', '--bogus'],
      ['check', '--format', 'xml'],
      ['check', '--max-warnings', 'many'],
      ['frobnicate'],
      [],
      ['check', 'no-such.order.json'],
    ]) {
      const run = await runCli(args, { cwd: dir });
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stdout}`);
      assert.match(run.stderr, /cert-order|Usage/, args.join(' '));
    }
    const help = await runCli(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Usage: cert-order <command>/);
  });

  it('exits 2 for a file that cannot be read (a FIFO, a dangling link) and still checks the rest', async () => {
    const fifo = path.join(dir, 'pipe.order.json');
    execFileSync('mkfifo', [fifo]);
    symlinkSync(path.join(dir, 'gone'), path.join(dir, 'dangling.order.json'));
    try {
      const run = await runCli(
        ['check', 'pipe.order.json', 'dangling.order.json', 'orders/comodo-mistakes.order.json'],
        { cwd: dir },
      );
      assert.equal(run.code, 2);
      assert.match(run.stdout, /^pipe\.order\.json {2}cannot be read {2}not a regular file$/m);
      assert.match(run.stdout, /^dangling\.order\.json {2}cannot be read {2}.*ENOENT/m);
      assert.match(run.stdout, /comodo-mistakes\.order\.json:\d+:\d+ {2}error/);
      assert.match(run.stdout, /2 files could not be read\.$/m);
    } finally {
      rmSync(fifo, { force: true });
      rmSync(path.join(dir, 'dangling.order.json'), { force: true });
    }
  });

  it('--format json: positions 1-based, severities by name, counts', async () => {
    const run = await runCli(['check', '--format', 'json', 'orders/ssl2buy-mistakes.order.json'], {
      cwd: dir,
    });
    assert.equal(run.code, 1);
    const out = JSON.parse(run.stdout);
    const [file] = out.files;
    assert.equal(file.path, 'orders/ssl2buy-mistakes.order.json');
    assert.equal(file.kind, 'order');
    const year = file.diagnostics.find((d: { code: string }) => d.code === 'wrong-type');
    const text = readFileSync(path.join(EXAMPLES, 'ssl2buy-mistakes.order.json'), 'utf8').split('\n');
    assert.equal(text[year.line - 1].slice(year.column - 1, year.endColumn - 1), '"1"');
    assert.equal(
      out.summary.error,
      file.diagnostics.filter((d: { severity: string }) => d.severity === 'error').length,
    );
  });

  it('--format github: one workflow command per diagnostic, escaped', async () => {
    const run = await runCli(['check', '--format', 'github', 'orders/comodo-mistakes.order.json'], {
      cwd: dir,
    });
    assert.equal(run.code, 1);
    const lines = run.stdout.trimEnd().split('\n');
    lines.pop();
    for (const line of lines)
      assert.match(
        line,
        /^::(error|warning|notice) file=orders\/comodo-mistakes\.order\.json,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=cert-order [a-z0-9-]+::[^\n]+$/,
      );
    assert.ok(
      lines.some((l) => l.startsWith('::notice ')),
      'information as notice',
    );
  });

  it('--format sarif: valid SARIF 2.1.0, one rule per diagnostic code with its help', async () => {
    const run = await runCli(['check', '--format', 'sarif'], { cwd: dir });
    assert.equal(run.code, 1);
    const log = JSON.parse(run.stdout) as Sarif.Log;
    const schema = JSON.parse(
      readFileSync(
        path.join(ROOT, 'node_modules', '@microsoft', 'sarif-multitool-linux', 'sarif-2.1.0.json'),
        'utf8',
      ),
    );
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
    const [runLog] = log.runs;
    const rules = runLog.tool.driver.rules ?? [];
    const ids = rules.map((r) => r.id);
    for (const h of DIAGNOSTIC_HELP) assert.ok(ids.includes(h.code), h.code);
    for (const r of rules) assert.ok((r.help?.text ?? '').length > 20, r.id);
    const results = runLog.results ?? [];
    assert.ok(results.length > 10);
    for (const result of results) {
      assert.equal(ids[result.ruleIndex ?? -1], result.ruleId);
      const loc = result.locations?.[0]?.physicalLocation?.artifactLocation;
      assert.equal(loc?.uriBaseId, '%SRCROOT%');
      assert.match(loc?.uri ?? '', /^[\w/.-]+\.order\.json$/);
    }
    // A schema check that cannot fail is no check: a broken log is refused.
    assert.equal(validate({ ...log, version: '2.0.0' }), false);
  });
});
