// Key and signature rules (Comodo -11, -12, -13). The document (v1.11) allows only rsaEncryption
// keys of 512-1024 bits and MD5/SHA-1 signatures; CAs today require RSA >= 2048 or EC P-256/P-384
// and SHA-256 or stronger (CA/Browser Forum Baseline Requirements 6.1.5, 7.1.3). The setting
// `csr.keyPolicy` chooses which rule applies; every message names both. The SSL2Buy document
// states no key rule, so its S/MIME orders get today's practice.
import { COMODO_DOCUMENT_KEY, COMODO_DOCUMENT_SIGNATURES } from '../comodoCsrSpec';
import type { PublicKeyInfo, SignatureInfo } from '../types';
import { vendorName } from '../../catalogue';
import { statusFor, vendorSays, type CsrContentRule, type RuleContext } from './types';

const CURRENT_KEYS = 'RSA (rsaEncryption) of at least 2048 bits or EC P-256/P-384';
const CURRENT_SIGNATURES = 'signed with SHA-256, SHA-384 or SHA-512';
const DOCUMENT_KEYS = `rsaEncryption of ${COMODO_DOCUMENT_KEY.minBits} to ${COMODO_DOCUMENT_KEY.maxBits} bits`;
const DOCUMENT_SIGNATURES = COMODO_DOCUMENT_SIGNATURES.join(' or ');
const STRONG_HASHES = new Set(['sha256', 'sha384', 'sha512']);

/** "Today's practice (...) requires X; the Comodo document v1.11 (...) allows Y." with the rule in force marked. */
function bothRules(ctx: RuleContext, current: string, documented: string): string {
  if (!ctx.documentKeyPolicy) {
    const document = ctx.catalogue ? `the ${vendorName(ctx.catalogue)} document` : 'no document';
    return ` Today's practice requires ${current} (${document} states no key rule).`;
  }
  const inForce = (p: string) => (ctx.policy === p ? ', in force' : '');
  return (
    ` Today's practice (csr.keyPolicy "current"${inForce('current')}) requires ${current}; ` +
    `the Comodo document v1.11 (csr.keyPolicy "document"${inForce('document')}) allows only ${documented}.`
  );
}

export function describeKey(key: PublicKeyInfo): string {
  switch (key.algorithm) {
    case 'RSA':
    case 'RSA-PSS':
      return `${key.algorithm} ${key.bits}-bit`;
    case 'EC':
      return `EC ${key.curve}`;
    case 'DSA':
      return key.bits ? `DSA ${key.bits}-bit` : 'DSA';
    case 'Ed25519':
    case 'Ed448':
      return key.algorithm;
    default:
      return `an unknown algorithm (${key.oid})`;
  }
}

/** Whether the key's algorithm (not its size) is one the policy accepts. */
function keyAlgorithmAccepted(key: PublicKeyInfo, ctx: RuleContext): boolean {
  if (ctx.policy === 'document') return key.algorithm === 'RSA';
  if (key.algorithm === 'RSA') return true;
  return key.algorithm === 'EC' && (key.curve === 'P-256' || key.curve === 'P-384' || key.curve === 'P-521');
}

export const csrUnsupportedKeyAlgorithm: CsrContentRule = {
  code: 'csr-unsupported-key-algorithm',
  statusCode: -11,
  description: 'The public key algorithm is not one the key policy accepts.',
  check(csr, ctx) {
    const key = csr.publicKey;
    if (keyAlgorithmAccepted(key, ctx)) return [];
    const why =
      key.algorithm === 'RSA-PSS'
        ? ' (an RSA key must be encoded as rsaEncryption, not id-RSASSA-PSS: Baseline Requirements 7.1.3.1.1; make the key with "openssl req -newkey rsa:2048")'
        : '';
    return [
      {
        code: this.code,
        statusCode: statusFor(ctx, this.statusCode),
        severity: 'error',
        message:
          `The key is ${describeKey(key)}${why}.` +
          bothRules(ctx, CURRENT_KEYS, DOCUMENT_KEYS) +
          vendorSays(ctx, this.statusCode),
      },
    ];
  },
};

