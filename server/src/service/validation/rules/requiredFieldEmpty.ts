// A required field written with an empty string: present for the schema, missing for the CA.
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { NO_FINDINGS, type OrderRule, type RuleFinding } from '../rule';
import { vendorRule } from '../vendorText';

export const requiredFieldEmpty: OrderRule = {
  code: 'required-field-empty',
  severity: DiagnosticSeverity.Warning,
  check({ model, api }) {
    let findings: RuleFinding[] | undefined;
    for (const b of model.bound) {
      const node = b.property.valueNode;
      if (node?.type !== 'string' || b.field.required !== true || b.field.csr || b.field.credential) continue;
      if (node.value.trim() !== '') continue;
      (findings ??= []).push({
        range: model.rangeOf(node),
        message: `'${b.prefix}${b.field.name}' is empty: write the ${b.field.description.toLowerCase()}. ${vendorRule(api, 'missingField', b.field)}`,
      });
    }
    return findings ?? NO_FINDINGS;
  },
};
