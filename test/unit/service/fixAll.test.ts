// "Fix All" (source.fixAll): every certain (preferred) quick fix in one edit, only when asked for.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, type CodeAction } from 'vscode-languageserver-types';
import { DIAGNOSTIC_SOURCE } from '../../../server/src/service';
import { makeDocument, service } from './helpers';

const svc = service();

async function codeActions(
  text: string,
  only?: string[],
): Promise<{ doc: TextDocument; actions: CodeAction[] }> {
  const doc = makeDocument(text);
  const diagnostics = await svc.doValidation(doc);
  const range = { start: { line: 0, character: 0 }, end: doc.positionAt(text.length) };
  return { doc, actions: svc.doCodeActions(doc, range, { diagnostics, ...(only ? { only } : {}) }) };
}

const MISTAKES = `{
  "$api": "comodo-autoapplyssl",
  "loginName": "example-reseller",
  "loginPassword": "secret",
  "Product": "24,36,36",
  "years": "1",
  "serverSoftware": 2,
  "csr": "file:server.csr",
  "isCustomerValidated": "y",
  "test": "yes"
}`;

describe('source.fixAll', () => {
  it('applies every preferred fix at once', async () => {
    const { doc, actions } = await codeActions(MISTAKES, [CodeActionKind.SourceFixAll]);
    assert.equal(actions.length, 1, actions.map((a) => a.title).join(', '));
    const [all] = actions;
    assert.equal(all.kind, CodeActionKind.SourceFixAll);
    const fixed = JSON.parse(TextDocument.applyEdits(doc, all.edit!.changes![doc.uri])) as Record<
      string,
      unknown
    >;
    assert.deepEqual(fixed, {
      $api: 'comodo-autoapplyssl',
      loginName: 'example-reseller',
      product: '24,36',
      years: 1,
      serverSoftware: 2,
      csr: 'file:server.csr',
      isCustomerValidated: 'Y',
      test: 'Y',
    });
  });

  it('is offered for `source` too, and not among the quick fixes of the light bulb', async () => {
    const source = await codeActions(MISTAKES, [CodeActionKind.Source]);
    assert.deepEqual(
      source.actions.map((a) => a.kind),
      [CodeActionKind.SourceFixAll],
    );
    const bulb = await codeActions(MISTAKES);
    assert.ok(bulb.actions.length > 3);
    assert.ok(bulb.actions.every((a) => a.kind === CodeActionKind.QuickFix));
    const quickFix = await codeActions(MISTAKES, [CodeActionKind.QuickFix]);
    assert.equal(quickFix.actions.length, bulb.actions.length);
  });

  it('takes no fix that is not certain, and nothing when nothing is certain', async () => {
    // years and days disagree: which to keep is the user's choice (no preferred fix).
    const text = `{ "$api": "comodo-autoapplyssl", "product": "24", "years": 2, "days": 365, "serverSoftware": 2, "csr": "file:a.csr", "isCustomerValidated": "N" }`;
    const { actions } = await codeActions(text, [CodeActionKind.SourceFixAll]);
    assert.deepEqual(actions, []);
  });

  it('of two fixes on the same text the first is taken; the other waits for the next run', () => {
    const text = '{ "$api": "comodo-autoapplyssl", "test": "yes" }';
    const doc = makeDocument(text);
    const value = {
      start: doc.positionAt(text.indexOf('"yes"')),
      end: doc.positionAt(text.indexOf('"yes"') + 5),
    };
    const diagnostic = (newText: string) => ({
      range: value,
      message: 'm',
      source: DIAGNOSTIC_SOURCE,
      data: {
        version: doc.version,
        fixes: [{ title: newText, edits: [{ range: value, newText }], preferred: true }],
      },
    });
    const [all] = svc.doCodeActions(doc, value, {
      diagnostics: [diagnostic('"Y"'), diagnostic('"N"'), diagnostic('"Y"')],
      only: [CodeActionKind.SourceFixAll],
    });
    assert.deepEqual(all.edit!.changes![doc.uri], [{ range: value, newText: '"Y"' }]);
  });
});
