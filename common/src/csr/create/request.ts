// A PKCS#10 request (RFC 2986 4) for a key, written by ./der.ts and signed with node:crypto:
//   CertificationRequest ::= SEQUENCE { certificationRequestInfo, signatureAlgorithm, signature }
//   CertificationRequestInfo ::= SEQUENCE { version INTEGER (0), subject Name,
//     subjectPKInfo (the key's SPKI, as node:crypto exports it), attributes [0] IMPLICIT SET OF }
// The names go in an extensionRequest (PKCS#9) attribute holding subjectAltName (RFC 5280
// 4.2.1.6): dNSName [2], rfc822Name [1], iPAddress [7].
import { createPublicKey, sign, type KeyObject } from 'node:crypto';
import { isDnsLabel, isFqdn } from '../hostnames';
import { ipVersion } from '../../ip';
import { OID } from '../oids';
import { isAscii } from '../strings';
import {
  bitString,
  concat,
  contextTag,
  nullValue,
  objectIdentifier,
  octetString,
  sequence,
  setOf,
  smallInteger,
  tlv,
} from './der';
import { emailProblem } from './names';
import {
  CsrInputError,
  encodeName,
  subjectAttributes,
  type EncodedAttribute,
  type StringPolicy,
  type SubjectInput,
} from './subject';

export type SignatureHash = 'sha256' | 'sha1';

export interface RequestContent {
  subject: SubjectInput;
  /** dNSName SANs (an IP address becomes an iPAddress SAN), in order. */
  dnsNames: readonly string[];
  /** rfc822Name SANs. */
  emails: readonly string[];
  strings: StringPolicy;
  hash: SignatureHash;
}

const SIGNATURE_OIDS: Record<'RSA' | 'EC', Record<SignatureHash, string>> = {
  RSA: { sha256: '1.2.840.113549.1.1.11', sha1: '1.2.840.113549.1.1.5' },
  EC: { sha256: '1.2.840.10045.4.3.2', sha1: '1.2.840.10045.4.1' },
};

/** The DER of a request for `privateKey` (RSA or EC), signed with it. Throws CsrInputError. */
export function encodeRequest(privateKey: KeyObject, content: RequestContent): Uint8Array {
  const kind =
    privateKey.asymmetricKeyType === 'rsa' ? 'RSA' : privateKey.asymmetricKeyType === 'ec' ? 'EC' : undefined;
  if (!kind)
    throw new CsrInputError('keyType', `A ${privateKey.asymmetricKeyType} key is not supported: RSA or EC.`);
  const { attributes, names } = checkContent(content);
  const spki = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  // RFC 5280 4.2.1.6: with an empty subject the subjectAltName extension MUST be critical.
  const extensions = names.length ? [extensionRequest(names, attributes.length === 0)] : [];
  const info = sequence(
    smallInteger(0),
    encodeName(attributes),
    new Uint8Array(spki),
    contextTag(0, true, concat(extensions)),
  );
  // ECDSA: RFC 5758 3.2, the parameters are absent; RSA: RFC 4055 5, NULL.
  const oid = objectIdentifier(SIGNATURE_OIDS[kind][content.hash]);
  const algorithm = kind === 'RSA' ? sequence(oid, nullValue()) : sequence(oid);
  // RSA: PKCS#1 v1.5 (node's default padding); ECDSA: the DER Ecdsa-Sig-Value (dsaEncoding 'der').
  const signature = sign(content.hash, info, privateKey);
  return sequence(info, algorithm, bitString(new Uint8Array(signature)));
}

/** The subject's attributes and the SANs, encoded; throws CsrInputError for what cannot be. */
export function checkContent(content: RequestContent): {
  attributes: EncodedAttribute[];
  names: Uint8Array[];
} {
  const attributes = subjectAttributes(content.subject, content.strings);
  const names = generalNames(content);
  if (attributes.length === 0 && names.length === 0) {
    throw new CsrInputError('subject', 'The request needs a subject or at least one name.');
  }
  return { attributes, names };
}

function extensionRequest(names: Uint8Array[], critical: boolean): Uint8Array {
  const san = sequence(
    objectIdentifier(OID.subjectAltName),
    ...(critical ? [tlv(0x01, Uint8Array.of(0xff))] : []),
    octetString(sequence(...names)),
  );
  // Attribute ::= SEQUENCE { type, values SET OF }; Extensions ::= SEQUENCE OF Extension.
  return sequence(objectIdentifier(OID.extensionRequest), setOf(sequence(san)));
}

function generalNames(content: RequestContent): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const raw of content.dnsNames) {
    const name = raw.trim();
    const ip = ipVersion(name);
    if (ip) {
      out.push(contextTag(7, false, ipBytes(name, ip)));
      continue;
    }
    const bare = name.startsWith('*.') ? name.slice(2) : name;
    if (!isAscii(name) || !(isFqdn(bare) || isDnsLabel(bare))) {
      throw new CsrInputError(
        'dnsNames',
        `${JSON.stringify(name)} is not a DNS name a certificate can carry (letters, digits and hyphens in dot-separated labels; ` +
          `an internationalised name in its ASCII (punycode) form; a wildcard only as the whole leftmost label).`,
      );
    }
    out.push(
      contextTag(
        2,
        false,
        Uint8Array.from(name, (c) => c.charCodeAt(0)),
      ),
    );
  }
  for (const raw of content.emails) {
    const address = raw.trim();
    const problem = emailProblem(address);
    if (problem) throw new CsrInputError('emails', problem);
    out.push(
      contextTag(
        1,
        false,
        Uint8Array.from(address, (c) => c.charCodeAt(0)),
      ),
    );
  }
  return out;
}

/** The 4 or 16 octets of an address ipVersion has accepted. */
function ipBytes(text: string, version: 4 | 6): Uint8Array {
  if (version === 4) return Uint8Array.from(text.split('.'), Number);
  let head = text;
  let v4: number[] = [];
  const dotted = /:(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    v4 = dotted[1].split('.').map(Number);
    head = text.slice(0, dotted.index + 1) + '0:0';
  }
  const [left, right] = head.includes('::') ? head.split('::') : [head, undefined];
  const groups = (s: string) => (s === '' ? [] : s.split(':').map((g) => parseInt(g, 16)));
  const l = groups(left);
  const r = right === undefined ? [] : groups(right);
  const all = right === undefined ? l : [...l, ...new Array<number>(8 - l.length - r.length).fill(0), ...r];
  const out = new Uint8Array(16);
  all.forEach((g, i) => {
    out[2 * i] = g >> 8;
    out[2 * i + 1] = g & 0xff;
  });
  if (v4.length) out.set(v4, 12);
  return out;
}

/** PEM with the label the Comodo document and OpenSSL use, base64 in 64-character lines (RFC 7468). */
export function requestPem(der: Uint8Array): string {
  const b64 = Buffer.from(der).toString('base64');
  const lines = b64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE REQUEST-----\n${lines.join('\n')}\n-----END CERTIFICATE REQUEST-----\n`;
}
