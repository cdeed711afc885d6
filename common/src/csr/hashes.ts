// Digests of the CSR's DER bytes (not its PEM text): what Sectigo's hash-based domain-control
// validation and SSL2Buy's MD5/SHA1 response fields are computed over.
import { createHash } from 'node:crypto';
import { asBuffer } from './publicKey';

export interface CsrHashes {
  /** Lower-case hex, as `openssl dgst` prints it. */
  md5: string;
  sha1: string;
  sha256: string;
}

export function hashCsr(der: Uint8Array): CsrHashes {
  const data = asBuffer(der);
  return {
    md5: createHash('md5').update(data).digest('hex'),
    sha1: createHash('sha1').update(data).digest('hex'),
    sha256: createHash('sha256').update(data).digest('hex'),
  };
}
