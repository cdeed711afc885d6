// Domain-control validation values derived from the CSR's hashes (shared/notes/csr-and-dcv.md).
// The convention is data, shown with the values, because CAs have changed it over time
// (comodoca.com -> sectigo.com, SHA-1 -> SHA-256) and the user must be able to check it.
import type { CsrHashes } from './hashes';

export const DCV_CONVENTION =
  "Sectigo hash-based DCV over the CSR's DER bytes. File: http://DOMAIN/.well-known/pki-validation/" +
  '<MD5, upper case>.txt holding the SHA-256 (upper case), then "sectigo.com", then the order\'s unique ' +
  'value if it has one, one per line. CNAME: _<MD5, lower case>.DOMAIN pointing to <SHA-256, lower case, ' +
  "first 32>.<next 32>[.<unique value>].sectigo.com. Sectigo's documents show upper-case hashes in the " +
  "file and lower-case ones in DNS; older documents say comodoca.com and SHA-1. Check the CA's current " +
  'instructions before relying on these.';

export interface DcvFileMethod {
  /** `http://example.com/.well-known/pki-validation/<MD5>.txt` */
  url: string;
  /** `.well-known/pki-validation/<MD5>.txt`, relative to the web root. */
  path: string;
  /** The file's lines, to be joined with line breaks. */
  lines: string[];
  content: string;
}

export interface DcvCnameMethod {
  /** `_<md5>.example.com` */
  host: string;
  /** `<sha256 first half>.<second half>[.<unique>].sectigo.com` */
  target: string;
}

export interface DcvValues {
  /** The domain validated (a wildcard's base domain: `*.example.com` -> `example.com`). */
  domain: string;
  file: DcvFileMethod;
  cname: DcvCnameMethod;
  convention: string;
}

/** True for names DCV applies to: a DNS name (wildcards allowed), not an IP address. */
export function isDcvDomain(name: string): boolean {
  const bare = name.startsWith('*.') ? name.slice(2) : name;
  return /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)+\.?$/.test(bare) && !/^[0-9.]+$/.test(bare);
}

export function dcvValues(hashes: CsrHashes, name: string, uniqueValue?: string): DcvValues {
  const domain = (name.startsWith('*.') ? name.slice(2) : name).replace(/\.$/, '').toLowerCase();
  const md5Upper = hashes.md5.toUpperCase();
  const sha256 = hashes.sha256.toLowerCase();
  const unique = uniqueValue?.trim() || undefined;
  const path = `.well-known/pki-validation/${md5Upper}.txt`;
  const lines = [sha256.toUpperCase(), 'sectigo.com', ...(unique ? [unique] : [])];
  return {
    domain,
    file: { url: `http://${domain}/${path}`, path, lines, content: lines.join('\n') },
    cname: {
      host: `_${hashes.md5.toLowerCase()}.${domain}`,
      target: `${sha256.slice(0, 32)}.${sha256.slice(32)}${unique ? `.${unique}` : ''}.sectigo.com`,
    },
    convention: DCV_CONVENTION,
  };
}

/** The older Comodo convention, for the MD5/SHA1 a CA returns (SSL2Buy): SHA-1 and comodoca.com. */
export const RETURNED_VALUES_CONVENTION =
  'Built from the MD5, SHA1 and UniqueValue the CA returned, in the older Comodo convention these values ' +
  'belong to: file .well-known/pki-validation/<MD5, upper case>.txt holding the SHA1 (upper case), then ' +
  '"comodoca.com", then the unique value; CNAME _<MD5, lower case>.DOMAIN pointing to ' +
  '<SHA1, lower case>[.<unique value>].comodoca.com.';

/** The values for the MD5 and SHA1 the CA returned (SSL2Buy `MD5`, `SHA1`, `UniqueValue`). */
export function returnedDcvValues(md5: string, sha1: string, name: string, uniqueValue?: string): DcvValues {
  const domain = (name.startsWith('*.') ? name.slice(2) : name).replace(/\.$/, '').toLowerCase();
  const unique = uniqueValue?.trim() || undefined;
  const path = `.well-known/pki-validation/${md5.toUpperCase()}.txt`;
  const lines = [sha1.toUpperCase(), 'comodoca.com', ...(unique ? [unique] : [])];
  return {
    domain,
    file: { url: `http://${domain}/${path}`, path, lines, content: lines.join('\n') },
    cname: {
      host: `_${md5.toLowerCase()}.${domain}`,
      target: `${sha1.toLowerCase()}${unique ? `.${unique}` : ''}.comodoca.com`,
    },
    convention: RETURNED_VALUES_CONVENTION,
  };
}
