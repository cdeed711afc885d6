// vscode-json-languageservice's messages in another language: every diagnostic case still gets its
// code and our words, because problems are classified by the service's codes, the node and the
// catalogue field, not by its English. The bundle is loaded before the service (first import).
import '../../support/germanL10n';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from 'vscode-json-languageservice';
import { namedIn } from '../../../server/src/service/validation/schemaProblems';
import { caseTitle, cases, checkCase } from './diagnosticCases';
import { comodoOrder, diagnostics, ssl2buyOrder } from './helpers';

describe('schema problems under a German bundle of the service', () => {
  it('the bundle is in force: the service itself speaks German', async () => {
    const service = getLanguageService({});
    service.configure({
      validate: true,
      schemas: [
        {
          uri: 'inmemory://schema.json',
          fileMatch: ['*.json'],
          schema: {
            type: 'object',
            properties: { a: { type: 'string', maxLength: 1 }, m: { type: 'string', format: 'email' } },
            required: ['b'],
            additionalProperties: false,
          },
        },
      ],
    });
    const document = TextDocument.create('file:///x.json', 'json', 1, '{ "a": "xy", "c": 1, "m": "x" }');
    const messages = (await service.doValidation(document, service.parseJSONDocument(document))).map(
      (d) => d.message,
    );
    for (const german of [
      'Fehlende Eigenschaft „b“.',
      'Die Eigenschaft c ist nicht zulässig.',
      'Die Zeichenfolge ist länger als die maximale Länge von 1.',
      'Die Zeichenfolge ist keine E-Mail-Adresse.',
    ])
      assert.ok(messages.includes(german), `${german} not in ${messages.join(' / ')}`);
  });

  for (const c of cases) it(caseTitle(c), () => checkCase(c, false));

  it("no schema problem is left to the service's own words", async () => {
    for (const c of cases) {
      const schema = (await diagnostics(c.bad)).filter((d) => d.code === 'schema');
      assert.deepEqual(
        schema.map((d) => d.message),
        [],
        caseTitle(c),
      );
    }
  });

  it('several problems of one order keep their codes, one per value', async () => {
    const order = ssl2buyOrder({
      Year: '1',
      PartnerEmail: 'partner',
      PACOrderInfo: { Title: 'Ms' },
      Yaer: 1,
    });
    assert.deepEqual((await diagnostics(order)).map((d) => d.code).sort(), [
      'invalid-email',
      'missing-field',
      'missing-field',
      'unknown-field',
      'wrong-type',
    ]);
    assert.deepEqual(
      (await diagnostics(comodoOrder({ product: '24, 36', loginName: 'x'.repeat(70) }))).map((d) => d.code),
      ['too-long', 'invalid-format'],
    );
  });
});

describe('the one use of a message: the name a missing property quotes', () => {
  it('is found between any quotes, the longest name first, never inside a longer word', () => {
    assert.equal(namedIn('Missing property "years".', ['days', 'years']), 'years');
    assert.equal(namedIn('Fehlende Eigenschaft „years“.', ['days', 'years']), 'years');
    assert.equal(namedIn('Missing property "ApprovalEmail".', ['Email', 'ApprovalEmail']), 'ApprovalEmail');
    assert.equal(namedIn('Missing property "ApprovalEmail".', ['Email']), undefined);
    assert.equal(namedIn('Missing property "$api".', ['api', '$api']), '$api');
    assert.equal(namedIn('Missing property "x".', []), undefined);
  });
});
