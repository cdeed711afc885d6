// `file:` CSR references as links: Ctrl+click (textDocument/documentLink) and Go to Definition
// open the referenced file. Resolved and read as validation and hover read it (readCsrValues,
// through the injected readFile), so a link goes exactly where the diagnostics looked, and a
// reference that cannot be read is no link (its csr-file-unreadable diagnostic says why).
import type { DocumentLink, LocationLink, Position, Range } from 'vscode-languageserver-types';
import { defaultSettings } from '../../../common/src/settings';
import { readCsrValues, type CsrValue } from './csrFields';
import type { OrderModel } from './model';
import type { OrderLanguageServiceParams } from './types';

interface FileReference {
  /** The path inside the string (the whole content when it is written with escapes). */
  range: Range;
  /** The whole JSON string, quotes included. */
  stringRange: Range;
  target: string;
}

/** The readable `file:` references of the order's CSR fields. */
async function fileReferences(
  model: OrderModel,
  params: OrderLanguageServiceParams,
): Promise<FileReference[]> {
  if (!params.readFile) return [];
  const out: FileReference[] = [];
  for (const value of await readCsrValues(model, defaultSettings, params)) {
    const { source } = value.input;
    if (source.kind !== 'file' || !source.bytes || value.unreadable !== undefined) continue;
    out.push({ range: pathRange(model, value), stringRange: value.input.range, target: source.uri });
  }
  return out;
}

/** Where the path is written: after `file:` and any blanks, before the closing quote. */
function pathRange(model: OrderModel, value: CsrValue): Range {
  const { node } = value;
  const raw = value.input.raw ?? '';
  const inner = { start: node.offset + 1, end: node.offset + Math.max(1, node.length - 1) };
  // With escapes (`\u0066ile:`), offsets in the value are not offsets in the text.
  if (raw.includes('\\')) return model.range(inner.start, inner.end - inner.start);
  const path = /^"file:\s*(.*?)\s*"?$/s.exec(raw);
  if (!path) return model.range(inner.start, inner.end - inner.start);
  const start = node.offset + raw.indexOf(path[1], 6);
  return model.range(start, path[1].length);
}

export async function findDocumentLinks(
  model: OrderModel,
  params: OrderLanguageServiceParams,
): Promise<DocumentLink[]> {
  return (await fileReferences(model, params)).map((r) => ({
    range: r.range,
    target: r.target,
    tooltip: 'Open the CSR file',
  }));
}

function contains(range: Range, p: Position): boolean {
  const after =
    p.line > range.start.line || (p.line === range.start.line && p.character >= range.start.character);
  const before = p.line < range.end.line || (p.line === range.end.line && p.character <= range.end.character);
  return after && before;
}

const FILE_START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Go to Definition anywhere on a `file:` reference's string: the file it names. */
export async function findDefinition(
  model: OrderModel,
  position: Position,
  params: OrderLanguageServiceParams,
): Promise<LocationLink[]> {
  const hit = (await fileReferences(model, params)).find((r) => contains(r.stringRange, position));
  return hit
    ? [
        {
          originSelectionRange: hit.range,
          targetUri: hit.target,
          targetRange: FILE_START,
          targetSelectionRange: FILE_START,
        },
      ]
    : [];
}
