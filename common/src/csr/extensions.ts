// The extensionRequest attribute (PKCS#9): the extensions the applicant asks for, subjectAltName
// first among them. Read defensively: one unreadable extension, or an unreadable value, is kept as
// an entry that says so and does not make the CSR undecodable (the Comodo document: "Attributes:
// Any attributes MAY be present, but will be ignored").
import { childrenOf, DerError, readOid, readSmallInteger, readTlv, Tag, toHex, type Tlv } from './der';
import { EXT_KEY_USAGES, EXTENSIONS, KEY_USAGE_BITS, OID } from './oids';
import { readSubject, subjectOneLine } from './subject';
import type { RequestedExtension, SubjectAltName } from './types';

export interface ExtensionRequest {
  subjectAltNames: SubjectAltName[];
  extensions: RequestedExtension[];
}

/**
 * Reads `Extensions ::= SEQUENCE OF Extension` (one value of the extensionRequest attribute). An
 * extension that cannot be read is kept as an entry with `error` (and its OID when that much can
 * be read); a value that is not a SEQUENCE at all is one such entry. Never throws.
 */
export function readExtensionRequest(bytes: Uint8Array, extensions: Tlv, into: ExtensionRequest): void {
  let list: Tlv[];
  try {
    if (extensions.tag !== Tag.SEQUENCE)
      throw new DerError('extensionRequest is not a SEQUENCE', extensions.start);
    list = childrenOf(bytes, extensions);
  } catch (err) {
    into.extensions.push(unreadable(undefined, err));
    return;
  }
  for (const ext of list) {
    let oid: string | undefined;
    try {
      if (ext.tag !== Tag.SEQUENCE) throw new DerError('the extension is not a SEQUENCE', ext.start);
      const parts = childrenOf(bytes, ext);
      if (parts[0]?.tag !== Tag.OID)
        throw new DerError('the extension does not start with an OID', ext.start);
      oid = readOid(bytes, parts[0]);
      readExtension(bytes, ext, oid, parts, into);
    } catch (err) {
      into.extensions.push(unreadable(oid, err));
    }
  }
}

/** An extension that could not be read, for the report and the `csr-extension-unreadable` rule. */
export function unreadable(oid: string | undefined, err: unknown): RequestedExtension {
  const known = oid ? EXTENSIONS[oid] : undefined;
  return {
    oid: oid ?? '',
    name: known?.short ?? oid ?? '(OID unreadable)',
    title: known?.title ?? oid ?? 'an extension without a readable OID',
    critical: false,
    summary: '',
    error: err instanceof Error ? err.message : String(err),
    unreadable: true,
  };
}

function readExtension(bytes: Uint8Array, ext: Tlv, oid: string, parts: Tlv[], into: ExtensionRequest): void {
  let critical = false;
  let valueTlv = parts[1];
  if (valueTlv?.tag === Tag.BOOLEAN) {
    critical = bytes[valueTlv.contentStart] !== 0;
    valueTlv = parts[2];
  }
  if (!valueTlv || valueTlv.tag !== Tag.OCTET_STRING) {
    throw new DerError('extension without an OCTET STRING value', ext.start);
  }
  const known = EXTENSIONS[oid];
  const entry: RequestedExtension = {
    oid,
    name: known?.short ?? oid,
    title: known?.title ?? oid,
    critical,
    summary: '',
  };
  try {
    const inner = readTlv(bytes, valueTlv.contentStart, valueTlv.end);
    if (oid === OID.subjectAltName) {
      into.subjectAltNames.push(...readGeneralNames(bytes, inner));
      return;
    }
    entry.summary = summarise(bytes, oid, inner, valueTlv);
  } catch (err) {
    entry.error = err instanceof Error ? err.message : String(err);
    entry.summary = hexSummary(bytes.subarray(valueTlv.contentStart, valueTlv.end));
  }
  into.extensions.push(entry);
}

