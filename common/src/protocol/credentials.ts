// Where credentials come from, in order. The account name: the order, then the setting
// (`certOrder.comodo.loginName`, `certOrder.ssl2buy.partnerEmail`), then the environment, then
// SecretStorage, then a prompt. The secret (`loginPassword`, `ApiKey`): the environment, then
// SecretStorage, then a prompt; never the order.
import type { ApiCatalogue } from '../catalogue';
import { vendorKey } from './endpoint';
import { credentialField } from './order';
import type { Environment } from './types';

export type CredentialRole = 'user' | 'secret';

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
  environment: Environment,
): string[] {
  const vendor = vendorKey(api).toUpperCase();
  const suffix = envSuffix(credentialField(api, role).name);
  return [`CERT_ORDER_${vendor}_${environment.toUpperCase()}_${suffix}`, `CERT_ORDER_${vendor}_${suffix}`];
}

/** The SecretStorage key of a credential, per API and environment. */
export function secretStorageKey(api: ApiCatalogue, role: CredentialRole, environment: Environment): string {
  return `certOrder/${api.id}/${environment}/${role}`;
}

export type CredentialSource = 'order' | 'settings' | 'environment' | 'secretStorage' | 'prompt';

export interface FoundCredential {
  value: string;
  source: CredentialSource;
  /** The environment variable it came from. */
  variable?: string;
}

export function fromEnvironment(
  api: ApiCatalogue,
  role: CredentialRole,
  environment: Environment,
  env: Readonly<Record<string, string | undefined>>,
): FoundCredential | undefined {
  for (const variable of credentialEnvNames(api, role, environment)) {
    const value = env[variable];
    if (value !== undefined && value !== '') return { value, source: 'environment', variable };
  }
  return undefined;
}
