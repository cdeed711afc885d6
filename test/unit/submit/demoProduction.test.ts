// Demo must never be production: the demo command refuses a URL on the host of any API's
// production endpoint, however it is spelt (case, trailing dot or slash, default port, user info,
// percent-encoding, full-width letters), and says why. The one exception is Comodo's own test
// mode: its production URL with test=Y (document 1.05: a test order, not charged).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { comodoAutoApplySsl, ssl2buySectigoPacEnterprise } from '../../../common/src/catalogue';
import {
  demoEndpointProblem,
  endpointIdentity,
  productionEndpointAt,
  type ResolvedEndpoint,
} from '../../../common/src/protocol';
import { defaultSubmissionSettings } from '../../../common/src/settings';
import { Bed, comodoOrder, ssl2buyOrder } from './harness';

const SSL2BUY_PRODUCTION = ssl2buySectigoPacEnterprise.endpoints.production;
const COMODO_PRODUCTION = comodoAutoApplySsl.endpoints.production;

const DEFAULTS = defaultSubmissionSettings;
const demo = (url: string, testFlag = false): ResolvedEndpoint => ({ url, environment: 'demo', testFlag });

describe('productionEndpointAt: every spelling of a production URL', () => {
  const spellings = [
    SSL2BUY_PRODUCTION,
    SSL2BUY_PRODUCTION + '/',
    SSL2BUY_PRODUCTION + '//',
    SSL2BUY_PRODUCTION.toUpperCase(),
    SSL2BUY_PRODUCTION.replace('api.ssl2buy.com', 'API.SSL2BUY.COM.'),
    SSL2BUY_PRODUCTION.replace('api.ssl2buy.com', 'api.ssl2buy.com:443'),
    SSL2BUY_PRODUCTION.replace('https://', 'https://someone:pw@'),
    SSL2BUY_PRODUCTION.replace('https://', 'HTTPS://'),
    SSL2BUY_PRODUCTION.replace('/queryservice/', '/queryservice/./x/../'),
    SSL2BUY_PRODUCTION.replace('ComodoFullOrder', '%43omodoFullOrder'),
    SSL2BUY_PRODUCTION + '?x=1#frag',
    `  ${SSL2BUY_PRODUCTION}  `,
    // Full-width letters map to ASCII in URL parsing (IDNA): the same host.
    SSL2BUY_PRODUCTION.replace('api.ssl2buy.com', '\uff41pi.ssl2buy.com'),
    SSL2BUY_PRODUCTION.replace('api.ssl2buy.com', 'api%2Essl2buy.com'),
  ];
  for (const url of spellings)
    it(`${JSON.stringify(url)} is SSL2Buy's production URL`, () => {
      const match = productionEndpointAt(url);
      assert.equal(match?.api, ssl2buySectigoPacEnterprise);
      assert.equal(match?.sameUrl, true);
    });

  it('another path or port on a production host is still that host (any path may place orders)', () => {
    for (const url of [
      'https://api.ssl2buy.com/queryservice/ComodoFullOrder/OtherProduct',
      'https://api.ssl2buy.com:8443/queryservice/ComodoFullOrder/SectigoPersonalAuthenticationEnterprise',
      'http://api.ssl2buy.com/queryservice/ComodoFullOrder/SectigoPersonalAuthenticationEnterprise',
    ]) {
      const match = productionEndpointAt(url);
      assert.equal(match?.api, ssl2buySectigoPacEnterprise, url);
      assert.equal(match?.sameUrl, false, url);
    }
  });

  it('the demo hosts, loopback and look-alikes are not production hosts', () => {
    for (const url of [
      ssl2buySectigoPacEnterprise.endpoints.demo ?? '',
      'http://127.0.0.1:8790/products/!AutoApplySSL',
      'https://api.ssl2buy.com.example/x',
      'https://secure.comodo.c\u03bfm/products/!AutoApplySSL',
      'not a url',
    ])
      assert.equal(productionEndpointAt(url), undefined, url);
  });

  it('normalises default ports and paths', () => {
    assert.deepEqual(endpointIdentity('HTTPS://Secure.Comodo.NET.:443/products/%21AutoApplySSL/'), {
      scheme: 'https:',
      host: 'secure.comodo.net',
      port: 443,
      path: '/products/!autoapplyssl',
    });
    assert.equal(endpointIdentity('http://127.0.0.1/x')?.port, 80);
  });
});

