// ASN.1 character strings as found in distinguished names, decoded to JavaScript strings.
import type { AsnStringType } from './types';

const TYPES: Readonly<Record<number, AsnStringType>> = {
  0x0c: 'UTF8String',
  0x12: 'NumericString',
  0x13: 'PrintableString',
  0x14: 'TeletexString',
  0x16: 'IA5String',
  0x1a: 'VisibleString',
  0x1c: 'UniversalString',
  0x1e: 'BMPString',
};

export function stringTypeOf(tag: number): AsnStringType {
  return TYPES[tag] ?? 'other';
}

const utf8 = new TextDecoder('utf-8', { fatal: false });

/**
 * Decodes the content of a string of the given type. TeletexString (T.61) is read as Latin-1, as
 * OpenSSL and most tools do; invalid UTF-8 becomes U+FFFD rather than an error.
 */
export function decodeAsnString(type: AsnStringType, data: Uint8Array): string {
  switch (type) {
    case 'UTF8String':
      return utf8.decode(data);
    case 'BMPString': {
      let s = '';
      for (let i = 0; i + 1 < data.length; i += 2) s += String.fromCharCode((data[i] << 8) | data[i + 1]);
      return s;
    }
    case 'UniversalString': {
      let s = '';
      for (let i = 0; i + 3 < data.length; i += 4) {
        const cp = ((data[i] << 24) | (data[i + 1] << 16) | (data[i + 2] << 8) | data[i + 3]) >>> 0;
        s += cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd';
      }
      return s;
    }
    default:
      // PrintableString, IA5String, VisibleString, NumericString: ASCII subsets; TeletexString and
      // unknown types: Latin-1, so every byte shows.
      return latin1(data);
  }
}

function latin1(data: Uint8Array): string {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('latin1');
}

/** Characters PrintableString allows (X.680 41.4). */
const PRINTABLE = /^[A-Za-z0-9 '()+,\-./:=?]*$/;

export function isPrintableStringValue(value: string): boolean {
  return PRINTABLE.test(value);
}

export function isAscii(value: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(value);
}

/** Length in characters (code points), which is how the vendor document counts. */
export function charLength(value: string): number {
  let n = 0;
  for (const _ of value) n++;
  return n;
}
