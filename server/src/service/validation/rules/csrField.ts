// The CSR field's own rule: a value is there and a `file:` reference can be read; the CSR
// participant's findings (decoding, key, subject) are reported under this rule with their own codes.
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { CSR_FILE_PREFIX, type ApiCatalogue, type FieldSpec } from '../../../../../common/src/catalogue';
import { readCsrValues, unreadableMessage } from '../../csrFields';
import { NO_FINDINGS, type OrderRule, type RuleContext, type RuleFinding } from '../rule';
import { statusAnswer } from '../vendorText';

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
