// `.csr` and `.pem` files opened on their own (language `cert-csr`): diagnostics from the rules
// that do not depend on an order, and the full decode on hover anywhere in the file. A `.pem`
// may hold a certificate or a key instead: that is said in the hover, never flagged.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { MarkupKind, type Diagnostic, type Hover, type Position } from 'vscode-languageserver-types';
import { csrHoverMarkdown, type CsrAnalysis, type CsrCache, type CsrFinding } from '../../../common/src/csr';
import { md } from '../../../common/src/csr/markdown';
import type { OrderSettings } from '../../../common/src/settings';
import { DIAGNOSTIC_SOURCE } from '../service';
import { standaloneCheckContext, standaloneFindings } from './context';
import { findingMessage, findingTextSpan, SEVERITY, type Span } from './ranges';

export const CSR_LANGUAGE_ID = 'cert-csr';

/** A CSR file is a few KB; a larger document is not checked. */
const MAX_CSR_DOCUMENT_LENGTH = 256 * 1024;

/** Said with the hover's verdict on a CSR with no order around it. */
const STANDALONE_SCOPE = 'checked on its own: decoding, signature and key policy';

/** Said in the report of a CSR with no order around it. */
export const STANDALONE_NOTE =
  'Checked on its own: decoding, signature and key policy. The subject and product rules run where an order uses this CSR.';

export function isCsrDocument(document: { languageId: string; uri: string }): boolean {
  if (document.languageId === CSR_LANGUAGE_ID) return true;
  return document.languageId !== 'cert-order' && /\.(csr|pem)$/i.test(document.uri);
}

const isPem = (uri: string) => /\.pem$/i.test(uri);

/** The analysis and order-independent findings of a CSR document; undefined when too large. */
export function checkCsrDocument(
  cache: CsrCache,
  text: string,
  settings: OrderSettings,
): { analysis: CsrAnalysis; findings: CsrFinding[] } | undefined {
  if (text.length > MAX_CSR_DOCUMENT_LENGTH) return undefined;
  const { analysis, findings } = cache.check(text, standaloneCheckContext(settings));
  return { analysis, findings: standaloneFindings(findings) };
}

/** Whether the document holds nothing to flag: empty (being written), or a `.pem` of another kind. */
function nothingToCheck(analysis: CsrAnalysis, uri: string): boolean {
  if (analysis.kind !== 'text-error') return false;
  return analysis.text.code === 'empty' || (analysis.text.code === 'wrong-label' && isPem(uri));
}

/** The CSR block in the text, or the text without surrounding blank space. */
function csrSpan(text: string, analysis: CsrAnalysis): Span {
  if (analysis.kind !== 'text-error') return { start: analysis.text.start, end: analysis.text.end };
  const start = text.search(/\S/);
  return start < 0 ? { start: 0, end: 0 } : { start, end: text.trimEnd().length };
}

export function validateCsrDocument(
  cache: CsrCache,
  document: TextDocument,
  settings: OrderSettings,
): Diagnostic[] {
  const text = document.getText();
  const checked = checkCsrDocument(cache, text, settings);
  if (!checked || nothingToCheck(checked.analysis, document.uri)) return [];
  const whole = csrSpan(text, checked.analysis);
  return checked.findings.map((f): Diagnostic => {
    const span = findingTextSpan(text, checked.analysis, f) ?? whole;
    return {
      range: { start: document.positionAt(span.start), end: document.positionAt(span.end) },
      severity: SEVERITY[f.severity],
      code: f.code,
      source: DIAGNOSTIC_SOURCE,
      message: findingMessage(f),
    };
  });
}

export function hoverCsrDocument(
  cache: CsrCache,
  document: TextDocument,
  position: Position,
  settings: OrderSettings,
): Hover | null {
  const text = document.getText();
  const checked = checkCsrDocument(cache, text, settings);
  const markdown = (value: string, span?: Span): Hover => ({
    contents: { kind: MarkupKind.Markdown, value },
    ...(span
      ? { range: { start: document.positionAt(span.start), end: document.positionAt(span.end) } }
      : {}),
  });
  if (!checked)
    return markdown(`This file is ${Math.round(text.length / 1024)} KB: too large for a CSR, not decoded.`);
  const { analysis, findings } = checked;
  if (analysis.kind === 'text-error' && analysis.text.code === 'empty') return null;
  if (analysis.kind === 'text-error' && analysis.text.code === 'wrong-label') {
    return markdown(`**No certificate request here.** ${md(analysis.text.message)}`);
  }
  const span = csrSpan(text, analysis);
  const offset = document.offsetAt(position);
  const summary = csrHoverMarkdown(analysis, {
    findings: findings.map((f) => ({ ...f, message: findingMessage(f) })),
    decodeArgs: { uri: document.uri },
    scope: STANDALONE_SCOPE,
  });
  return markdown(summary, offset >= span.start && offset <= span.end ? span : undefined);
}
