// Finding a CSR in text and turning it into DER. The Comodo document's `csr` row takes "Base-64
// encoded, with or without the -----BEGIN xxxxx----- and -----END xxxxx----- header and footer";
// in an order it sits in a JSON string with `\n` escapes, sometimes with `\r\n`.
//
// Two failures are kept apart because the CA answers them differently: text that is not base64
// (-9) and base64 that does not hold a CSR (-10, found later by decodeCsr).

export interface CsrText {
  ok: true;
  der: Buffer;
  /** The base64 body without whitespace: the key the cache uses. */
  base64: string;
  /** The PEM label (`CERTIFICATE REQUEST`, `NEW CERTIFICATE REQUEST`, ...), or null for bare base64. */
  label: string | null;
  /** Where the CSR is in the text: the whole PEM block, or the base64 run. */
  start: number;
  end: number;
}

export type CsrTextErrorCode =
  /** Nothing but whitespace. */
  | 'empty'
  /** A character outside the base64 alphabet, or bad padding (Comodo -9). */
  | 'not-base64'
  /** A BEGIN line without its END line (Comodo -9: the header is then read as data). */
  | 'no-end-line'
  /** A PEM block of another kind: a certificate, a key (Comodo -10). */
  | 'wrong-label'
  /** Longer than MAX_CSR_TEXT_LENGTH: not read at all. */
  | 'too-large';

export interface CsrTextError {
  ok: false;
  code: CsrTextErrorCode;
  message: string;
  /** Offset in the text the problem is at. */
  offset?: number;
  label?: string;
}

export type CsrTextResult = CsrText | CsrTextError;

const BEGIN = /-----BEGIN ([^\r\n-]+(?:-[^\r\n-]+)*)-----/g;

/** PEM labels that hold a PKCS#10 request. */
export function isCsrLabel(label: string): boolean {
  return label === 'CERTIFICATE REQUEST' || label === 'NEW CERTIFICATE REQUEST';
}

/**
 * Text longer than this is not searched for a CSR. A CSR is one to a few KB (one with 100 names
 * about 5 KB; Comodo's `csr` argument takes at most 32,767 characters); a pasted multi-megabyte
 * value would otherwise be read again on every keystroke and kept as a cache key.
 */
export const MAX_CSR_TEXT_LENGTH = 64 * 1024;

/** Finds the CSR in `text` (PEM, bare base64, any line endings) and decodes its base64. */
export function readCsrText(text: string): CsrTextResult {
  if (text.length > MAX_CSR_TEXT_LENGTH) {
    return {
      ok: false,
      code: 'too-large',
      message: `The CSR is ${Math.round(text.length / 1024)} KB; a certificate request is a few KB. Not decoded: is this the right value?`,
    };
  }
  const blocks: { label: string; start: number; bodyStart: number }[] = [];
  BEGIN.lastIndex = 0;
  for (let m = BEGIN.exec(text); m; m = BEGIN.exec(text)) {
    blocks.push({ label: m[1], start: m.index, bodyStart: m.index + m[0].length });
  }
  if (blocks.length === 0) return readBare(text);
  const block =
    blocks.find((b) => isCsrLabel(b.label)) ?? blocks.find((b) => b.label.includes('REQUEST')) ?? blocks[0];
  const endLine = `-----END ${block.label}-----`;
  const endAt = text.indexOf(endLine, block.bodyStart);
  if (endAt < 0) {
    return {
      ok: false,
      code: 'no-end-line',
      message: `"-----BEGIN ${block.label}-----" has no matching "${endLine}" line`,
      offset: block.start,
      label: block.label,
    };
  }
  if (!block.label.includes('REQUEST')) {
    return {
      ok: false,
      code: 'wrong-label',
      message: wrongLabelMessage(block.label),
      offset: block.start,
      label: block.label,
    };
  }
  const body = readBase64(text, block.bodyStart, endAt);
  if (!body.ok) return body;
  return { ...body, label: block.label, start: block.start, end: endAt + endLine.length };
}

function wrongLabelMessage(label: string): string {
  if (label.includes('PRIVATE KEY')) {
    return `This is a ${label}, not a certificate request. A private key must never leave your server: remove it from here and keep it secret.`;
  }
  return `This is a PEM "${label}", not a certificate request ("CERTIFICATE REQUEST").`;
}

