// The CSR field's own rule: a value is there and a `file:` reference can be read; the CSR
// participant's findings (decoding, key, subject) are reported under this rule with their own codes.
import { DiagnosticSeverity, type Range } from 'vscode-languageserver-types';
import { CSR_FILE_PREFIX, type ApiCatalogue, type FieldSpec } from '../../../../../common/src/catalogue';
import { readCsrValues, unreadableMessage } from '../../csrFields';
import { addProperties } from '../../edits';
import type { OrderModel } from '../../model';
import type { CsrProblem, CsrSource } from '../../types';
import { NO_FINDINGS, type OrderRule, type RuleContext, type RuleFinding } from '../rule';
import { vendorMessage } from '../vendorText';

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
  return vendorMessage(
    api,
    'missingField',
    field,
    `'${field.name}' is empty. Paste the CSR (PEM, with or without the BEGIN/END lines) or write "file:name.csr".`,
  );
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
      for (const p of await params.csr.validate(csr.input))
        findings.push(problemFinding(model, p, range, source));
    } catch {
      // A participant's failure must not cost the order's other diagnostics.
    }
  }
  return findings;
}

/**
 * A participant's problem as a finding. One about arguments the order lacks offers to add them (a
 * fix of its own, and a part of "add the missing required fields"); for a `file:` CSR it goes on
 * the object's `{`, as a missing field does, since the reference is not where anything is added.
 */
function problemFinding(model: OrderModel, p: CsrProblem, csrRange: Range, source: CsrSource): RuleFinding {
  const finding: RuleFinding = {
    code: p.code,
    severity: p.severity,
    message: p.message,
    range: p.range ?? csrRange,
  };
  const root = model.root;
  if (!p.adds?.length || !root) return finding;
  if (!p.range && source.kind === 'file') finding.range = model.range(root.offset, 1);
  const names = p.adds.map(([name]) => `"${name}"`).join(', ');
  finding.fixes = [{ title: `Add ${names}`, edits: [addProperties(model, root, p.adds)] }];
  finding.objectPath = [];
  finding.adds = p.adds;
  return finding;
}
