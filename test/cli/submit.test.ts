// `cert-order submit` as a pipeline (and a person at a terminal) runs it: the built bin against the
// sandbox on 127.0.0.1, credentials from the environment, the history folder, every exit code.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { parseRecord } from '../../common/src/protocol';
import { startSandbox, type RunningSandbox } from '../../sandbox/src/server';
import { BIN, EXAMPLES, runCli, type Run } from './run';

const SECRET = 'S3cr3t-k3y+&=/"<cli-sandbox>';
const COMODO = 'comodo-autoapplyssl.order.json';
const SSL2BUY = 'ssl2buy-sectigo-pac-enterprise.order.json';
/** No credential of the developer's own environment leaks into a run. */
const NO_CREDENTIALS = Object.fromEntries(
  Object.keys(process.env)
    .filter((k) => k.startsWith('CERT_ORDER_'))
    .map((k) => [k, undefined]),
);
const WITH_SECRETS = {
  ...NO_CREDENTIALS,
  CERT_ORDER_COMODO_LOGIN_PASSWORD: SECRET,
  CERT_ORDER_SSL2BUY_API_KEY: SECRET,
};

/** Every file below a folder, read (history records, anything else written). */
function allFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Runs the bin on a pseudo-terminal (util-linux `script`), typing `input`. */
function runOnTerminal(args: string[], cwd: string, input: string, env: NodeJS.ProcessEnv): Promise<Run> {
  const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;
  const command = [process.execPath, BIN, ...args].map(quote).join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qec', command, '/dev/null'], { cwd, env: { ...process.env, ...env } });
    let stdout = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr: '' }));
    child.stdin.end(input);
  });
}

const hasScript = spawnSync('script', ['--version']).status === 0;

