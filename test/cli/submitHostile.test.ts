// `cert-order submit` against what a hostile setup hands it, the built bin as a child process:
// a production URL given as the demo endpoint (in any spelling) is refused before any connection,
// and a server that echoes the secret back in every spelling a server may use leaves it in no
// output and no file.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { comodoAutoApplySsl, ssl2buySectigoPacEnterprise } from '../../common/src/catalogue';
import { parseRecord } from '../../common/src/protocol';
import { echoServer } from '../support/echoServer';
import { spellings } from '../support/spellings';
import { EXAMPLES, runCli, type Run } from './run';

const SECRET = 'S3cr3t-k3y+&=/"<cli-echo>é';
const COMODO = 'comodo-autoapplyssl.order.json';
const SSL2BUY = 'ssl2buy-sectigo-pac-enterprise.order.json';
const SSL2BUY_PRODUCTION = ssl2buySectigoPacEnterprise.endpoints.production;
const COMODO_PRODUCTION = comodoAutoApplySsl.endpoints.production;

/**
 * Preloaded into the bin (NODE_OPTIONS --require): every socket connection it opens is written
 * to CERT_ORDER_TEST_CONNECT_LOG, and one to anything but loopback fails at once, so that a
 * refusal that regressed cannot reach the vendor's production API from a test.
 */
const CONNECT_GUARD = `
const net = require('node:net');
const fs = require('node:fs');
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  const o = typeof first === 'object' && first !== null ? first : { port: first, host: args[1] };
  const host = String(o.host ?? 'localhost');
  fs.appendFileSync(process.env.CERT_ORDER_TEST_CONNECT_LOG, host + ' ' + String(o.port) + '\\n');
  if (!['127.0.0.1', '::1', 'localhost'].includes(host)) {
    const err = Object.assign(new Error('the test allows loopback only'), { code: 'ECONNREFUSED' });
    process.nextTick(() => this.destroy(err));
    return this;
  }
  return connect.apply(this, args);
};
`;

/** Every file below a folder (history records, anything else written). */
function allFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

