// A field given twice. JSON parsers keep one of the two silently; Comodo's argument names are
// case-insensitive, so `product` and `Product` are the same argument sent twice.
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { BoundProperty } from '../../model';
import { NO_FINDINGS, type OrderRule, type RuleFinding } from '../rule';
import { vendorName } from '../vendorText';

export const duplicateField: OrderRule = {
  code: 'duplicate-field',
  severity: DiagnosticSeverity.Error,
  check({ model, api }) {
    let findings: RuleFinding[] | undefined;
    for (const { bound, prefix } of model.objects) {
      // The same catalogue field (in any case where names are case-insensitive), or the same unknown key.
      const firsts = new Map<unknown, BoundProperty>();
      for (const b of bound) {
        const id = b.field ?? `key:${b.key}`;
        const first = firsts.get(id);
        if (!first) {
          firsts.set(id, b);
          continue;
        }
        const same =
          first.key === b.key
            ? `'${prefix}${b.key}' is given twice`
            : `'${prefix}${b.key}' repeats '${prefix}${first.key}'`;
        const why = api.caseInsensitiveNames
          ? `${vendorName(api)} argument names are case-insensitive, so the CA would receive two values.`
          : 'A JSON reader keeps only one of the two values.';
        (findings ??= []).push({
          range: model.rangeOf(b.property.keyNode),
          message: `${same}: ${why} Keep one.`,
        });
      }
    }
    return findings ?? NO_FINDINGS;
  },
};
