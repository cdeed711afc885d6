// The TextMate grammar, tokenized with vscode-textmate and Oniguruma as VS Code does.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { ROOT } from './helpers';

let grammar: textmate.IGrammar;

before(async () => {
  const wasm = readFileSync(path.join(ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async () => {
      const file = path.join(ROOT, 'syntaxes', 'cert-order.tmLanguage.json');
      return textmate.parseRawGrammar(readFileSync(file, 'utf8'), file);
    },
  });
  grammar = (await registry.loadGrammar('source.cert-order'))!;
});

/** The scopes of the token that covers `needle` in `line`. */
function scopesAt(lines: string[], needle: string): string[] {
  let state = textmate.INITIAL;
  for (const line of lines) {
    const { tokens, ruleStack } = grammar.tokenizeLine(line, state);
    state = ruleStack;
    const at = line.indexOf(needle);
    if (at >= 0) return tokens.find((t) => t.startIndex <= at && at < t.endIndex)!.scopes;
  }
  throw new Error(`${needle} not found`);
}

describe('grammar', () => {
  const order = [
    '{',
    '  "$api": "comodo-autoapplyssl",',
    '  "years": 1,',
    '  "isCustomerValidated": true,',
    '  "csr": "-----BEGIN CERTIFICATE REQUEST-----\\nMIIBMTCB2QIBADA9\\n-----END CERTIFICATE REQUEST-----\\n",',
    '  "other": "MIIBMTCB2QIBADA9MQswCQYDVQQGEwJVUzEU",',
    '  "csrFile": "file:certs/www.example.com.csr"',
    '}',
  ];

  it('JSON: keys, strings, numbers, constants', () => {
    assert.ok(scopesAt(order, '$api').includes('support.type.property-name.json'));
    assert.ok(scopesAt(order, 'comodo-autoapplyssl').includes('string.quoted.double.json'));
    assert.ok(scopesAt(order, '1,').includes('constant.numeric.json'));
    assert.ok(scopesAt(order, 'true').includes('constant.language.json'));
  });

  it('a PEM block inside a string: BEGIN/END lines, base64 body and escapes scoped apart', () => {
    const begin = scopesAt(order, '-----BEGIN');
    assert.ok(
      begin.includes('string.quoted.double.json') &&
        begin.includes('meta.embedded.pem') &&
        begin.includes('keyword.control.pem'),
    );
    assert.ok(scopesAt(order, 'CERTIFICATE REQUEST-----\\nMII').includes('entity.name.type.pem'));
    const body = scopesAt(order, 'MIIBMTCB2QIBADA9\\n');
    assert.ok(body.includes('meta.embedded.pem') && body.includes('string.unquoted.base64.pem'));
    assert.ok(scopesAt(order, '\\nMIIB').includes('constant.character.escape.json'));
    assert.ok(scopesAt(order, '-----END').includes('keyword.control.pem'));
  });

  it('bare base64 (no BEGIN/END lines) is a PEM body too', () => {
    const bare = scopesAt(order, 'MIIBMTCB2QIBADA9MQsw');
    assert.ok(bare.includes('meta.embedded.pem') && bare.includes('string.unquoted.base64.pem'));
  });

  it('file: references', () => {
    assert.ok(scopesAt(order, 'file:').includes('keyword.other.file-reference.cert-order'));
    const target = scopesAt(order, 'certs/www');
    assert.ok(
      target.includes('markup.underline.link.cert-order') && target.includes('string.quoted.double.json'),
    );
  });

  it('ordinary strings are not PEM', () => {
    assert.ok(!scopesAt(order, 'comodo-autoapplyssl').includes('meta.embedded.pem'));
  });
});
