// decodeCsr: PKCS#10 (RFC 2986) from DER to plain data, signature verified. Never throws.
//
//   CertificationRequest ::= SEQUENCE {
//     certificationRequestInfo SEQUENCE { version INTEGER, subject Name,
//                                         subjectPKInfo SubjectPublicKeyInfo,
//                                         attributes [0] IMPLICIT SET OF Attribute },
//     signatureAlgorithm AlgorithmIdentifier,
//     signature BIT STRING }
import {
  bitStringBytes,
  childrenOf,
  DerError,
  expectChild,
  readOid,
  readSmallInteger,
  readTlv,
  Tag,
} from './der';
import { readExtensionRequest, unreadable, type ExtensionRequest } from './extensions';
import { CSR_ATTRIBUTES, OID } from './oids';
import { readPublicKey } from './publicKey';
import { readSignatureAlgorithm, verifyCsrSignature } from './signature';
import { decodeAsnString, stringTypeOf } from './strings';
import { readSubject } from './subject';
import type { CsrDecodeResult, OtherCsrAttribute } from './types';

export function decodeCsr(der: Uint8Array): CsrDecodeResult {
  let outer;
  try {
    outer = readTlv(der, 0);
    if (outer.end !== der.length) {
      throw new DerError(`${der.length - outer.end} bytes follow the end of the outer SEQUENCE`, outer.end);
    }
  } catch (err) {
    return failure('not-der', err);
  }
  try {
    return { ok: true, csr: readCertificationRequest(der, outer) };
  } catch (err) {
    return failure('not-a-csr', err);
  }
}

function readCertificationRequest(der: Uint8Array, outer: ReturnType<typeof readTlv>) {
  if (outer.tag !== Tag.SEQUENCE) throw new DerError('the outer value is not a SEQUENCE', 0);
  const [infoTlv, sigAlgTlv, sigTlv, extra] = childrenOf(der, outer);
  if (extra) throw new DerError('more than three fields in CertificationRequest', extra.start);
  const info = expectChild(infoTlv, Tag.SEQUENCE, 'certificationRequestInfo', outer.start);
  const infoFields = childrenOf(der, info);
  // tbsCertificate has six or more fields (serial, signature, issuer, validity, subject, key...);
  // certificationRequestInfo has three or four.
  if (infoFields.length >= 6 || infoFields[0]?.tag === 0xa0) {
    throw new DerError('this is an X.509 certificate, not a certificate request', info.start);
  }
  const [versionTlv, subjectTlv, spkiTlv, attrsTlv] = infoFields;
  const version = readSmallInteger(der, expectChild(versionTlv, Tag.INTEGER, 'version', info.start));
  const subject = readSubject(der, expectChild(subjectTlv, Tag.SEQUENCE, 'subject', info.start));
  const key = readPublicKey(der, expectChild(spkiTlv, Tag.SEQUENCE, 'subjectPKInfo', info.start));

  const requested: ExtensionRequest = { subjectAltNames: [], extensions: [] };
  const attributes: OtherCsrAttribute[] = [];
  if (attrsTlv) {
    if (attrsTlv.tag !== 0xa0) throw new DerError('attributes are not [0] IMPLICIT SET', attrsTlv.start);
    for (const attr of childrenOf(der, attrsTlv)) {
      const [oidTlv, valuesTlv] = childrenOf(
        der,
        expectChild(attr, Tag.SEQUENCE, 'attribute', attrsTlv.start),
      );
      const oid = readOid(der, expectChild(oidTlv, Tag.OID, 'attribute type', attr.start));
      if (oid === OID.extensionRequest || oid === OID.msCertExtensions) {
        // The CA ignores attributes: an unreadable extension request is reported, not fatal.
        try {
          const values = childrenOf(der, expectChild(valuesTlv, Tag.SET, 'attribute values', attr.start));
          for (const v of values) readExtensionRequest(der, v, requested);
        } catch (err) {
          requested.extensions.push(unreadable(undefined, err));
        }
        continue;
      }
      const values = childrenOf(der, expectChild(valuesTlv, Tag.SET, 'attribute values', attr.start));
      attributes.push({ oid, name: CSR_ATTRIBUTES[oid] ?? oid, value: attributeValue(der, oid, values) });
    }
  }

  const sigAlg = readSignatureAlgorithm(
    der,
    expectChild(sigAlgTlv, Tag.SEQUENCE, 'signatureAlgorithm', outer.start),
  );
  const sig = bitStringBytes(der, expectChild(sigTlv, Tag.BIT_STRING, 'signature', outer.start));
  const verify =
    sig.unusedBits !== 0
      ? ({ status: 'invalid', reason: 'the signature BIT STRING has unused bits' } as const)
      : verifyCsrSignature(sigAlg, key, der.subarray(info.start, info.end), sig.data);

  return {
    version,
    subject,
    subjectAltNames: requested.subjectAltNames,
    extensions: requested.extensions,
    attributes,
    publicKey: key.info,
    signature: { ...sigAlg, verify },
    der,
  };
}

function attributeValue(der: Uint8Array, oid: string, values: ReturnType<typeof readTlv>[]): string {
  // Show that a challenge password is there, not the password itself.
  if (oid === OID.challengePassword) return '(present, not shown)';
  const first = values[0];
  if (!first) return '(no value)';
  const type = stringTypeOf(first.tag);
  if (type === 'other') return `(${first.end - first.start} bytes)`;
  return decodeAsnString(type, der.subarray(first.contentStart, first.end));
}

function failure(code: 'not-der' | 'not-a-csr', err: unknown): CsrDecodeResult {
  if (err instanceof DerError)
    return { ok: false, error: { code, message: err.message, offset: err.offset } };
  return { ok: false, error: { code, message: err instanceof Error ? err.message : String(err) } };
}
