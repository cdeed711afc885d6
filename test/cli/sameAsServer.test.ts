// `cert-order check` gives exactly the language server's diagnostics: every example order and
// CSR file, checked by the bin and opened in the server over stdio, compared field by field.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { LspClient, useLspClient } from '../protocol/lspClient';
import { EXAMPLES, runCli } from './run';

const SEVERITY: Record<number, string> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'info',
  [DiagnosticSeverity.Hint]: 'hint',
};

describe('cert-order check and the language server', () => {
  let client: LspClient;
  useLspClient((c) => (client = c));

  it('agree on every example, diagnostic for diagnostic', async () => {
    const names = readdirSync(EXAMPLES)
      .filter((n) => /\.(order\.json|csr)$/.test(n))
      .sort();
    const run = await runCli(['check', '--format', 'json', ...names], { cwd: EXAMPLES });
    const cli = JSON.parse(run.stdout).files as { path: string; diagnostics: Record<string, unknown>[] }[];
    assert.equal(cli.length, names.length);
    let compared = 0;
    for (const file of cli) {
      const uri = pathToFileURL(path.join(EXAMPLES, file.path)).href;
      const languageId = file.path.endsWith('.csr') ? 'cert-csr' : 'cert-order';
      const text = readFileSync(path.join(EXAMPLES, file.path), 'utf8');
      const server = (await client.open(uri, text, 1, languageId)).diagnostics.map((d) => ({
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
        endLine: d.range.end.line + 1,
        endColumn: d.range.end.character + 1,
        severity: SEVERITY[d.severity ?? DiagnosticSeverity.Error],
        code: String(d.code),
        message: d.message,
      }));
      const fromCli = file.diagnostics.map(({ comodoStatus: _status, ...d }) => d);
      assert.deepEqual(fromCli, server, file.path);
      compared += server.length;
    }
    assert.ok(compared > 20, `compared ${compared} diagnostics`);
  });
});
