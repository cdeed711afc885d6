// Rules about the CSR as text and as DER: Comodo -9 (not base64) and -10 (cannot be decoded), and
// a requested extension that cannot be read (the rest of the CSR can).
import type { RequestedExtension } from '../types';
import { statusFor, vendorSays, type CsrContentRule, type CsrInputRule } from './types';

export const csrEmpty: CsrInputRule = {
  code: 'csr-empty',
  description: 'The CSR value is empty.',
  check(analysis) {
    if (analysis.kind !== 'text-error' || analysis.text.code !== 'empty') return [];
    return [
      {
        code: this.code,
        severity: 'error',
        message: `${analysis.text.message} Paste the certificate request (PEM, with or without its BEGIN/END lines) or reference a file as "file:relative/path.csr".`,
      },
    ];
  },
};

export const csrTooLarge: CsrInputRule = {
  code: 'csr-too-large',
  description: 'The CSR value is far longer than any certificate request (64 KB); it is not decoded.',
  check(analysis) {
    if (analysis.kind !== 'text-error' || analysis.text.code !== 'too-large') return [];
    return [{ code: this.code, severity: 'error', message: analysis.text.message }];
  },
};

export const csrNotBase64: CsrInputRule = {
  code: 'csr-not-base64',
  statusCode: -9,
  description:
    'The CSR is not base64 data (a character outside the alphabet, bad padding, a BEGIN line without END).',
  check(analysis, ctx) {
    if (analysis.kind !== 'text-error') return [];
    const t = analysis.text;
    if (t.code !== 'not-base64' && t.code !== 'no-end-line') return [];
    return [
      {
        code: this.code,
        statusCode: statusFor(ctx, this.statusCode),
        severity: 'error',
        message:
          `${t.message} A CSR is base64 (A-Z, a-z, 0-9, +, /, = padding), with or without the ` +
          `-----BEGIN CERTIFICATE REQUEST----- and -----END CERTIFICATE REQUEST----- lines.` +
          vendorSays(ctx, this.statusCode),
        offset: t.offset,
      },
    ];
  },
};

export const csrNotACsr: CsrInputRule = {
  code: 'csr-not-a-csr',
  statusCode: -10,
  description: 'Base64, but not a PKCS#10 certificate request (truncated, another PEM kind, a certificate).',
  check(analysis, ctx) {
    let what: string;
    let offset: number | undefined;
    if (analysis.kind === 'text-error' && analysis.text.code === 'wrong-label') {
      what = analysis.text.message;
      offset = analysis.text.offset;
    } else if (analysis.kind === 'decode-error') {
      const e = analysis.error;
      what = `The base64 data is not a certificate request: ${e.message}${
        e.offset !== undefined ? ` (DER byte ${e.offset})` : ''
      }.`;
      if (e.code === 'not-der') what += ' Part of it may be missing, or it is not a CSR at all.';
    } else {
      return [];
    }
    return [
      {
        code: this.code,
        statusCode: statusFor(ctx, this.statusCode),
        severity: 'error',
        message: `${what} Expected a PKCS#10 request, as made by "openssl req -new".${vendorSays(ctx, this.statusCode)}`,
        offset,
      },
    ];
  },
};

export const csrVersion: CsrContentRule = {
  code: 'csr-version',
  statusCode: -10,
  description: 'The request version is not 0 (PKCS#10 v1; the Comodo document: "Version: 0").',
  check(csr, ctx) {
    if (csr.version === 0) return [];
    return [
      {
        code: this.code,
        statusCode: statusFor(ctx, this.statusCode),
        severity: 'error',
        message:
          `The request's version field is ${csr.version}; PKCS#10 defines only 0 (shown as "Version: 1"), ` +
          `and the Comodo document requires "Version: 0".${vendorSays(ctx, this.statusCode)}`,
      },
    ];
  },
};

export const csrExtensionUnreadable: CsrContentRule = {
  code: 'csr-extension-unreadable',
  description: 'A requested extension cannot be read; the rest of the CSR is decoded.',
  check(csr) {
    return csr.extensions
      .filter((e) => e.error !== undefined)
      .map((e) => ({
        code: this.code,
        severity: 'warning' as const,
        message:
          `The requested extension ${extensionName(e)} cannot be read: ${e.error}. The rest of the CSR is read as usual. ` +
          `The Comodo document says "Any attributes MAY be present, but will be ignored", but a CA that reads the ` +
          `extensions may refuse the request: make the CSR again.`,
      }));
  },
};

/** `keyUsage (2.5.29.15)`, `1.2.3.4`, or `(OID unreadable)`. */
export function extensionName(e: RequestedExtension): string {
  if (!e.oid) return '(OID unreadable)';
  return e.name === e.oid ? e.oid : `${e.name} (${e.oid})`;
}
