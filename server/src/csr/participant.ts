// The CSR participant of the order language service: the CSR module's rules as diagnostics on
// the CSR string (or on the part of it a finding is about, or on the order field it concerns),
// and its summary as the hover (common/src/csr/hover.ts). One CsrCache per server: a CSR is decoded once, not per keystroke.
import {
  csrHoverMarkdown,
  csrTextFromBytes,
  type CsrAnalysis,
  type CsrCache,
  type CsrFinding,
} from '../../../common/src/csr';
import type { CsrInput, CsrParticipant, CsrProblem } from '../service/types';
import { orderCheckContext } from './context';
import { findingMessage, findingTextSpan, jsonStringMapper, SEVERITY } from './ranges';

/** The CSR text of an input: the inline value, or the referenced file's content. */
export function csrTextOf(input: CsrInput): string | undefined {
  if (input.source.kind === 'inline') return input.value;
  return input.source.bytes ? csrTextFromBytes(input.source.bytes) : undefined;
}

/** The analysis and findings for a CSR of an order (no findings for an API the rules do not know). */
export function checkInput(
  cache: CsrCache,
  input: CsrInput,
): { text: string; analysis: CsrAnalysis; findings: CsrFinding[] } | undefined {
  const text = csrTextOf(input);
  if (text === undefined) return undefined;
  const context = orderCheckContext(input.order, input.settings);
  if (!context) return { text, analysis: cache.analyse(text), findings: [] };
  return { text, ...cache.check(text, context) };
}

/** A finding as a problem of the order: placed inside an inline CSR, or on the order field it is about. */
export function toProblem(
  input: CsrInput,
  text: string,
  analysis: CsrAnalysis,
  finding: CsrFinding,
): CsrProblem {
  const problem: CsrProblem = {
    code: finding.code,
    severity: SEVERITY[finding.severity],
    message: findingMessage(finding),
  };
  if (finding.missingArgument && finding.orderField !== undefined) {
    // Written as nothing: an empty string, for the user to fill in (the CSR has no value to copy).
    problem.adds = [[finding.orderField, '']];
  }
  const field = finding.orderField !== undefined ? input.locate?.(finding.orderField) : undefined;
  if (field) {
    problem.range = field.value ?? field.key;
  } else if (input.source.kind === 'inline') {
    const span = findingTextSpan(text, analysis, finding);
    const map = span && jsonStringMapper(input.raw, input.range, input.value);
    if (span && map) problem.range = map(span);
  }
  // Otherwise the service puts it on the CSR string or the `file:` reference.
  return problem;
}

export function createCsrParticipant(cache: CsrCache): CsrParticipant {
  return {
    validate(input) {
      const checked = checkInput(cache, input);
      if (!checked) return [];
      return checked.findings.map((f) => toProblem(input, checked.text, checked.analysis, f));
    },
    hover(input) {
      const checked = checkInput(cache, input);
      if (!checked) return undefined;
      return csrHoverMarkdown(checked.analysis, {
        findings: checked.findings.map((f) => ({ ...f, message: findingMessage(f) })),
        // The decode request finds the order's CSR that contains this position.
        ...(input.orderUri ? { decodeArgs: { uri: input.orderUri, position: input.range.start } } : {}),
      });
    },
  };
}
