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
  svc.format(doc, { start: position, end: position }, { tabSize: 2, insertSpaces: true });
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
    // 1,500 unknown fields, 4 missing ones and comodo-validity-missing: 1,505 problems.
    const fields = Array.from({ length: 1500 }, (_, i) => `"note${i}": 1`).join(', ');
    const ds = await svc.doValidation(makeDocument(`{ "$api": "comodo-autoapplyssl", ${fields} }`));
    assert.equal(ds.length, 1001);
    assert.equal(ds.filter((d) => d.code === 'unknown-field' || d.code === 'missing-field').length, 999);
    assert.match(ds.find((d) => d.code === 'too-many-problems')!.message, /^505 more problems/);
  });

  it('past 1,000 problems of every rule, the published set is 1,000 and one too-many-problems', async () => {
    // 100,000 duplicated keys: the duplicate-field rule, not the schema, finds them.
    const keys = Array.from({ length: 100_000 }, () => '"note": 1').join(', ');
    const ds = await svc.doValidation(makeDocument(`{ "$api": "comodo-autoapplyssl", ${keys} }`));
    assert.equal(ds.length, 1001);
    const tooMany = ds.filter((d) => d.code === 'too-many-problems');
    assert.equal(tooMany.length, 1);
    assert.match(tooMany[0].message, /^\d+ more problems are not shown: fix the first 1000\.$/);
    const hidden = Number(/^(\d+)/.exec(tooMany[0].message)![1]);
    assert.ok(hidden >= 99_000, `counted ${hidden}`);
    // The first by position are the ones shown.
    const lines = ds.filter((d) => d.code !== 'too-many-problems').map((d) => d.range.start.character);
    assert.deepEqual(
      lines,
      [...lines].sort((a, b) => a - b),
    );
    assert.ok(ds.some((d) => d.code === 'duplicate-field'));
  });

  it('the cap is a parameter; under it nothing is counted', async () => {
    const small = service({ limits: { maxProblems: 3 } });
    const three = await small.doValidation(
      makeDocument('{ "$api": "comodo-autoapplyssl", "a": 1, "a": 2, "a": 3, "a": 4 }'),
    );
    assert.equal(three.length, 4);
    assert.equal(three[0].code, 'too-many-problems');
    const under = await service({ limits: { maxProblems: 1000 } }).doValidation(
      makeDocument('{ "$api": "comodo-autoapplyssl", "a": 1, "a": 2 }'),
    );
    assert.ok(!under.some((d) => d.code === 'too-many-problems'));
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
