// Inputs past the limits: one diagnostic, quickly, and no feature throws.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findExcessiveNesting } from '../../../server/src/service/parse';
import { makeDocument, service } from './helpers';

const svc = service();

async function everyFeature(text: string) {
  const doc = makeDocument(text);
  const position = doc.positionAt(Math.floor(text.length / 2));
  const diagnostics = await svc.doValidation(doc);
  await svc.doComplete(doc, position);
  await svc.doHover(doc, position);
  svc.doCodeActions(doc, { start: position, end: position }, { diagnostics });
  svc.findDocumentSymbols(doc);
  svc.getFoldingRanges(doc);
  svc.getSelectionRanges(doc, [position]);
  svc.format(doc, undefined, { tabSize: 2, insertSpaces: true });
  return diagnostics;
}

describe('limits', () => {
  it('10,000-deep nesting: file-too-deep at the first level past the limit', async () => {
    const text = '['.repeat(10_000) + ']'.repeat(10_000);
    const started = Date.now();
    const ds = await everyFeature(text);
    assert.deepEqual(
      ds.map((d) => d.code),
      ['file-too-deep'],
    );
    assert.equal(ds[0].range.start.character, 64);
    assert.ok(Date.now() - started < 2000);
  });

  it('nesting inside strings does not count', () => {
    assert.equal(findExcessiveNesting(`{"a": "${'['.repeat(1000)}", "b": "\\"{{"}`, 3), -1);
    assert.equal(findExcessiveNesting('{"a": [[[1]]]}', 3), 8);
  });

  it('a 10 MB file: file-too-large', async () => {
    const text = `{"$api": "comodo-autoapplyssl", "x": "${'a'.repeat(10 * 1024 * 1024)}"}`;
    const ds = await everyFeature(text);
    assert.deepEqual(
      ds.map((d) => d.code),
      ['file-too-large'],
    );
  });

  it('binary junk and empty text get diagnostics, not exceptions', async () => {
    let junk = '';
    for (let i = 0; i < 5000; i++) junk += String.fromCharCode((i * 7919) % 65536);
    assert.ok((await everyFeature(junk)).length > 0);
    assert.deepEqual(
      (await everyFeature('  ')).map((d) => d.code),
      ['empty-file'],
    );
    assert.ok((await everyFeature('\u0000\uffff"')).length > 0);
  });

  it('past 1,000 schema problems, the rest are counted', async () => {
    const fields = Array.from({ length: 1500 }, (_, i) => `"note${i}": 1`).join(', ');
    const ds = await svc.doValidation(makeDocument(`{ "$api": "comodo-autoapplyssl", ${fields} }`));
    assert.equal(ds.filter((d) => d.code === 'unknown-field' || d.code === 'missing-field').length, 1000);
    assert.match(ds.find((d) => d.code === 'too-many-problems')!.message, /^504 more problems/);
  });

  it('the limits are parameters', async () => {
    const small = service({ limits: { maxLength: 10 } });
    const ds = await small.doValidation(makeDocument('{"$api": "comodo-autoapplyssl"}'));
    assert.deepEqual(
      ds.map((d) => d.code),
      ['file-too-large'],
    );
  });
});
