// The CSR decode as the hover shows it (Markdown) and as the "Decode CSR" command opens it (plain
// text, values easy to copy). Both are built from one list of sections, so they say the same.
import type { CsrAnalysis } from './analyse';
import { dcvValues, isDcvDomain, DCV_CONVENTION, type DcvValues } from './dcv';
import { code, md, plain } from './markdown';
import { OID } from './oids';
import { describeKey, describeSignature, extensionName, type CsrFinding } from './rules';
import type { DecodedCsr, PublicKeyInfo, SubjectAltName } from './types';

export interface CsrReportOptions {
  /** Findings from checkCsr, one line each. */
  findings?: readonly CsrFinding[];
  /** The order's unique value for DCV, when it has one. */
  uniqueValue?: string;
  /** Leave out the DCV values (e.g. an S/MIME order). Default: included. */
  dcv?: boolean;
  /** Show DCV values for at most this many domains (a hover with 100 SANs); the rest are counted. */
  maxDcvDomains?: number;
}

type Line = { label: string; value: string; literal?: boolean };
interface Section {
  heading: string;
  lines: Line[];
  /** Subject attributes: a table in Markdown. */
  subject?: DecodedCsr['subject'];
  note?: string;
}

const SEVERITY_MARK: Record<CsrFinding['severity'], string> = {
  error: 'error',
  warning: 'warning',
  information: 'info',
  hint: 'hint',
};

/** The domains DCV applies to: the CN and each DNS SAN, wildcards reduced to their base domain. */
export function dcvDomains(csr: DecodedCsr): string[] {
  const names = [
    ...csr.subject.filter((a) => a.oid === OID.commonName).map((a) => a.value),
    ...csr.subjectAltNames.filter((s) => s.type === 'dns').map((s) => s.value),
  ];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const name of names) {
    if (!isDcvDomain(name)) continue;
    const domain = (name.startsWith('*.') ? name.slice(2) : name).replace(/\.$/, '').toLowerCase();
    if (seen.has(domain)) continue;
    seen.add(domain);
    out.push(domain);
  }
  return out;
}

export function keySummary(key: PublicKeyInfo): string {
  if (key.algorithm === 'RSA' || key.algorithm === 'RSA-PSS')
    return `${describeKey(key)}, exponent ${key.exponent}`;
  if (key.algorithm === 'EC' && key.curveOid) return `${describeKey(key)} (${key.curveOid})`;
  return describeKey(key);
}

function sanText(s: SubjectAltName): string {
  const label = {
    dns: 'DNS',
    ip: 'IP',
    email: 'email',
    uri: 'URI',
    directoryName: 'DirName',
    otherName: 'otherName',
    registeredId: 'RID',
    other: 'other',
  }[s.type];
  return `${label}:${s.value}`;
}

function sections(analysis: CsrAnalysis, options: CsrReportOptions): Section[] {
  const out: Section[] = [];
  if (analysis.kind === 'decoded') {
    const { csr, hashes } = analysis;
    const sig = csr.signature;
    const verify =
      sig.verify.status === 'valid'
        ? 'verifies with the public key'
        : sig.verify.status === 'invalid'
          ? `DOES NOT VERIFY (${sig.verify.reason})`
          : `not checked (${sig.verify.reason})`;
    out.push({ heading: 'Subject', lines: [], subject: csr.subject });
    if (csr.subjectAltNames.length) {
      out.push({
        heading: 'Subject alternative names',
        lines: csr.subjectAltNames.map((s) => ({ label: '', value: sanText(s) })),
      });
    }
    if (csr.extensions.length) {
      out.push({
        heading: 'Requested extensions',
        lines: csr.extensions.map((e) =>
          e.error === undefined
            ? { label: `${e.name}${e.critical ? ' (critical)' : ''}`, value: e.summary }
            : {
                label: `${extensionName(e)}${e.critical ? ' (critical)' : ''}`,
                value: `unreadable: ${e.error}${e.summary ? ` (${e.summary})` : ''}`,
              },
        ),
      });
    }
    if (csr.attributes.length) {
      out.push({
        heading: 'Attributes',
        lines: csr.attributes.map((a) => ({ label: a.name, value: a.value })),
      });
    }
    out.push({
      heading: 'Key and signature',
      lines: [
        { label: 'Public key', value: keySummary(csr.publicKey) },
        { label: 'Signature', value: `${describeSignature(sig)}: ${verify}` },
        ...(sig.pss
          ? [{ label: 'PSS', value: `MGF1 with ${sig.pss.mgf1Hash}, salt ${sig.pss.saltLength} bytes` }]
          : []),
      ],
    });
    out.push({
      heading: 'Hashes of the DER bytes',
      lines: [
        { label: 'MD5', value: hashes.md5, literal: true },
        { label: 'SHA-1', value: hashes.sha1, literal: true },
        { label: 'SHA-256', value: hashes.sha256, literal: true },
      ],
    });
    if (options.dcv !== false) {
      const domains = dcvDomains(csr);
      const shown = domains.slice(0, options.maxDcvDomains ?? domains.length);
      if (domains.length) {
        const more = domains.length - shown.length;
        out.push({
          heading: 'Domain-control validation',
          note: DCV_CONVENTION,
          lines: [
            ...shown.flatMap((d) => dcvLines(dcvValues(hashes, d, options.uniqueValue))),
            ...(more > 0
              ? [{ label: '', value: `(${more} more domain${more === 1 ? '' : 's'}: see Decode CSR)` }]
              : []),
          ],
        });
      }
    }
  }
  if (analysis.kind !== 'decoded' && !options.findings?.length) {
    const message = analysis.kind === 'text-error' ? analysis.text.message : analysis.error.message;
    out.push({ heading: 'Problem', lines: [{ label: '', value: message }] });
  }
  if (options.findings?.length) {
    out.push({
      heading: 'What the CA would say',
      lines: options.findings.map((f) => ({
        label: `${SEVERITY_MARK[f.severity]}${f.statusCode !== undefined ? ` ${f.statusCode}` : ''}`,
        value: `${f.message} [${f.code}]`,
      })),
    });
  }
  return out;
}

