// Settings pulled per document (`workspace/configuration`, cached per URI, cleared on change and
// close), as lsp-sample does; the defaults when the client cannot be asked.
import type { Connection } from 'vscode-languageserver/node';
import { defaultSettings, type OrderSettings } from '../../common/src/settings';

export class SettingsSource {
  private readonly cache = new Map<string, Promise<OrderSettings>>();
  /** Whether the client answers `workspace/configuration` (set from its capabilities). */
  pull = false;

  constructor(private readonly connection: Connection) {}

  for(uri: string): Promise<OrderSettings> {
    if (!this.pull) return Promise.resolve(defaultSettings);
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'certOrder' })
        .then((value: unknown) => mergeSettings(value))
        .catch(() => defaultSettings);
      this.cache.set(uri, settings);
    }
    return settings;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  clear(): void {
    this.cache.clear();
  }
}

/** `certOrder` as the client sends it, over the defaults; unknown or mistyped values are ignored. */
export function mergeSettings(value: unknown): OrderSettings {
  const section = (value ?? {}) as { csr?: { keyPolicy?: unknown } };
  const keyPolicy = section.csr?.keyPolicy;
  return {
    ...defaultSettings,
    csr: {
      ...defaultSettings.csr,
      ...(keyPolicy === 'current' || keyPolicy === 'document' ? { keyPolicy } : {}),
    },
  };
}
