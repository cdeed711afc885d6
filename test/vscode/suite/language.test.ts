// The language server as VS Code shows it: diagnostics published for what the user typed,
// completion of coded values with their names, hover documentation.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { comodoAutoApplySsl } from '../../../common/src/catalogue';
import { COMODO_BASE_PRODUCTS } from '../../../common/src/catalogue/comodo';
import { closeAllEditors, codeOf, openScratch, positionOf, waitForDiagnostics } from './helpers';

const COMODO = 'comodo-autoapplyssl';

/** A Comodo order; `fields` are written after `$api` in the order given. */
function comodoOrder(fields: Record<string, unknown>): string {
  return `${JSON.stringify({ $api: COMODO, ...fields }, null, 2)}\n`;
}

async function completionLabels(doc: vscode.TextDocument, at: vscode.Position): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>(
    'vscode.executeCompletionItemProvider',
    doc.uri,
    at,
  );
  return list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
}

suite('Language server', () => {
  suiteTeardown(closeAllEditors);

  test('a JSON syntax error is published as json-syntax on the offending text', async () => {
    const editor = await openScratch(
      'syntax.order.json',
      `{\n  "$api": "${COMODO}",\n  "product": 24 24\n}\n`,
    );
    const diagnostics = await waitForDiagnostics(editor.document.uri, (d) =>
      d.some((x) => codeOf(x) === 'json-syntax'),
    );
    const syntax = diagnostics.filter((d) => codeOf(d) === 'json-syntax');
    assert.ok(syntax.every((d) => d.severity === vscode.DiagnosticSeverity.Error));
    // On the second `24` (line 2), not on the whole file.
    assert.ok(
      syntax.some((d) => d.range.start.line === 2 && d.range.end.line === 2),
      JSON.stringify(syntax.map((d) => d.range)),
    );
  });

  // 44 (Intranet SSL): add-ons not allowed, and years with days is "both" (43, Trial SSL, has one
  // possible validity: there years/days is comodo-validity-single instead).
  test('Comodo rules: add-on 36 with 44 (on the product value), years with days', async () => {
    const editor = await openScratch(
      'rules.order.json',
      comodoOrder({ loginName: 'demo', product: '44,36', years: 1, days: 365, serverSoftware: 2, csr: '' }),
    );
    const doc = editor.document;
    const diagnostics = await waitForDiagnostics(doc.uri, (d) =>
      ['comodo-product-addon-not-allowed', 'comodo-validity-both'].every((c) =>
        d.some((x) => codeOf(x) === c),
      ),
    );
    const addon = diagnostics.find((d) => codeOf(d) === 'comodo-product-addon-not-allowed');
    assert.ok(addon);
    const productLine = positionOf(doc, '"44,36"').line;
    assert.equal(addon.range.start.line, productLine, 'the add-on diagnostic is on the product value');
    assert.match(addon.message, /36/);
  });

  test('completion at serverSoftware offers every documented id with its name', async () => {
    const editor = await openScratch('complete-software.order.json', comodoOrder({ serverSoftware: 0 }));
    const doc = editor.document;
    const labels = await completionLabels(
      doc,
      positionOf(doc, '"serverSoftware": 0', '"serverSoftware": '.length),
    );
    assert.ok(labels.includes('2 - Apache/ModSSL'), labels.join(' | '));
    const field = comodoAutoApplySsl.fields.find((f) => f.name === 'serverSoftware');
    assert.ok(field?.values?.length);
    for (const v of field.values) {
      assert.ok(labels.includes(`${v.value} - ${v.label}`), `missing ${v.value} - ${v.label}`);
    }
  });

  test('completion at product offers the base products with their names', async () => {
    const editor = await openScratch('complete-product.order.json', comodoOrder({ product: '' }));
    const doc = editor.document;
    const labels = await completionLabels(doc, positionOf(doc, '"product": ""', '"product": "'.length));
    // The base products of the Comodo document, each offered with its name.
    const documented = COMODO_BASE_PRODUCTS.map((p) => p.value).sort();
    assert.deepEqual(documented, [43, 44, 24, 34, 7, 35, 62, 63, 64, 65].sort());
    for (const p of COMODO_BASE_PRODUCTS) {
      assert.ok(
        labels.some((l) => l.startsWith(`${p.value} - ${p.label}`)),
        `no completion for product ${p.value} - ${p.label}: ${labels.join(' | ')}`,
      );
    }
  });

  test('a quick fix renames a field to its documented spelling', async () => {
    const editor = await openScratch('quickfix.order.json', comodoOrder({ Product: '24', years: 1 }));
    const doc = editor.document;
    const [diagnostic] = await waitForDiagnostics(doc.uri, (d) =>
      d.some((x) => codeOf(x) === 'field-name-case'),
    ).then((d) => d.filter((x) => codeOf(x) === 'field-name-case'));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      diagnostic.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((a) => /product/.test(a.title));
    assert.ok(fix, `a quick fix for field-name-case among: ${actions.map((a) => a.title).join(' | ')}`);
    if (fix.edit) assert.ok(await vscode.workspace.applyEdit(fix.edit));
    if (fix.command)
      await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
    assert.match(doc.getText(), /"product": "24"/);
    await waitForDiagnostics(doc.uri, (d) => !d.some((x) => codeOf(x) === 'field-name-case'));
  });

  test('hover on a field shows its documentation', async () => {
    const editor = await openScratch('hover-field.order.json', comodoOrder({ serverSoftware: 2 }));
    const doc = editor.document;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      doc.uri,
      positionOf(doc, '"serverSoftware"', 3),
    );
    const text = hovers
      .flatMap((h) => h.contents)
      .map((c) => (typeof c === 'string' ? c : c.value))
      .join('\n');
    assert.match(text, /serverSoftware/);
    assert.match(text, /[Ss]erver software/);
  });
});
