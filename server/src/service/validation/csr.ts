// The CSR seam. This service checks that a CSR field has a value and that a `file:` reference
// can be read; everything inside the CSR (decoding, key, subject, the CA's -5...-19 rules) is the
// CSR participant's (issue 3), called here with the text or the file's bytes and the order around it.
import { DiagnosticSeverity, type Range } from 'vscode-languageserver-types';
import type { StringASTNode } from 'vscode-json-languageservice';
import { CSR_FILE_PREFIX, type ApiCatalogue, type FieldSpec } from '../../../../common/src/catalogue';
import type { OrderModel } from '../model';
import type { CsrInput, OrderLanguageServiceParams, OrderSettings } from '../types';
import { NO_FINDINGS, type OrderRule, type RuleContext, type RuleFinding } from './rule';
import { statusAnswer } from './vendorText';
import { csrReferenceUrl } from '../../../../common/src/protocol/csrFile';

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

function unreadableMessage(
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
        const bytes = await params.readFile(uri);
        value.input = { ...value.input, source: { kind: 'file', reference, uri, bytes } };
      } catch (err) {
        value.unreadable = describeError(err);
      }
    }
    out.push(value);
  }
  return out;
}

function locateField(model: OrderModel, name: string): { key: Range; value?: Range } | undefined {
  const property = model.top.find((b) => b.field?.name === name)?.property;
  if (!property) return undefined;
  const value = property.valueNode;
  return { key: model.rangeOf(property.keyNode), value: value ? model.rangeOf(value) : undefined };
}

export const csrRule: OrderRule = {
  code: 'csr-empty',
  severity: DiagnosticSeverity.Error,
  check(ctx) {
    const { model, api, params } = ctx;
    let findings: RuleFinding[] | undefined;
    for (const b of model.bound) {
      const node = b.property.valueNode;
      if (!b.field.csr || node?.type !== 'string') continue;
      // A file to read or a participant to ask: the full check. Otherwise answer without a
      // promise (this runs on every keystroke).
      if (params.csr?.validate || params.readFile) return checkCsrs(ctx);
      if (node.value.trim() === '') {
        (findings ??= []).push({ range: model.rangeOf(node), message: emptyMessage(api, b.field) });
      } else if (node.value.startsWith(CSR_FILE_PREFIX) && !node.value.slice(CSR_FILE_PREFIX.length).trim()) {
        // Without readFile the file is not looked at; a reference to no file is wrong anyway.
        const message = unreadableMessage(b.field, '', undefined, 'the reference names no file');
        (findings ??= []).push({ code: 'csr-file-unreadable', range: model.rangeOf(node), message });
      }
    }
    return findings ?? NO_FINDINGS;
  },
};

function emptyMessage(api: ApiCatalogue, field: FieldSpec): string {
  return `'${field.name}' is empty: paste the CSR (PEM, with or without the BEGIN/END lines) or write "file:name.csr". ${statusAnswer(api, 'missingField', field.name) ?? ''}`.trimEnd();
}

async function checkCsrs({ model, api, settings, params }: RuleContext): Promise<RuleFinding[]> {
  const findings: RuleFinding[] = [];
  for (const csr of await readCsrValues(model, settings, params)) {
    const { field, range, source } = csr.input;
    if (csr.node.value.trim() === '') {
      findings.push({ range, message: emptyMessage(api, field) });
      continue;
    }
    if (csr.unreadable !== undefined && source.kind === 'file') {
      const message = unreadableMessage(field, source.reference, source.uri, csr.unreadable);
      findings.push({ code: 'csr-file-unreadable', range, message });
      continue;
    }
    if (!params.csr?.validate) continue;
    try {
      for (const p of await params.csr.validate(csr.input)) {
        findings.push({ code: p.code, severity: p.severity, message: p.message, range: p.range ?? range });
      }
    } catch {
      // A participant's failure must not cost the order's other diagnostics.
    }
  }
  return findings;
}