describe('cert-order submit against a hostile setup', () => {
  let dir: string;
  let guardDir: string;
  let connectLog: string;
  let env: NodeJS.ProcessEnv;

  before(() => {
    guardDir = mkdtempSync(path.join(tmpdir(), 'cert-order-guard-'));
    writeFileSync(path.join(guardDir, 'guard.cjs'), CONNECT_GUARD);
  });
  after(() => rmSync(guardDir, { recursive: true, force: true }));
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'cert-order-submit-hostile-'));
    cpSync(EXAMPLES, dir, { recursive: true });
    connectLog = path.join(dir, '..', `${path.basename(dir)}.connections`);
    writeFileSync(connectLog, '');
    env = {
      ...Object.fromEntries(
        Object.keys(process.env)
          .filter((k) => k.startsWith('CERT_ORDER_'))
          .map((k) => [k, undefined]),
      ),
      CERT_ORDER_COMODO_LOGIN_PASSWORD: SECRET,
      CERT_ORDER_SSL2BUY_API_KEY: SECRET,
      CERT_ORDER_TEST_CONNECT_LOG: connectLog,
      NODE_OPTIONS: `--require ${path.join(guardDir, 'guard.cjs')}`,
    };
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(connectLog, { force: true });
  });

  const submit = (args: string[]): Promise<Run> => runCli(['submit', ...args], { cwd: dir, env });
  const connections = (): string[] => readFileSync(connectLog, 'utf8').split('\n').filter(Boolean);
  const historyFiles = (): string[] =>
    allFiles(path.join(dir, '.cert-orders', 'history')).filter((f) => f.endsWith('.json'));

  describe('--demo --endpoint <a production URL>: refused, saying why, nothing connected', () => {
    const cases: [string, string, string][] = [
      [SSL2BUY, SSL2BUY_PRODUCTION, 'SSL2Buy'],
      [
        SSL2BUY,
        SSL2BUY_PRODUCTION.replace('https://api.ssl2buy.com', 'HTTPS://API.SSL2BUY.COM.:443') + '/',
        'SSL2Buy',
      ],
      [SSL2BUY, SSL2BUY_PRODUCTION.replace('ComodoFullOrder', '%43omodoFullOrder'), 'SSL2Buy'],
      [SSL2BUY, SSL2BUY_PRODUCTION.replace('api.ssl2buy.com', '\uff41pi.ssl2buy.com'), 'SSL2Buy'],
      // Another API's production URL: SSL2Buy's order to Comodo's, Comodo's order to SSL2Buy's.
      [SSL2BUY, COMODO_PRODUCTION, 'Comodo'],
      [COMODO, SSL2BUY_PRODUCTION, 'SSL2Buy'],
      // Another path on a production host may place orders too.
      [COMODO, 'https://api.ssl2buy.com/queryservice/Other', 'SSL2Buy'],
    ];
    for (const [order, url, vendor] of cases)
      it(`${order} to ${JSON.stringify(url)}`, async () => {
        const run = await submit(['--demo', order, '--endpoint', url]);
        assert.equal(run.code, 4, run.stdout + run.stderr);
        assert.match(run.stderr, new RegExp(`${order.replace(/\./g, '\\.')} was not sent: the demo URL `));
        assert.match(run.stderr, /\(--endpoint\)/);
        assert.match(run.stderr, new RegExp(`production URL of ${vendor}|host of ${vendor}`));
        assert.match(run.stderr, /where orders are placed and charged/);
        assert.match(run.stderr, /never sent to a production endpoint/);
        assert.deepEqual(connections(), [], 'no connection was opened');
        assert.deepEqual(historyFiles(), []);
        assert.ok(!run.stdout.includes(SECRET) && !run.stderr.includes(SECRET));
      });
  });

  describe('a server that echoes the secret back in every spelling', () => {
    let server: Server;
    let url = '';
    before(async () => {
      server = echoServer();
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/queryservice/ComodoFullOrder/SectigoPersonalAuthenticationEnterprise`;
    });
    after(() => new Promise<void>((resolve) => server.close(() => resolve())));

    /** None of the spellings (the test's own list, not the masking's) in the run's output or files. */
    const assertNoSpelling = (run: Run): void => {
      const files = allFiles(dir);
      assert.ok(historyFiles().length > 0, 'a history file was written');
      for (const [name, spelt] of Object.entries(spellings(SECRET))) {
        assert.ok(!run.stdout.includes(spelt), `stdout holds the ${name} spelling`);
        assert.ok(!run.stderr.includes(spelt), `stderr holds the ${name} spelling`);
        for (const file of files)
          assert.ok(!readFileSync(file, 'utf8').includes(spelt), `${file} holds the ${name} spelling`);
      }
    };

    for (const format of ['text', 'json'])
      it(`--format ${format}: placed, and the secret in no spelling on stdout, stderr or any history file`, async () => {
        const run = await submit(['--demo', SSL2BUY, '--endpoint', url, '--format', format]);
        assert.equal(run.code, 0, run.stdout + run.stderr);
        assert.ok(run.stdout.includes('7001'), 'the echo server answered');
        assert.ok(
          connections().some((c) => c.startsWith('127.0.0.1 ')),
          'the guard saw the connection',
        );
        const [file] = historyFiles();
        const record = parseRecord(readFileSync(file, 'utf8'));
        assert.ok(record, 'the history file is a record');
        // The answer did echo it (masked): the test is not passing on an answer without it.
        assert.match(record.response?.body ?? '', /"JSON \\\\u, every character, lower case":"\*+"/);
        assert.match(record.response?.body ?? '', /"HTML hex":"\*+"/);
        assertNoSpelling(run);
      });
  });
});
