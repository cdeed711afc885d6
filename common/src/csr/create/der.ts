// A minimal DER writer, the counterpart of ../der.ts's reader: just the types a PKCS#10 request
// needs (X.690 section 10: definite lengths in the fewest octets, SET OF sorted). Values are
// built bottom-up as byte arrays; nothing here knows what a CSR is.
import { Tag } from '../der';

/** A whole TLV: the identifier octet, the definite length in its shortest form, the content. */
export function tlv(tag: number, content: Uint8Array): Uint8Array {
  return concat([Uint8Array.of(tag), encodeLength(content.length), content]);
}

function encodeLength(length: number): Uint8Array {
  if (length < 0x80) return Uint8Array.of(length);
  const octets: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) octets.unshift(n % 256);
  return Uint8Array.of(0x80 | octets.length, ...octets);
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let pos = 0;
  for (const p of parts) {
    out.set(p, pos);
    pos += p.length;
  }
  return out;
}

export function sequence(...items: Uint8Array[]): Uint8Array {
  return tlv(Tag.SEQUENCE, concat(items));
}

/** SET OF: DER orders the encodings as octet strings (X.690 11.6). */
export function setOf(...items: Uint8Array[]): Uint8Array {
  return tlv(Tag.SET, concat([...items].sort(compareOctets)));
}

function compareOctets(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/** A context-specific tag: `[n] IMPLICIT` over primitive content, or constructed for `[n]` of a SET/SEQUENCE. */
export function contextTag(n: number, constructed: boolean, content: Uint8Array): Uint8Array {
  if (n > 30) throw new RangeError('context tag numbers above 30 are not needed here');
  return tlv(0x80 | (constructed ? 0x20 : 0) | n, content);
}

/** A non-negative INTEGER (versions): two's complement, so a set top bit gets a leading zero. */
export function smallInteger(value: number): Uint8Array {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new RangeError(`not a small non-negative integer: ${value}`);
  const octets: number[] = [];
  for (let n = value; n > 0; n = Math.floor(n / 256)) octets.unshift(n % 256);
  if (octets.length === 0 || octets[0] & 0x80) octets.unshift(0);
  return tlv(Tag.INTEGER, Uint8Array.from(octets));
}

export function nullValue(): Uint8Array {
  return Uint8Array.of(Tag.NULL, 0);
}

export function octetString(data: Uint8Array): Uint8Array {
  return tlv(Tag.OCTET_STRING, data);
}

/** A BIT STRING of whole octets (keys, signatures): no unused bits. */
export function bitString(data: Uint8Array): Uint8Array {
  return tlv(Tag.BIT_STRING, concat([Uint8Array.of(0), data]));
}

/** OBJECT IDENTIFIER from dotted decimal (X.690 8.19): the first two arcs in one, base-128 arcs. */
export function objectIdentifier(dotted: string): Uint8Array {
  const arcs = dotted.split('.').map((a) => {
    if (!/^\d+$/.test(a)) throw new RangeError(`not an OID: ${dotted}`);
    return Number(a);
  });
  if (arcs.length < 2 || arcs[0] > 2 || (arcs[0] < 2 && arcs[1] > 39))
    throw new RangeError(`not an OID: ${dotted}`);
  const out: number[] = [];
  for (const arc of [arcs[0] * 40 + arcs[1], ...arcs.slice(2)]) {
    if (!Number.isSafeInteger(arc)) throw new RangeError(`OID arc too large: ${dotted}`);
    const group: number[] = [arc % 128];
    for (let n = Math.floor(arc / 128); n > 0; n = Math.floor(n / 128)) group.unshift(0x80 | (n % 128));
    out.push(...group);
  }
  return tlv(Tag.OID, Uint8Array.from(out));
}

/** The string types the request writer uses, with their universal tags (X.680 8.4). */
export const StringTag = {
  UTF8String: 0x0c,
  PrintableString: 0x13,
  IA5String: 0x16,
  BMPString: 0x1e,
} as const;
export type WrittenStringType = keyof typeof StringTag;

/**
 * A character string of the given type. The caller has checked that the value fits the type
 * (PrintableString's alphabet, ASCII for IA5String and the ASCII-only BMPString of the Comodo
 * document); BMPString is UCS-2 big-endian.
 */
export function characterString(type: WrittenStringType, value: string): Uint8Array {
  let data: Uint8Array;
  if (type === 'UTF8String') data = new TextEncoder().encode(value);
  else if (type === 'BMPString') {
    data = new Uint8Array(value.length * 2);
    for (let i = 0; i < value.length; i++) {
      data[2 * i] = value.charCodeAt(i) >> 8;
      data[2 * i + 1] = value.charCodeAt(i) & 0xff;
    }
  } else data = Uint8Array.from(value, (c) => c.charCodeAt(0));
  return tlv(StringTag[type], data);
}
