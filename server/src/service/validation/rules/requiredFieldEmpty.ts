// A required field written with an empty string: present for the schema, missing for the CA.
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { OrderRule } from '../rule';
import { vendorRule } from '../vendorText';
import { boundFields } from './objects';

export const requiredFieldEmpty: OrderRule = {
  code: 'required-field-empty',
  severity: DiagnosticSeverity.Warning,
  check({ model, api }) {
    return boundFields(model)
      .filter((b) => b.field.required === true && !b.field.csr && !b.field.credential)
      .flatMap((b) => {
        const node = b.property.valueNode;
        if (node?.type !== 'string' || node.value.trim() !== '') return [];
        return [
          {
            range: model.rangeOf(node),
            message: `'${b.prefix}${b.field.name}' is empty: write the ${b.field.description.toLowerCase()}. ${vendorRule(api, 'missingField', b.field)}`,
          },
        ];
      });
  },
};
