// Formatting in bounded time and size: refused past the depth limit or the edit cap, with the
// reason; the client's options clamped; the scan's bound never below what the formatter writes.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import {
  clampFormattingOptions,
  MAX_FORMAT_EDIT_BYTES,
  scanForFormatting,
} from '../../../server/src/service/format';
import { createJsonServices } from '../../../server/src/service/jsonServices';
import { prng } from '../../support/prng';
import { comodoOrder, EXAMPLES, makeDocument, service } from './helpers';

const svc = service();
const spaces = { tabSize: 2, insertSpaces: true };
const wholeLine = (line: number): Range => ({
  start: { line, character: 0 },
  end: { line, character: 1_000_000 },
});

describe('formatting, bounded', () => {
  it('refuses past the depth limit the parse does not see: {"a":1, then 10,000 [', () => {
    const doc = makeDocument('{"a":1,' + '['.repeat(10_000), 'file:///orders/deep.order.json');
    for (const range of [undefined, wholeLine(0)]) {
      const { edits, refused } = svc.format(doc, range, spaces);
      assert.deepEqual(edits, []);
      assert.equal(
        refused,
        '"deep.order.json" is not formatted: it nests deeper than 64 levels (line 1). An order nests at most two levels.',
      );
    }
  });

  it('refuses a file past the parse limits, with the reason', () => {
    const deep = svc.format(makeDocument('['.repeat(10_000) + ']'.repeat(10_000)), undefined, spaces);
    assert.deepEqual(deep.edits, []);
    assert.match(deep.refused!, /nests deeper than 64 levels/);
    const large = svc.format(makeDocument(`["${'a'.repeat(5 * 1024 * 1024)}"]`), undefined, spaces);
    assert.deepEqual(large.edits, []);
    assert.match(large.refused!, /past 4096 KB a file is not checked/);
  });

  it('brackets inside strings do not count', () => {
    const text = `{"a": "${'['.repeat(1000)}", "b": [[1]]}`;
    const { edits, refused } = svc.format(makeDocument(text), undefined, spaces);
    assert.equal(refused, undefined);
    assert.ok(edits.length > 0);
  });

  it('refuses edits past 2 MB, measured', () => {
    // 30,000 values on one line: each gets a line of its own, about 90 bytes of edit each.
    const doc = makeDocument('[' + '1,'.repeat(30_000) + '1]');
    const { edits, refused } = svc.format(doc, undefined, spaces);
    assert.deepEqual(edits, []);
    assert.match(refused!, /its edits would be 2\.\d MB, past the 2 MB a formatting answer may carry/);
  });

  it('refuses without formatting when the edits could pass 8 MB', () => {
    const doc = makeDocument('[' + '1,'.repeat(300_000) + '1]');
    const { edits, refused } = svc.format(doc, undefined, spaces);
    assert.deepEqual(edits, []);
    assert.match(refused!, /its edits could be larger, past the 2 MB/);
  });

  it('formats a large file that is already formatted: no edits, no refusal', () => {
    const doc = makeDocument('[\n' + '  1,\n'.repeat(30_000) + '  1\n]');
    assert.deepEqual(svc.format(doc, undefined, spaces), { edits: [] });
  });

  it('range formatting formats the range lines only', () => {
    const doc = makeDocument('{\n"$api":   "comodo-autoapplyssl",\n"test":    "Y"\n}\n');
    const { edits, refused } = svc.format(doc, wholeLine(1), spaces);
    assert.equal(refused, undefined);
    const text = TextDocument.applyEdits(doc, edits);
    // The range's first line gives the indent (jsonc-parser reads no context before it).
    assert.equal(text, '{\n"$api": "comodo-autoapplyssl",\n"test":    "Y"\n}\n');
    // A reversed range is the same range.
    const reversed = svc.format(doc, { start: wholeLine(1).end, end: wholeLine(1).start }, spaces);
    assert.equal(TextDocument.applyEdits(doc, reversed.edits), text);
  });

  it('clamps the options: tabSize an integer 1..16, flags booleans, nothing else', () => {
    assert.deepEqual(clampFormattingOptions({ tabSize: 1e9, insertSpaces: 'yes', evil: 'x' }), {
      tabSize: 16,
      insertSpaces: false,
      insertFinalNewline: false,
      keepLines: false,
    });
    assert.equal(clampFormattingOptions({ tabSize: -3 }).tabSize, 1);
    assert.equal(clampFormattingOptions({ tabSize: Number.NaN }).tabSize, 4);
    assert.equal(clampFormattingOptions({ tabSize: '8' }).tabSize, 4);
    assert.equal(clampFormattingOptions({ tabSize: 2.6, insertSpaces: true }).tabSize, 3);
    assert.equal(clampFormattingOptions(null).tabSize, 4);
    const doc = makeDocument(JSON.stringify(JSON.parse(comodoOrder())));
    const { edits } = svc.format(doc, undefined, { tabSize: 1e9, insertSpaces: true });
    assert.ok(edits.length > 0);
    assert.ok(edits.every((e) => e.newText.length <= 1 + 16));
  });

  it('the scan bounds what the formatter writes, for mutated examples and any options', () => {
    const json = createJsonServices().forApi(undefined);
    const seeds = readdirSync(EXAMPLES)
      .filter((f) => f.endsWith('.order.json'))
      .map((f) => readFileSync(path.join(EXAMPLES, f), 'utf8'));
    const random = prng(14);
    const int = (n: number) => Math.floor(random() * n);
    const bits = ['{', '}', '[', ']', ',', ':', '\n', '\r\n', '\t', '    ', '// c\n', '/* c */', '"', '1'];
    // Line breaks and tabs, two bytes each in JSON, kept by keepLines or written by indenting with tabs.
    const breaks = ['[\n' + '\n'.repeat(5000) + '1]', '\t'.repeat(500) + '{"a":[1,[2]]}\n'.repeat(20)];
    for (let i = 0; i < 400; i++) {
      let text = i < 40 ? breaks[i % 2] : seeds[int(seeds.length)];
      for (let n = 1 + int(6); n > 0; n--) {
        const at = int(text.length + 1);
        text = text.slice(0, at) + bits[int(bits.length)].repeat(1 + int(20)) + text.slice(at + int(5));
      }
      const doc = TextDocument.create('file:///x.order.json', 'cert-order', 1, text);
      const options = clampFormattingOptions({
        tabSize: int(20),
        insertSpaces: random() < 0.5,
        keepLines: i < 20 || random() < 0.5,
        insertFinalNewline: random() < 0.5,
      });
      const a = int(text.length + 1);
      const b = int(text.length + 1);
      const ranged = random() < 0.5;
      const [from, to] = ranged ? [Math.min(a, b), Math.max(a, b)] : [0, text.length];
      const lineFrom = ranged ? text.lastIndexOf('\n', from - 1) + 1 : 0;
      let lineTo = to;
      while (ranged && lineTo < text.length && text[lineTo] !== '\n' && text[lineTo] !== '\r') lineTo++;
      const range = ranged ? { start: doc.positionAt(from), end: doc.positionAt(to) } : undefined;
      const scan = scanForFormatting(text, lineFrom, lineTo, options, 1000);
      const size = JSON.stringify(json.format(doc, range, options)).length;
      assert.ok(
        size <= scan.bound,
        `${size} > ${scan.bound} for ${JSON.stringify(text)} ${JSON.stringify(options)}`,
      );
    }
    assert.ok(MAX_FORMAT_EDIT_BYTES >= 1024 * 1024);
  });
});
