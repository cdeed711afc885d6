// The CSR hover: short enough to read without scrolling, in the order a user asks: would the CA
// take it for this order (ok, or the first problem), whom it names (CN, SANs), its key and
// signature, its SHA-256; then links to the full decode and to copy the SHA-256. Everything else
// (the whole subject, extensions, other hashes, DCV values) is in the full decode (report.ts).
import { commandLink, COPY_TEXT_COMMAND, DECODE_CSR_COMMAND } from '../lsp/commands';
import type { CsrAnalysis } from './analyse';
import { code, md } from './markdown';
import { OID } from './oids';
import { describeKey, describeSignature, type CsrFinding } from './rules';

export interface CsrHoverOptions {
  /** The findings for this CSR (messages as the diagnostics show them). */
  findings: readonly CsrFinding[];
  /** The argument of "Open full decode" (DecodeCsrParams naming this CSR); no link without it. */
  decodeArgs?: unknown;
  /** Said with the verdict, e.g. that a CSR on its own got only the order-independent checks. */
  scope?: string;
}

/** OpenSSL's prefixes for the usual SAN types. */
const SAN_LABEL: Partial<Record<string, string>> = { dns: 'DNS', ip: 'IP', email: 'email', uri: 'URI' };

/** SANs listed in the hover; the full decode lists them all. */
const MAX_SANS = 4;

const RANK: Record<CsrFinding['severity'], number> = { error: 0, warning: 1, information: 2, hint: 3 };

function byImportance(findings: readonly CsrFinding[]): CsrFinding[] {
  return [...findings].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
}

const isKeyFinding = (f: CsrFinding) => /-key-/.test(f.code);
const isSignatureFinding = (f: CsrFinding) => /signature/.test(f.code);
const blocking = (f: CsrFinding) => f.severity === 'error' || f.severity === 'warning';

function verdict(findings: readonly CsrFinding[], scope: string | undefined): string {
  const sorted = byImportance(findings);
  const first = sorted[0];
  const where = scope ? ` _(${md(scope)})_` : '';
  if (!first || !blocking(first)) {
    const notes = sorted.length
      ? ` ${sorted.length} note${sorted.length === 1 ? '' : 's'} in the full decode.`
      : '';
    return `**✓ ${scope ? 'No problem found.' : 'OK for this order.'}**${where}${notes}`;
  }
  const mark = first.severity === 'error' ? '✗' : '⚠';
  const more = sorted.filter(blocking).length - 1;
  const tail = more > 0 ? ` _(+${more} more: see the full decode)_` : '';
  return `**${mark} ${md(first.message)}**${tail}${where}`;
}

/** ✓ when no finding of this kind blocks, else the first one's code. */
function check(findings: readonly CsrFinding[], ofKind: (f: CsrFinding) => boolean): string {
  const problem = byImportance(findings.filter(ofKind)).find(blocking);
  if (!problem) return '✓';
  return `${problem.severity === 'error' ? '✗' : '⚠'} ${code(problem.code)}`;
}

function links(sha256: string | undefined, decodeArgs: unknown): string {
  const out: string[] = [];
  if (decodeArgs !== undefined)
    out.push(
      commandLink(
        'Open full decode',
        DECODE_CSR_COMMAND,
        [decodeArgs],
        'The whole decode, DCV values included',
      ),
    );
  if (sha256)
    out.push(commandLink('Copy SHA-256', COPY_TEXT_COMMAND, [sha256], 'Copy the SHA-256 of the DER bytes'));
  return out.join(' · ');
}

/** Lines joined with Markdown hard breaks: one short block, not a paragraph each. */
const block = (lines: string[]) => lines.join('  \n');

export function csrHoverMarkdown(analysis: CsrAnalysis, options: CsrHoverOptions): string {
  const { findings, decodeArgs, scope } = options;
  if (analysis.kind !== 'decoded') {
    // Undecodable: the problem is the verdict (a finding when the rules gave one).
    const problem =
      byImportance(findings)[0]?.message ??
      (analysis.kind === 'text-error' ? analysis.text.message : analysis.error.message);
    return [`**✗ Not a readable CSR: ${md(problem)}**`, links(undefined, decodeArgs)]
      .filter(Boolean)
      .join('\n\n');
  }
  const { csr, hashes } = analysis;
  const cns = csr.subject.filter((a) => a.oid === OID.commonName).map((a) => md(a.value) || '(empty)');
  const sans = csr.subjectAltNames.map((s) => md(`${SAN_LABEL[s.type] ?? s.type}:${s.value}`));
  const shownSans =
    sans.slice(0, MAX_SANS).join(', ') + (sans.length > MAX_SANS ? ` (+${sans.length - MAX_SANS} more)` : '');
  const sig = csr.signature.verify;
  const verifies =
    sig.status === 'valid'
      ? 'verifies'
      : sig.status === 'invalid'
        ? 'does NOT verify'
        : `not checked (${md(sig.reason)})`;
  const facts = block([
    `**CN** ${cns.length ? cns.join(', ') : '(none)'}`,
    `**SANs** ${sans.length ? shownSans : '(none)'}`,
    `**Key** ${md(describeKey(csr.publicKey))} ${check(findings, isKeyFinding)} · **Signature** ${md(describeSignature(csr.signature))}, ${verifies} ${check(findings, isSignatureFinding)}`,
    `**SHA-256** ${code(hashes.sha256)}`,
  ]);
  return [verdict(findings, scope), facts, links(hashes.sha256, decodeArgs)].filter(Boolean).join('\n\n');
}
