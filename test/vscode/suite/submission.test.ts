// Submitting to the sandbox from VS Code: the runner starts the sandbox, points the workspace's
// demo endpoints at it (CERT_ORDER_VSCODE_SANDBOX) and supplies the secrets through the
// CERT_ORDER_* environment variables, so nothing prompts.
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  closeAllEditors,
  demoUrlsToUserSettings,
  openExample,
  waitFor,
  waitForDiagnostics,
  type SubmitCommandResult,
} from './helpers';

function panelTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter(
      (t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('certOrder.submission'),
    );
}

suite('Submission', function () {
  // A demo URL from the workspace's settings that points at loopback asks once (a modal these
  // tests cannot answer), so the sandbox's URLs come from the user settings here.
  let restore: (() => Promise<void>) | undefined;
  suiteSetup(async function () {
    if (!process.env.CERT_ORDER_VSCODE_SANDBOX) this.skip();
    restore = await demoUrlsToUserSettings();
  });
  suiteTeardown(async () => {
    await restore?.();
    await closeAllEditors();
  });

  test("a workspace demo URL that is SSL2Buy's production URL is refused, saying why, and nothing is sent", async () => {
    const { document } = await openExample('ssl2buy-sectigo-pac-enterprise.order.json');
    const config = vscode.workspace.getConfiguration('certOrder');
    const production =
      'https://API.ssl2buy.com/queryservice/ComodoFullOrder/SectigoPersonalAuthenticationEnterprise/';
    await config.update('ssl2buy.demoUrl', production, vscode.ConfigurationTarget.Workspace);
    try {
      const result = await vscode.commands.executeCommand<SubmitCommandResult>(
        'certOrder.submitToDemo',
        document.uri,
        { interactive: false },
      );
      assert.equal(result.status, 'refused', JSON.stringify(result));
      assert.match(result.reason ?? '', /is the production URL of SSL2Buy/);
      assert.match(result.reason ?? '', /certOrder\.ssl2buy\.demoUrl/);
      assert.equal(result.historyFile, undefined);
    } finally {
      await config.update('ssl2buy.demoUrl', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  test('a workspace demo URL on loopback is asked about, naming host and port (not answered here: not sent)', async () => {
    const { document } = await openExample('comodo-autoapplyssl.order.json');
    const config = vscode.workspace.getConfiguration('certOrder');
    const sandboxUrl = config.inspect<string>('comodo.demoUrl')?.globalValue ?? '';
    const port = new URL(sandboxUrl).port;
    await config.update('comodo.demoUrl', sandboxUrl, vscode.ConfigurationTarget.Workspace);
    try {
      const result = await vscode.commands.executeCommand<SubmitCommandResult>(
        'certOrder.submitToDemo',
        document.uri,
        { interactive: false },
      );
      assert.equal(result.status, 'cancelled', JSON.stringify(result));
      assert.match(result.reason ?? '', new RegExp(`127\\.0\\.0\\.1 port ${port}`));
      assert.equal(result.historyFile, undefined);
    } finally {
      await config.update('comodo.demoUrl', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  test('a workspace demo URL that is an IP address is asked about, naming host and port (not answered here: not sent)', async () => {
    const { document } = await openExample('comodo-autoapplyssl.order.json');
    const config = vscode.workspace.getConfiguration('certOrder');
    // 192.0.2.0/24 is TEST-NET-1 (RFC 5737): no machine answers there, and nothing is sent anyway.
    await config.update(
      'comodo.demoUrl',
      'https://192.0.2.10:8443/products/!AutoApplySSL',
      vscode.ConfigurationTarget.Workspace,
    );
    try {
      const result = await vscode.commands.executeCommand<SubmitCommandResult>(
        'certOrder.submitToDemo',
        document.uri,
        { interactive: false },
      );
      assert.equal(result.status, 'cancelled', JSON.stringify(result));
      assert.match(result.reason ?? '', /192\.0\.2\.10 port 8443/);
      assert.match(result.reason ?? '', /not confirmed/);
      assert.equal(result.historyFile, undefined);
    } finally {
      await config.update('comodo.demoUrl', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  for (const name of ['comodo-autoapplyssl.order.json', 'ssl2buy-sectigo-pac-enterprise.order.json']) {
    test(`submitting ${name} to the sandbox opens the panel and writes the history`, async () => {
      const { document } = await openExample(name);
      const result = await vscode.commands.executeCommand<SubmitCommandResult>(
        'certOrder.submitToDemo',
        document.uri,
        { interactive: false },
      );
      assert.equal(result.status, 'sent', result.reason ?? JSON.stringify(result));
      assert.equal(result.outcome, 'success', JSON.stringify(result));
      assert.ok(result.orderNumber, 'the sandbox answered an order number');

      await waitFor(
        () => panelTabs().some((t) => t.label.includes(result.orderNumber!)),
        'the panel titled with the order number',
      );
      assert.equal(panelTabs().length, 1, 'one reusable panel');

      assert.ok(result.historyFile && existsSync(result.historyFile), `history file ${result.historyFile}`);
      const history = readFileSync(result.historyFile, 'utf8');
      assert.match(history, new RegExp(result.orderNumber));
      const secret = process.env.CERT_ORDER_COMODO_LOGIN_PASSWORD;
      assert.ok(secret && !history.includes(secret), 'the secret is not in the history');
      // "Show Order History" finds the record again.
      const record = await vscode.commands.executeCommand<{ id: string } | undefined>(
        'certOrder.showHistory',
        result.recordId,
      );
      assert.equal(record?.id, result.recordId);
      assert.deepEqual(
        vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'cert-order (CA answer)'),
        [],
        'a successful answer leaves no CA-answer diagnostics',
      );
    });
  }

  test("a record planted in the workspace's .cert-orders/history is not listed unless that location is chosen", async () => {
    const { document } = await openExample('comodo-autoapplyssl.order.json');
    const result = await vscode.commands.executeCommand<SubmitCommandResult>(
      'certOrder.submitToDemo',
      document.uri,
      { interactive: false },
    );
    assert.ok(result.historyFile, JSON.stringify(result));
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    assert.ok(folder);
    const planted = path.join(folder.uri.fsPath, '.cert-orders', 'history');
    const id = `planted-${Date.now()}`;
    mkdirSync(planted, { recursive: true });
    const file = path.join(planted, `${id}.json`);
    const text = readFileSync(result.historyFile, 'utf8').replace(/"id": "[^"]+"/, `"id": "${id}"`);
    writeFileSync(file, text);
    try {
      assert.equal(vscode.workspace.getConfiguration('certOrder').get('history.location'), 'globalStorage');
      const shown = await vscode.commands.executeCommand<{ id: string } | undefined>(
        'certOrder.showHistory',
        id,
      );
      assert.equal(shown, undefined, 'the workspace folder is not read');
      const own = await vscode.commands.executeCommand<{ id: string } | undefined>(
        'certOrder.showHistory',
        result.recordId,
      );
      assert.equal(own?.id, result.recordId, 'the global history still is');
    } finally {
      rmSync(path.join(folder.uri.fsPath, '.cert-orders'), { recursive: true, force: true });
    }
  });

  test('an order with error diagnostics is not sent', async () => {
    const { document } = await openExample('comodo-mistakes.order.json');
    await waitForDiagnostics(document.uri, (d) =>
      d.some((x) => x.severity === vscode.DiagnosticSeverity.Error),
    );
    const result = await vscode.commands.executeCommand<SubmitCommandResult>(
      'certOrder.submitToDemo',
      document.uri,
      {
        interactive: false,
      },
    );
    assert.notEqual(result.status, 'sent', JSON.stringify(result));
    assert.equal(result.historyFile, undefined);
  });
});
