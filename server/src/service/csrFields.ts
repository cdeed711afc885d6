// The order's CSR fields, the service's side of the CSR seam: each CSR field's inline text, or the
// bytes of the file a `file:` reference names (read through the injected readFile), with the order
// around it. Everything inside the CSR (decoding, key, subject, the CA's -5...-19 rules) is the CSR
// participant's (server/src/csr), which gets these inputs.
import type { Range } from 'vscode-languageserver-types';
import type { StringASTNode } from 'vscode-json-languageservice';
import { CSR_FILE_PREFIX, type FieldSpec } from '../../../common/src/catalogue';
import { csrReferenceUrl } from '../../../common/src/protocol/csrFile';
import type { OrderModel } from './model';
import type { CsrInput, OrderLanguageServiceParams, OrderSettings } from './types';

export interface CsrValue {
  node: StringASTNode;
  input: CsrInput;
  /** Why a `file:` reference could not be read (the participant is not called then). */
  unreadable?: string;
}

/** `file:www.example.com.csr` resolved against the order's URI; undefined when it cannot be. */
export function resolveReference(orderUri: string, reference: string): string | undefined {
  return csrReferenceUrl(reference, orderUri)?.href;
}

function describeError(err: unknown): string {
  const code = (err as { code?: unknown } | undefined)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a directory';
  return err instanceof Error ? err.message : String(err);
}

/** A `file:` reference: the path, its URI, and why it cannot be read before trying. */
function fileReference(
  model: OrderModel,
  value: string,
): { reference: string; uri?: string; unreadable?: string } {
  const reference = value.slice(CSR_FILE_PREFIX.length).trim();
  if (!reference) return { reference, unreadable: 'the reference names no file' };
  const uri = resolveReference(model.document.uri, reference);
  return uri
    ? { reference, uri }
    : { reference, unreadable: 'a relative path needs the order to be saved first' };
}

export function unreadableMessage(
  field: FieldSpec,
  reference: string,
  uri: string | undefined,
  why: string,
): string {
  return `Cannot read the CSR file '${reference}'${uri ? ` (${decodeURIComponent(uri)})` : ''}: ${why}. The file's content is sent as '${field.name}'.`;
}

/** The order's CSR fields with what the participant needs; reads referenced files. */
export async function readCsrValues(
  model: OrderModel,
  settings: OrderSettings,
  params: OrderLanguageServiceParams,
): Promise<CsrValue[]> {
  const facts = model.facts;
  if (!facts) return [];
  const out: CsrValue[] = [];
  for (const b of model.bound) {
    const node = b.property.valueNode;
    if (!b.field.csr || node?.type !== 'string') continue;
    const base = {
      field: b.field,
      value: node.value,
      range: model.rangeOf(node),
      raw: model.document.getText().slice(node.offset, node.offset + node.length),
      locate: (name: string) => locateField(model, name),
      orderUri: model.document.uri,
      order: facts,
      settings,
    };
    if (!node.value.startsWith(CSR_FILE_PREFIX)) {
      out.push({ node, input: { ...base, source: { kind: 'inline' } } });
      continue;
    }
    const { reference, uri, unreadable } = fileReference(model, node.value);
    const value: CsrValue = {
      node,
      input: { ...base, source: { kind: 'file', reference, uri: uri ?? '' } },
      unreadable,
    };
    if (uri && params.readFile) {
      try {
        const bytes = await params.readFile(uri, model.document.uri);
        value.input = { ...value.input, source: { kind: 'file', reference, uri, bytes } };
      } catch (err) {
        value.unreadable = describeError(err);
      }
    }
    out.push(value);
  }
  return out;
}

/**
 * The URIs the order's `file:` CSR references name, resolved against the order but not read: from
 * the parse validation already made (a change to one of them on disk checks the order again).
 */
export function csrFileReferences(model: OrderModel): string[] {
  if (!model.facts) return [];
  const out: string[] = [];
  for (const b of model.bound) {
    const node = b.property.valueNode;
    if (!b.field.csr || node?.type !== 'string' || !node.value.startsWith(CSR_FILE_PREFIX)) continue;
    const { uri } = fileReference(model, node.value);
    if (uri) out.push(uri);
  }
  return out;
}

function locateField(model: OrderModel, name: string): { key: Range; value?: Range } | undefined {
  const property = model.top.find((b) => b.field?.name === name)?.property;
  if (!property) return undefined;
  const value = property.valueNode;
  return { key: model.rangeOf(property.keyNode), value: value ? model.rangeOf(value) : undefined };
}
