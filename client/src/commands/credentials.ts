// "Set Credentials" and "Clear Credentials": per API and environment, in VS Code's SecretStorage.
import * as vscode from 'vscode';
import { catalogues, type ApiCatalogue } from '../../../common/src/catalogue';
import { credentialField, secretStorageKey, type Environment } from '../../../common/src/protocol';
import { clearCredentials, storeCredentials } from '../secrets/provider';

async function pickApiAndEnvironment(
  verb: string,
): Promise<{ api: ApiCatalogue; environment: Environment } | undefined> {
  const api = await vscode.window.showQuickPick(
    catalogues.map((c) => ({ label: c.title, description: c.id, api: c })),
    { title: `${verb} credentials: API` },
  );
  if (!api) return undefined;
  const env = await vscode.window.showQuickPick(
    [
      { label: 'demo', environment: 'demo' as const },
      { label: 'production', environment: 'production' as const },
    ],
    { title: `${verb} credentials: environment` },
  );
  return env ? { api: api.api, environment: env.environment } : undefined;
}

export function setCredentialsCommand(secrets: vscode.SecretStorage): () => Promise<void> {
  return async () => {
    const picked = await pickApiAndEnvironment('Set');
    if (!picked) return;
    const { api, environment } = picked;
    const userName = credentialField(api, 'user').name;
    const secretName = credentialField(api, 'secret').name;
    const user = await vscode.window.showInputBox({
      title: `${api.title} (${environment})`,
      prompt: userName,
      value: (await secrets.get(secretStorageKey(api, 'user', environment))) ?? '',
      ignoreFocusOut: true,
    });
    if (user === undefined) return;
    const secret = await vscode.window.showInputBox({
      title: `${api.title} (${environment})`,
      prompt: `${secretName} (kept in VS Code's secret storage; leave empty to keep the stored one)`,
      password: true,
      ignoreFocusOut: true,
    });
    if (secret === undefined) return;
    await storeCredentials(secrets, api, environment, { user, secret });
    void vscode.window.showInformationMessage(`Credentials for ${api.title} (${environment}) saved.`);
  };
}

export function clearCredentialsCommand(secrets: vscode.SecretStorage): () => Promise<void> {
  return async () => {
    const all = 'All APIs and environments';
    const choice = await vscode.window.showQuickPick([all, 'One API and environment…'], {
      title: 'Clear credentials',
    });
    if (!choice) return;
    if (choice === all) {
      for (const api of catalogues)
        for (const environment of ['demo', 'production'] as const)
          await clearCredentials(secrets, api, environment);
      void vscode.window.showInformationMessage('All stored certificate-order credentials were cleared.');
      return;
    }
    const picked = await pickApiAndEnvironment('Clear');
    if (!picked) return;
    await clearCredentials(secrets, picked.api, picked.environment);
    void vscode.window.showInformationMessage(
      `Credentials for ${picked.api.title} (${picked.environment}) cleared.`,
    );
  };
}
