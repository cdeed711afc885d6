// A workspace's settings may set the demo URLs (resource scope): a repository must not be able to
// send the user's stored credentials to a host of its choosing without the user saying yes.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { comodoAutoApplySsl, ssl2buySectigoPacEnterprise } from '../../../common/src/catalogue';
import { resolveEndpoint, workspaceEndpointQuestion } from '../../../common/src/protocol';
import { defaultSubmissionSettings } from '../../../common/src/settings';
import { Bed, comodoOrder } from './harness';

describe('workspaceEndpointQuestion', () => {
  const at = (url: string) => ({ url, environment: 'demo' as const, testFlag: true });
  it('asks for a host the documents do not name', () => {
    const q = workspaceEndpointQuestion(
      comodoAutoApplySsl,
      at('https://collector.example/products/!AutoApplySSL'),
    );
    assert.match(q ?? '', /collector\.example/);
    assert.match(q ?? '', /loginName and loginPassword/);
  });
  it('does not ask for loopback (the sandbox) or the documented hosts', () => {
    assert.equal(workspaceEndpointQuestion(comodoAutoApplySsl, at('http://127.0.0.1:8790/x')), undefined);
    assert.equal(
      workspaceEndpointQuestion(comodoAutoApplySsl, at('https://secure.comodo.net/products/!AutoApplySSL')),
      undefined,
    );
    const ssl2buyDemo = resolveEndpoint(ssl2buySectigoPacEnterprise, 'demo', defaultSubmissionSettings);
    assert.equal(workspaceEndpointQuestion(ssl2buySectigoPacEnterprise, ssl2buyDemo), undefined);
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
    bed.env = new Proxy(bed.env, {
      get: (target, key) => {
        credentialLookups++;
        return Reflect.get(target, key) as unknown;
      },
    });
    const file = await bed.writeOrder('redirect.order.json', comodoOrder());
    const sent = bed.sent;
    const result = await bed.submit(file, 'demo');
    assert.equal(result.status, 'cancelled');
    assert.equal(bed.sent, sent);
    assert.equal(credentialLookups, 0);
    assert.match(bed.lastUi('confirmEndpoint')?.message ?? '', /collector\.example/);
  });

  it('pointing at loopback (the sandbox) does not ask', async () => {
    bed.endpointFromWorkspace = true;
    bed.settings.apis.comodo.demoUrl = bed.sandbox.urls['comodo-autoapplyssl'];
    const asked = bed.ui.filter((u) => u.kind === 'confirmEndpoint').length;
    const result = await bed.submit(await bed.writeOrder('loop.order.json', comodoOrder()), 'demo');
    assert.equal(result.status, 'sent');
    assert.equal(bed.ui.filter((u) => u.kind === 'confirmEndpoint').length, asked);
  });
});
