// A minimal DER reader: tag, length and byte offsets, no copies. Hand-walking keeps the exact bytes
// of certificationRequestInfo (signed data must be verified as received, not re-encoded) and costs a
// few microseconds for a CSR. Every read is bounds-checked; malformed input raises `DerError`, which
// `decodeCsr` turns into a typed result.

export class DerError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = 'DerError';
  }
}

/** Universal tag numbers used in CSRs. */
export const Tag = {
  BOOLEAN: 0x01,
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  UTF8String: 0x0c,
  SEQUENCE: 0x30,
  SET: 0x31,
} as const;

/** One tag-length-value: `bytes[contentStart, end)` is the content, `bytes[start, end)` the whole. */
export interface Tlv {
  /** The identifier octet as read (class, constructed bit and tag number < 31). */
  tag: number;
  /** Tag number, also for the high-tag-number form. */
  tagNumber: number;
  tagClass: 'universal' | 'application' | 'context' | 'private';
  constructed: boolean;
  start: number;
  contentStart: number;
  end: number;
}

const CLASSES = ['universal', 'application', 'context', 'private'] as const;

/** Reads the TLV at `pos`, which must end at or before `limit`. */
export function readTlv(bytes: Uint8Array, pos: number, limit: number = bytes.length): Tlv {
  const start = pos;
  if (pos >= limit) throw new DerError('unexpected end of data (expected a tag)', pos);
  const tag = bytes[pos++];
  let tagNumber = tag & 0x1f;
  if (tagNumber === 0x1f) {
    tagNumber = 0;
    let b: number;
    let n = 0;
    do {
      if (pos >= limit) throw new DerError('unexpected end of data in a long tag', pos);
      b = bytes[pos++];
      tagNumber = tagNumber * 128 + (b & 0x7f);
      if (++n > 4) throw new DerError('tag number too large', start);
    } while (b & 0x80);
  }
  if (pos >= limit) throw new DerError('unexpected end of data (expected a length)', pos);
  let length = bytes[pos++];
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0) throw new DerError('indefinite length is not DER', pos - 1);
    if (count > 4) throw new DerError('length too large', pos - 1);
    if (pos + count > limit) throw new DerError('unexpected end of data in a length', pos);
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + bytes[pos++];
  }
  const end = pos + length;
  if (end > limit) {
    throw new DerError(`length ${length} runs past the end of the enclosing value`, start);
  }
  return {
    tag,
    tagNumber,
    tagClass: CLASSES[tag >> 6],
    constructed: (tag & 0x20) !== 0,
    start,
    contentStart: pos,
    end,
  };
}

/** The TLVs inside a constructed value. */
export function childrenOf(bytes: Uint8Array, parent: Tlv): Tlv[] {
  const out: Tlv[] = [];
  let pos = parent.contentStart;
  while (pos < parent.end) {
    const child = readTlv(bytes, pos, parent.end);
    out.push(child);
    pos = child.end;
  }
  return out;
}

/** Reads a TLV and checks its identifier octet. */
export function expectTlv(bytes: Uint8Array, pos: number, limit: number, tag: number, what: string): Tlv {
  const tlv = readTlv(bytes, pos, limit);
  if (tlv.tag !== tag) {
    throw new DerError(`expected ${what} (tag 0x${hex2(tag)}), found tag 0x${hex2(tlv.tag)}`, tlv.start);
  }
  return tlv;
}

export function expectChild(tlv: Tlv | undefined, tag: number, what: string, at: number): Tlv {
  if (!tlv) throw new DerError(`missing ${what}`, at);
  if (tlv.tag !== tag) {
    throw new DerError(`expected ${what} (tag 0x${hex2(tag)}), found tag 0x${hex2(tlv.tag)}`, tlv.start);
  }
  return tlv;
}

export function content(bytes: Uint8Array, tlv: Tlv): Uint8Array {
  return bytes.subarray(tlv.contentStart, tlv.end);
}

export function whole(bytes: Uint8Array, tlv: Tlv): Uint8Array {
  return bytes.subarray(tlv.start, tlv.end);
}

/** Dotted-decimal OBJECT IDENTIFIER. */
export function readOid(bytes: Uint8Array, tlv: Tlv): string {
  if (tlv.tag !== Tag.OID) throw new DerError('expected an OBJECT IDENTIFIER', tlv.start);
  if (tlv.end === tlv.contentStart) throw new DerError('empty OBJECT IDENTIFIER', tlv.start);
  const parts: number[] = [];
  let value = 0;
  let first = true;
  for (let i = tlv.contentStart; i < tlv.end; i++) {
    const b = bytes[i];
    value = value * 128 + (b & 0x7f);
    if (value > Number.MAX_SAFE_INTEGER / 128) throw new DerError('OBJECT IDENTIFIER arc too large', i);
    if (b & 0x80) continue;
    if (first) {
      const top = value < 40 ? 0 : value < 80 ? 1 : 2;
      parts.push(top, value - top * 40);
      first = false;
    } else {
      parts.push(value);
    }
    value = 0;
  }
  if (bytes[tlv.end - 1] & 0x80) throw new DerError('truncated OBJECT IDENTIFIER', tlv.start);
  return parts.join('.');
}

/** An unsigned INTEGER's magnitude without leading zero bytes. */
export function unsignedIntegerBytes(bytes: Uint8Array, tlv: Tlv): Uint8Array {
  if (tlv.tag !== Tag.INTEGER) throw new DerError('expected an INTEGER', tlv.start);
  let i = tlv.contentStart;
  while (i < tlv.end - 1 && bytes[i] === 0) i++;
  return bytes.subarray(i, tlv.end);
}

/** A small non-negative INTEGER (versions, salt lengths, path lengths). */
export function readSmallInteger(bytes: Uint8Array, tlv: Tlv): number {
  if (tlv.tag !== Tag.INTEGER) throw new DerError('expected an INTEGER', tlv.start);
  const len = tlv.end - tlv.contentStart;
  if (len === 0 || len > 6) throw new DerError('INTEGER out of range', tlv.start);
  let v = 0;
  for (let i = tlv.contentStart; i < tlv.end; i++) v = v * 256 + bytes[i];
  // Two's complement: a set top bit means negative.
  if (bytes[tlv.contentStart] & 0x80) v -= 2 ** (8 * len);
  return v;
}

/** Bit length of an unsigned big-endian magnitude. */
export function bitLength(magnitude: Uint8Array): number {
  if (magnitude.length === 0) return 0;
  const top = magnitude[0];
  if (top === 0) return 0;
  return (magnitude.length - 1) * 8 + (32 - Math.clz32(top));
}

/** A BIT STRING's bits, which must have no unused bits for keys and signatures. */
export function bitStringBytes(bytes: Uint8Array, tlv: Tlv): { unusedBits: number; data: Uint8Array } {
  if (tlv.tag !== Tag.BIT_STRING) throw new DerError('expected a BIT STRING', tlv.start);
  if (tlv.end === tlv.contentStart) throw new DerError('empty BIT STRING', tlv.start);
  const unusedBits = bytes[tlv.contentStart];
  if (unusedBits > 7) throw new DerError('BIT STRING with more than 7 unused bits', tlv.start);
  return { unusedBits, data: bytes.subarray(tlv.contentStart + 1, tlv.end) };
}

export function toHex(data: Uint8Array): string {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('hex');
}

function hex2(n: number): string {
  return n.toString(16).padStart(2, '0');
}
