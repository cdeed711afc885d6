// The sandbox's reading of a CSR, through the CSR module (`analyseCsrText` + `checkCsr`): the first
// error the CA would meet, with its Comodo status code, or the decoded CSR and its hashes.
import {
  analyseCsrText,
  checkCsr,
  type CsrCheckContext,
  type CsrHashes,
  type CsrPolicy,
  type DecodedCsr,
} from '../../common/src/csr';

export type SandboxCsr =
  | { ok: true; csr: DecodedCsr; hashes: CsrHashes; der: Uint8Array }
  /**
   * `code`: the Comodo status code (-9 not base64, -10 cannot be decoded, -12 bad signature, ...);
   * -4 (the csr argument is invalid) for an error the document gives no code for.
   * `field`: the order argument a -3 names (an address argument the CSR does not carry either).
   */
  | { ok: false; code: number; detail: string; field?: string };

export function readSandboxCsr(text: string, context: CsrCheckContext): SandboxCsr {
  const analysis = analyseCsrText(text);
  const errors = checkCsr(analysis, context).filter((f) => f.severity === 'error');
  if (errors.length > 0) {
    const first = errors.find((f) => f.statusCode !== undefined) ?? errors[0];
    return {
      ok: false,
      code: first.statusCode ?? -4,
      detail: first.message,
      ...(first.orderField ? { field: first.orderField } : {}),
    };
  }
  if (analysis.kind !== 'decoded') return { ok: false, code: -10, detail: 'The CSR cannot be decoded.' };
  return { ok: true, csr: analysis.csr, hashes: analysis.hashes, der: analysis.csr.der };
}

export type { CsrPolicy };
