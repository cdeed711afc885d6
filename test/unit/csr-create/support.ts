// Helpers for the key-and-CSR tests: the request decoded by the project's own decoder, what
// `openssl req -verify` says of it, and the language service's diagnostics on an order carrying it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { CsrCache, decodeCsr, type DecodedCsr } from '../../../common/src/csr';
import { defaultSettings } from '../../../common/src/settings';
import { createCsrParticipant } from '../../../server/src/csr/participant';
import { getOrderLanguageService } from '../../../server/src/service';
import { makeDocument } from '../service/helpers';

export const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'csr-create');

export function decoded(der: Uint8Array): DecodedCsr {
  const r = decodeCsr(der);
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  return r.csr;
}

/** `openssl req -verify` on the PEM: its verdict and what it printed. */
export function opensslVerify(pem: string): { ok: boolean; output: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'csr-create-'));
  try {
    const file = path.join(dir, 'req.csr');
    writeFileSync(file, pem);
    const r = spawnSync('openssl', ['req', '-in', file, '-noout', '-verify'], { encoding: 'utf8' });
    if (r.error) throw r.error;
    const output = r.stdout + r.stderr;
    return { ok: r.status === 0 && /verif(y|ication) OK/i.test(output), output };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The diagnostics of an order (JSON object) with the CSR inline, under the key policy. */
export function orderDiagnostics(
  order: Record<string, unknown>,
  keyPolicy: 'current' | 'document' = 'current',
): Promise<Diagnostic[]> {
  // The language server's own CSR participant: decoder, rules and all.
  const service = getOrderLanguageService({ csr: createCsrParticipant(new CsrCache()) });
  return service.doValidation(makeDocument(JSON.stringify(order, null, 2)), {
    ...defaultSettings,
    csr: { keyPolicy },
  });
}
