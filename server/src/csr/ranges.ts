// Placing a CSR finding: a bad character or a PEM line at its offset in the text, a subject
// attribute on the base64 characters that encode its value, and, for a CSR inside a JSON string,
// those characters mapped back through the string's escapes (`\n`) to the order's text.
import { DiagnosticSeverity, type Position, type Range } from 'vscode-languageserver-types';
import {
  decodeJsonStringSource,
  findingText,
  type CsrAnalysis,
  type CsrFinding,
  type CsrSeverity,
  type CsrText,
} from '../../../common/src/csr';
import { childrenOf, readTlv } from '../../../common/src/csr/der';

/** Half-open character (or byte) offsets. */
export interface Span {
  start: number;
  end: number;
}

export const SEVERITY: Record<CsrSeverity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * The DER bytes of each subject attribute's value (tag, length and content), in the decoder's
 * order, so `attribute.index` selects one. Empty when the DER cannot be walked.
 */
export function subjectValueSpans(der: Uint8Array): Span[] {
  try {
    const [info] = childrenOf(der, readTlv(der, 0));
    const subject = childrenOf(der, info)[1];
    const out: Span[] = [];
    for (const rdn of childrenOf(der, subject)) {
      for (const atv of childrenOf(der, rdn)) {
        const value = childrenOf(der, atv)[1];
        out.push({ start: value.start, end: value.end });
      }
    }
    return out;
  } catch {
    return [];
  }
}

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/** The characters of `text` whose base64 holds the DER bytes `bytes` (whole 4-character groups). */
export function textSpanOfDer(text: string, read: CsrText, bytes: Span): Span | undefined {
  const first = Math.floor(bytes.start / 3) * 4;
  const last = Math.ceil(bytes.end / 3) * 4;
  if (last <= first) return undefined;
  let i = read.label === null ? read.start : read.start + `-----BEGIN ${read.label}-----`.length;
  let k = 0;
  let start = -1;
  for (; i < read.end; i++) {
    if (isSpace(text.charCodeAt(i))) continue;
    if (k === first) start = i;
    if (++k === last) return start < 0 ? undefined : { start, end: i + 1 };
  }
  return undefined;
}

/** A finding's offset widened to what is there: a whole `-----BEGIN ...-----` line, or one character. */
export function offsetSpan(text: string, offset: number): Span {
  if (text.startsWith('-----', offset)) {
    const close = text.indexOf('-----', offset + 5);
    const eol = text.slice(offset).search(/[\r\n]/);
    if (close >= 0 && (eol < 0 || close + 5 <= offset + eol)) return { start: offset, end: close + 5 };
  }
  const start = Math.max(0, Math.min(offset, text.length - 1));
  return { start, end: Math.min(text.length, start + 1) };
}

/** Where in the CSR text (the text given to the cache) a finding is; undefined: the whole CSR. */
export function findingTextSpan(text: string, analysis: CsrAnalysis, finding: CsrFinding): Span | undefined {
  if (finding.offset !== undefined) return offsetSpan(text, finding.offset);
  if (finding.attribute && analysis.kind === 'decoded') {
    const bytes = subjectValueSpans(analysis.csr.der)[finding.attribute.index];
    return bytes && textSpanOfDer(text, analysis.text, bytes);
  }
  return undefined;
}

/** The position `offset` characters into `raw`, which starts at `start`. */
export function advance(start: Position, raw: string, offset: number): Position {
  const lines = raw.slice(0, offset).split(/\r\n|\r|\n/);
  const lastLine = lines[lines.length - 1];
  return lines.length === 1
    ? { line: start.line, character: start.character + offset }
    : { line: start.line + lines.length - 1, character: lastLine.length };
}

/**
 * Maps spans of a JSON string's value to ranges in the document: `raw` is the string as written
 * (quotes included) at `range`. Undefined when `raw` does not decode to `value` (then findings
 * stay on the whole string).
 */
export function jsonStringMapper(
  raw: string | undefined,
  range: Range,
  value: string,
): ((span: Span) => Range) | undefined {
  if (raw === undefined) return undefined;
  const source = decodeJsonStringSource(raw);
  if (!source || source.value !== value) return undefined;
  return (span) => ({
    start: advance(range.start, raw, source.sourceOffset(span.start)),
    end: advance(range.start, raw, source.sourceOffset(span.end)),
  });
}

/** The message, led by the status code the CA would answer when the rule gives one. */
export function findingMessage(finding: CsrFinding): string {
  return findingText(finding);
}