describe('demoEndpointProblem', () => {
  const key = 'certOrder.ssl2buy.demoUrl';
  it("refuses SSL2Buy's demo set to its production URL, saying why and what to do", () => {
    const problem =
      demoEndpointProblem(ssl2buySectigoPacEnterprise, demo(`${SSL2BUY_PRODUCTION}/`), DEFAULTS, key) ?? '';
    assert.match(problem, /is the production URL of SSL2Buy/);
    assert.match(problem, /placed and charged/);
    assert.match(problem, /certOrder\.ssl2buy\.demoUrl/);
    assert.ok(problem.includes(ssl2buySectigoPacEnterprise.endpoints.demo ?? '?'), problem);
  });
  it("refuses another API's production URL (Comodo's demo at SSL2Buy production, and the reverse)", () => {
    assert.match(
      demoEndpointProblem(
        comodoAutoApplySsl,
        demo(SSL2BUY_PRODUCTION, true),
        DEFAULTS,
        'certOrder.comodo.demoUrl',
      ) ?? '',
      /production URL of SSL2Buy/,
    );
    // SSL2Buy has no test flag: Comodo's production URL places a charged order for it.
    assert.match(
      demoEndpointProblem(ssl2buySectigoPacEnterprise, demo(COMODO_PRODUCTION), DEFAULTS, key) ?? '',
      /production URL of Comodo/,
    );
  });
  it("allows Comodo's own production URL with test=Y (its documented test mode), in any spelling", () => {
    assert.equal(
      demoEndpointProblem(comodoAutoApplySsl, demo(COMODO_PRODUCTION, true), DEFAULTS, 'k'),
      undefined,
    );
    assert.equal(
      demoEndpointProblem(
        comodoAutoApplySsl,
        demo('https://SECURE.comodo.net:443/products/%21AutoApplySSL/', true),
        DEFAULTS,
        'k',
      ),
      undefined,
    );
  });
  it('without the test flag, or on another path of that host, Comodo production is refused', () => {
    assert.match(
      demoEndpointProblem(comodoAutoApplySsl, demo(COMODO_PRODUCTION, false), DEFAULTS, 'k') ?? '',
      /production/,
    );
    assert.match(
      demoEndpointProblem(
        comodoAutoApplySsl,
        demo('https://secure.comodo.net/products/!Other', true),
        DEFAULTS,
        'k',
      ) ?? '',
      /the host of Comodo/,
    );
  });
  it('production submissions are not its business', () => {
    assert.equal(
      demoEndpointProblem(
        ssl2buySectigoPacEnterprise,
        { url: SSL2BUY_PRODUCTION, environment: 'production', testFlag: false },
        DEFAULTS,
        key,
      ),
      undefined,
    );
  });
});

