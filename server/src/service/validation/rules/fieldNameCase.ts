// Comodo's argument names are case-insensitive: `Product` works, the document spells it `product`.
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { renameKey } from '../../edits';
import { NO_FINDINGS, type OrderRule, type RuleFinding } from '../rule';
import { vendorName } from '../vendorText';

export const fieldNameCase: OrderRule = {
  code: 'field-name-case',
  severity: DiagnosticSeverity.Information,
  check({ model, api }) {
    if (!api.caseInsensitiveNames) return NO_FINDINGS;
    let findings: RuleFinding[] | undefined;
    for (const b of model.bound) {
      // A credential is to be removed (credential-in-file), not renamed.
      if (b.field.name === b.key || b.field.credential === 'secret') continue;
      (findings ??= []).push({
        range: model.rangeOf(b.property.keyNode),
        message: `'${b.key}' is accepted (${vendorName(api)} names are case-insensitive); the document spells it '${b.field.name}'.`,
        fixes: [
          {
            title: `Rename to '${b.field.name}'`,
            edits: [renameKey(model, b.property, b.field.name)],
            preferred: true,
          },
        ],
      });
    }
    return findings ?? NO_FINDINGS;
  },
};
