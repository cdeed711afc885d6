// Putting CSR-provided text into Markdown safely. A CSR can hold anything: Markdown syntax, HTML,
// line breaks, bidirectional overrides. Every value from a CSR goes through `md()` or `plain()`.

/** Control, format (bidi overrides, zero-width) and line/paragraph separator characters. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

/** Makes invisible and control characters visible as `\u{...}`. */
export function plain(value: string): string {
  return value.replace(
    INVISIBLE,
    (ch) => `\\u{${ch.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}}`,
  );
}

/** Escapes a value for Markdown text (also inside a table cell): every ASCII punctuation character. */
export function md(value: string): string {
  return plain(value).replace(/[!-/:-@[-`{-~]/g, (ch) =>
    ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : ch === '&' ? '&amp;' : `\\${ch}`,
  );
}

/** Inline code for values known to be safe in a code span (hex, checked domain names). */
export function code(value: string): string {
  return /^[\w.:/\-*=+ ]*$/.test(value) ? `\`${value}\`` : md(value);
}
