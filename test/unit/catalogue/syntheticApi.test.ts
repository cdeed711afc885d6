// A third order API is its catalogue and nothing else: the synthetic catalogue
// (test/support/syntheticApi.ts) is registered, and with no other change the language service
// completes, validates and hovers its orders, its CSR rules are the ones its catalogue lists, its
// requests are built and sent to its own endpoint, the sandbox answers it at its own path, and the
// manifest, snippet and empty-file hint name it. Its endpoint is never another API's.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { request } from 'undici';
import type { CompletionItem, MarkupContent } from 'vscode-languageserver-types';
import { catalogues, type ApiCatalogue } from '../../../common/src/catalogue';
import { CSR_RULES, CsrCache } from '../../../common/src/csr';
import {
  buildRequest,
  credentialEnvNames,
  endpointSettingKey,
  parseResponse,
  readOrder,
  resolveEndpoint,
  summariseOrder,
  withCsrText,
  type Order,
} from '../../../common/src/protocol';
import { defaultSubmissionSettings, readSubmissionSettings } from '../../../common/src/settings';
import { generateManifestFiles } from '../../../scripts/generate-manifest';
import { startSandbox, type RunningSandbox } from '../../../sandbox/src/server';
import { createCsrParticipant } from '../../../server/src/csr/participant';
import { getOrderLanguageService } from '../../../server/src/service';
import { readFixture } from '../csr/openssl';
import { caretPosition, makeDocument } from '../service/helpers';
import { registerSyntheticApi, syntheticApi } from '../../support/syntheticApi';

const unregister = registerSyntheticApi();
after(unregister);

const service = getOrderLanguageService({ csr: createCsrParticipant(new CsrCache()) });
const others: ApiCatalogue[] = catalogues.filter((a) => a !== syntheticApi);

const ADMIN = { FirstName: 'Ada', LastName: 'Example', Email: 'ada@example.com', OrgName: 'Example Ltd' };

function order(changes: Record<string, unknown> = {}, csr = readFixture('rsa2048-full.csr')): string {
  return JSON.stringify(
    {
      $api: syntheticApi.id,
      PartnerEmail: 'partner@example.com',
      Year: 1,
      PartnerOrderID: 'SYN-0001',
      CSR: csr,
      WebServerType: 2,
      AdminContact: ADMIN,
      ...changes,
    },
    null,
    2,
  );
}

async function diagnostics(text: string) {
  return service.doValidation(makeDocument(text));
}

async function complete(marked: string): Promise<CompletionItem[]> {
  const { text, position } = caretPosition(marked);
  return (await service.doComplete(makeDocument(text), position)).items;
}

function parsed(text: string): Order {
  const r = readOrder(text);
  assert.ok(r.ok, r.ok ? '' : r.problem);
  return r.order;
}

