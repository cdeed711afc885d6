// The CSR's signature algorithm and the check that its own key signed it (proof of possession).
// Node's crypto (OpenSSL) verifies; ECDSA signatures in CSRs are DER-encoded, node's default.
import { constants, verify as cryptoVerify } from 'node:crypto';
import { childrenOf, DerError, expectChild, readOid, readSmallInteger, readTlv, Tag, type Tlv } from './der';
import { CURVES, HASHES, OID, SIGNATURE_ALGORITHMS, type HashName } from './oids';
import { asBuffer, verificationKey, type ReadPublicKey } from './publicKey';
import type { PssParameters, SignatureInfo, VerifyOutcome } from './types';

export type SignatureAlgorithm = Omit<SignatureInfo, 'verify'>;

export function readSignatureAlgorithm(bytes: Uint8Array, alg: Tlv): SignatureAlgorithm {
  if (alg.tag !== Tag.SEQUENCE) throw new DerError('signatureAlgorithm is not a SEQUENCE', alg.start);
  const [oidTlv, params] = childrenOf(bytes, alg);
  const oid = readOid(bytes, expectChild(oidTlv, Tag.OID, 'signature algorithm', alg.start));
  const known = SIGNATURE_ALGORITHMS[oid];
  if (!known) return { oid, name: oid, kind: 'unknown', hash: null };
  if (known.kind !== 'rsa-pss') return { oid, name: known.name, kind: known.kind, hash: known.hash };
  const pss = readPssParameters(bytes, params);
  return { oid, name: known.name, kind: 'rsa-pss', hash: pss.hash, pss };
}

/** RSASSA-PSS-params (RFC 4055 3.1), with its defaults: SHA-1, MGF1 with SHA-1, salt 20. */
function readPssParameters(bytes: Uint8Array, params: Tlv | undefined): PssParameters {
  const out: PssParameters = { hash: 'sha1', mgf1Hash: 'sha1', saltLength: 20, trailerField: 1 };
  if (!params || params.tag === Tag.NULL) return out;
  if (params.tag !== Tag.SEQUENCE)
    throw new DerError('RSASSA-PSS parameters are not a SEQUENCE', params.start);
  for (const field of childrenOf(bytes, params)) {
    const inner = readTlv(bytes, field.contentStart, field.end);
    switch (field.tag) {
      case 0xa0:
        out.hash = hashOf(bytes, inner);
        break;
      case 0xa1: {
        const [mgfOid, mgfHash] = childrenOf(bytes, inner);
        const mgf = readOid(bytes, expectChild(mgfOid, Tag.OID, 'mask generation function', inner.start));
        out.mgf1Hash = mgf === OID.mgf1 && mgfHash ? hashOf(bytes, mgfHash) : mgf;
        break;
      }
      case 0xa2:
        out.saltLength = readSmallInteger(bytes, inner);
        break;
      case 0xa3:
        out.trailerField = readSmallInteger(bytes, inner);
        break;
      default:
        throw new DerError('unexpected field in RSASSA-PSS parameters', field.start);
    }
  }
  return out;
}

function hashOf(bytes: Uint8Array, algId: Tlv): HashName | string {
  const [oidTlv] = childrenOf(
    bytes,
    expectChild(algId, Tag.SEQUENCE, 'hash AlgorithmIdentifier', algId.start),
  );
  const oid = readOid(bytes, expectChild(oidTlv, Tag.OID, 'hash algorithm', algId.start));
  return HASHES[oid] ?? oid;
}

const NODE_HASHES = new Set<string>(['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512']);

/** Verifies `signature` over the exact bytes of certificationRequestInfo. Never throws. */
export function verifyCsrSignature(
  alg: SignatureAlgorithm,
  key: ReadPublicKey,
  signedBytes: Uint8Array,
  signature: Uint8Array,
): VerifyOutcome {
  const keyAlg = key.info.algorithm;
  const compatible =
    (alg.kind === 'rsa' && keyAlg === 'RSA') ||
    (alg.kind === 'rsa-pss' && (keyAlg === 'RSA' || keyAlg === 'RSA-PSS')) ||
    (alg.kind === 'ecdsa' && keyAlg === 'EC') ||
    (alg.kind === 'dsa' && keyAlg === 'DSA') ||
    (alg.kind === 'eddsa' && keyAlg === alg.name.replace('ED', 'Ed'));
  if (alg.kind === 'unknown')
    return { status: 'unchecked', reason: `unknown signature algorithm ${alg.oid}` };
  // A key this decoder does not know cannot be said not to verify: it is not checked.
  if (keyAlg === 'unknown') return { status: 'unchecked', reason: `unknown key algorithm ${key.info.oid}` };
  if (!compatible) {
    return { status: 'invalid', reason: `a ${alg.name} signature cannot come from a ${keyAlg} key` };
  }
  if (alg.kind !== 'eddsa' && (!alg.hash || !NODE_HASHES.has(alg.hash))) {
    return { status: 'unchecked', reason: `digest ${alg.hash ?? alg.name} is not supported here` };
  }
  if (alg.pss && alg.pss.mgf1Hash !== alg.pss.hash) {
    return { status: 'unchecked', reason: 'RSA-PSS with an MGF1 digest other than the message digest' };
  }
  if (alg.pss && alg.pss.trailerField !== 1) {
    return { status: 'invalid', reason: `RSA-PSS trailer field ${alg.pss.trailerField} (only 1 is defined)` };
  }
  let keyObject;
  try {
    keyObject = verificationKey(key);
  } catch (err) {
    // An EC curve Node's OpenSSL does not know is not a key that fails to verify.
    if (key.info.algorithm === 'EC' && !(key.info.curveOid && CURVES[key.info.curveOid])) {
      return { status: 'unchecked', reason: `the curve ${key.info.curve} is not supported here` };
    }
    return { status: 'invalid', reason: `the public key cannot be used: ${errorText(err)}` };
  }
  try {
    const digest = alg.kind === 'eddsa' ? null : (alg.hash as string);
    const ok = cryptoVerify(
      digest,
      asBuffer(signedBytes),
      alg.pss
        ? { key: keyObject, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: alg.pss.saltLength }
        : keyObject,
      asBuffer(signature),
    );
    return ok
      ? { status: 'valid' }
      : { status: 'invalid', reason: 'the signature does not match the request' };
  } catch (err) {
    return { status: 'invalid', reason: errorText(err) };
  }
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
