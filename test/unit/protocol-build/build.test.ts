import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { comodoAutoApplySsl, ssl2buySectigoPacEnterprise } from '../../../common/src/catalogue';
import {
  buildAutoApplyRequest,
  buildSsl2BuyRequest,
  credentialEnvNames,
  endpointProblem,
  fromEnvironment,
  isLoopbackHost,
  OrderBuildError,
  readOrder,
  resolveEndpoint,
  secretStorageKey,
  type Order,
} from '../../../common/src/protocol';
import { defaultSubmissionSettings } from '../../../common/src/settings';

const CSR = '-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----\n';
const creds = { user: 'reseller', secret: 'pa ss&word=+' };

function order(text: object): Order {
  const r = readOrder(JSON.stringify(text));
  assert.ok(r.ok);
  return r.order;
}

describe('readOrder', () => {
  it('drops $-keys and finds the API', () => {
    const o = order({ $schema: 'x', $api: 'comodo-autoapplyssl', product: '24' });
    assert.equal(o.api, comodoAutoApplySsl);
    assert.deepEqual(o.fields, { product: '24' });
  });
  it('says what is wrong with an order it cannot send', () => {
    assert.match((readOrder('{') as { problem: string }).problem, /not valid JSON/);
    assert.match((readOrder('[]') as { problem: string }).problem, /JSON object/);
    assert.match((readOrder('{}') as { problem: string }).problem, /\$api/);
    assert.match((readOrder('{"$api": "acme"}') as { problem: string }).problem, /not an API/);
  });
});

describe('buildAutoApplyRequest', () => {
  const demo = resolveEndpoint(comodoAutoApplySsl, 'demo', defaultSubmissionSettings);
  const production = resolveEndpoint(comodoAutoApplySsl, 'production', defaultSubmissionSettings);

  it('demo is the production URL with test=Y (document 1.05), replacing a test value in the order', () => {
    assert.equal(demo.url, 'https://secure.comodo.net/products/!AutoApplySSL');
    const req = buildAutoApplyRequest({
      order: order({ $api: 'comodo-autoapplyssl', product: '24', years: 1, csr: CSR, TEST: 'N' }),
      credentials: creds,
      endpoint: demo,
    });
    const form = new URLSearchParams(req.body);
    assert.deepEqual([...form.keys()], ['loginName', 'loginPassword', 'product', 'years', 'csr', 'TEST']);
    assert.equal(form.get('TEST'), 'Y');
    assert.equal(form.get('loginPassword'), creds.secret);
    assert.equal(form.get('years'), '1');
    assert.equal(form.get('csr'), CSR);
    assert.equal(req.method, 'POST');
    assert.equal(req.headers['content-type'], 'application/x-www-form-urlencoded');
  });

  it('a demo URL setting replaces the URL; test=Y is still sent', () => {
    const s = structuredClone(defaultSubmissionSettings);
    s.apis.comodo.demoUrl = 'http://127.0.0.1:8790/products/!AutoApplySSL';
    const e = resolveEndpoint(comodoAutoApplySsl, 'demo', s);
    assert.equal(e.url, s.apis.comodo.demoUrl);
    assert.equal(e.testFlag, true);
  });

  it('production sends no test flag, the masked copy hides the password in every spelling', () => {
    const req = buildAutoApplyRequest({
      order: order({
        $api: 'comodo-autoapplyssl',
        loginName: 'in-file',
        loginPassword: 'in-file-pw',
        csr: CSR,
      }),
      credentials: creds,
      endpoint: production,
    });
    const form = new URLSearchParams(req.body);
    assert.equal(form.get('test'), null);
    assert.equal(form.getAll('loginPassword').length, 1);
    assert.equal(form.get('loginPassword'), creds.secret);
    assert.equal(form.get('loginName'), creds.user);
    assert.equal(new URLSearchParams(req.redacted.body).get('loginPassword'), '********');
    assert.equal(req.redacted.body.includes('ss%26word'), false);
    assert.equal(req.body.includes('in-file-pw'), false);
  });

  it('refuses values a form cannot carry, and an unread CSR file reference', () => {
    assert.throws(
      () =>
        buildAutoApplyRequest({
          order: order({ $api: 'comodo-autoapplyssl', product: [24] }),
          credentials: creds,
          endpoint: production,
        }),
      OrderBuildError,
    );
    assert.throws(
      () =>
        buildAutoApplyRequest({
          order: order({ $api: 'comodo-autoapplyssl', csr: 'file:x.csr' }),
          credentials: creds,
          endpoint: production,
        }),
      /has not been read/,
    );
  });
});