describe('a third API from its catalogue alone', () => {
  it('completion: its id for $api, its fields, its values from its own tables', async () => {
    const apis = (await complete('{ "$api": "|" }')).map((i) => i.label);
    assert.ok(apis.includes(`${syntheticApi.id} - ${syntheticApi.title}`), apis.join(', '));
    const names = (await complete(`{ "$api": "${syntheticApi.id}", "|" }`)).map((i) => i.label);
    for (const name of ['Year', 'PartnerOrderID', 'CSR', 'WebServerType', 'AdminContact'])
      assert.ok(names.includes(name), `${name} not in ${names.join(', ')}`);
    assert.ok(!names.includes('ApiKey'), 'the secret is never offered');
    assert.ok(!names.includes('product') && !names.includes('PACOrderInfo'), "no other API's fields");
    const servers = await complete(`{ "$api": "${syntheticApi.id}", "WebServerType": | }`);
    assert.deepEqual(
      servers.map((i) => i.textEdit?.newText.trim()),
      ['1', '2'],
    );
    const countries = await complete(`{ "$api": "${syntheticApi.id}", "AdminContact": { "Country": "|" } }`);
    assert.ok(countries.some((i) => i.label.startsWith('DE')));
  });

  it('validation: a good order is clean; each mistake is coded against its own table', async () => {
    assert.deepEqual(await diagnostics(order()), []);
    const bad = await diagnostics(
      order({ Year: 3, Yeer: 1, AdminContact: { ...ADMIN, Email: 'ada' }, WebServerType: '2' }, '  '),
    );
    const codes = bad.map((d) => d.code).sort();
    assert.deepEqual(codes, [
      'csr-empty',
      'invalid-email',
      'unknown-field',
      'value-not-allowed',
      'wrong-type',
    ]);
    const unknown = bad.find((d) => d.code === 'unknown-field')!;
    assert.match(unknown.message, /Did you mean 'Year'\?/);
    assert.match(unknown.message, /Synthetic document/);
    const missing = await diagnostics(order({ AdminContact: { FirstName: 'Ada' } }));
    assert.deepEqual(missing.map((d) => d.message.split(' ')[0]).sort(), [
      "'AdminContact.Email'",
      "'AdminContact.LastName'",
    ]);
  });

  it('its CSR rules are the ones its catalogue lists, in its own words', async () => {
    // Comodo requires O in the subject (csr-missing-subject-field); this API lists no such rule.
    assert.deepEqual(await diagnostics(order({}, readFixture('missing-o.csr'))), []);
    const weak = await diagnostics(order({}, readFixture('rsa1024-md5.csr')));
    assert.deepEqual(weak.map((d) => d.code).sort(), [
      'csr-unsupported-key-size',
      'csr-unsupported-signature-algorithm',
    ]);
    for (const d of weak) {
      assert.doesNotMatch(d.message, /^-\d+:/, 'no Comodo status code');
      assert.doesNotMatch(d.message, /Comodo/);
      assert.match(d.message, /the Synthetic document states no key rule/);
    }
    // Each listed code names a rule, and each rule is some shipped API's.
    const known = new Set(CSR_RULES.map((r) => r.code));
    for (const api of catalogues)
      for (const code of api.csrRules?.codes ?? []) assert.ok(known.has(code), `${api.id}: ${code}`);
    for (const code of known)
      assert.ok(
        others.some((a) => a.csrRules?.codes.includes(code)),
        `${code} is no API's`,
      );
  });

  it('hover: the field as its catalogue documents it', async () => {
    const { text, position } = caretPosition(order().replace('"Year"', '"Ye|ar"'));
    const hover = await service.doHover(makeDocument(text), position);
    const value = (hover?.contents as MarkupContent).value;
    assert.match(value, /Validity in years/);
    assert.match(value, /Synthetic PositiveSSL \(test API\)/);
    assert.match(value, /synthetic-positivessl \(a test fixture/);
  });

  it("endpoints: its own in demo and production, whatever the other APIs' settings say", () => {
    const values = new Map<string, string>();
    for (const api of others) {
      values.set(endpointSettingKey(api, 'production'), `https://production.${api.settingsPrefix}.example/`);
      values.set(endpointSettingKey(api, 'demo'), `https://demo.${api.settingsPrefix}.example/`);
    }
    const foreign = new Set([
      ...values.values(),
      ...others.flatMap((a) => [a.endpoints.production, a.endpoints.demo]),
    ]);
    for (const settings of [defaultSubmissionSettings, readSubmissionSettings((k) => values.get(k))]) {
      for (const environment of ['demo', 'production'] as const) {
        const { url } = resolveEndpoint(syntheticApi, environment, settings);
        assert.ok(!foreign.has(url), `${environment}: ${url} is another API's`);
        assert.equal(url, syntheticApi.endpoints[environment]);
      }
    }
    const mine = [
      endpointSettingKey(syntheticApi, 'demo'),
      endpointSettingKey(syntheticApi, 'production'),
      ...credentialEnvNames(syntheticApi, 'secret', 'demo'),
      ...credentialEnvNames(syntheticApi, 'user', 'production'),
    ];
    const theirs = new Set(
      others.flatMap((a) => [
        endpointSettingKey(a, 'demo'),
        endpointSettingKey(a, 'production'),
        ...credentialEnvNames(a, 'secret', 'demo'),
        ...credentialEnvNames(a, 'user', 'production'),
      ]),
    );
    for (const name of mine) assert.ok(!theirs.has(name), `${name} is another API's`);
  });

  it('the manifest, the new-order completion and the empty-file hint name it', async () => {
    const [manifest] = await generateManifestFiles(catalogues);
    const properties = (
      JSON.parse(manifest.text) as { contributes: { configuration: { properties: Record<string, unknown> } } }
    ).contributes.configuration.properties;
    for (const key of ['productionUrl', 'demoUrl', 'partnerEmail'])
      assert.ok(`certOrder.syntheticPositiveSsl.${key}` in properties, key);
    const newOrder = (await complete('|')).find((i) => i.label === 'order-synthetic');
    assert.equal(newOrder?.filterText, `order-synthetic ${syntheticApi.id}`);
    assert.ok(String(newOrder?.textEdit?.newText).includes(`"\\$api": "${syntheticApi.id}"`));
    const [empty] = await diagnostics('');
    assert.equal(empty.code, 'empty-file');
    assert.match(empty.message, /"order-synthetic"/);
  });

  it('the confirmation summary reads its roles', () => {
    const lines = summariseOrder(parsed(order()), { commonName: 'www.example.com' });
    const text = lines.map((l) => `${l.label}: ${l.value}`);
    assert.ok(text.includes('Validity: 1 year'), text.join(' | '));
    assert.ok(text.includes('Organisation: Example Ltd'), text.join(' | '));
    assert.ok(text.includes('Contact: Ada Example'), text.join(' | '));
    assert.ok(text.includes('PartnerOrderID: SYN-0001'), text.join(' | '));
  });
});

describe('a third API in the sandbox, sent by the request builder', () => {
  let sandbox: RunningSandbox;
  before(async () => {
    sandbox = await startSandbox({ port: 0 });
  });
  after(() => sandbox.close());

  async function send(text: string) {
    const url = sandbox.urls[syntheticApi.id];
    const built = buildRequest({
      order: withCsrText(parsed(text), readFixture('rsa2048-full.csr')),
      credentials: { user: 'partner@example.com', secret: 'k3y' },
      endpoint: { url, environment: 'demo', testFlag: false },
    });
    const res = await request(built.url, { method: built.method, headers: built.headers, body: built.body });
    const body = await res.body.text();
    return {
      built,
      parsed: parseResponse(syntheticApi, {
        status: res.statusCode,
        headers: { 'content-type': String(res.headers['content-type']) },
        body,
      }),
    };
  }

  it('is served at the path of its own URL', () => {
    const url = new URL(sandbox.urls[syntheticApi.id]);
    assert.equal(url.pathname, new URL(syntheticApi.endpoints.production).pathname);
    for (const api of others) assert.notEqual(sandbox.urls[api.id], sandbox.urls[syntheticApi.id]);
  });

  it('a good order: its JSON body, and its own response fields back', async () => {
    const { built, parsed: answer } = await send(order());
    const body = JSON.parse(built.body) as Record<string, unknown>;
    assert.equal(body.PartnerEmail, 'partner@example.com');
    assert.equal(body.ApiKey, 'k3y');
    assert.equal('$api' in body, false);
    assert.equal(answer.kind, 'success', JSON.stringify(answer));
    if (answer.kind !== 'success') return;
    assert.deepEqual(
      answer.fields.map((f) => f.name),
      ['StatusCode', 'OrderNumber', 'MD5', 'SHA1'],
    );
    assert.match(answer.orderNumber ?? '', /^\d{7}$/);
    assert.ok(answer.hashes?.md5 && answer.hashes.sha1);
  });

  it('a mistake: checked against its own fields, the field named', async () => {
    const { parsed: answer } = await send(order({ AdminContact: { FirstName: 'Ada', LastName: 'E' } }));
    assert.equal(answer.kind, 'error');
    if (answer.kind !== 'error') return;
    assert.equal(answer.fieldError?.field, 'AdminContact.Email');
    const { parsed: year } = await send(order({ Year: 3 }));
    assert.equal(year.kind === 'error' ? year.fieldError?.field : year.kind, 'Year');
  });
});
