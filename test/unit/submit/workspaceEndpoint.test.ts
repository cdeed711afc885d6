// A workspace's settings may set the demo URLs (resource scope): a repository must not be able to
// send the user's stored credentials to a host of its choosing, or to a port on this machine that
// anyone may listen on, without the user saying yes. Hosts are named in ASCII (punycode).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { comodoAutoApplySsl, ssl2buySectigoPacEnterprise } from '../../../common/src/catalogue';
import { hostWords, resolveEndpoint, workspaceEndpointQuestion } from '../../../common/src/protocol';
import { defaultSubmissionSettings } from '../../../common/src/settings';
import { Bed, comodoOrder } from './harness';

/** `secure.comodo.cοm` with a Greek small omicron (U+03BF) for the second o of "com". */
const LOOK_ALIKE = 'https://secure.comodo.c\u03bfm/products/!AutoApplySSL';

describe('workspaceEndpointQuestion', () => {
  const at = (url: string) => ({ url, environment: 'demo' as const, testFlag: true });
  it('asks for a host the documents do not name, naming host and port', () => {
    const q = workspaceEndpointQuestion(
      comodoAutoApplySsl,
      at('https://collector.example/products/!AutoApplySSL'),
    );
    assert.equal(q?.kind, 'undocumented');
    assert.match(q?.message ?? '', /collector\.example port 443/);
    assert.match(q?.message ?? '', /loginName and loginPassword/);
  });
  it('asks for loopback, naming host and port, and says clear text for http', () => {
    const q = workspaceEndpointQuestion(comodoAutoApplySsl, at('http://127.0.0.1:8790/x'));
    assert.equal(q?.kind, 'loopback');
    assert.match(q?.message ?? '', /127\.0\.0\.1 port 8790 on this machine/);
    assert.match(q?.message ?? '', /in clear text \(http\)/);
    assert.match(q?.message ?? '', /any user can listen/);
    const v6 = workspaceEndpointQuestion(comodoAutoApplySsl, at('https://[::1]/x'));
    assert.equal(v6?.kind, 'loopback');
    assert.match(v6?.message ?? '', /\[::1\] port 443 on this machine/);
    assert.doesNotMatch(v6?.message ?? '', /clear text/);
    assert.equal(
      workspaceEndpointQuestion(comodoAutoApplySsl, at('http://LocalHost:80/x'))?.kind,
      'loopback',
    );
  });
  it('asks every time for an IP address that is not loopback, saying it is one, with host and port', () => {
    const cases: [string, string][] = [
      ['https://192.168.1.20:8443/products/!AutoApplySSL', '192.168.1.20 port 8443'],
      ['https://10.0.0.5/x', '10.0.0.5 port 443'],
      ['https://203.0.113.7/x', '203.0.113.7 port 443'],
      ['https://0.0.0.0:9443/x', '0.0.0.0 port 9443'],
      ['https://[fd00::5]:8443/x', '[fd00::5] port 8443'],
      // IPv4-mapped loopback reaches this machine only through a dual-stack socket: an address.
      ['https://[::ffff:127.0.0.1]/x', '[::ffff:7f00:1] port 443'],
      // Octal and hexadecimal spellings are the address they parse to (WHATWG), named that way.
      ['https://0300.0250.1.20:8443/x', '192.168.1.20 port 8443'],
      ['https://0xc0.0xa8.0x01.0x14/x', '192.168.1.20 port 443'],
    ];
    for (const [url, words] of cases) {
      const q = workspaceEndpointQuestion(comodoAutoApplySsl, at(url));
      assert.equal(q?.kind, 'address', url);
      assert.ok(q?.message.includes(`${words}, an IP address`), q?.message);
      assert.match(q?.message ?? '', /loginName and loginPassword/);
      assert.match(q?.message ?? '', /This is asked every time\./);
    }
  });
  it('loopback in any spelling WHATWG parsing knows is loopback, not an address question', () => {
    for (const url of [
      'https://2130706433:8443/x',
      'https://0x7f.1/x',
      'https://127.1/x',
      'https://[0:0::1]/x',
    ])
      assert.equal(workspaceEndpointQuestion(comodoAutoApplySsl, at(url))?.kind, 'loopback', url);
  });
  it('the undocumented-host question says it is asked every time', () => {
    const q = workspaceEndpointQuestion(comodoAutoApplySsl, at('https://collector.example/x'));
    assert.match(q?.message ?? '', /This is asked every time\./);
  });
  it('does not ask for the documented hosts', () => {
    assert.equal(
      workspaceEndpointQuestion(comodoAutoApplySsl, at('https://secure.comodo.net/products/!AutoApplySSL')),
      undefined,
    );
    const ssl2buyDemo = resolveEndpoint(ssl2buySectigoPacEnterprise, 'demo', defaultSubmissionSettings);
    assert.equal(workspaceEndpointQuestion(ssl2buySectigoPacEnterprise, ssl2buyDemo), undefined);
  });
  it('a look-alike host (Greek ο) is asked about, shown in punycode, and said to have non-ASCII characters', () => {
    const q = workspaceEndpointQuestion(comodoAutoApplySsl, at(LOOK_ALIKE));
    assert.equal(q?.kind, 'undocumented');
    const ascii = new URL(LOOK_ALIKE).hostname;
    assert.match(ascii, /^secure\.comodo\.xn--/);
    assert.ok(q?.message.includes(`https://${ascii}/products/!AutoApplySSL`), q?.message);
    assert.ok(q?.message.includes(`${ascii} port 443 (a host name with non-ASCII characters`), q?.message);
    assert.ok(q?.message.includes('shown as secure.comodo.c\u03bfm'), q?.message);
    // The punycode spelling typed directly is the same look-alike.
    assert.match(hostWords(`https://${ascii}/`), /non-ASCII characters/);
    assert.doesNotMatch(hostWords('https://secure.comodo.net/'), /non-ASCII/);
  });
});