describe('buildSsl2BuyRequest', () => {
  it('a JSON POST of the order with PartnerEmail and ApiKey first, to the demo URL', () => {
    const endpoint = resolveEndpoint(ssl2buySectigoPacEnterprise, 'demo', defaultSubmissionSettings);
    assert.equal(endpoint.url, ssl2buySectigoPacEnterprise.endpoints.demo);
    assert.equal(endpoint.testFlag, false);
    const req = buildSsl2BuyRequest({
      order: order({
        $api: 'ssl2buy-sectigo-pac-enterprise',
        ApiKey: 'from-file',
        Year: 1,
        CSR,
        PACOrderInfo: { Title: 'Ms' },
      }),
      credentials: creds,
      endpoint,
    });
    const body = JSON.parse(req.body) as Record<string, unknown>;
    assert.deepEqual(Object.keys(body), ['PartnerEmail', 'ApiKey', 'Year', 'CSR', 'PACOrderInfo']);
    assert.equal(body.ApiKey, creds.secret);
    assert.equal(body.Year, 1);
    assert.deepEqual(body.PACOrderInfo, { Title: 'Ms' });
    assert.equal(JSON.parse(req.redacted.body).ApiKey, '********');
    assert.match(req.headers['content-type'], /^application\/json/);
  });
});

describe('endpoints and credentials', () => {
  it('loopback is 127.0.0.0/8, ::1 and localhost', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', '[::1]', '::1', 'localhost', 'LOCALHOST'])
      assert.ok(isLoopbackHost(h), h);
    // A name under .localhost may be looked up through DNS search domains and leave the machine.
    for (const h of [
      '128.0.0.1',
      '127.0.0.256',
      'example.com',
      '10.0.0.1',
      '::2',
      'localhost.example.com',
      'localhost.evil.com',
      'api.localhost',
      'localhost.',
    ])
      assert.ok(!isLoopbackHost(h), h);
  });
  it('http to 127.0.0.2, [::1] and localhost; never to a look-alike', () => {
    for (const url of [
      'http://127.0.0.2/x',
      'http://[::1]:8790/x',
      'http://localhost:8790/x',
      'http://127.1/x',
    ])
      assert.equal(endpointProblem(url, true), undefined, url);
    for (const url of [
      'http://localhost.evil.com/x',
      'http://api.localhost/x',
      'http://[::ffff:127.0.0.1]/x',
    ])
      assert.match(endpointProblem(url, true) ?? '', /https/, url);
  });
  it('refuses an endpoint URL that carries credentials of its own', () => {
    assert.match(endpointProblem('https://user:pw@example.com/x', true) ?? '', /user name or password/);
    assert.match(endpointProblem('https://user@example.com/x', true) ?? '', /user name or password/);
  });
  it('https anywhere, http only to loopback and only when allowed', () => {
    assert.equal(endpointProblem('https://example.com/x', true), undefined);
    assert.equal(endpointProblem('http://127.0.0.1:8790/x', true), undefined);
    assert.match(endpointProblem('http://127.0.0.1:8790/x', false) ?? '', /allowLoopbackHttp/);
    assert.match(endpointProblem('http://example.com/x', true) ?? '', /https/);
    assert.match(endpointProblem('ftp://example.com/x', true) ?? '', /neither/);
    assert.match(endpointProblem('not a url', true) ?? '', /not a valid URL/);
  });
  it('environment variable names, most specific first, and SecretStorage keys', () => {
    assert.deepEqual(credentialEnvNames(comodoAutoApplySsl, 'secret', 'demo'), [
      'CERT_ORDER_COMODO_DEMO_LOGIN_PASSWORD',
      'CERT_ORDER_COMODO_LOGIN_PASSWORD',
    ]);
    assert.deepEqual(credentialEnvNames(ssl2buySectigoPacEnterprise, 'user', 'production'), [
      'CERT_ORDER_SSL2BUY_PRODUCTION_PARTNER_EMAIL',
      'CERT_ORDER_SSL2BUY_PARTNER_EMAIL',
    ]);
    assert.equal(
      fromEnvironment(ssl2buySectigoPacEnterprise, 'secret', 'demo', { CERT_ORDER_SSL2BUY_API_KEY: 'k' })
        ?.variable,
      'CERT_ORDER_SSL2BUY_API_KEY',
    );
    assert.equal(
      secretStorageKey(comodoAutoApplySsl, 'secret', 'production'),
      'certOrder/comodo-autoapplyssl/production/secret',
    );
  });
});
