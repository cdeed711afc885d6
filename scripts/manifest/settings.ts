// The manifest's settings of one API (`contributes.configuration`), from its catalogue: the
// endpoint URLs with the document's values as defaults, and the account name.
import { apiSettingKey, credentialSpec, type ApiCatalogue } from '../../common/src/catalogue';

export type ManifestProperty = Record<string, unknown>;

/** `certOrder.<settingsPrefix>.productionUrl`, `.demoUrl` and the account name, in that order. */
export function apiConfigurationProperties(api: ApiCatalogue): Record<string, ManifestProperty> {
  const user = credentialSpec(api, 'user').name;
  const secret = credentialSpec(api, 'secret').name;
  const flag = api.fields.find((f) => f.testFlag)?.name;
  const demo: ManifestProperty =
    api.endpoints.demoMode === 'testFlag'
      ? {
          type: 'string',
          default: '',
          scope: 'resource',
          markdownDescription: `${api.title} demo URL. Empty: the production URL with \`${flag}=Y\` (the account is not charged). \`${flag}=Y\` is sent to a demo URL too.`,
        }
      : {
          type: 'string',
          default: api.endpoints.demo ?? '',
          scope: 'resource',
          format: 'uri',
          markdownDescription: `${api.title} demo URL (the document's value by default).`,
        };
  return {
    [apiSettingKey(api, 'productionUrl')]: {
      type: 'string',
      default: api.endpoints.production,
      // A workspace's settings must not redirect production orders (and their credentials).
      scope: 'machine',
      format: 'uri',
      markdownDescription: `${api.title} production URL (the document's value by default). Machine scope: a workspace cannot redirect production orders.`,
    },
    [apiSettingKey(api, 'demoUrl')]: demo,
    [apiSettingKey(api, 'userName')]: {
      type: 'string',
      default: '',
      scope: 'resource',
      markdownDescription: `${api.title}: \`${user}\` when the order does not give one. The \`${secret}\` is never a setting: it is kept in VS Code's secret storage.`,
    },
  };
}
