// The sandbox on its own: requests the extension never makes (GET, missing credentials), the
// fault syntax, and the process entry point printing its port.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { request } from 'undici';
import { parseFaults, splitFaultPath } from '../../../sandbox/src/faults';
import { startSandbox, type RunningSandbox } from '../../../sandbox/src/server';

const CSR = readFileSync(
  path.join(__dirname, '..', '..', 'fixtures', 'submit', 'www.example.com.csr'),
  'utf8',
);

/** The CSR carries no address, so the order gives it. */
const ADDRESS = {
  streetAddress1: '1 High Street',
  localityName: 'London',
  stateOrProvinceName: 'Greater London',
  postalCode: 'EC1A 1AA',
};

async function post(url: string, body: string, type: string, headers: Record<string, string> = {}) {
  const res = await request(url, { method: 'POST', body, headers: { 'content-type': type, ...headers } });
  return { status: res.statusCode, type: String(res.headers['content-type']), text: await res.body.text() };
}

describe('sandbox', () => {
  let sb: RunningSandbox;
  let comodo = '';
  let ssl2buy = '';
  before(async () => {
    sb = await startSandbox({ port: 0 });
    comodo = sb.urls['comodo-autoapplyssl'];
    ssl2buy = sb.urls['ssl2buy-sectigo-pac-enterprise'];
  });
  after(() => sb.close());

  it('serves each API at the path of its real URL', () => {
    assert.equal(new URL(comodo).pathname, '/products/!AutoApplySSL');
    assert.equal(
      new URL(ssl2buy).pathname,
      '/queryservice/ComodoFullOrder/SectigoPersonalAuthenticationEnterprise',
    );
  });

  it('Comodo: GET is -17', async () => {
    const res = await request(comodo);
    assert.equal(await res.body.text(), '-17\nRequest used GET rather than POST!\n');
  });

  it('Comodo: credentials must be present (any value), -3 names the missing one', async () => {
    const form = new URLSearchParams({
      loginName: 'x',
      product: '24',
      years: '1',
      serverSoftware: '2',
      csr: CSR,
      isCustomerValidated: 'N',
      ...ADDRESS,
    });
    const r = await post(comodo, form.toString(), 'application/x-www-form-urlencoded');
    assert.equal(r.text, "-3\nThe 'loginPassword' argument is missing!\n");
    assert.match(r.type, /^text\/plain/);
    form.set('loginPassword', 'anything');
    const ok = await post(comodo, form.toString(), 'application/x-www-form-urlencoded');
    assert.match(ok.text, /^0\n\d{8}\n\d+\.\d\d\n48\n$/);
  });

  it('Comodo: argument names are case-insensitive; an unknown one is -2', async () => {
    const form = new URLSearchParams({
      LOGINNAME: 'x',
      LoginPassword: 'y',
      product: '24',
      DAYS: '365',
      serversoftware: '2',
      CSR,
      IsCustomerValidated: 'n',
      ...ADDRESS,
    });
    assert.match((await post(comodo, form.toString(), 'application/x-www-form-urlencoded')).text, /^0\n/);
    form.set('colour', 'blue');
    assert.equal(
      (await post(comodo, form.toString(), 'application/x-www-form-urlencoded')).text,
      '-2\nUnrecognised argument!\n',
    );
  });

  it('SSL2Buy: ApiKey must be present; a body that is not JSON is StatusCode -1', async () => {
    const r = await post(ssl2buy, JSON.stringify({ PartnerEmail: 'a@b' }), 'application/json');
    const body = JSON.parse(r.text);
    assert.equal(body.StatusCode, -1);
    assert.equal(body.APIError.ErrorField, 'ApiKey');
    const bad = JSON.parse((await post(ssl2buy, 'not json', 'application/json')).text);
    assert.equal(bad.StatusCode, -1);
    assert.equal(bad.APIError.ErrorNumber, 1);
  });

  it('faults by header and by path prefix; a bad fault is a 400', async () => {
    const byHeader = await post(comodo, '', 'text/plain', { 'x-sandbox-fault': 'status=503' });
    assert.equal(byHeader.status, 503);
    const u = new URL(comodo);
    const byPath = await post(
      `${u.origin}/__fault/code=-15${u.pathname}`,
      '',
      'application/x-www-form-urlencoded',
    );
    assert.equal(byPath.text, "-3\nThe 'loginName' argument is missing!\n");
    const bad = await post(comodo, '', 'text/plain', { 'x-sandbox-fault': 'explode' });
    assert.equal(bad.status, 400);
  });

  it('parses fault lists', () => {
    assert.deepEqual(parseFaults('delay=20, status=500|malformed'), {
      ok: true,
      faults: { delayMs: 20, httpStatus: 500, malformed: true },
    });
    assert.equal(parseFaults('status=99').ok, false);
    assert.deepEqual(splitFaultPath('/__fault/reset/products/!AutoApplySSL'), {
      spec: 'reset',
      path: '/products/!AutoApplySSL',
    });
    assert.deepEqual(splitFaultPath('/products/x'), { path: '/products/x' });
  });

  it('the built entry point prints the port it got with --port 0', async () => {
    const child = spawn(process.execPath, [
      '--import',
      'tsx',
      path.join(__dirname, '..', '..', '..', 'sandbox', 'src', 'main.ts'),
      '--port',
      '0',
      '--quiet',
    ]);
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /Sandbox listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
          if (m) resolve(m[1]);
        });
        child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
      });
      const res = await request(`${line}/`);
      assert.match(await res.body.text(), /Certificate Orders sandbox/);
    } finally {
      child.kill();
    }
  });
});
