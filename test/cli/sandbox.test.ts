// `cert-order sandbox` as a user runs it: the built bin in one process, listening on loopback and
// printing each API's URL, a `cert-order submit --demo` from another process placed against it,
// the request logged without the secret, Ctrl+C (SIGTERM) ending it with 0, and a usage error (2).
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { BIN, EXAMPLES, runCli } from './run';

const SECRET = 'S3cr3t-sandb0x+&=/"<cli>';
const NO_CREDENTIALS = Object.fromEntries(
  Object.keys(process.env)
    .filter((k) => k.startsWith('CERT_ORDER_'))
    .map((k) => [k, undefined]),
);

/** The sandbox's output so far, and a wait for a pattern in it (no fixed sleep). */
function watch(child: ChildProcessWithoutNullStreams) {
  let out = '';
  const waiters: (() => void)[] = [];
  const onData = (b: Buffer) => {
    out += b.toString();
    for (const w of waiters.splice(0)) w();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const until = (pattern: RegExp): Promise<RegExpExecArray> =>
    new Promise((resolve, reject) => {
      const check = () => {
        const m = pattern.exec(out);
        if (m) return resolve(m);
        if (child.exitCode !== null) return reject(new Error(`exited ${child.exitCode}: ${out}`));
        waiters.push(check);
      };
      child.once('exit', () => check());
      check();
    });
  return { until, output: () => out };
}

describe('cert-order sandbox', () => {
  let dir: string;
  let child: ChildProcessWithoutNullStreams;
  let sandbox: ReturnType<typeof watch>;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'cert-order-sandbox-'));
    cpSync(EXAMPLES, dir, { recursive: true });
    child = spawn(process.execPath, [BIN, 'sandbox', '--port', '0'], { cwd: dir });
    sandbox = watch(child);
  });
  after(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('listens on loopback, takes a demo order from cert-order submit, and ends with 0 on SIGTERM', async () => {
    const [, origin] = await sandbox.until(/^Sandbox listening on (http:\/\/127\.0\.0\.1:\d+)$/m);
    const [, comodoUrl] = await sandbox.until(/^ {2}comodo-autoapplyssl: (\S+)$/m);
    assert.ok(comodoUrl.startsWith(`${origin}/`), comodoUrl);
    await sandbox.until(/^ {2}ssl2buy-sectigo-pac-enterprise: http:\/\/127\.0\.0\.1:\d+\/\S+$/m);

    const run = await runCli(
      ['submit', '--demo', 'comodo-autoapplyssl.order.json', '--endpoint', comodoUrl],
      {
        cwd: dir,
        env: { ...NO_CREDENTIALS, CERT_ORDER_COMODO_LOGIN_PASSWORD: SECRET },
      },
    );
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /^Placed in demo with Comodo !AutoApplySSL: order number \d+\./);
    // The sandbox logs the request it answered, and never the secret.
    await sandbox.until(/^POST \/products\/!AutoApplySSL -> 200$/m);
    assert.ok(!sandbox.output().includes(SECRET), 'secret in the sandbox output');

    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    assert.equal(await exited, 0, sandbox.output());
  });

  it('exits 2 with a clear message for a port that is not one', async () => {
    const run = await runCli(['sandbox', '--port', '70000']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /not a port: 70000/);
  });
});
