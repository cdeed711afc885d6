// Where credentials come from, in order. The account name: the order, then the setting
// (`certOrder.comodo.loginName`, `certOrder.ssl2buy.partnerEmail`), then the environment, then
// SecretStorage, then a prompt. The secret (`loginPassword`, `ApiKey`): the environment, then
// SecretStorage, then a prompt; never the order.
// The variables' names come from the catalogue's `envPrefix` (catalogue/names.ts).
import { credentialEnvNames, type ApiCatalogue } from '../catalogue';
import type { Environment } from './types';

export type CredentialRole = 'user' | 'secret';

export { credentialEnvNames } from '../catalogue';

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
