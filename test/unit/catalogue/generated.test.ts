// What package.json must hold statically about each API (its settings, its demo URL's
// untrusted-workspace restriction) is generated from the catalogues by
// scripts/generate.ts, which the build runs. The committed file is that output.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { catalogues, comodoAutoApplySsl } from '../../../common/src/catalogue';
import { generateManifestFiles, withApiContributions } from '../../../scripts/generate-manifest';

describe('generated manifest', () => {
  it('package.json is the generator output (npm run build writes it)', async () => {
    for (const { file, text } of await generateManifestFiles()) {
      assert.equal(readFileSync(file, 'utf8'), text, `${file} is out of date: run npm run build`);
    }
  });

  it('replace every API setting and keep the shared ones, whatever the manifest held before', () => {
    const manifest = {
      contributes: {
        configuration: {
          title: 'x',
          properties: {
            'certOrder.retired.demoUrl': { type: 'string' },
            'certOrder.http.connectTimeoutMs': { type: 'number' },
          },
        },
      },
      capabilities: {
        untrustedWorkspaces: {
          restrictedConfigurations: ['certOrder.retired.demoUrl', 'certOrder.history.location'],
        },
      },
    };
    const out = withApiContributions(manifest, [comodoAutoApplySsl]);
    assert.deepEqual(Object.keys(out.contributes.configuration.properties), [
      'certOrder.comodo.productionUrl',
      'certOrder.comodo.demoUrl',
      'certOrder.comodo.loginName',
      'certOrder.http.connectTimeoutMs',
    ]);
    assert.deepEqual(out.capabilities?.untrustedWorkspaces?.restrictedConfigurations, [
      'certOrder.comodo.demoUrl',
      'certOrder.history.location',
    ]);
  });

  it('contributes no snippets file: new orders are completion items where an order starts', async () => {
    const [manifest] = await generateManifestFiles();
    const out = JSON.parse(manifest.text) as { contributes: { snippets?: unknown } };
    assert.equal(out.contributes.snippets, undefined);
  });

  it("every API's production URL is machine-scoped: a workspace cannot redirect production orders", async () => {
    const [manifest] = await generateManifestFiles();
    const properties = (
      JSON.parse(manifest.text) as {
        contributes: { configuration: { properties: Record<string, { scope: string; default: string }> } };
      }
    ).contributes.configuration.properties;
    for (const api of catalogues) {
      const production = properties[`certOrder.${api.settingsPrefix}.productionUrl`];
      assert.equal(production.scope, 'machine', api.id);
      assert.equal(production.default, api.endpoints.production, api.id);
    }
  });
});