describe('a demo URL set by the workspace, through the flow', () => {
  const bed = new Bed();
  before(async () => {
    await bed.start();
    await bed.copyFixture('www.example.com.csr');
  });
  after(() => bed.stop());

  it('pointing at another host asks first; "no" sends nothing and reads no credential', async () => {
    bed.endpointFromWorkspace = true;
    bed.settings.apis.comodo.demoUrl = 'https://collector.example/products/!AutoApplySSL';
    bed.answers.endpoint = false;
    let credentialLookups = 0;
    const env = bed.env;
    bed.env = new Proxy(env, {
      get: (target, key) => {
        credentialLookups++;
        return Reflect.get(target, key) as unknown;
      },
    });
    const file = await bed.writeOrder('redirect.order.json', comodoOrder());
    const sent = bed.sent;
    const result = await bed.submit(file, 'demo');
    bed.env = env;
    assert.equal(result.status, 'cancelled');
    assert.equal(bed.sent, sent);
    assert.equal(credentialLookups, 0);
    assert.match(bed.lastUi('confirmEndpoint')?.message ?? '', /collector\.example port 443/);
    assert.equal(bed.approvedEndpoints.size, 0, 'an undocumented host is not remembered');
  });

  it('a look-alike host is asked about in its ASCII form', async () => {
    bed.endpointFromWorkspace = true;
    bed.settings.apis.comodo.demoUrl = LOOK_ALIKE;
    bed.answers.endpoint = false;
    const result = await bed.submit(await bed.writeOrder('look.order.json', comodoOrder()), 'demo');
    assert.equal(result.status, 'cancelled');
    const asked = bed.lastUi('confirmEndpoint')?.message ?? '';
    assert.ok(asked.includes(new URL(LOOK_ALIKE).hostname), asked);
    assert.match(asked, /non-ASCII characters/);
  });

  it('pointing at loopback asks once per URL, naming host and port; "no" sends nothing', async () => {
    bed.endpointFromWorkspace = true;
    const sandboxUrl = bed.sandbox.urls['comodo-autoapplyssl'];
    const port = new URL(sandboxUrl).port;
    bed.settings.apis.comodo.demoUrl = sandboxUrl;
    const file = await bed.writeOrder('loop.order.json', comodoOrder());
    const asked = () => bed.ui.filter((u) => u.kind === 'confirmEndpoint').length;

    bed.answers.endpoint = false;
    const before = asked();
    const sent = bed.sent;
    const no = await bed.submit(file, 'demo');
    assert.equal(no.status, 'cancelled');
    assert.match(no.status === 'cancelled' ? no.reason : '', new RegExp(`127\\.0\\.0\\.1 port ${port}`));
    assert.equal(bed.sent, sent, 'nothing sent');
    assert.equal(asked(), before + 1);
    assert.match(
      bed.lastUi('confirmEndpoint')?.message ?? '',
      new RegExp(`127\\.0\\.0\\.1 port ${port} on this machine`),
    );

    bed.answers.endpoint = true;
    const yes = await bed.submit(file, 'demo');
    assert.equal(yes.status, 'sent');
    assert.equal(asked(), before + 2, 'asked again after a no');
    const again = await bed.submit(file, 'demo');
    assert.equal(again.status, 'sent');
    assert.equal(asked(), before + 2, 'not asked again for the same URL');

    // Another URL (here the same port, another path) is asked about again.
    bed.settings.apis.comodo.demoUrl = sandboxUrl.replace(`:${port}/`, `:${port}//`);
    bed.answers.endpoint = false;
    await bed.submit(file, 'demo');
    assert.equal(asked(), before + 3);
  });

  /**
   * Says yes to a host that is not this machine. The sender is handed the request for that host
   * (recorded) and it is delivered to the sandbox on 127.0.0.1 instead: nothing leaves the machine.
   */
  async function yesTwice(url: string): Promise<{ asked: string[]; sentTo: string[] }> {
    bed.endpointFromWorkspace = true;
    bed.approvedEndpoints.clear();
    bed.settings.apis.comodo.demoUrl = url;
    bed.answers.endpoint = true;
    const sandbox = new URL(bed.sandbox.urls['comodo-autoapplyssl']);
    const sentTo: string[] = [];
    bed.sendWrapper = (send) => async (req) => {
      sentTo.push(req.url);
      return send({ ...req, url: `${sandbox.origin}${sandbox.pathname}` });
    };
    const file = await bed.writeOrder('again.order.json', comodoOrder());
    const before = bed.ui.filter((u) => u.kind === 'confirmEndpoint').length;
    try {
      for (let i = 0; i < 2; i++) assert.equal((await bed.submit(file, 'demo')).status, 'sent');
    } finally {
      bed.sendWrapper = (s) => s;
    }
    const asked = bed.ui
      .filter((u) => u.kind === 'confirmEndpoint')
      .slice(before)
      .map((u) => u.message);
    return { asked, sentTo };
  }

  it('an undocumented host is asked again after a yes (every time), and never remembered', async () => {
    const { asked, sentTo } = await yesTwice('https://collector.example/products/!AutoApplySSL');
    assert.equal(asked.length, 2, 'asked before each submission');
    for (const m of asked)
      assert.match(m, /collector\.example port 443, a host the vendor's document does not name/);
    assert.deepEqual(
      sentTo.map((u) => new URL(u).host),
      ['collector.example', 'collector.example'],
    );
    assert.equal(bed.approvedEndpoints.size, 0);
  });

  it('a non-loopback IP address is asked again after a yes (every time), naming host and port', async () => {
    const { asked, sentTo } = await yesTwice('https://192.168.1.20:8443/products/!AutoApplySSL');
    assert.equal(asked.length, 2, 'asked before each submission');
    for (const m of asked) assert.match(m, /192\.168\.1\.20 port 8443, an IP address/);
    assert.deepEqual(
      sentTo.map((u) => new URL(u).host),
      ['192.168.1.20:8443', '192.168.1.20:8443'],
    );
    assert.equal(bed.approvedEndpoints.size, 0);
  });

  it('a "no" to an IP address sends nothing and names host and port in the reason', async () => {
    bed.endpointFromWorkspace = true;
    bed.settings.apis.comodo.demoUrl = 'https://[fd00::5]:8443/products/!AutoApplySSL';
    bed.answers.endpoint = false;
    const sent = bed.sent;
    const result = await bed.submit(await bed.writeOrder('ip-no.order.json', comodoOrder()), 'demo');
    assert.equal(result.status, 'cancelled');
    assert.match(result.status === 'cancelled' ? result.reason : '', /\[fd00::5\] port 8443/);
    assert.equal(bed.sent, sent);
    assert.equal(bed.approvedEndpoints.size, 0);
  });

  it('the production confirmation names a look-alike production URL in ASCII and says so', async () => {
    // Production URLs are machine-scoped: the user's settings, never the workspace's.
    bed.endpointFromWorkspace = false;
    const saved = bed.settings.apis.comodo.productionUrl;
    bed.settings.apis.comodo.productionUrl = LOOK_ALIKE;
    bed.answers.production = false;
    const sent = bed.sent;
    const result = await bed.submit(
      await bed.writeOrder('look-prod.order.json', comodoOrder()),
      'production',
    );
    bed.answers.production = true;
    bed.settings.apis.comodo.productionUrl = saved;
    assert.equal(result.status, 'cancelled');
    assert.equal(bed.sent, sent);
    const asked = bed.lastUi('confirmProduction')?.message ?? '';
    const ascii = new URL(LOOK_ALIKE).hostname;
    assert.ok(
      asked.includes(
        `PRODUCTION at https://${ascii}/products/!AutoApplySSL (${ascii} port 443 (a host name with non-ASCII characters`,
      ),
      asked,
    );
  });

  it('a loopback URL from the user settings (not the workspace) does not ask', async () => {
    bed.endpointFromWorkspace = false;
    bed.approvedEndpoints.clear();
    bed.settings.apis.comodo.demoUrl = bed.sandbox.urls['comodo-autoapplyssl'];
    const asked = bed.ui.filter((u) => u.kind === 'confirmEndpoint').length;
    const result = await bed.submit(await bed.writeOrder('user.order.json', comodoOrder()), 'demo');
    assert.equal(result.status, 'sent');
    assert.equal(bed.ui.filter((u) => u.kind === 'confirmEndpoint').length, asked);
  });
});