describe('demoEndpointProblem: the production URL the user set', () => {
  const GATEWAY = 'https://gateway.corp.example/ssl2buy/order';
  const settings = structuredClone(defaultSubmissionSettings);
  settings.apis.ssl2buy.productionUrl = GATEWAY;
  settings.apis.comodo.productionUrl = 'https://ca-gateway.corp.example:8443/comodo';
  const key = 'certOrder.ssl2buy.demoUrl';
  const spellings = [
    GATEWAY,
    GATEWAY.toUpperCase(),
    `${GATEWAY}/`,
    GATEWAY.replace('.example/', '.example:443/'),
    GATEWAY.replace('.example/', '.example./'),
    GATEWAY.replace('/order', '/%6Frder'),
    GATEWAY.replace('https://', 'https://someone:pw@'),
    GATEWAY.replace('gateway', 'g%61teway'),
    `${GATEWAY}?env=demo#x`,
  ];
  for (const url of spellings)
    it(`${JSON.stringify(url)} is SSL2Buy's production URL in effect: refused for its demo`, () => {
      const problem = demoEndpointProblem(ssl2buySectigoPacEnterprise, demo(url), settings, key) ?? '';
      assert.match(
        problem,
        /is the production URL of SSL2Buy .* in your settings \(certOrder\.ssl2buy\.productionUrl\)/,
      );
      assert.match(problem, /placed and charged/);
      // The same URL is also refused as the demo URL of the other API, even with test=Y.
      assert.match(
        demoEndpointProblem(comodoAutoApplySsl, demo(url, true), settings, 'certOrder.comodo.demoUrl') ?? '',
        /production URL of SSL2Buy/,
      );
    });
  it('without that setting the same URL is not a production URL', () => {
    assert.equal(demoEndpointProblem(ssl2buySectigoPacEnterprise, demo(GATEWAY), DEFAULTS, key), undefined);
  });
  it('another path, port or scheme of that gateway is not refused (a gateway may serve the demo too)', () => {
    for (const url of [
      'https://gateway.corp.example/ssl2buy/demo',
      'https://gateway.corp.example:8443/ssl2buy/order',
      'http://gateway.corp.example/ssl2buy/order',
    ])
      assert.equal(
        demoEndpointProblem(ssl2buySectigoPacEnterprise, demo(url), settings, key),
        undefined,
        url,
      );
  });
  it("Comodo's demo at its own configured production URL with test=Y is its test mode; without it, refused", () => {
    const comodo = 'https://CA-gateway.corp.example:8443/comodo/';
    assert.equal(demoEndpointProblem(comodoAutoApplySsl, demo(comodo, true), settings, 'k'), undefined);
    assert.match(
      demoEndpointProblem(comodoAutoApplySsl, demo(comodo, false), settings, 'k') ?? '',
      /production URL of Comodo .* \(certOrder\.comodo\.productionUrl\)/,
    );
    assert.match(
      demoEndpointProblem(ssl2buySectigoPacEnterprise, demo(comodo), settings, key) ?? '',
      /production URL of Comodo/,
    );
  });
});

describe('through the flow: a demo URL that is production sends nothing', () => {
  const bed = new Bed();
  before(async () => {
    await bed.start();
    await bed.copyFixture('smime.csr');
    await bed.copyFixture('www.example.com.csr');
  });
  after(() => bed.stop());

  it("SSL2Buy demo at SSL2Buy's production URL (documented host, workspace setting): refused before any question", async () => {
    bed.endpointFromWorkspace = true;
    bed.settings.apis.ssl2buy.demoUrl = `${SSL2BUY_PRODUCTION.replace('https://api', 'https://API')}/`;
    const sent = bed.sent;
    const asked = bed.ui.length;
    const result = await bed.submit(await bed.writeOrder('prod.order.json', ssl2buyOrder()), 'demo');
    assert.equal(result.status, 'refused');
    assert.match(result.status === 'refused' ? result.reason : '', /is the production URL of SSL2Buy/);
    assert.equal(bed.sent, sent);
    assert.deepEqual(
      bed.ui.slice(asked).map((u) => u.kind),
      ['error'],
      'no question, no credentials: only the refusal',
    );
  });

  it('SSL2Buy demo at the production URL the user set (another spelling): refused, nothing sent', async () => {
    bed.endpointFromWorkspace = false;
    const saved = { ...bed.settings.apis.ssl2buy };
    bed.settings.apis.ssl2buy.demoUrl = bed.settings.apis.ssl2buy.productionUrl
      .replace('http://127.0.0.1', 'HTTP://127.0.0.1.')
      .replace('delay=0', 'd%65lay=0');
    const sent = bed.sent;
    const result = await bed.submit(await bed.writeOrder('own-prod.order.json', ssl2buyOrder()), 'demo');
    Object.assign(bed.settings.apis.ssl2buy, saved);
    assert.equal(result.status, 'refused', JSON.stringify(result));
    assert.match(
      result.status === 'refused' ? result.reason : '',
      /is the production URL of SSL2Buy .*certOrder\.ssl2buy\.productionUrl/,
    );
    assert.equal(bed.sent, sent);
  });

  it("Comodo's demo at its own production URL stays the test mode (test=Y) and is not refused", async () => {
    // The sandbox stands in for the production URL through the settings; the catalogue's own URL
    // is checked above without a request (no test may need the internet).
    bed.endpointFromWorkspace = false;
    bed.settings.apis.comodo.demoUrl = '';
    const result = await bed.submit(await bed.writeOrder('comodo.order.json', comodoOrder()), 'demo');
    assert.equal(result.status, 'sent');
    assert.match(result.status === 'sent' ? result.record.request.body : '', /(^|&)test=Y(&|$)/);
  });
});
