// SubjectPublicKeyInfo: what the key is, and a node:crypto KeyObject to verify with.
//
// Speed: `createPublicKey` on SPKI DER goes through OpenSSL 3's decoder framework and costs
// ~140 us for RSA-2048 and ~95 us for P-256. An RSA key imported as PKCS#1 (the BIT STRING's own
// content) costs ~2 us, an EC key as JWK ~50 us: same key, same checks by OpenSSL, less lookup.
// Measured in scripts/bench/csr.bench.ts.
import { createPublicKey, type KeyObject } from 'node:crypto';
import {
  bitLength,
  bitStringBytes,
  childrenOf,
  DerError,
  expectChild,
  readOid,
  Tag,
  unsignedIntegerBytes,
  readTlv,
  toHex,
  type Tlv,
} from './der';
import { CURVES, OID } from './oids';
import type { PublicKeyInfo } from './types';

export interface ReadPublicKey {
  info: PublicKeyInfo;
  /** The subjectPublicKey BIT STRING's bits. */
  keyBits: Uint8Array;
}

export function readPublicKey(bytes: Uint8Array, spki: Tlv): ReadPublicKey {
  if (spki.tag !== Tag.SEQUENCE) throw new DerError('subjectPKInfo is not a SEQUENCE', spki.start);
  const [algTlv, keyTlv] = childrenOf(bytes, spki);
  const alg = expectChild(algTlv, Tag.SEQUENCE, 'public key AlgorithmIdentifier', spki.start);
  const [oidTlv, params] = childrenOf(bytes, alg);
  const oid = readOid(bytes, expectChild(oidTlv, Tag.OID, 'public key algorithm', alg.start));
  const bits = bitStringBytes(bytes, expectChild(keyTlv, Tag.BIT_STRING, 'subjectPublicKey', spki.start));
  if (bits.unusedBits !== 0) throw new DerError('subjectPublicKey has unused bits', keyTlv.start);
  const keyBits = bits.data;
  const spkiDer = bytes.subarray(spki.start, spki.end);

  if (oid === OID.rsaEncryption || oid === OID.rsassaPss) {
    // RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER }, inside the BIT STRING.
    const seq = expectChild(readTlv(keyBits, 0), Tag.SEQUENCE, 'RSAPublicKey', keyTlv.start);
    const [nTlv, eTlv] = childrenOf(keyBits, seq);
    const n = unsignedIntegerBytes(keyBits, expectChild(nTlv, Tag.INTEGER, 'RSA modulus', keyTlv.start));
    const e = unsignedIntegerBytes(keyBits, expectChild(eTlv, Tag.INTEGER, 'RSA exponent', keyTlv.start));
    return {
      info: {
        algorithm: oid === OID.rsaEncryption ? 'RSA' : 'RSA-PSS',
        oid,
        bits: bitLength(n),
        exponent: BigInt(`0x${toHex(e) || '0'}`).toString(10),
        spki: spkiDer,
      },
      keyBits,
    };
  }
  if (oid === OID.ecPublicKey) {
    const curveOid = params?.tag === Tag.OID ? readOid(bytes, params) : null;
    const curve = curveOid ? CURVES[curveOid] : undefined;
    return {
      info: {
        algorithm: 'EC',
        oid,
        curve: curve?.nist ?? curve?.openssl ?? curveOid ?? 'explicit parameters',
        curveOid,
        bits: curve?.bits ?? null,
        spki: spkiDer,
      },
      keyBits,
    };
  }
  if (oid === OID.ed25519 || oid === OID.ed448) {
    return {
      info: {
        algorithm: oid === OID.ed25519 ? 'Ed25519' : 'Ed448',
        oid,
        bits: oid === OID.ed25519 ? 256 : 456,
        spki: spkiDer,
      },
      keyBits,
    };
  }
  if (oid === OID.dsa) {
    // Dss-Parms ::= SEQUENCE { p INTEGER, q INTEGER, g INTEGER }
    const p = params?.tag === Tag.SEQUENCE ? childrenOf(bytes, params)[0] : undefined;
    const bits = p ? bitLength(unsignedIntegerBytes(bytes, p)) : null;
    return { info: { algorithm: 'DSA', oid, bits, spki: spkiDer }, keyBits };
  }
  return { info: { algorithm: 'unknown', oid, spki: spkiDer }, keyBits };
}

/** A KeyObject for verification; throws node's error if OpenSSL rejects the key. */
export function verificationKey(key: ReadPublicKey): KeyObject {
  const { info, keyBits } = key;
  if (info.algorithm === 'RSA' || info.algorithm === 'RSA-PSS') {
    // RSA-PSS key restrictions, if any, are applied from the signature's parameters instead.
    return createPublicKey({ key: asBuffer(keyBits), format: 'der', type: 'pkcs1' });
  }
  if (info.algorithm === 'EC' && info.curveOid) {
    const crv = CURVES[info.curveOid]?.nist;
    const size = crv ? Math.ceil((CURVES[info.curveOid].bits ?? 0) / 8) : 0;
    if (crv && keyBits.length === 1 + 2 * size && keyBits[0] === 0x04) {
      return createPublicKey({
        key: {
          kty: 'EC',
          crv,
          x: asBuffer(keyBits.subarray(1, 1 + size)).toString('base64url'),
          y: asBuffer(keyBits.subarray(1 + size)).toString('base64url'),
        },
        format: 'jwk',
      });
    }
  }
  if (info.algorithm === 'Ed25519' && keyBits.length === 32) {
    return createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: asBuffer(keyBits).toString('base64url') },
      format: 'jwk',
    });
  }
  return createPublicKey({ key: asBuffer(info.spki), format: 'der', type: 'spki' });
}

export function asBuffer(data: Uint8Array): Buffer {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}
