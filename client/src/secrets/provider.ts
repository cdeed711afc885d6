// Finding the credentials for a submission, in the documented order (common/src/protocol/
// credentials.ts), asking for what is missing and keeping it in SecretStorage. The store and the
// prompt are passed in, so this runs without vscode in the tests.
import {
  credentialField,
  fromEnvironment,
  secretStorageKey,
  userInOrder,
  apiSettings,
  type Credentials,
  type Environment,
  type Order,
} from '../../../common/src/protocol';
import type { ApiCatalogue } from '../../../common/src/catalogue';
import type { SubmissionSettings } from '../../../common/src/settings';
import type { CredentialProvider } from '../submission/flow';

/** The part of vscode.SecretStorage used here. */
export interface SecretStore {
  get(key: string): PromiseLike<string | undefined>;
  store(key: string, value: string): PromiseLike<void>;
  delete(key: string): PromiseLike<void>;
}

export interface PromptOptions {
  title: string;
  prompt: string;
  password: boolean;
  value?: string;
}

/** Asks the user; undefined when cancelled. */
export type Prompt = (options: PromptOptions) => PromiseLike<string | undefined>;

export interface CredentialDeps {
  store: SecretStore;
  env: Readonly<Record<string, string | undefined>>;
  settings(): SubmissionSettings;
  /** Absent: non-interactive (tests, headless); missing credentials then fail with a message. */
  prompt?: Prompt;
  /** Told which credential is missing in non-interactive use. */
  onMissing?(message: string): void;
}

export class CredentialResolver implements CredentialProvider {
  constructor(private readonly deps: CredentialDeps) {}

  private envValue(api: ApiCatalogue, role: 'user' | 'secret', environment: Environment): string | undefined {
    return this.deps.settings().credentialsFromEnvironment
      ? fromEnvironment(api, role, environment, this.deps.env)?.value
      : undefined;
  }

  async account(order: Order, environment: Environment): Promise<string | undefined> {
    const api = order.api;
    return (
      userInOrder(order) ??
      (apiSettings(api, this.deps.settings()).userName || undefined) ??
      this.envValue(api, 'user', environment) ??
      (await this.deps.store.get(secretStorageKey(api, 'user', environment)))
    );
  }

  async get(order: Order, environment: Environment): Promise<Credentials | undefined> {
    const api = order.api;
    const envValue = (role: 'user' | 'secret'): string | undefined => this.envValue(api, role, environment);
    const user = (await this.account(order, environment)) ?? (await this.ask(api, 'user', environment));
    if (!user) return undefined;
    const secret =
      envValue('secret') ??
      (await this.deps.store.get(secretStorageKey(api, 'secret', environment))) ??
      (await this.ask(api, 'secret', environment));
    if (!secret) return undefined;
    return { user, secret };
  }

  private async ask(
    api: ApiCatalogue,
    role: 'user' | 'secret',
    environment: Environment,
  ): Promise<string | undefined> {
    const field = credentialField(api, role).name;
    if (!this.deps.prompt) {
      this.deps.onMissing?.(
        `No ${field} for ${api.title} (${environment}): run "Certificate Orders: Set Credentials" or set an environment variable.`,
      );
      return undefined;
    }
    const value = await this.deps.prompt({
      title: `${api.title}: ${environment}`,
      prompt: `${field} for ${environment} submissions (kept in VS Code's secret storage)`,
      password: role === 'secret',
    });
    if (!value) return undefined;
    await this.deps.store.store(secretStorageKey(api, role, environment), value);
    return value;
  }
}

/** Stores both credentials of an API and environment (the Set Credentials command). */
export async function storeCredentials(
  store: SecretStore,
  api: ApiCatalogue,
  environment: Environment,
  credentials: Partial<Credentials>,
): Promise<void> {
  if (credentials.user) await store.store(secretStorageKey(api, 'user', environment), credentials.user);
  if (credentials.secret) await store.store(secretStorageKey(api, 'secret', environment), credentials.secret);
}

export async function clearCredentials(
  store: SecretStore,
  api: ApiCatalogue,
  environment: Environment,
): Promise<void> {
  await store.delete(secretStorageKey(api, 'user', environment));
  await store.delete(secretStorageKey(api, 'secret', environment));
}
