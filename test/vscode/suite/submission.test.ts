// Submitting to the sandbox from VS Code: the runner starts the sandbox, points the workspace's
// demo endpoints at it (CERT_ORDER_VSCODE_SANDBOX) and supplies the secrets through the
// CERT_ORDER_* environment variables, so nothing prompts.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { closeAllEditors, openExample, waitFor, waitForDiagnostics } from './helpers';

interface SubmitCommandResult {
  status: string;
  reason?: string;
  outcome?: string;
  orderNumber?: string;
  historyFile?: string;
  recordId?: string;
}

function panelTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter(
      (t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('certOrder.submission'),
    );
}

suite('Submission', function () {
  suiteSetup(function () {
    if (!process.env.CERT_ORDER_VSCODE_SANDBOX) this.skip();
  });
  suiteTeardown(closeAllEditors);

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
