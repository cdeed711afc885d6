// A required field written with an empty string: present for the schema, missing for the CA, so
// an error with the missing-field status (Comodo -3), as if it were absent.
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { NO_FINDINGS, type OrderRule, type RuleFinding } from '../rule';
import { vendorMessage } from '../vendorText';
import { orList } from '../../text';
import type { FieldSpec } from '../../../../../common/src/catalogue';

/** `"Y" or "N"` for a field with a few listed values, else its description. */
function what(field: FieldSpec): string {
  const values = field.values ?? [];
  if (values.length > 0 && values.length <= 3) return orList(values.map((v) => JSON.stringify(v.value)));
  return `the ${field.description.toLowerCase()}`;
}

export const requiredFieldEmpty: OrderRule = {
  code: 'required-field-empty',
  severity: DiagnosticSeverity.Error,
  check({ model, api }) {
    let findings: RuleFinding[] | undefined;
    for (const b of model.bound) {
      const node = b.property.valueNode;
      if (node?.type !== 'string' || b.field.required !== true || b.field.csr || b.field.credential) continue;
      if (node.value.trim() !== '') continue;
      (findings ??= []).push({
        range: model.rangeOf(node),
        message: vendorMessage(
          api,
          'missingField',
          b.field,
          `'${b.prefix}${b.field.name}' is empty. Write ${what(b.field)}: an empty value is a missing one.`,
        ),
      });
    }
    return findings ?? NO_FINDINGS;
  },
};
