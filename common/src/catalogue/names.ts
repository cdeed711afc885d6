// The names an API is known by outside its order files: its settings and its credentials'
// environment variables. They come from the prefixes its catalogue declares, never from its id,
// and the registry (./index.ts) refuses a catalogue that would share one with another API.
import type { ApiCatalogue, CredentialRole, FieldSpec } from './types';

/** One of an API's settings, as the settings module names it. */
export type ApiSetting = 'productionUrl' | 'demoUrl' | 'userName';

export const API_SETTINGS: readonly ApiSetting[] = ['productionUrl', 'demoUrl', 'userName'];

/**
 * The groups of settings all APIs share (`certOrder.http.*`, ..., in settings.ts): no API's
 * `settingsPrefix`. Every other `certOrder.<group>.*` key in the manifest is an API's, generated
 * from its catalogue (scripts/generate-manifest.ts).
 */
export const SHARED_SETTING_GROUPS: readonly string[] = [
  'http',
  'history',
  'credentials',
  'csr',
  'diagnostics',
];

/** The field that holds a credential; every order API has one of each. */
export function credentialSpec(api: ApiCatalogue, role: CredentialRole): FieldSpec {
  const field = api.fields.find((f) => f.credential === role);
  if (!field) throw new Error(`The catalogue of ${api.id} has no ${role} credential field.`);
  return field;
}

/**
 * The manifest key of one of an API's settings: `certOrder.comodo.demoUrl`; the account name is
 * named after the user field, first letter in lower case (`certOrder.ssl2buy.partnerEmail`).
 */
export function apiSettingKey(api: ApiCatalogue, setting: ApiSetting): string {
  const name = setting === 'userName' ? lowerFirst(credentialSpec(api, 'user').name) : setting;
  return `certOrder.${api.settingsPrefix}.${name}`;
}

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** `loginPassword` -> `LOGIN_PASSWORD`, `ApiKey` -> `API_KEY`. */
function envSuffix(fieldName: string): string {
  return fieldName.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

/**
 * Environment variables that supply a credential, most specific first:
 * `CERT_ORDER_COMODO_DEMO_LOGIN_PASSWORD`, then `CERT_ORDER_COMODO_LOGIN_PASSWORD`.
 */
export function credentialEnvNames(
  api: ApiCatalogue,
  role: CredentialRole,
  environment: 'demo' | 'production',
): string[] {
  const suffix = envSuffix(credentialSpec(api, role).name);
  const prefix = `CERT_ORDER_${api.envPrefix}`;
  return [`${prefix}_${environment.toUpperCase()}_${suffix}`, `${prefix}_${suffix}`];
}

/** Every setting key and environment variable of an API. */
export function externalNames(api: ApiCatalogue): string[] {
  const env = (['user', 'secret'] as const).flatMap((role) =>
    (['demo', 'production'] as const).flatMap((e) => credentialEnvNames(api, role, e)),
  );
  return [...API_SETTINGS.map((s) => apiSettingKey(api, s)), ...new Set(env)];
}

/**
 * Why `api` cannot join `others`, or an empty list: a shared id or snippet, a malformed prefix, or a setting
 * or environment variable that another API reads too (`SSL2BUY` and `SSL2BUY_DEMO` would share
 * `CERT_ORDER_SSL2BUY_DEMO_API_KEY`). Such a catalogue would send its orders to another API's
 * endpoint, or with another API's credentials.
 */
export function catalogueClashes(api: ApiCatalogue, others: readonly ApiCatalogue[]): string[] {
  const out: string[] = [];
  if (!/^[a-z][A-Za-z0-9]*$/.test(api.settingsPrefix))
    out.push(`${api.id}: settingsPrefix "${api.settingsPrefix}" is not a camelCase word.`);
  if (SHARED_SETTING_GROUPS.includes(api.settingsPrefix))
    out.push(`${api.id}: settingsPrefix "${api.settingsPrefix}" names the settings all APIs share.`);
  if (!/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/.test(api.envPrefix))
    out.push(`${api.id}: envPrefix "${api.envPrefix}" is not UPPER_SNAKE_CASE.`);
  const mine = new Set(externalNames(api));
  for (const other of others) {
    if (other === api) continue;
    if (other.id === api.id) out.push(`${api.id}: another catalogue has this id.`);
    if (other.settingsPrefix === api.settingsPrefix)
      out.push(`${api.id}: settingsPrefix "${api.settingsPrefix}" is ${other.id}'s.`);
    if (other.snippet.prefix === api.snippet.prefix)
      out.push(`${api.id}: snippet prefix "${api.snippet.prefix}" is ${other.id}'s.`);
    const shared = externalNames(other).filter((n) => mine.has(n));
    if (shared.length > 0) out.push(`${api.id}: ${shared.join(', ')} also belong to ${other.id}.`);
  }
  return out;
}
