// The order's CSR field set to `file:NAME.csr`, as text edits that keep the rest of the file as
// written: an existing field keeps its key's spelling and only its value changes; a missing one is
// added after the last property, indented as the editor indents.
import { applyEdits, modify, type Edit } from 'jsonc-parser';
import { csrReference, readOrder } from '../../../common/src/protocol';

export interface Indent {
  insertSpaces: boolean;
  tabSize: number;
}

/**
 * Edits to `text` that make its CSR field `value` (`file:NAME.csr`, or a PEM for the check before
 * anything is written); undefined when the text is not an order.
 */
export function csrFieldEdits(text: string, value: string, indent: Indent): Edit[] | undefined {
  const read = readOrder(text);
  if (!read.ok) return undefined;
  const { order } = read;
  const key = csrReference(order)?.key ?? order.api.fields.find((f) => f.csr)?.name;
  if (!key) return undefined;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return modify(text, [key], value, {
    formattingOptions: { insertSpaces: indent.insertSpaces, tabSize: indent.tabSize, eol },
  });
}

/** A name for the CSR and key files from the certificate's name: `*.example.com` → `wildcard.example.com`. */
export function baseFileName(name: string): string {
  const safe = name
    .trim()
    .replace(/^\*\./, 'wildcard.')
    .replace(/[^\p{L}\p{N}@._+-]/gu, '_')
    .replace(/^\.+/, '');
  return safe === '' ? 'certificate' : safe.slice(0, 120);
}

/** `text` with its CSR field set to `value` (or undefined when the text is not an order). */
export function withCsrField(text: string, value: string, indent: Indent): string | undefined {
  const edits = csrFieldEdits(text, value, indent);
  return edits && applyEdits(text, edits);
}
