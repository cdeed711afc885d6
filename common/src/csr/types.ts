// What a decoded CSR holds. Plain data: the hover, the "Decode CSR" report, the rules and the
// sandbox CA all read these types.
import type { HashName, SignatureKind } from './oids';

/** ASN.1 string types a distinguished name may use, by their ASN.1 names. */
export type AsnStringType =
  | 'UTF8String'
  | 'PrintableString'
  | 'TeletexString'
  | 'IA5String'
  | 'BMPString'
  | 'UniversalString'
  | 'VisibleString'
  | 'NumericString'
  | 'other';

export interface SubjectAttribute {
  /** Position in the subject, in encoded order (0-based). */
  index: number;
  /** Which RelativeDistinguishedName (SET) it is in; several attributes may share one. */
  rdn: number;
  oid: string;
  /** OpenSSL's short name (`CN`), or the OID when unknown. */
  shortName: string;
  /** X.520 name (`commonName`), or the OID when unknown. */
  longName: string;
  type: AsnStringType;
  /** The ASN.1 tag byte as read. */
  tag: number;
  /** The decoded value (UTF-8, BMP and UniversalString decoded; Teletex read as Latin-1). */
  value: string;
}

export type SanType =
  'dns' | 'ip' | 'email' | 'uri' | 'directoryName' | 'otherName' | 'registeredId' | 'other';

export interface SubjectAltName {
  type: SanType;
  /** Printable value: the name, the address (IPv6 in compressed form), or a hex dump. */
  value: string;
}

export interface RequestedExtension {
  oid: string;
  /** Short name (`keyUsage`) or the OID when unknown. */
  name: string;
  /** What `openssl -text` calls it, or the OID. */
  title: string;
  critical: boolean;
  /** One-line reading of the value (`Digital Signature, Key Encipherment`); hex when unknown. */
  summary: string;
  /** When the value could not be read as its type says, or the extension not at all. */
  error?: string;
  /**
   * The extension itself could not be read (not a SEQUENCE, no OCTET STRING value, a bad OID):
   * `oid` is empty when even that was unreadable. (Without it, only the value was unreadable.)
   */
  unreadable?: boolean;
}

export interface OtherCsrAttribute {
  oid: string;
  name: string;
  /** Printable value when it is a string, otherwise a note. */
  value: string;
}

export type PublicKeyInfo =
  | { algorithm: 'RSA' | 'RSA-PSS'; oid: string; bits: number; exponent: string; spki: Uint8Array }
  | {
      algorithm: 'EC';
      oid: string;
      /** `P-256`, `P-384`, `P-521`, or OpenSSL's curve name, or the curve OID. */
      curve: string;
      curveOid: string | null;
      bits: number | null;
      spki: Uint8Array;
    }
  | { algorithm: 'Ed25519' | 'Ed448'; oid: string; bits: number; spki: Uint8Array }
  /** DSA: `bits` is the size of the prime p, null when the parameters are inherited. */
  | { algorithm: 'DSA'; oid: string; bits: number | null; spki: Uint8Array }
  | { algorithm: 'unknown'; oid: string; spki: Uint8Array };

export interface PssParameters {
  hash: HashName | string;
  mgf1Hash: HashName | string;
  saltLength: number;
  trailerField: number;
}

export type VerifyOutcome =
  /** The signature verifies with the CSR's own public key. */
  | { status: 'valid' }
  /** Well-formed, but it does not verify. */
  | { status: 'invalid'; reason: string }
  /** Not checked: the algorithm is unknown or cannot be verified here. */
  | { status: 'unchecked'; reason: string };

export interface SignatureInfo {
  oid: string;
  /** OpenSSL's name (`sha256WithRSAEncryption`) or the OID. */
  name: string;
  kind: SignatureKind | 'unknown';
  /** The digest: from the algorithm, or from the RSA-PSS parameters. */
  hash: HashName | string | null;
  pss?: PssParameters;
  verify: VerifyOutcome;
}

export interface DecodedCsr {
  /** The version INTEGER as encoded (PKCS#10 v1 is 0). */
  version: number;
  subject: SubjectAttribute[];
  subjectAltNames: SubjectAltName[];
  /** Requested extensions other than subjectAltName, in order. */
  extensions: RequestedExtension[];
  /** CSR attributes other than the extension request. */
  attributes: OtherCsrAttribute[];
  publicKey: PublicKeyInfo;
  signature: SignatureInfo;
  /** The whole CSR, DER. */
  der: Uint8Array;
}

export type CsrDecodeErrorCode = 'not-der' | 'not-a-csr';

export interface CsrDecodeError {
  code: CsrDecodeErrorCode;
  message: string;
  /** Byte offset in the DER where reading failed. */
  offset?: number;
}

export type CsrDecodeResult = { ok: true; csr: DecodedCsr } | { ok: false; error: CsrDecodeError };
