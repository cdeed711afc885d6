// Each API's settings and environment variables come from the prefixes its catalogue declares,
// and no two APIs share one: a second SSL2Buy API is never sent to the PAC Enterprise URL.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import {
  catalogueClashes,
  catalogues,
  comodoAutoApplySsl,
  externalNames,
  registerCatalogue,
  ssl2buySectigoPacEnterprise,
  type ApiCatalogue,
} from '../../../common/src/catalogue';
import {
  credentialEnvNames,
  endpointSettingKey,
  fromEnvironment,
  resolveEndpoint,
} from '../../../common/src/protocol';
import { apiSettingKey, readSubmissionSettings } from '../../../common/src/settings';
import { registerSyntheticApi, syntheticApi } from '../../support/syntheticApi';

const unregister = registerSyntheticApi();
after(unregister);

describe('API names: settings and environment variables', () => {
  it('keep the shipped keys and variables', () => {
    assert.deepEqual(
      ['productionUrl', 'demoUrl', 'userName'].map((s) => apiSettingKey(comodoAutoApplySsl, s as 'demoUrl')),
      ['certOrder.comodo.productionUrl', 'certOrder.comodo.demoUrl', 'certOrder.comodo.loginName'],
    );
    assert.equal(apiSettingKey(ssl2buySectigoPacEnterprise, 'userName'), 'certOrder.ssl2buy.partnerEmail');
    assert.equal(endpointSettingKey(ssl2buySectigoPacEnterprise, 'demo'), 'certOrder.ssl2buy.demoUrl');
    assert.deepEqual(credentialEnvNames(ssl2buySectigoPacEnterprise, 'secret', 'demo'), [
      'CERT_ORDER_SSL2BUY_DEMO_API_KEY',
      'CERT_ORDER_SSL2BUY_API_KEY',
    ]);
  });

  it('no two registered APIs share an id, a setting or a variable', () => {
    for (const api of catalogues) assert.deepEqual(catalogueClashes(api, catalogues), [], api.id);
    const all = catalogues.flatMap(externalNames);
    assert.equal(new Set(all).size, all.length);
  });

  it('a second SSL2Buy API has its own settings and variables, named by its catalogue', () => {
    assert.ok(catalogues.includes(syntheticApi));
    assert.equal(
      endpointSettingKey(syntheticApi, 'production'),
      'certOrder.syntheticPositiveSsl.productionUrl',
    );
    assert.equal(apiSettingKey(syntheticApi, 'userName'), 'certOrder.syntheticPositiveSsl.partnerEmail');
    assert.equal(
      fromEnvironment(syntheticApi, 'secret', 'demo', { CERT_ORDER_SSL2BUY_API_KEY: 'pac-key' }),
      undefined,
      'the PAC Enterprise key is not the synthetic API key',
    );
    assert.equal(
      fromEnvironment(syntheticApi, 'secret', 'demo', { CERT_ORDER_SYNTHETIC_POSITIVESSL_API_KEY: 'k' })
        ?.value,
      'k',
    );
  });

  it("its endpoint is never another API's, whatever the other APIs' settings say", () => {
    // Every other API's settings point somewhere of their own.
    const values = new Map<string, string>();
    for (const api of catalogues.filter((a) => a !== syntheticApi)) {
      values.set(apiSettingKey(api, 'productionUrl'), `https://production.${api.settingsPrefix}.example/`);
      values.set(apiSettingKey(api, 'demoUrl'), `https://demo.${api.settingsPrefix}.example/`);
    }
    const others = readSubmissionSettings((key) => values.get(key));
    const foreign = new Set([
      ...values.values(),
      ...catalogues
        .filter((a) => a !== syntheticApi)
        .flatMap((a) => [a.endpoints.production, a.endpoints.demo]),
    ]);
    for (const environment of ['demo', 'production'] as const) {
      const url = resolveEndpoint(syntheticApi, environment, others).url;
      assert.ok(!foreign.has(url), `${environment}: ${url} belongs to another API`);
      assert.equal(
        url,
        environment === 'demo' ? syntheticApi.endpoints.demo : syntheticApi.endpoints.production,
      );
    }
    // Its own settings are read from its own keys.
    values.set('certOrder.syntheticPositiveSsl.demoUrl', 'http://127.0.0.1:1/synthetic');
    const own = readSubmissionSettings((key) => values.get(key));
    assert.equal(resolveEndpoint(syntheticApi, 'demo', own).url, 'http://127.0.0.1:1/synthetic');
    assert.equal(
      resolveEndpoint(ssl2buySectigoPacEnterprise, 'demo', own).url,
      'https://demo.ssl2buy.example/',
    );
  });

  it('the registry refuses a catalogue that would share a setting or a variable', () => {
    const like = (changes: Partial<ApiCatalogue>): ApiCatalogue => ({
      ...syntheticApi,
      id: 'ssl2buy-another',
      settingsPrefix: 'another',
      envPrefix: 'ANOTHER',
      snippet: { prefix: 'order-another' },
      ...changes,
    });
    assert.throws(() => registerCatalogue(like({ id: syntheticApi.id })), /another catalogue has this id/);
    assert.throws(
      () => registerCatalogue(like({ settingsPrefix: 'ssl2buy' })),
      /ssl2buy-sectigo-pac-enterprise/,
    );
    assert.throws(() => registerCatalogue(like({ envPrefix: 'SSL2BUY' })), /CERT_ORDER_SSL2BUY_API_KEY/);
    // `SSL2BUY_DEMO`'s own variable is PAC Enterprise's demo variable.
    assert.throws(
      () => registerCatalogue(like({ envPrefix: 'SSL2BUY_DEMO' })),
      /CERT_ORDER_SSL2BUY_DEMO_API_KEY/,
    );
    assert.throws(() => registerCatalogue(like({ settingsPrefix: 'certOrder.x' })), /camelCase/);
    assert.throws(() => registerCatalogue(like({ settingsPrefix: 'http' })), /settings all APIs share/);
    assert.throws(
      () => registerCatalogue(like({ snippet: { prefix: 'order-ssl2buy' } })),
      /snippet prefix "order-ssl2buy"/,
    );
    const remove = registerCatalogue(like({}));
    remove();
    assert.ok(!catalogues.some((a) => a.id === 'ssl2buy-another'));
  });
});