function summarise(bytes: Uint8Array, oid: string, inner: Tlv, value: Tlv): string {
  switch (oid) {
    case OID.keyUsage:
      return keyUsage(bytes, inner);
    case OID.extKeyUsage:
      return childrenOf(bytes, inner)
        .map((t) => {
          const o = readOid(bytes, t);
          return EXT_KEY_USAGES[o]?.title ?? o;
        })
        .join(', ');
    case OID.basicConstraints:
      return basicConstraints(bytes, inner);
    case '2.5.29.14':
      return colonHex(bytes.subarray(inner.contentStart, inner.end));
    default:
      return hexSummary(bytes.subarray(value.contentStart, value.end));
  }
}

function keyUsage(bytes: Uint8Array, bits: Tlv): string {
  if (bits.tag !== Tag.BIT_STRING || bits.end === bits.contentStart) {
    throw new DerError('keyUsage is not a BIT STRING', bits.start);
  }
  const names: string[] = [];
  for (let i = 0; i < KEY_USAGE_BITS.length; i++) {
    const byte = bits.contentStart + 1 + (i >> 3);
    if (byte < bits.end && bytes[byte] & (0x80 >> (i & 7))) names.push(KEY_USAGE_BITS[i]);
  }
  return names.join(', ');
}

function basicConstraints(bytes: Uint8Array, seq: Tlv): string {
  if (seq.tag !== Tag.SEQUENCE) throw new DerError('basicConstraints is not a SEQUENCE', seq.start);
  let ca = false;
  let pathLen: number | undefined;
  for (const t of childrenOf(bytes, seq)) {
    if (t.tag === Tag.BOOLEAN) ca = bytes[t.contentStart] !== 0;
    else if (t.tag === Tag.INTEGER) pathLen = readSmallInteger(bytes, t);
  }
  return `CA:${ca ? 'TRUE' : 'FALSE'}${pathLen !== undefined ? `, pathlen:${pathLen}` : ''}`;
}

/** GeneralNames (RFC 5280 4.2.1.6). */
function readGeneralNames(bytes: Uint8Array, seq: Tlv): SubjectAltName[] {
  if (seq.tag !== Tag.SEQUENCE) throw new DerError('subjectAltName is not a SEQUENCE', seq.start);
  return childrenOf(bytes, seq).map((gn): SubjectAltName => {
    const data = bytes.subarray(gn.contentStart, gn.end);
    if (gn.tagClass !== 'context') return { type: 'other', value: hexSummary(data) };
    switch (gn.tagNumber) {
      case 0:
        return { type: 'otherName', value: hexSummary(data) };
      case 1:
        return { type: 'email', value: ascii(data) };
      case 2:
        return { type: 'dns', value: ascii(data) };
      case 4: {
        const name = readTlv(bytes, gn.contentStart, gn.end);
        return { type: 'directoryName', value: subjectOneLine(readSubject(bytes, name)) };
      }
      case 6:
        return { type: 'uri', value: ascii(data) };
      case 7:
        return { type: 'ip', value: formatIp(data) };
      case 8:
        return { type: 'registeredId', value: readOid(bytes, { ...gn, tag: Tag.OID }) };
      default:
        return { type: 'other', value: hexSummary(data) };
    }
  });
}

function ascii(data: Uint8Array): string {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('latin1');
}

/** IPv4 dotted; IPv6 in RFC 5952 form (lower case, longest zero run compressed). */
export function formatIp(data: Uint8Array): string {
  if (data.length === 4) return Array.from(data).join('.');
  if (data.length !== 16) return hexSummary(data);
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((data[i] << 8) | data[i + 1]);
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen && j - i > 1) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

function colonHex(data: Uint8Array): string {
  return (toHex(data).toUpperCase().match(/../g) ?? []).join(':');
}

function hexSummary(data: Uint8Array): string {
  const hex = toHex(data.subarray(0, 48));
  return data.length > 48 ? `${hex}… (${data.length} bytes)` : hex;
}
