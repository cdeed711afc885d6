// A field given twice. JSON parsers keep one of the two silently; Comodo's argument names are
// case-insensitive, so `product` and `Product` are the same argument sent twice.
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { OrderRule, RuleFinding } from '../rule';
import { vendorName } from '../vendorText';
import { orderObjects } from './objects';

export const duplicateField: OrderRule = {
  code: 'duplicate-field',
  severity: DiagnosticSeverity.Error,
  check({ model, api }) {
    const findings: RuleFinding[] = [];
    for (const { bound, prefix } of orderObjects(model)) {
      const seen = new Map<string, string>();
      for (const b of bound) {
        const id = api.caseInsensitiveNames ? b.key.toLowerCase() : b.key;
        const first = seen.get(id);
        if (first === undefined) {
          seen.set(id, b.key);
          continue;
        }
        const same =
          first === b.key
            ? `'${prefix}${b.key}' is given twice`
            : `'${prefix}${b.key}' repeats '${prefix}${first}'`;
        const why = api.caseInsensitiveNames
          ? `${vendorName(api)} argument names are case-insensitive, so the CA would receive two values.`
          : 'A JSON reader keeps only one of the two values.';
        findings.push({ range: model.rangeOf(b.property.keyNode), message: `${same}: ${why} Keep one.` });
      }
    }
    return findings;
  },
};
