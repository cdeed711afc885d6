// Writes what package.json must hold statically about each order API, from the catalogues:
// `contributes.configuration` (each API's endpoint URLs and account name, keyed by its
// `settingsPrefix`) and the untrusted-workspace restrictions on its demo URL. Hand-written settings
// (`certOrder.http.*`, ...) are kept as they are. No snippets file: see withApiContributions.
// test/unit/catalogue/generated.test.ts fails when the committed file differs from the output.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as prettier from 'prettier';
import { SHARED_SETTING_GROUPS, apiSettingKey, catalogues, type ApiCatalogue } from '../common/src/catalogue';
import { apiConfigurationProperties, type ManifestProperty } from './manifest/settings';

const ROOT = path.join(__dirname, '..');
export const MANIFEST_FILE = path.join(ROOT, 'package.json');
const LANGUAGE_ID = 'cert-order';

interface Manifest {
  contributes: {
    configuration: { title: string; properties: Record<string, ManifestProperty> };
    snippets?: { language: string; path: string }[];
  };
  capabilities?: { untrustedWorkspaces?: { restrictedConfigurations?: string[] } };
}

/** An API's setting key, as opposed to one of the shared groups (`certOrder.http.*`). */
function isApiSetting(key: string): boolean {
  const group = /^certOrder\.([^.]+)\./.exec(key)?.[1];
  return group !== undefined && !SHARED_SETTING_GROUPS.includes(group);
}

/** The manifest with every API's part replaced by the catalogues' (API settings first, in registry order). */
export function withApiContributions(manifest: Manifest, apis: readonly ApiCatalogue[]): Manifest {
  const out = structuredClone(manifest);
  const shared = Object.entries(out.contributes.configuration.properties).filter(
    ([key]) => !isApiSetting(key),
  );
  out.contributes.configuration.properties = Object.fromEntries([
    ...apis.flatMap((api) => Object.entries(apiConfigurationProperties(api))),
    ...shared,
  ]);
  // New orders are the language server's completion where an order starts (server/src/service/
  // newOrder.ts): a contributed snippets file would be offered in every key and value list.
  const snippets = (out.contributes.snippets ?? []).filter((s) => s.language !== LANGUAGE_ID);
  if (snippets.length > 0) out.contributes.snippets = snippets;
  else delete out.contributes.snippets;
  const untrusted = out.capabilities?.untrustedWorkspaces;
  if (untrusted) {
    // A workspace may set the demo URLs (resource scope): an untrusted one may not.
    untrusted.restrictedConfigurations = [
      ...apis.map((api) => apiSettingKey(api, 'demoUrl')),
      ...(untrusted.restrictedConfigurations ?? []).filter((key) => !isApiSetting(key)),
    ];
  }
  return out;
}

async function formatted(file: string, value: unknown): Promise<string> {
  const options = (await prettier.resolveConfig(file)) ?? {};
  return prettier.format(JSON.stringify(value, null, 2), { ...options, filepath: file });
}

/** package.json as the generator writes it. */
export async function generateManifestFiles(
  apis: readonly ApiCatalogue[] = catalogues,
): Promise<{ file: string; text: string }[]> {
  const manifest = JSON.parse(readFileSync(MANIFEST_FILE, 'utf8')) as Manifest;
  return [
    { file: MANIFEST_FILE, text: await formatted(MANIFEST_FILE, withApiContributions(manifest, apis)) },
  ];
}