function readBare(text: string): CsrTextResult {
  let start = 0;
  let end = text.length;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (start === end) return { ok: false, code: 'empty', message: 'The CSR is empty.' };
  const body = readBase64(text, start, end);
  if (!body.ok) return body;
  return { ...body, label: null, start, end };
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

type Base64Body = { ok: true; der: Buffer; base64: string } | CsrTextError;

function readBase64(text: string, from: number, to: number): Base64Body {
  let body = '';
  let runStart = from;
  let padding = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      if (runStart < i) body += text.slice(runStart, i);
      runStart = i + 1;
      continue;
    }
    const alphabet =
      (c >= 0x41 && c <= 0x5a) ||
      (c >= 0x61 && c <= 0x7a) ||
      (c >= 0x30 && c <= 0x39) ||
      c === 0x2b ||
      c === 0x2f;
    if (c === 0x3d) {
      padding++;
    } else if (!alphabet || padding > 0) {
      return notBase64(text, i, padding > 0 && alphabet ? 'data after the "=" padding' : undefined);
    }
  }
  if (runStart < to) body += text.slice(runStart, to);
  if (body.length === 0)
    return { ok: false, code: 'empty', message: 'The CSR has no base64 data.', offset: from };
  const dataLength = body.length - padding;
  if (padding > 2 || (padding > 0 && body.length % 4 !== 0) || dataLength % 4 === 1) {
    return {
      ok: false,
      code: 'not-base64',
      message: `The base64 data is not a whole number of 4-character groups (${body.length} characters${
        padding ? `, ${padding} "=" padding` : ''
      }): part of it is missing or was cut.`,
      offset: to,
    };
  }
  return { ok: true, der: Buffer.from(body, 'base64'), base64: body };
}

function notBase64(text: string, at: number, why?: string): CsrTextError {
  const ch = text[at];
  const shown = ch === '\\' && /[nrt"]/.test(text[at + 1] ?? '') ? `\\${text[at + 1]}` : JSON.stringify(ch);
  const hint =
    ch === '\\'
      ? ' The value holds a backslash: in JSON, a line break inside the string is written \\n once, not \\\\n.'
      : '';
  return {
    ok: false,
    code: 'not-base64',
    message: `Not base64 data: ${why ?? `${shown} is not a base64 character`} (at character ${at + 1}).${hint}`,
    offset: at,
  };
}

/**
 * The text of a CSR file's bytes: PEM or base64 as UTF-8 or UTF-16 (a byte-order mark dropped), or,
 * for a binary DER file (`openssl req -outform DER`), its base64, so both go through readCsrText.
 */
export function csrTextFromBytes(bytes: Uint8Array): string {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // DER starts with SEQUENCE (0x30, which is also "0" in text) and soon holds a byte that is
  // neither printable ASCII nor whitespace; PEM and base64 never do.
  const binary =
    buf[0] === 0x30 && buf.subarray(0, 64).some((b) => (b < 0x20 && (b < 0x09 || b > 0x0d)) || b >= 0x7f);
  if (binary) return buf.toString('base64');
  // UTF-16 with its byte-order mark: what Windows PowerShell 5's `>` and Out-File write.
  const utf16 = buf.subarray(2, buf.length - (buf.length % 2));
  if (buf[0] === 0xff && buf[1] === 0xfe) return utf16.toString('utf16le');
  if (buf[0] === 0xfe && buf[1] === 0xff) return Buffer.from(utf16).swap16().toString('utf16le');
  const text = buf.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export interface JsonStringSource {
  /** The string's value, as JSON.parse would give it. */
  value: string;
  /** Offset in the source text of the value's character at `index` (index = value.length: the end). */
  sourceOffset(index: number): number;
}

/**
 * Decodes the source text of a JSON string literal (with or without its quotes), keeping a map from
 * value positions to source positions so a finding in the CSR can be placed in the order file.
 * Returns undefined for an invalid escape.
 */
export function decodeJsonStringSource(source: string): JsonStringSource | undefined {
  let from = 0;
  let to = source.length;
  if (source.startsWith('"')) from = 1;
  if (to > from && source.endsWith('"') && source[to - 2] !== '\\') to--;
  let value = '';
  const offsets: number[] = [];
  for (let i = from; i < to; i++) {
    const ch = source[i];
    offsets.push(i);
    if (ch !== '\\') {
      value += ch;
      continue;
    }
    const esc = source[++i];
    switch (esc) {
      case 'n':
        value += '\n';
        break;
      case 'r':
        value += '\r';
        break;
      case 't':
        value += '\t';
        break;
      case 'b':
        value += '\b';
        break;
      case 'f':
        value += '\f';
        break;
      case '"':
      case '\\':
      case '/':
        value += esc;
        break;
      case 'u': {
        const hex = source.slice(i + 1, i + 5);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) return undefined;
        value += String.fromCharCode(parseInt(hex, 16));
        i += 4;
        break;
      }
      default:
        return undefined;
    }
  }
  offsets.push(to);
  return { value, sourceOffset: (index) => offsets[Math.max(0, Math.min(index, offsets.length - 1))] };
}

/** readCsrText on a JSON string literal's source; offsets in the result are source offsets. */
export function readCsrJsonSource(source: string): CsrTextResult {
  const decoded = decodeJsonStringSource(source);
  if (!decoded) return { ok: false, code: 'not-base64', message: 'The JSON string has an invalid escape.' };
  const result = readCsrText(decoded.value);
  if (result.ok) {
    return { ...result, start: decoded.sourceOffset(result.start), end: decoded.sourceOffset(result.end) };
  }
  return result.offset === undefined ? result : { ...result, offset: decoded.sourceOffset(result.offset) };
}