export const csrUnsupportedKeySize: CsrContentRule = {
  code: 'csr-unsupported-key-size',
  statusCode: -13,
  description:
    "The key size is outside what the key policy accepts (RSA bits; EC P-521 under today's practice).",
  check(csr, ctx) {
    const key = csr.publicKey;
    if (!keyAlgorithmAccepted(key, ctx)) return [];
    let problem: string | undefined;
    let severity: 'error' | 'warning' = 'error';
    if (key.algorithm === 'RSA') {
      if (ctx.policy === 'document') {
        if (key.bits < COMODO_DOCUMENT_KEY.minBits || key.bits > COMODO_DOCUMENT_KEY.maxBits) {
          problem = `The key is RSA ${key.bits}-bit.`;
        }
      } else if (key.bits < 2048) {
        problem = `The key is RSA ${key.bits}-bit, too small.`;
      } else if (key.bits % 8 !== 0) {
        problem = `The key is RSA ${key.bits}-bit; the modulus size must be a multiple of 8 (Baseline Requirements 6.1.5).`;
      }
    } else if (key.algorithm === 'EC' && key.curve === 'P-521') {
      severity = 'warning';
      problem =
        'The key is EC P-521. The Baseline Requirements allow P-256, P-384 and P-521, but many CAs issue only for P-256 and P-384.';
    }
    if (!problem) return [];
    return [
      {
        code: this.code,
        statusCode: statusFor(ctx, this.statusCode),
        severity,
        message: problem + bothRules(ctx, CURRENT_KEYS, DOCUMENT_KEYS) + vendorSays(ctx, this.statusCode),
      },
    ];
  },
};

export function describeSignature(sig: SignatureInfo): string {
  return sig.kind === 'rsa-pss' ? `rsassaPss with ${sig.hash}` : sig.name;
}

export const csrUnsupportedSignature: CsrContentRule = {
  code: 'csr-unsupported-signature-algorithm',
  statusCode: -11,
  description: 'The signature algorithm (digest) is not one the key policy accepts.',
  check(csr, ctx) {
    // An unaccepted key algorithm is reported once, by csr-unsupported-key-algorithm.
    if (!keyAlgorithmAccepted(csr.publicKey, ctx)) return [];
    const sig = csr.signature;
    const accepted =
      ctx.policy === 'document'
        ? COMODO_DOCUMENT_SIGNATURES.includes(sig.name)
        : sig.kind !== 'unknown' && sig.hash !== null && STRONG_HASHES.has(sig.hash);
    if (accepted) return [];
    return [
      {
        code: this.code,
        statusCode: statusFor(ctx, this.statusCode),
        severity: 'error',
        message:
          `The request is signed with ${describeSignature(sig)}.` +
          bothRules(ctx, CURRENT_SIGNATURES, DOCUMENT_SIGNATURES) +
          vendorSays(ctx, this.statusCode),
      },
    ];
  },
};

export const csrBadSignature: CsrContentRule = {
  code: 'csr-bad-signature',
  statusCode: -12,
  description: "The request's signature does not verify with its own public key.",
  check(csr, ctx) {
    const v = csr.signature.verify;
    if (v.status !== 'invalid') return [];
    return [
      {
        code: this.code,
        statusCode: statusFor(ctx, this.statusCode),
        severity: 'error',
        message:
          `The request's signature does not verify with its own public key (${v.reason}): it was changed ` +
          `after signing, or copied incompletely. Make the CSR again from the key.` +
          vendorSays(ctx, this.statusCode),
      },
    ];
  },
};

export const csrSignatureUnchecked: CsrContentRule = {
  code: 'csr-signature-unchecked',
  description: 'The signature could not be checked here (unknown or unsupported algorithm).',
  check(csr) {
    const v = csr.signature.verify;
    if (v.status !== 'unchecked') return [];
    return [
      {
        code: this.code,
        severity: 'warning',
        message: `The request's signature was not checked: ${v.reason}. The CA checks it.`,
      },
    ];
  },
};
