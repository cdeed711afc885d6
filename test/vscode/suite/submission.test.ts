// Submitting to the sandbox from VS Code: the runner starts the sandbox, points the workspace's
// demo endpoints at it (CERT_ORDER_VSCODE_SANDBOX) and supplies the secrets through the
// CERT_ORDER_* environment variables, so nothing prompts.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { closeAllEditors, openScratch, waitFor } from './helpers';

interface SubmitCommandResult {
  status: string;
  reason?: string;
  outcome?: string;
  orderNumber?: string;
  historyFile?: string;
}

const ORDER = `${JSON.stringify(
  {
    $api: 'comodo-autoapplyssl',
    product: '24',
    years: 1,
    serverSoftware: 2,
    csr: 'file:../www.example.com.csr',
    isCustomerValidated: 'N',
  },
  null,
  2,
)}\n`;

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

  test('submitting an order to the sandbox opens the panel and writes the history', async () => {
    const editor = await openScratch('submit.order.json', ORDER);
    const uri = editor.document.uri;
    const result = await vscode.commands.executeCommand<SubmitCommandResult>('certOrder.submitToDemo', uri, {
      interactive: false,
    });
    assert.equal(result.status, 'sent', result.reason ?? JSON.stringify(result));
    assert.equal(result.outcome, 'success', JSON.stringify(result));
    assert.ok(result.orderNumber, 'the sandbox answered an order number');

    await waitFor(() => panelTabs().length === 1, 'the submission panel');
    assert.match(panelTabs()[0].label, new RegExp(result.orderNumber));

    assert.ok(result.historyFile && existsSync(result.historyFile), `history file ${result.historyFile}`);
    const history = readFileSync(result.historyFile, 'utf8');
    assert.match(history, new RegExp(result.orderNumber));
    const secret = process.env.CERT_ORDER_COMODO_LOGIN_PASSWORD;
    assert.ok(secret && !history.includes(secret), 'the password is not in the history');
    assert.deepEqual(
      vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'cert-order (CA answer)'),
      [],
      'a successful answer leaves no CA-answer diagnostics',
    );
  });
});
