// What to put in place for hash-based domain-control validation: the one file under the web root
// and the DNS records, from a CSR and, when there is one, the CA's answer. Pure: the editor's
// "Create DCV File" / "Copy DNS Record" commands and `cert-order dcv` write and print these.
//
// Which hashes: the values the CA returned (SSL2Buy `MD5`, `SHA1`, `UniqueValue`: "This value is
// used to approve certificate when HTTPCSRHASH Or CNAMECSRHASH Approval method is used", Sectigo
// PAC Enterprise full order, Response Parameters) are what the CA checks, so they win, in the
// older Comodo convention they belong to; without them, the CSR's own MD5 and SHA-256 in the
// current Sectigo convention (dcv.ts), with the answer's unique value when it has one. The panel
// labels the same choice "Publish these" (client/src/panel/html.ts).
import { decodeCsr } from './decode';
import { dcvValues, returnedDcvValues, type DcvValues } from './dcv';
import { hashCsr, type CsrHashes } from './hashes';
import { dcvDomains } from './report';
import type { DecodedCsr } from './types';

/** The DCV part of a CA's answer (protocol `ReturnedHashes`). */
export interface DcvAnswer {
  md5?: string;
  sha1?: string;
  uniqueValue?: string;
}

export interface DcvPlan {
  /** `returned`: the CA's MD5/SHA1 (older Comodo convention); `csr`: the CSR's own hashes. */
  basis: 'returned' | 'csr';
  /** Which convention is shown, with its caveat: to be shown next to the values. */
  convention: string;
  /** The domains validated: the CN and DNS SANs, wildcards as their base domain, no duplicates. */
  domains: string[];
  /** The same file serves every domain: its path under each domain's web root, and its content. */
  file: { path: string; content: string };
  /** One zone-file CNAME line per domain. */
  dnsRecords: string[];
  /** The values per domain (URL, CNAME host and target). */
  values: DcvValues[];
}

export type DcvInput = Uint8Array | { csr: DecodedCsr; hashes: CsrHashes };

/** A record's TTL: an hour, short enough to correct a mistake, long enough not to matter. */
export const DCV_DNS_TTL = 3600;

function isHex(value: string | undefined, length: number): value is string {
  return value !== undefined && value.length === length && /^[0-9a-f]+$/i.test(value);
}

/** `_<md5>.<domain>. 3600 IN CNAME <target>.` */
export function dnsRecordLine(v: DcvValues): string {
  return `${v.cname.host}. ${DCV_DNS_TTL} IN CNAME ${v.cname.target}.`;
}

/**
 * The plan for a CSR (its DER bytes, or already decoded) and the CA's answer. Undefined when the
 * bytes are not a CSR; `domains` is empty when the CSR names no domain DCV applies to.
 */
export function dcvPlan(input: DcvInput, answer?: DcvAnswer): DcvPlan | undefined {
  let decoded: { csr: DecodedCsr; hashes: CsrHashes };
  if (input instanceof Uint8Array) {
    const result = decodeCsr(input);
    if (!result.ok) return undefined;
    decoded = { csr: result.csr, hashes: hashCsr(input) };
  } else decoded = input;
  const domains = dcvDomains(decoded.csr);
  const unique = answer?.uniqueValue?.trim() || undefined;
  // Only a whole MD5 and SHA1 (hex of the right length) are used as returned; anything else in the
  // answer is not a hash to publish.
  const returned = isHex(answer?.md5, 32) && isHex(answer?.sha1, 40) ? answer : undefined;
  const valuesFor = (domain: string): DcvValues =>
    returned
      ? returnedDcvValues(returned.md5 as string, returned.sha1 as string, domain, unique)
      : dcvValues(decoded.hashes, domain, unique);
  const values = domains.map(valuesFor);
  // The file does not depend on the domain: computed for a placeholder when there is none.
  const first = values[0] ?? valuesFor('example.invalid');
  return {
    basis: returned ? 'returned' : 'csr',
    convention: first.convention,
    domains,
    file: { path: first.file.path, content: first.file.content },
    dnsRecords: values.map(dnsRecordLine),
    values,
  };
}

/** The file to write under the web root: `.well-known/pki-validation/<MD5>.txt` and its content. */
export function dcvFile(input: DcvInput, answer?: DcvAnswer): { path: string; content: string } | undefined {
  return dcvPlan(input, answer)?.file;
}

/** The CNAME records as zone-file lines, one per domain. */
export function dnsRecords(input: DcvInput, answer?: DcvAnswer): string[] {
  return dcvPlan(input, answer)?.dnsRecords ?? [];
}

/** What is at the file's place already: nothing, the same content, or something else. */
export type DcvFileState = 'absent' | 'same' | 'different';

/** Compares line by line; line endings and trailing blank space do not make a file different. */
export function dcvFileState(existing: string | undefined, content: string): DcvFileState {
  if (existing === undefined) return 'absent';
  const norm = (s: string): string => s.replace(/\r\n?/g, '\n').replace(/\s+$/, '');
  return norm(existing) === norm(content) ? 'same' : 'different';
}

/** "The same file serves every domain: a, b." for more than one domain; else undefined. */
export function dcvSameFileNote(plan: DcvPlan): string | undefined {
  if (plan.domains.length < 2) return undefined;
  return `The same file serves every domain of this CSR (${plan.domains.join(', ')}): put it under each one's web root.`;
}

/** The convention's caveat in one sentence, for messages (the panel and the CLI show it whole). */
export function dcvCaveat(plan: DcvPlan): string {
  return plan.basis === 'returned'
    ? "In the older Comodo convention of the values the CA returned (SHA-1, comodoca.com); Sectigo's current documents use SHA-256 and sectigo.com: check the CA's instructions for this order."
    : "In Sectigo's current convention (SHA-256, sectigo.com); older Sectigo/Comodo documents use SHA-1 and comodoca.com: check the CA's current instructions.";
}
