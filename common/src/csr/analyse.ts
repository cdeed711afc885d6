// From text to everything the hover, the rules and the report need, in one step.
import { decodeCsr } from './decode';
import { hashCsr, type CsrHashes } from './hashes';
import { readCsrText, type CsrText, type CsrTextError } from './pem';
import type { CsrDecodeError, DecodedCsr } from './types';

export type CsrAnalysis =
  /** The text holds no base64 CSR (Comodo -9), or a PEM block of another kind. */
  | { kind: 'text-error'; text: CsrTextError }
  /** Base64, but not a CSR (Comodo -10). */
  | { kind: 'decode-error'; text: CsrText; error: CsrDecodeError }
  | { kind: 'decoded'; text: CsrText; csr: DecodedCsr; hashes: CsrHashes };

/** Reads, decodes, verifies and hashes the CSR in `text`. Never throws. Uncached: see CsrCache. */
export function analyseCsrText(text: string): CsrAnalysis {
  const read = readCsrText(text);
  if (!read.ok) return { kind: 'text-error', text: read };
  return analyseCsrBase64(read);
}

/** The steps after base64: for a CsrText already read. */
export function analyseCsrBase64(read: CsrText): CsrAnalysis {
  const decoded = decodeCsr(read.der);
  if (!decoded.ok) return { kind: 'decode-error', text: read, error: decoded.error };
  return { kind: 'decoded', text: read, csr: decoded.csr, hashes: hashCsr(read.der) };
}
