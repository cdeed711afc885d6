// What the submission needs from the CSR, read through the CSR module: the subject for the
// production confirmation, and the domain-control validation values for the panel.
import { analyseCsrText } from '../csr/analyse';
import { DCV_CONVENTION, dcvValues, isDcvDomain, returnedDcvValues } from '../csr/dcv';
import type { DecodedCsr } from '../csr/types';
import type { DcvValues, DcvView } from './record';
import type { CsrSubjectSummary } from './summary';
import type { ParsedResponse } from './types';

function subjectValue(csr: DecodedCsr, shortName: string): string | undefined {
  return csr.subject.find((a) => a.shortName === shortName)?.value;
}

/** The e-mail address of a CSR (S/MIME): subject emailAddress, then a SAN rfc822Name. */
export function csrEmail(csr: DecodedCsr): string | undefined {
  return (
    csr.subject.find((a) => a.oid === '1.2.840.113549.1.9.1')?.value ??
    csr.subjectAltNames.find((s) => s.type === 'email')?.value
  );
}

/** CN, O and e-mail of the CSR, or undefined when it cannot be decoded. */
export function csrSubjectSummary(csrText: string): CsrSubjectSummary | undefined {
  const a = analyseCsrText(csrText);
  if (a.kind !== 'decoded') return undefined;
  const out: CsrSubjectSummary = {};
  const cn = subjectValue(a.csr, 'CN');
  const o = subjectValue(a.csr, 'O');
  const email = csrEmail(a.csr);
  if (cn) out.commonName = cn;
  if (o) out.organization = o;
  if (email) out.email = email;
  return out;
}

function fromReturned(domain: string, md5: string, sha1: string, unique?: string): DcvValues {
  const v = returnedDcvValues(md5, sha1, domain, unique);
  return {
    basis: 'the MD5, SHA1 and UniqueValue the CA returned (older Comodo convention: SHA-1, comodoca.com)',
    filePath: v.file.url,
    fileContent: v.file.content,
    cnameHost: v.cname.host,
    cnameTarget: v.cname.target,
  };
}

/**
 * DCV values for a successful answer: from the hashes the CA returned (SSL2Buy MD5/SHA1/UniqueValue)
 * and from the CSR's own hashes in the current Sectigo convention (the CSR module's `dcvValues`).
 */
export function dcvView(csrText: string, parsed: ParsedResponse | undefined): DcvView | undefined {
  if (parsed?.kind !== 'success') return undefined;
  const a = analyseCsrText(csrText);
  if (a.kind !== 'decoded') return undefined;
  const returned = parsed.hashes;
  const email = csrEmail(a.csr);
  const candidates = [
    returned?.domainName,
    subjectValue(a.csr, 'CN'),
    email?.includes('@') ? email.slice(email.indexOf('@') + 1) : undefined,
  ];
  const name = candidates.find((c): c is string => c !== undefined && isDcvDomain(c));
  const view: DcvView = { convention: DCV_CONVENTION, csrHashes: a.hashes };
  if (!name) return view;
  const own = dcvValues(a.hashes, name, returned?.uniqueValue);
  view.domain = own.domain;
  view.fromCsr = {
    basis: "the CSR's own MD5 and SHA-256 (current Sectigo convention: SHA-256, sectigo.com)",
    filePath: own.file.url,
    fileContent: own.file.content,
    cnameHost: own.cname.host,
    cnameTarget: own.cname.target,
  };
  if (returned?.md5 && returned.sha1)
    view.fromResponse = fromReturned(own.domain, returned.md5, returned.sha1, returned.uniqueValue);
  return view;
}