describe('cert-order submit', () => {
  let sandbox: RunningSandbox;
  let dir: string;
  let requests: string[];
  let comodoUrl: string;
  let ssl2buyUrl: string;

  before(async () => {
    sandbox = await startSandbox({ port: 0, log: (line) => requests.push(line) });
    comodoUrl = sandbox.urls['comodo-autoapplyssl'];
    ssl2buyUrl = sandbox.urls['ssl2buy-sectigo-pac-enterprise'];
  });
  after(() => sandbox.close());
  beforeEach(() => {
    requests = [];
    dir = mkdtempSync(path.join(tmpdir(), 'cert-order-submit-'));
    cpSync(EXAMPLES, dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** A fault path in front of an API's sandbox URL. */
  const faulted = (url: string, faults: string): string => {
    const u = new URL(url);
    return `${u.origin}/__fault/${encodeURIComponent(faults)}${u.pathname}`;
  };

  const submit = (args: string[], env: NodeJS.ProcessEnv = WITH_SECRETS): Promise<Run> =>
    runCli(['submit', ...args], { cwd: dir, env });

  /** The secret is in no output and no file the run wrote. */
  const assertNoSecret = (run: Run): void => {
    assert.ok(!run.stdout.includes(SECRET), 'secret on stdout');
    assert.ok(!run.stderr.includes(SECRET), 'secret on stderr');
    for (const file of allFiles(dir))
      assert.ok(!readFileSync(file, 'utf8').includes(SECRET), `secret in ${file}`);
  };

  const historyFiles = (): string[] =>
    allFiles(path.join(dir, '.cert-orders', 'history')).filter((f) => f.endsWith('.json'));

  it('places a demo order: exit 0, the answer printed, the record in .cert-orders/history, no secret anywhere', async () => {
    const run = await submit(['--demo', COMODO, '--endpoint', comodoUrl]);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /^Placed in demo with Comodo !AutoApplySSL: order number \d+\./);
    assert.match(run.stdout, /Amount Debited, USD: 0\.00/);
    assert.equal(requests.length, 1);
    const files = historyFiles();
    assert.equal(files.length, 1);
    assert.ok(run.stdout.includes(`history: ${files[0]}`));
    const record = parseRecord(readFileSync(files[0], 'utf8'));
    assert.ok(record, 'the history file is a submission record');
    assert.equal(record.environment, 'demo');
    assert.equal(record.parsed?.kind, 'success');
    assert.match(record.request.body ?? '', /(^|&)test=Y(&|$)/, 'a Comodo demo order is a test order');
    assert.match(
      record.request.body,
      /loginPassword=\*+|loginPassword=%2A/,
      'the password masked in the record',
    );
    assertNoSecret(run);
  });

  it('--format json: the parsed answer as data; --history DIR is where the record goes', async () => {
    const run = await submit([
      '--demo',
      SSL2BUY,
      '--endpoint',
      ssl2buyUrl,
      '--format',
      'json',
      '--history',
      'h',
    ]);
    assert.equal(run.code, 0, run.stderr);
    const answer = JSON.parse(run.stdout) as Record<string, unknown>;
    assert.equal(answer.outcome, 'success');
    assert.equal(answer.environment, 'demo');
    assert.equal(typeof answer.orderNumber, 'string');
    assert.equal((answer.parsed as { kind: string }).kind, 'success');
    assert.equal(path.dirname(answer.historyFile as string), path.join(dir, 'h'));
    assert.ok(existsSync(answer.historyFile as string));
    assertNoSecret(run);
  });

  it('without the secret in the environment: not sent (4), the variables named, nothing written', async () => {
    const run = await submit(['--demo', COMODO, '--endpoint', comodoUrl], NO_CREDENTIALS);
    assert.equal(run.code, 4, run.stderr);
    assert.match(
      run.stderr,
      /no loginPassword .*CERT_ORDER_COMODO_DEMO_LOGIN_PASSWORD or CERT_ORDER_COMODO_LOGIN_PASSWORD/,
    );
    assert.equal(requests.length, 0);
    assert.deepEqual(historyFiles(), []);
    const prod = await submit(['--production', SSL2BUY, '--endpoint', ssl2buyUrl, '--yes'], NO_CREDENTIALS);
    assert.equal(prod.code, 4);
    assert.match(prod.stderr, /CERT_ORDER_SSL2BUY_PRODUCTION_API_KEY or CERT_ORDER_SSL2BUY_API_KEY/);
    assert.equal(requests.length, 0);
  });

  it('production off a terminal takes --yes: a usage error (2) and nothing sent without it', async () => {
    const run = await submit(['--production', COMODO, '--endpoint', comodoUrl]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--yes/);
    assert.equal(requests.length, 0);
    const placed = await submit(['--production', COMODO, '--endpoint', comodoUrl, '--yes']);
    assert.equal(placed.code, 0, placed.stderr);
    assert.match(placed.stdout, /^Placed in production/);
    assert.match(placed.stderr, /Account charged: loginName example-reseller/);
    assertNoSecret(placed);
  });

  it('the duplicate-production guard reads the history folder: a second send is refused, --again sends', async () => {
    const first = await submit(['--production', SSL2BUY, '--endpoint', ssl2buyUrl, '--yes']);
    assert.equal(first.code, 0, first.stderr);
    const second = await submit(['--production', SSL2BUY, '--endpoint', ssl2buyUrl, '--yes']);
    assert.equal(second.code, 4);
    assert.match(second.stderr, /already succeeded in production .* as order number/);
    assert.match(second.stderr, /--again/);
    assert.equal(requests.length, 1, 'the second was not sent');
    const demo = await submit(['--demo', SSL2BUY, '--endpoint', ssl2buyUrl]);
    assert.equal(demo.code, 0, 'a demo order is not guarded');
    const again = await submit(['--production', SSL2BUY, '--endpoint', ssl2buyUrl, '--yes', '--again']);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(requests.length, 3);
    assert.equal(historyFiles().length, 3);
  });

  it('an order with errors is refused with the diagnostics of cert-order check (4), nothing sent', async () => {
    const order = JSON.parse(readFileSync(path.join(dir, COMODO), 'utf8')) as Record<string, unknown>;
    order.years = '1';
    writeFileSync(path.join(dir, 'bad.order.json'), JSON.stringify(order, null, 2));
    const run = await submit(['--production', 'bad.order.json', '--endpoint', comodoUrl, '--yes']);
    assert.equal(run.code, 4);
    const check = await runCli(['check', 'bad.order.json'], { cwd: dir });
    assert.equal(check.code, 1);
    for (const line of check.stdout.trimEnd().split('\n')) assert.ok(run.stderr.includes(line), line);
    assert.match(run.stderr, /bad\.order\.json was not sent: it has 1 error/);
    assert.equal(requests.length, 0);
    assert.deepEqual(historyFiles(), []);
  });

  it('refused by the CA: exit 1, the status and the field the CA named', async () => {
    const run = await submit(['--demo', COMODO, '--endpoint', faulted(comodoUrl, 'code=-4')]);
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assert.match(run.stdout, /^Refused by the CA: .*answered status -4 in demo/);
    assert.match(run.stdout, /field xxxx: /);
    assert.equal(historyFiles().length, 1);
    assertNoSecret(run);
  });

  it('a connection refused is not sent (4); a connection reset after sending may have been placed (3)', async () => {
    const port = await closedPort();
    const refused = await submit([
      '--demo',
      COMODO,
      '--endpoint',
      `http://127.0.0.1:${port}/products/!AutoApplySSL`,
    ]);
    assert.equal(refused.code, 4, refused.stdout + refused.stderr);
    assert.match(
      refused.stdout,
      /^Not placed: nothing reached Comodo !AutoApplySSL in demo\. .*ECONNREFUSED/,
    );
    const reset = await submit(['--demo', COMODO, '--endpoint', faulted(comodoUrl, 'reset')]);
    assert.equal(reset.code, 3, reset.stdout + reset.stderr);
    assert.match(reset.stdout, /^May have been placed/);
    assert.equal(historyFiles().length, 2, 'both kept in the history');
    assertNoSecret(reset);
  });

  it('usage errors (2): both environments, no file, an endpoint the extension would refuse', async () => {
    assert.equal((await submit(['--demo', '--production', COMODO])).code, 2);
    assert.equal((await submit(['--demo'])).code, 2);
    const http = await submit(['--demo', COMODO, '--endpoint', 'http://example.com/x']);
    assert.equal(http.code, 2);
    assert.match(http.stderr, /only sent over https/);
    assert.equal((await submit(['--demo', COMODO, '--password', SECRET])).code, 2, 'no credential flag');
    assert.equal(requests.length, 0);
  });

  it(
    'on a terminal, production asks to type the CSR name: a wrong word cancels (4), the name places it',
    { skip: !hasScript && 'no util-linux script' },
    async () => {
      const args = ['submit', '--production', COMODO, '--endpoint', comodoUrl];
      const wrong = await runOnTerminal(args, dir, 'yes\n', WITH_SECRETS);
      assert.equal(wrong.code, 4, wrong.stdout);
      assert.match(wrong.stdout, /Type www\.example\.com to send/);
      assert.match(wrong.stdout, /"yes" is not www\.example\.com/);
      assert.equal(requests.length, 0);
      const typed = await runOnTerminal(args, dir, 'www.example.com\n', WITH_SECRETS);
      assert.equal(typed.code, 0, typed.stdout);
      assert.match(typed.stdout, /Placed in production/);
      assert.equal(requests.length, 1);
      assert.ok(!typed.stdout.includes(SECRET));
    },
  );
});
