// The VS Code the suite runs in: the minimum tier (`npm run test:vscode:minimum`) must really be
// engines.vscode's minimum, and every tier a VS Code the manifest admits.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID } from './helpers';

/** `1.96.4` -> [1, 96]. */
function majorMinor(version: string): [number, number] {
  const m = /(\d+)\.(\d+)/.exec(version);
  assert.ok(m, `no version in ${version}`);
  return [Number(m[1]), Number(m[2])];
}

suite('Engines', () => {
  test('this VS Code is one engines.vscode admits, and the one the runner started', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    const claimed = String(ext.packageJSON.engines?.vscode ?? '');
    assert.match(claimed, /^\^\d+\.\d+\.\d+$/, 'a caret range');
    const [minMajor, minMinor] = majorMinor(claimed);
    const [major, minor] = majorMinor(vscode.version);
    assert.ok(major === minMajor && minor >= minMinor, `VS Code ${vscode.version} is outside ${claimed}`);
    // The code-server runner names the VS Code it installed (lib/vscode/package.json).
    const expected = process.env.CERT_ORDER_VSCODE_EXPECTED_VERSION;
    if (expected) assert.equal(vscode.version, expected);
    if (process.env.CERT_ORDER_CODE_SERVER === 'minimum') assert.equal(minor, minMinor, 'the minimum itself');
  });
});