function dcvLines(v: DcvValues): Line[] {
  return [
    { label: `${v.domain} file`, value: v.file.url, literal: true },
    { label: `${v.domain} content`, value: v.file.lines.join(' / '), literal: true },
    { label: `${v.domain} CNAME`, value: `${v.cname.host} -> ${v.cname.target}`, literal: true },
  ];
}

function headline(analysis: CsrAnalysis): string {
  if (analysis.kind === 'text-error') return 'Certificate request: not readable';
  if (analysis.kind === 'decode-error') return 'Certificate request: cannot be decoded';
  const { csr } = analysis;
  const cn = csr.subject.find((a) => a.oid === OID.commonName)?.value;
  const sig = {
    valid: 'signature verifies',
    invalid: 'signature DOES NOT VERIFY',
    unchecked: 'signature not checked',
  }[csr.signature.verify.status];
  return `Certificate request${cn !== undefined ? ` for ${cn}` : ''}: ${describeKey(csr.publicKey)}, ${csr.signature.name}, ${sig}`;
}

/** Markdown for the hover: CSR values escaped, hashes and DCV values in code spans. */
export function csrReportMarkdown(analysis: CsrAnalysis, options: CsrReportOptions = {}): string {
  const parts: string[] = [`**${md(headline(analysis))}**`];
  for (const s of sections(analysis, options)) {
    parts.push(`**${s.heading}**`);
    if (s.subject) {
      parts.push(
        s.subject.length === 0
          ? '(empty)'
          : [
              '| | Attribute | OID | Type | Value |',
              '|---|---|---|---|---|',
              ...s.subject.map(
                (a) =>
                  `| ${a.index + 1} | ${md(a.shortName)}${a.longName !== a.shortName ? ` (${md(a.longName)})` : ''} | ${md(a.oid)} | ${a.type} | ${md(a.value) || '(empty)'} |`,
              ),
            ].join('\n'),
      );
    }
    if (s.note) parts.push(`_${md(s.note)}_`);
    if (s.lines.length) {
      parts.push(
        s.lines
          .map(
            (l) =>
              `- ${l.label ? `${md(l.label)}: ` : ''}${l.literal ? l.value.split(' ').map(codeOrText).join(' ') : md(l.value)}`,
          )
          .join('\n'),
      );
    }
  }
  return parts.join('\n\n');
}

function codeOrText(word: string): string {
  return word === '/' || word === '->' ? md(word) : code(word);
}

/** Plain text for the "Decode CSR" report tab: aligned, copyable, control characters made visible. */
export function csrReportText(analysis: CsrAnalysis, options: CsrReportOptions = {}): string {
  const parts: string[] = [plain(headline(analysis))];
  for (const s of sections(analysis, options)) {
    const block: string[] = [s.heading, '-'.repeat(s.heading.length)];
    if (s.subject) {
      if (s.subject.length === 0) block.push('(empty)');
      for (const a of s.subject) {
        block.push(
          `${String(a.index + 1).padStart(2)}. ${a.shortName.padEnd(14)} ${a.oid.padEnd(22)} ${a.type.padEnd(16)} ${plain(a.value)}`,
        );
      }
    }
    if (s.note) block.push(plain(s.note), '');
    const width = Math.min(24, Math.max(0, ...s.lines.map((l) => l.label.length)));
    for (const l of s.lines) {
      // Multi-line values (the DCV file's lines) continue under the value column.
      const value = l.literal
        ? l.value
            .split(' / ')
            .map(plain)
            .join(`\n${' '.repeat(l.label ? width + 2 : 0)}`)
        : plain(l.value);
      block.push(l.label ? `${l.label.padEnd(width)}  ${value}` : value);
    }
    parts.push(block.join('\n'));
  }
  return parts.join('\n\n') + '\n';
}
